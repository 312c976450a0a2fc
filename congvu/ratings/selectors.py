"""Reads: satisfaction shares with the counts behind them, by official, counter, unit and month."""

import datetime as dt
from collections import Counter as Tally

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from congvu.accounts.scope import scope_roots
from congvu.core.indicators import Period
from congvu.people.selectors import current_staff_of
from congvu.ratings.models import (
    SATISFIED_LEVELS,
    Counter,
    Level,
    PaperAnswer,
    PaperForm,
    Rating,
    SipasElement,
)
from congvu.units.lineage import subtree_q


def in_period(queryset, period, field: str = "rated_at"):
    start, end = period.datetime_range()
    return queryset.filter(**{f"{field}__gte": start, f"{field}__lt": end})


def _share(satisfied, total):
    return round(100.0 * satisfied / total, 1) if total else None


def _row(very, satisfied, not_satisfied) -> dict:
    total = very + satisfied + not_satisfied
    return {
        "very_satisfied": very,
        "satisfied": satisfied,
        "not_satisfied": not_satisfied,
        "total": total,
        "satisfied_total": very + satisfied,
        "share": _share(very + satisfied, total),
    }


LEVEL_COUNTS = {
    "very": Count("pk", filter=Q(level=Level.VERY_SATISFIED)),
    "sat": Count("pk", filter=Q(level=Level.SATISFIED)),
    "low": Count("pk", filter=Q(level=Level.NOT_SATISFIED)),
}


def summary(queryset) -> dict:
    counts = queryset.aggregate(**LEVEL_COUNTS)
    return _row(counts["very"], counts["sat"], counts["low"])


def change(current: dict, previous: dict):
    """The change of the satisfaction share in percentage points (None without both shares)."""
    if current["share"] is None or previous["share"] is None:
        return None
    return round(current["share"] - previous["share"], 1)


def overview(ratings, period) -> tuple[dict, object]:
    """The head of a results page and the period's ratings: the figures of the period and of the one
    before, the change, the monthly trend over the last twelve months, the reasons for dissatisfaction."""
    current = in_period(ratings, period)
    now = summary(current)
    previous = summary(in_period(ratings, period.previous()))
    trend = Period(dt.date(period.end.year - 1, period.end.month, 1), period.end)
    figures = {
        "period": period,
        "previous_period": period.previous(),
        "summary": now,
        "previous": previous,
        "change": change(now, previous),
        "by_month": by_month(in_period(ratings, trend)),
        "low_reasons": low_reasons(current),
    }
    return figures, current


def grouped(queryset, *fields) -> list[dict]:
    rows = queryset.order_by().values(*fields).annotate(**LEVEL_COUNTS)
    result = []
    for row in rows:
        item = {field: row[field] for field in fields}
        item.update(_row(row["very"], row["sat"], row["low"]))
        result.append(item)
    return result


def by_staff(queryset) -> list[dict]:
    rows = grouped(
        queryset.filter(staff__isnull=False),
        "staff_id",
        "staff__full_name",
        "staff__badge_number",
        "staff__position__name",
    )
    return sorted(rows, key=lambda row: (row["share"] if row["share"] is not None else 101, -row["total"]))


def by_counter(queryset) -> list[dict]:
    rows = grouped(
        queryset.filter(counter__isnull=False), "counter_id", "counter__name", "counter__unit__name"
    )
    return sorted(rows, key=lambda row: (row["counter__unit__name"], row["counter__name"]))


def by_unit(queryset) -> list[dict]:
    return sorted(grouped(queryset, "unit_id", "unit__name", "unit__path"), key=lambda row: row["unit__path"])


def by_channel(queryset) -> list[dict]:
    return grouped(queryset, "channel")


def by_month(queryset) -> list[dict]:
    rows = grouped(queryset.annotate(month=TruncMonth("rated_at")), "month")
    return sorted(rows, key=lambda row: row["month"])


def low_reasons(queryset) -> list[tuple[str, int]]:
    from congvu.ratings.models import REASONS

    tally = Tally()
    for reasons in queryset.filter(level=Level.NOT_SATISFIED).values_list("reasons", flat=True):
        tally.update(reasons or [])
    return [(str(REASONS.get(code, code)), n) for code, n in tally.most_common()]


def comments(queryset, *, include_hidden: bool = True):
    queryset = queryset.exclude(comment="").select_related("staff", "unit", "counter")
    if not include_hidden:
        queryset = queryset.filter(comment_hidden=False)
    return queryset.order_by("-rated_at")


def sipas_indices(answers) -> list[dict]:
    """Per SIPAS element: share of satisfied answers (rất hài lòng + hài lòng) among all answers."""
    rows = {
        row["question__element"]: row
        for row in answers.order_by()
        .values("question__element")
        .annotate(total=Count("pk"), satisfied=Count("pk", filter=Q(choice__level__in=SATISFIED_LEVELS)))
    }
    result = []
    for element in SipasElement:
        row = rows.get(element.value)
        total = row["total"] if row else 0
        satisfied = row["satisfied"] if row else 0
        result.append(
            {
                "element": element.value,
                "label": element.label,
                "total": total,
                "satisfied": satisfied,
                "share": _share(satisfied, total),
            }
        )
    return result


def paper_answers_in(unit_q, period):
    return PaperAnswer.objects.filter(
        unit_q, response__batch__collected_on__gte=period.start, response__batch__collected_on__lte=period.end
    )


def ratings():
    return Rating.objects.all()


# ---------------------------------------------------------------- counters, staff and forms of a unit


def active_counters_of(unit):
    """The active counters of `unit` and the units below it."""
    return Counter.objects.filter(subtree_q(unit), is_active=True)


def counter_staff(counter):
    """Who may sit at a counter: the active staff of the unit the one-stop section belongs to."""
    unit = counter.unit.parent if counter.unit.parent_id else counter.unit
    return current_staff_of(unit).select_related("position")


def badge_holders_of(unit):
    """The active officials with a badge in `unit` and below it, for the QR cards."""
    return current_staff_of(unit).filter(badge_number__isnull=False)


def paper_forms_for(user, roles):
    """Active paper forms that apply to some unit in the user's scope (issued above or within it)."""
    active = PaperForm.objects.filter(is_active=True).select_related("unit")
    roots = scope_roots(user, roles)
    if roots is None:
        return active
    ids = [
        form.pk
        for form in active
        if form.unit_id is None
        or any(root.path.startswith(form.unit.path) or form.unit.path.startswith(root.path) for root in roots)
    ]
    return active.filter(pk__in=ids)
