"""The rule sets as data and the small functions that apply them."""

import datetime as dt
from decimal import Decimal

import pytest

from congvu.appraisals import rules
from congvu.appraisals.models import Level, RuleSet

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("year", "category", "code"),
    [
        (2018, "cong_chuc", "ND56-2015"),
        (2019, "vien_chuc", "ND56-2015"),
        (2020, "can_bo", "ND90-2020"),
        (2025, "vien_chuc", "ND90-2020"),
        (2026, "cong_chuc", "ND335-2025"),
        (2026, "can_bo", "ND335-2025"),
        (2026, "vien_chuc", "ND233-2026"),
    ],
)
def test_each_year_and_category_has_its_rule_set(year, category, code):
    assert rules.rule_set_for(year, category).code == code


def test_the_points_frame_of_decree_335():
    rule_set = RuleSet.objects.get(code="ND335-2025")
    assert (rule_set.general_points, rule_set.task_points, rule_set.task_deduction_percent) == (30, 70, 25)
    assert rules.level_for_score(rule_set, Decimal("90")) == Level.EXCELLENT
    assert rules.level_for_score(rule_set, Decimal("89.99")) == Level.GOOD
    assert rules.level_for_score(rule_set, Decimal("70")) == Level.GOOD
    assert rules.level_for_score(rule_set, Decimal("69.5")) == Level.COMPLETED
    assert rules.level_for_score(rule_set, Decimal("50")) == Level.COMPLETED
    assert rules.level_for_score(rule_set, Decimal("49.99")) == Level.NOT_COMPLETED


def test_each_task_with_errors_or_delays_loses_a_quarter():
    rule_set = RuleSet.objects.get(code="ND335-2025")
    assert rules.period_score(rule_set, 4, 0, 0) == 100
    assert rules.period_score(rule_set, 4, 1, 0) == Decimal("93.75")  # one of four tasks loses 25%
    assert rules.period_score(rule_set, 4, 1, 1) == Decimal("87.5")
    # Two months: 100% and 75% → 87.5% of 70 points.
    assert rules.task_result_points(rule_set, [(2, 0, 0), (2, 1, 1)]) == Decimal("61.25")
    assert rules.task_result_points(rule_set, []) is None


def test_months_worked_and_the_six_month_minimum():
    assert rules.months_worked(dt.date(2010, 1, 1), None, 2026) == 12
    assert rules.months_worked(dt.date(2026, 7, 1), None, 2026) == 6
    assert rules.months_worked(dt.date(2026, 7, 20), None, 2026) == 5
    assert rules.months_worked(dt.date(2027, 1, 1), None, 2026) == 0
    rule_set = RuleSet.objects.get(code="ND90-2020")
    assert rules.not_rated_reason(rule_set, 6) == ""
    assert "dưới 6 tháng" in rules.not_rated_reason(rule_set, 5)


def test_seeded_rule_sets_after_the_level_rules_migration():
    """0006: 90/2020 forces the level on a finding of ethical degradation; no rule set lets a written
    justification lift the ceiling; each names the base of its ceiling."""
    decree_90 = RuleSet.objects.get(code="ND90-2020")
    assert decree_90.ethics_forces_not_completed
    assert decree_90.outstanding_unit_quota_percent == decree_90.excellent_quota_percent == 20
    assert RuleSet.objects.get(code="ND56-2015").forcing_discipline_forms
    for rule_set in RuleSet.objects.all():
        assert rule_set.quota_base == "good_or_better" and rule_set.quota_basis
        assert not hasattr(rule_set, "quota_exception_allowed")


def test_deadline_is_15_december_or_15_january_of_the_next_year():
    rule_set = RuleSet.objects.get(code="ND335-2025")
    assert rules.deadline_for(rule_set, 2026) == dt.date(2026, 12, 15)
    rule_set.deadline_month, rule_set.deadline_day = 1, 15
    assert rules.deadline_for(rule_set, 2026) == dt.date(2027, 1, 15)
