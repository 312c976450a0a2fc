"""The feedback figures are computed in a fixed number of queries, however many cases there are, and give
the same values as the definitions applied case by case."""

import datetime as dt
import statistics

import pytest
from django.utils import timezone

from congvu.core.indicators import Period
from congvu.core.workdays import WorkingDayCounter, working_days_between, working_days_elapsed
from congvu.feedback.models import OPEN_STATUSES, AnswerRating, Case, Decision, Status
from congvu.reports.engine import evaluate
from tests.feedback.factories import aware, make_case

pytestmark = pytest.mark.django_db


def _cases(ward):
    """Cases received in March 2025 and answered after 1 to 30 days, one answered 00:30 local time on the
    day after its deadline (still the deadline day in UTC), some open and overdue, some rated."""
    received = aware(2025, 3, 3)
    cases = [make_case(ward, received_at=received + dt.timedelta(days=i % 5)) for i in range(14)]
    for index, case in enumerate(cases):
        answer_due = timezone.localdate(case.received_at) + dt.timedelta(days=21)
        fields = {"decision": Decision.HANDLE, "answer_due": answer_due}
        if index < 10:
            fields |= {
                "status": Status.ANSWERED,
                "answered_at": case.received_at + dt.timedelta(days=3 * index + 1),
            }
        elif index == 10:
            due_midnight = dt.datetime.combine(
                answer_due, dt.time(0, 30), tzinfo=timezone.get_current_timezone()
            )
            fields |= {"status": Status.ANSWERED, "answered_at": due_midnight + dt.timedelta(days=1)}
        else:
            fields |= {"status": Status.IN_PROGRESS}
        if "answered_at" in fields:  # stored when the answer is sent, as services.send_answer does
            fields["answered_late"] = timezone.localdate(fields["answered_at"]) > answer_due
        Case.objects.filter(pk=case.pk).update(**fields)
    for case in cases[:4]:
        AnswerRating.objects.create(case=case, satisfied=case.pk % 2 == 0)
    return Case.objects.filter(pk__in=[c.pk for c in cases])


def _reference(cases):
    """The definitions applied one case at a time."""
    today = timezone.localdate()
    rows = [(c.answered_at, c.answer_due, getattr(c, "rating", None), c.status) for c in cases]
    ok = sum(1 for at, due, _r, _s in rows if at and due and timezone.localdate(at) <= due)
    bad = 0
    for at, due, rating, status in rows:
        late = due is not None and (
            (at and timezone.localdate(at) > due) or (not at and status in OPEN_STATUSES and today > due)
        )
        if (rating is not None and rating.satisfied is False) or late:
            bad += 1
    days = [
        working_days_elapsed(timezone.localdate(c.received_at), timezone.localdate(c.answered_at))
        for c in cases
        if c.answered_at
    ]
    return (
        round(100.0 * ok / len(rows), 2),
        round(100.0 * (len(rows) - bad) / len(rows), 2),
        statistics.median(days),
    )


def test_figures_match_the_case_by_case_definitions_in_few_queries(ward, django_assert_max_num_queries):
    cases = list(_cases(ward).select_related("rating"))
    on_time, satisfaction, median = _reference(cases)
    year = Period.year(2025)
    with django_assert_max_num_queries(12):  # three figures, this year and the previous one
        results = {
            code: evaluate(code, ward, year)
            for code in ("feedback.on_time", "feedback.satisfaction", "feedback.median_days_to_answer")
        }
    assert results["feedback.on_time"]["value"] == on_time
    assert results["feedback.satisfaction"]["value"] == satisfaction
    assert results["feedback.median_days_to_answer"]["value"] == median
    assert results["feedback.median_days_to_answer"]["breakdown"] == {"cases": 11}


def test_median_days_reads_the_calendar_once(ward, django_assert_max_num_queries):
    _cases(ward)
    with django_assert_max_num_queries(3):  # the scope's lineage, the grouped cases, the calendar
        evaluate("feedback.median_days_to_answer", ward, Period.year(2025), with_previous=False)


def test_working_day_counter_agrees_with_the_calendar():
    first, last = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    counter = WorkingDayCounter(first, last)
    for a, b in [
        (dt.date(2025, 1, 20), dt.date(2025, 2, 10)),
        (dt.date(2025, 4, 25), dt.date(2025, 5, 5)),
        (dt.date(2025, 9, 1), dt.date(2025, 9, 1)),
        (dt.date(2025, 9, 2), dt.date(2025, 9, 1)),
    ]:
        assert counter.between(a, b) == working_days_between(a, b)
        assert counter.elapsed(a, b) == working_days_elapsed(a, b)
