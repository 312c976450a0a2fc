"""Small, named functions that apply a RuleSet. Each decree's numbers live in its RuleSet row."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from congvu.appraisals import absence
from congvu.appraisals.models import Level, RuleSet

DISCIPLINE_FORMS = ("khien_trach", "canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc", "buoc_thoi_viec")


def rule_set_for(year: int, category: str) -> RuleSet | None:
    """The rule set in force for a year and a staff category (the newest matching version)."""
    candidates = RuleSet.objects.filter(Q(year_from__isnull=True) | Q(year_from__lte=year)).filter(
        Q(year_to__isnull=True) | Q(year_to__gte=year)
    )
    for rule_set in candidates.order_by("-year_from"):
        if not rule_set.categories or category in rule_set.categories:
            return rule_set
    return None


def deadline_for(rule_set: RuleSet, year: int) -> dt.date:
    """15 December of the year, or (for bodies on a January deadline) 15 January of the next."""
    deadline_year = year + 1 if rule_set.deadline_month < 6 else year
    return dt.date(deadline_year, rule_set.deadline_month, rule_set.deadline_day)


def months_worked(
    employed_from: dt.date | None, employed_to: dt.date | None, year: int, leave_periods=()
) -> int:
    """Whole months worked in the year, counted exactly in days (see congvu.appraisals.absence): a person
    who started on 1 July worked 6 months of the year, one who started on 2 July worked 5."""
    return absence.year_account(employed_from, employed_to, leave_periods, year).months_worked


def not_rated_reason(rule_set: RuleSet, months: int) -> str:
    """The reason for a count of whole months alone (no leave); with leave use absence.not_rated_reason."""
    if months < rule_set.min_months_worked:
        return _("Công tác %(months)s tháng trong năm, dưới %(minimum)s tháng: không xếp loại") % {
            "months": months,
            "minimum": rule_set.min_months_worked,
        }
    return ""


def period_score(rule_set: RuleSet, tasks: int, with_errors: int, late: int) -> Decimal:
    """Share (0–100) of a period's tasks done well: each task with errors or late loses the deduction."""
    if tasks <= 0:
        return Decimal(0)
    deduction = Decimal(rule_set.task_deduction_percent) / 100
    credit = Decimal(tasks) - deduction * min(with_errors, tasks) - deduction * min(late, tasks)
    return max(Decimal(0), credit) * 100 / Decimal(tasks)


def task_result_points(rule_set: RuleSet, periods: list[tuple[int, int, int]]) -> Decimal | None:
    """The task-results part of the 100 points: the periods' average share of the task points."""
    if not periods:
        return None
    average = sum(period_score(rule_set, *period) for period in periods) / len(periods)
    points = average * rule_set.task_points / 100
    return points.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def level_for_score(rule_set: RuleSet, total) -> str:
    """The level the bands give a total score (≥90 excellent, 70–<90 good, 50–<70 completed)."""
    if total is None:
        return ""
    bands = rule_set.bands
    for level in (Level.EXCELLENT, Level.GOOD, Level.COMPLETED):
        if level in bands and Decimal(str(total)) >= Decimal(str(bands[level])):
            return level
    return Level.NOT_COMPLETED
