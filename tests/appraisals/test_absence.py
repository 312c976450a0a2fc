"""Months worked counted exactly, and the absence rules of the annual evaluation (Decree 90/2020,
Art. 2.3): under 6 months not rated, maternity rated on the time actually worked, a lawful absence of
3 to under 6 months capped at "Hoàn thành nhiệm vụ"."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from congvu.appraisals import absence, rules, services
from congvu.appraisals.absence import (
    RULE_ABSENCE_3_TO_6,
    RULE_MATERNITY,
    RULE_UNDER_6_MONTHS,
    days_of_months_ending,
    year_account,
)
from congvu.appraisals.models import Evaluation, Level, RuleSet
from congvu.people import services as people_services
from congvu.people.models import LeaveKind, LeavePeriod, Transfer
from tests.factories import PositionFactory, StaffFactory

D = dt.date
SICK, MATERNITY, OTHER, UNLAWFUL = (
    LeaveKind.SICK,
    LeaveKind.MATERNITY,
    LeaveKind.OTHER_LAWFUL,
    LeaveKind.UNLAWFUL,
)


def leave(kind, start, end):
    return SimpleNamespace(kind=kind, start=start, end=end)


def six_months_rule_set():
    return SimpleNamespace(min_months_worked=6)


def reason(start=None, end=None, periods=(), year=2025):
    return absence.not_rated_reason(six_months_rule_set(), year_account(start, end, periods, year))


# Counting ---------------------------------------------------------------------------------------------


def test_six_calendar_months_are_counted_back_from_the_last_day_of_service():
    assert days_of_months_ending(D(2025, 12, 31), 6) == 184  # 1 July – 31 December
    assert days_of_months_ending(D(2025, 6, 30), 6) == 181  # 1 January – 30 June
    assert days_of_months_ending(D(2024, 6, 30), 6) == 182  # a leap year
    assert days_of_months_ending(D(2025, 5, 31), 3) == 92  # 1 March – 31 May


def test_months_worked_are_whole_months_counted_exactly():
    assert rules.months_worked(D(2010, 1, 1), None, 2025) == 12
    assert rules.months_worked(D(2025, 7, 1), None, 2025) == 6
    assert rules.months_worked(D(2025, 7, 2), None, 2025) == 5
    # The old count gave 6 months to anyone who started by the 15th.
    assert rules.months_worked(D(2025, 7, 15), None, 2025) == 5
    assert rules.months_worked(D(2026, 1, 1), None, 2025) == 0
    assert rules.months_worked(None, D(2024, 12, 31), 2025) == 0
    assert rules.months_worked(D(2025, 1, 1), D(2025, 6, 30), 2025) == 6
    assert rules.months_worked(D(2025, 1, 1), D(2025, 6, 29), 2025) == 5


def test_leave_is_time_not_worked_and_is_clipped_to_the_year_and_the_employment():
    account = year_account(D(2025, 3, 1), None, [leave(SICK, D(2024, 10, 1), D(2025, 3, 31))], 2025)
    assert account.service_days == 306 and account.lawful_absence_days == 31
    assert account.worked_days == 275
    account = year_account(None, None, [leave(UNLAWFUL, D(2025, 1, 1), D(2025, 1, 10))], 2025)
    assert account.worked_days == 355 and account.lawful_absence_days == 0


# DG-DUOI6THANG-KHONGXEPLOAI ---------------------------------------------------------------------------------


def test_dg_duoi6thang_khongxeploai_started_1_july_worked_exactly_six_months():
    assert reason(D(2025, 7, 1)) == ""


def test_dg_duoi6thang_khongxeploai_started_2_july_is_not_rated():
    text = reason(D(2025, 7, 2))
    assert "dưới 6 tháng" in text and "183 ngày" in text
    assert RULE_UNDER_6_MONTHS.code in text and "Nghị định 90/2020/NĐ-CP" in text


def test_dg_duoi6thang_khongxeploai_left_on_30_june_after_a_full_half_year_is_rated():
    assert reason(D(2000, 1, 1), D(2025, 6, 30)) == ""
    assert RULE_UNDER_6_MONTHS.code in reason(D(2000, 1, 1), D(2025, 6, 29))


def test_dg_duoi6thang_khongxeploai_sick_leave_of_six_months_and_a_day_leaves_under_six_worked():
    assert reason(periods=[leave(SICK, D(2025, 1, 1), D(2025, 6, 30))]) == ""
    assert RULE_UNDER_6_MONTHS.code in reason(periods=[leave(SICK, D(2025, 1, 1), D(2025, 7, 1))])


def test_dg_duoi6thang_khongxeploai_applies_to_the_years_of_decree_90():
    assert RULE_UNDER_6_MONTHS.applies_in_year(2020) and RULE_UNDER_6_MONTHS.applies_in_year(2025)
    assert not RULE_UNDER_6_MONTHS.applies_in_year(2019)
    assert not RULE_UNDER_6_MONTHS.applies_in_year(2026)
    # Other years: the rule set's minimum, counted the same way, without citing the 90/2020 rule.
    text = reason(D(2026, 7, 2), year=2026)
    assert "dưới 6 tháng" in text and RULE_UNDER_6_MONTHS.code not in text


# DG-THAISAN-THOIGIANTHUCTE ---------------------------------------------------------------------------------


def test_dg_thaisan_thoigianthucte_maternity_leave_does_not_make_a_person_not_rated():
    periods = [leave(MATERNITY, D(2025, 1, 1), D(2025, 8, 31))]
    assert year_account(None, None, periods, 2025).months_worked == 4
    assert reason(periods=periods) == ""
    # The same months away on sick leave: not rated.
    assert RULE_UNDER_6_MONTHS.code in reason(periods=[leave(SICK, D(2025, 1, 1), D(2025, 8, 31))])


def test_dg_thaisan_thoigianthucte_six_months_maternity_and_two_months_sick_is_rated_without_cap():
    periods = [leave(MATERNITY, D(2025, 1, 1), D(2025, 6, 30)), leave(SICK, D(2025, 7, 1), D(2025, 8, 31))]
    account = year_account(None, None, periods, 2025)
    assert account.months_worked == 4 and absence.months_counted(account) >= 6
    assert reason(periods=periods) == ""
    assert account.lawful_absence_months == 2


def test_dg_thaisan_thoigianthucte_a_whole_year_of_maternity_leave_leaves_nothing_to_rate():
    text = reason(periods=[leave(MATERNITY, D(2025, 1, 1), D(2025, 12, 31))])
    assert RULE_MATERNITY.code in text


def test_dg_thaisan_thoigianthucte_counts_only_in_its_years():
    periods = [leave(MATERNITY, D(2026, 1, 1), D(2026, 8, 31))]
    assert not RULE_MATERNITY.applies_in_year(2026)
    assert "dưới 6 tháng" in reason(periods=periods, year=2026)


# DG-VANG-3DEN6THANG (decided through the evaluation) ----------------------------------------------------------


pytestmark_db = pytest.mark.django_db
LONG_AGO = D(2015, 1, 1)


def _person(ward, name, employed_from=LONG_AGO, **extra):
    return StaffFactory(
        unit=ward,
        full_name=name,
        employed_from=employed_from,
        position=PositionFactory(name="Chuyên viên"),
        **extra,
    )


def _add_leave(person, actor, kind, start, end):
    return people_services.add_leave(
        staff=person, by=actor, kind=kind, start=start, end=end, document="12/QĐ"
    )


def _open_2025(ward, actor):
    cycle = services.open_cycle(year=2025, scope_unit=ward, by=actor)
    return cycle.unit_cycles.get(unit=ward)


def _to_proposed(evaluation, actor, level=Level.GOOD):
    services.submit_self_assessment(evaluation=evaluation, by=actor, text="Hoàn thành tốt.", self_level=level)
    unit_cycle = evaluation.unit_cycle
    if not unit_cycle.meeting_date:
        services.record_meeting(
            unit_cycle=unit_cycle,
            by=actor,
            meeting_date=D(2025, 11, 20),
            chair="Chủ tịch",
            attendees=10,
            minutes="Biên bản họp.",
        )
    services.record_meeting_result(
        evaluation=Evaluation.objects.get(pk=evaluation.pk), by=actor, comment="Nhất trí.", votes={level: 9}
    )
    return services.propose(evaluation=Evaluation.objects.get(pk=evaluation.pk), by=actor, level=level)


def _to_proposed_capped(evaluation, actor):
    """A capped person: "good" is refused at the proposal with the rule, "completed" is proposed."""
    with pytest.raises(ValidationError) as refused:
        _to_proposed(evaluation, actor)
    assert RULE_ABSENCE_3_TO_6.code in str(refused.value)
    return services.propose(
        evaluation=Evaluation.objects.get(pk=evaluation.pk), by=actor, level=Level.COMPLETED
    )


def _decide(evaluation, actor, level=Level.GOOD):
    return services.decide(evaluation=evaluation, by=actor, level=level, decision_number="25/QĐ-UBND")


def _evaluation_of(unit_cycle, person):
    return unit_cycle.evaluations.select_related("rule_set", "staff").get(staff=person)


@pytestmark_db
def test_dg_vang_3den6thang_absence_of_exactly_three_months_caps_the_decision(ward, programme_office):
    capped = _person(ward, "Nghỉ Ốm Ba Tháng")
    _add_leave(capped, programme_office, SICK, D(2025, 3, 1), D(2025, 5, 31))
    almost = _person(ward, "Nghỉ Ốm Thiếu Một Ngày")
    _add_leave(almost, programme_office, SICK, D(2025, 3, 1), D(2025, 5, 30))
    unit_cycle = _open_2025(ward, programme_office)
    decided = _decide(
        _to_proposed_capped(_evaluation_of(unit_cycle, capped), programme_office), programme_office
    )
    assert decided.level == Level.COMPLETED
    assert RULE_ABSENCE_3_TO_6.code in decided.forced_reason and "92 ngày" in decided.forced_reason
    assert decided.events.get(action="decided").note == decided.forced_reason
    other = _decide(_to_proposed(_evaluation_of(unit_cycle, almost), programme_office), programme_office)
    assert other.level == Level.GOOD and other.forced_reason == ""


@pytestmark_db
def test_dg_vang_3den6thang_absence_limit_has_the_shape_of_a_level_limit(ward, programme_office):
    away = _person(ward, "Nghỉ Khác")
    _add_leave(away, programme_office, OTHER, D(2025, 1, 1), D(2025, 6, 29))  # 6 months minus a day
    present = _person(ward, "Đi Làm Đủ")
    unit_cycle = _open_2025(ward, programme_office)
    level, text, rule = absence.absence_limit(_evaluation_of(unit_cycle, away))
    assert level == Level.COMPLETED and rule is RULE_ABSENCE_3_TO_6 and "ngày" in text
    assert absence.absence_limit(_evaluation_of(unit_cycle, present)) is None
    assert _evaluation_of(unit_cycle, away).status == Evaluation.Status.PENDING


@pytestmark_db
def test_dg_vang_3den6thang_absence_of_six_months_that_leaves_six_worked_is_still_capped(
    ward, programme_office
):
    away = _person(ward, "Nghỉ Sáu Tháng")
    _add_leave(away, programme_office, SICK, D(2025, 1, 1), D(2025, 6, 30))
    unit_cycle = _open_2025(ward, programme_office)
    evaluation = _evaluation_of(unit_cycle, away)
    assert evaluation.status == Evaluation.Status.PENDING and evaluation.months_worked == 6
    assert _decide(_to_proposed_capped(evaluation, programme_office), programme_office).level == Level.COMPLETED


@pytestmark_db
def test_dg_vang_3den6thang_leave_recorded_after_the_cycle_opened_still_caps(ward, programme_office):
    person = _person(ward, "Nghỉ Sau Khi Mở Đợt")
    unit_cycle = _open_2025(ward, programme_office)
    proposed = _to_proposed(_evaluation_of(unit_cycle, person), programme_office)
    _add_leave(person, programme_office, SICK, D(2025, 8, 1), D(2025, 11, 15))
    assert _decide(proposed, programme_office).level == Level.COMPLETED


@pytestmark_db
def test_dg_vang_3den6thang_a_worse_level_is_kept_and_maternity_does_not_cap(ward, programme_office):
    sick = _person(ward, "Nghỉ Ốm Bốn Tháng")
    _add_leave(sick, programme_office, SICK, D(2025, 2, 1), D(2025, 5, 31))
    mother = _person(ward, "Nghỉ Thai Sản")
    _add_leave(mother, programme_office, MATERNITY, D(2025, 1, 1), D(2025, 6, 30))
    _add_leave(mother, programme_office, SICK, D(2025, 7, 1), D(2025, 8, 31))
    unit_cycle = _open_2025(ward, programme_office)
    kept = _decide(
        _to_proposed(_evaluation_of(unit_cycle, sick), programme_office, level=Level.NOT_COMPLETED),
        programme_office,
        level=Level.NOT_COMPLETED,
    )
    assert kept.level == Level.NOT_COMPLETED and kept.forced_reason == ""
    evaluation = _evaluation_of(unit_cycle, mother)
    assert evaluation.status == Evaluation.Status.PENDING and evaluation.months_worked == 4
    assert _decide(_to_proposed(evaluation, programme_office), programme_office).level == Level.GOOD


@pytestmark_db
def test_dg_vang_3den6thang_leave_spanning_two_years_counts_in_each(ward, programme_office):
    person = _person(ward, "Nghỉ Qua Năm")
    _add_leave(person, programme_office, SICK, D(2024, 10, 1), D(2025, 1, 31))
    account_2024 = year_account(person.employed_from, None, LeavePeriod.objects.filter(staff=person), 2024)
    account_2025 = year_account(person.employed_from, None, LeavePeriod.objects.filter(staff=person), 2025)
    assert account_2024.lawful_absence_days == 92 and account_2024.lawful_absence_months == 3
    assert account_2025.lawful_absence_days == 31 and account_2025.lawful_absence_months == 1
    unit_cycle = _open_2025(ward, programme_office)
    assert absence.absence_limit(_evaluation_of(unit_cycle, person)) is None


# Opening the cycle and deciding: DG-DUOI6THANG-KHONGXEPLOAI end to end -----------------------------------------


@pytestmark_db
def test_dg_duoi6thang_khongxeploai_open_cycle_counts_exactly_with_leave_and_transfers(
    ward, other_ward, programme_office
):
    july_first = _person(ward, "Vào Làm 1 Tháng 7", employed_from=D(2025, 7, 1))
    july_second = _person(ward, "Vào Làm 2 Tháng 7", employed_from=D(2025, 7, 2))
    mother = _person(ward, "Thai Sản Tám Tháng")
    _add_leave(mother, programme_office, MATERNITY, D(2025, 1, 1), D(2025, 8, 31))
    sick = _person(ward, "Ốm Bảy Tháng")
    _add_leave(sick, programme_office, SICK, D(2025, 1, 1), D(2025, 7, 31))
    moved = _person(ward, "Chuyển Đến")
    Transfer.objects.create(staff=moved, from_unit=other_ward, to_unit=ward, effective_date=D(2025, 4, 1))
    unit_cycle = _open_2025(ward, programme_office)
    evaluations = {e.staff_id: e for e in unit_cycle.evaluations.all()}
    assert evaluations[july_first.pk].status == Evaluation.Status.PENDING
    assert evaluations[july_first.pk].months_worked == 6
    assert evaluations[july_second.pk].status == Evaluation.Status.NOT_RATED
    assert evaluations[july_second.pk].months_worked == 5
    assert RULE_UNDER_6_MONTHS.code in evaluations[july_second.pk].not_rated_reason
    assert evaluations[mother.pk].status == Evaluation.Status.PENDING
    assert evaluations[mother.pk].months_worked == 4
    assert evaluations[sick.pk].status == Evaluation.Status.NOT_RATED
    assert evaluations[moved.pk].months_worked == 12 and evaluations[moved.pk].previous_unit == other_ward


@pytestmark_db
def test_dg_duoi6thang_khongxeploai_leave_recorded_after_opening_refuses_the_decision(ward, programme_office):
    person = _person(ward, "Nghỉ Dài Sau Khi Mở Đợt")
    unit_cycle = _open_2025(ward, programme_office)
    proposed = _to_proposed(_evaluation_of(unit_cycle, person), programme_office)
    _add_leave(person, programme_office, SICK, D(2025, 5, 1), D(2025, 12, 31))
    with pytest.raises(ValidationError) as refused:
        _decide(proposed, programme_office)
    assert RULE_UNDER_6_MONTHS.code in str(refused.value)
    assert Evaluation.objects.get(pk=proposed.pk).status == Evaluation.Status.PROPOSED


@pytestmark_db
def test_dg_thaisan_thoigianthucte_a_whole_year_of_maternity_recorded_late_refuses_the_decision(
    ward, programme_office
):
    person = _person(ward, "Thai Sản Cả Năm", sex="nu")
    unit_cycle = _open_2025(ward, programme_office)
    proposed = _to_proposed(_evaluation_of(unit_cycle, person), programme_office)
    _add_leave(person, programme_office, MATERNITY, D(2025, 1, 1), D(2025, 12, 31))
    with pytest.raises(ValidationError) as refused:
        _decide(proposed, programme_office)
    assert RULE_MATERNITY.code in str(refused.value)


@pytestmark_db
def test_opening_reads_the_leave_of_all_people_in_one_query(
    ward, programme_office, django_assert_num_queries
):
    people = [_person(ward, f"Người {index}") for index in range(6)]
    for person in people[:3]:
        _add_leave(person, programme_office, SICK, D(2025, 2, 1), D(2025, 2, 20))
    from congvu.people.models import Staff

    queryset = Staff.objects.filter(pk__in=[person.pk for person in people])
    with django_assert_num_queries(2):  # the people, then their leave
        accounts = absence.accounts_for(queryset, 2025)
    assert [accounts[person.pk].worked_days for person in people] == [345, 345, 345, 365, 365, 365]


@pytestmark_db
def test_the_rule_set_of_2025_asks_for_six_months():
    assert RuleSet.objects.get(code="ND90-2020").min_months_worked == 6
