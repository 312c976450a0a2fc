"""Inspection indicators: any period and any scope, through the report engine."""

import datetime as dt

import pytest

from congvu.core.indicators import Period
from congvu.inspections import services
from congvu.inspections.models import Finding, RemedialTask
from congvu.reports.engine import evaluate
from tests.factories import StaffFactory
from tests.inspections.factories import closed_visit, make_visit

pytestmark = pytest.mark.django_db


def value(code, unit, period):
    return evaluate(code, unit, period, with_previous=False)


def test_rounds_visits_units_and_findings(inspector, city, ward, other_ward):
    person = StaffFactory(unit=ward)
    closed_visit(
        city,
        ward,
        head=inspector,
        fail_codes=("ruou-bia", "bai-tri"),
        officials=[person],
        day=dt.date(2024, 5, 14),
    )
    closed_visit(city, ward, head=inspector, fail_codes=(), day=dt.date(2024, 9, 10))
    closed_visit(city, other_ward, head=inspector, fail_codes=("bai-tri",), day=dt.date(2024, 9, 11))
    make_visit(city, other_ward, head=inspector, day=dt.date(2024, 10, 1))  # only scheduled: not counted
    year = Period.year(2024)
    assert value("inspection.rounds", city, year)["value"] == 4
    assert value("inspection.visits", city, year)["value"] == 3
    assert value("inspection.visits", ward, year)["value"] == 2
    assert value("inspection.units_visited", city, year)["value"] == 2
    assert value("inspection.visits", city, Period(dt.date(2024, 1, 1), dt.date(2024, 6, 30)))["value"] == 1
    findings = value("inspection.findings", city, year)
    assert findings["value"] == 3
    assert findings["breakdown"]["by_item"] == {"bai-tri": 2, "ruou-bia": 1}
    assert findings["breakdown"]["by_severity"] == {"minor": 2, "serious": 1}
    assert value("inspection.findings", ward, year)["value"] == 2
    # A ward's figures are not the organiser's: the ward organised no round.
    assert value("inspection.rounds", ward, year)["value"] == 0


def test_scope_follows_the_2025_reform(inspector, city, ward, new_ward):
    closed_visit(city, ward, head=inspector, day=dt.date(2024, 5, 14))
    assert value("inspection.visits", new_ward, Period.year(2024))["value"] == 1


def test_reminders_per_official(inspector, city, ward):
    a, b = StaffFactory(unit=ward), StaffFactory(unit=ward)
    for day, people in ((dt.date(2024, 5, 14), [a, b]), (dt.date(2024, 9, 10), [a])):
        closed_visit(city, ward, head=inspector, fail_codes=("the-cong-chuc",), officials=people, day=day)
    for finding in Finding.objects.all():
        services.decide_finding(
            finding=finding, action="reminder", content="Nhắc nhở đeo thẻ", today=finding.date
        )
    result = value("inspection.reminders", city, Period.year(2024))
    assert result["value"] == 3
    assert (
        result["breakdown"]["officials"] == 2 and result["breakdown"]["officials_reminded_twice_or_more"] == 1
    )


def test_remediation_on_time(inspector, city, ward):
    for day in (dt.date(2024, 5, 14), dt.date(2024, 5, 15), dt.date(2024, 5, 16)):
        closed_visit(city, ward, head=inspector, fail_codes=("bai-tri",), day=day)
    tasks = []
    for finding in Finding.objects.order_by("date"):
        services.decide_finding(
            finding=finding, action="remedial", content="Làm biển tên", working_days=5, today=finding.date
        )
        tasks.append(finding.tasks.get())
    on_time, late, _open = tasks
    for task, reported in ((on_time, on_time.deadline), (late, late.deadline + dt.timedelta(days=3))):
        task.evidence.create(name="x.pdf", file="x.pdf")
        services.report_task(task=task, report="Xong", today=reported)
        services.review_task(task=task, accept=True, today=reported)
    result = value("inspection.remediation_on_time", city, Period.year(2024))
    assert (result["numerator"], result["denominator"]) == (1, 3)
    assert result["breakdown"] == {"late": 1, "not_accepted_yet": 1}
    assert RemedialTask.objects.filter(status="accepted").count() == 2
