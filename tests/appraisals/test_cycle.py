"""The yearly cycle: opening, self-assessment, meeting, proposal with quota, decision, notice,
publication, complaint and correction; every step an event."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from congvu.appraisals import services
from congvu.appraisals.models import Evaluation, EvaluationEvent, Level, UnitCycle
from congvu.people.models import StaffCategory, Transfer
from tests.appraisals.factories import open_ward_cycle, periods, to_reviewed, ward_staff
from tests.factories import PositionFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_opening_lists_staff_with_transfers_and_the_six_month_minimum(ward, other_ward, programme_office):
    staff = ward_staff(ward, 3)
    StaffFactory(unit=ward, full_name="Người Mới", employed_from=dt.date(2026, 8, 1))
    moved = StaffFactory(unit=ward, full_name="Người Chuyển Đến", employed_from=dt.date(2010, 1, 1))
    Transfer.objects.create(
        staff=moved, from_unit=other_ward, to_unit=ward, effective_date=dt.date(2026, 4, 1)
    )
    StaffFactory(unit=ward, category=StaffCategory.NGUOI_LAO_DONG, full_name="Hợp Đồng")
    cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    assert cycle.deadline == dt.date(2026, 12, 15)
    evaluations = {e.staff.full_name: e for e in unit_cycle.evaluations.select_related("staff")}
    assert "Hợp Đồng" not in evaluations
    assert evaluations[staff[0].full_name].status == Evaluation.Status.PENDING
    assert evaluations[staff[0].full_name].rule_set.code == "ND335-2025"
    new = evaluations["Người Mới"]
    assert new.status == Evaluation.Status.NOT_RATED and "dưới 6 tháng" in new.not_rated_reason
    transferred = evaluations["Người Chuyển Đến"]
    assert transferred.unit == ward and transferred.previous_unit == other_ward
    assert EvaluationEvent.objects.filter(evaluation=new, action="not_rated").exists()
    with pytest.raises(ValidationError):
        services.open_cycle(year=2026, scope_unit=ward, by=programme_office)


def test_self_assessment_scores_and_suggests_the_level(ward, programme_office, official):
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    evaluation = unit_cycle.evaluations.get(staff=official.staff)
    services.submit_self_assessment(
        evaluation=evaluation,
        by=official,
        text="Tôi hoàn thành nhiệm vụ.",
        self_level=Level.EXCELLENT,
        general_score=Decimal(25),
        periods=[(1, 4, 1, 1), (2, 4, 0, 0)],
    )
    evaluation.refresh_from_db()
    # Task points: (87.5 + 100) / 2 = 93.75% of 70 = 65.63; total 90.63 → excellent.
    assert evaluation.task_score == Decimal("65.63")
    assert evaluation.total_score == Decimal("90.63")
    assert evaluation.self_level == Level.EXCELLENT
    assert evaluation.task_scores.count() == 2
    # One cannot claim better than the bands give.
    services.submit_self_assessment(
        evaluation=evaluation,
        by=official,
        text="Sửa lại.",
        self_level=Level.EXCELLENT,
        general_score=Decimal(10),
        periods=[(1, 4, 2, 2)],
    )
    evaluation.refresh_from_db()
    assert evaluation.self_level == Level.COMPLETED  # 10 + 75% of 70 = 62.5
    with pytest.raises(ValidationError) as error:
        services.submit_self_assessment(
            evaluation=evaluation, by=official, text="x", general_score=Decimal(40), periods=periods()
        )
    assert "general_score" in error.value.message_dict


def test_the_whole_cycle_writes_an_event_per_step(ward, programme_office, unit_head):
    people = ward_staff(ward, 5)
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    evaluation = unit_cycle.evaluations.get(staff=people[0])
    evaluation = to_reviewed(evaluation, unit_head)
    services.propose(evaluation=evaluation, by=unit_head, level=Level.GOOD, note="Đề nghị tốt.")
    evaluation = services.decide(
        evaluation=evaluation, by=unit_head, level=Level.GOOD, decision_number="12/QĐ"
    )
    assert evaluation.is_locked and evaluation.decided_by == unit_head
    with pytest.raises(ValidationError):
        services.propose(evaluation=evaluation, by=unit_head, level=Level.EXCELLENT)
    with pytest.raises(ValidationError):
        services.publish(unit_cycle=unit_cycle, by=unit_head)  # others not decided yet
    for other in unit_cycle.evaluations.exclude(pk=evaluation.pk):  # (the head is on the list too)
        other = to_reviewed(other, unit_head)
        services.propose(evaluation=other, by=unit_head, level=Level.GOOD)
        services.decide(evaluation=other, by=unit_head, level=Level.GOOD, decision_number="13/QĐ")
    services.publish(unit_cycle=unit_cycle, by=unit_head)
    unit_cycle.refresh_from_db()
    assert unit_cycle.status == UnitCycle.Status.PUBLISHED
    actions = list(EvaluationEvent.objects.filter(evaluation=evaluation).values_list("action", flat=True))
    assert actions == ["listed", "self_assessed", "meeting_result", "proposed", "decided"]
    decided = EvaluationEvent.objects.get(evaluation=evaluation, action="decided")
    assert decided.by == unit_head and decided.before["status"] == "proposed"
    assert decided.after["level"] == Level.GOOD
    assert EvaluationEvent.objects.filter(unit_cycle=unit_cycle, action="published").exists()


def test_party_committee_comment_is_required_for_managers(ward, programme_office, unit_head):
    boss = StaffFactory(unit=ward, position=PositionFactory(name="Chủ tịch UBND", is_manager=True))
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    evaluation = unit_cycle.evaluations.get(staff=boss)
    assert evaluation.is_manager
    services.submit_self_assessment(
        evaluation=evaluation, by=unit_head, text="x", general_score=Decimal(28), periods=periods()
    )
    services.record_meeting(
        unit_cycle=unit_cycle,
        by=unit_head,
        meeting_date=dt.date(2026, 11, 2),
        chair="A",
        attendees=5,
        minutes="m",
    )
    with pytest.raises(ValidationError) as error:
        services.record_meeting_result(evaluation=evaluation, by=unit_head, comment="Tốt", votes={})
    assert "party_comment" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.record_meeting_result(
            evaluation=evaluation, by=unit_head, comment="Tốt", votes={Level.GOOD: 6}, party_comment="ok"
        )  # more votes than attendees


def test_correction_is_a_new_decision_referring_to_the_old(ward, programme_office, unit_head):
    person = ward_staff(ward, 1)[0]
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    evaluation = to_reviewed(unit_cycle.evaluations.get(staff=person), unit_head)
    services.propose(evaluation=evaluation, by=unit_head, level=Level.COMPLETED)
    old = services.decide(evaluation=evaluation, by=unit_head, level=Level.COMPLETED, decision_number="3/QĐ")
    new = services.correct(
        evaluation=old, by=unit_head, level=Level.GOOD, decision_number="4/QĐ", reason="Sai sót"
    )
    old.refresh_from_db()
    assert (old.status, old.is_current, old.level) == (Evaluation.Status.SUPERSEDED, False, Level.COMPLETED)
    assert new.supersedes == old and new.is_current and new.level == Level.GOOD
    assert Evaluation.objects.filter(staff=person, year=2026, is_current=True).get() == new
    with pytest.raises(ValidationError):
        services.correct(evaluation=old, by=unit_head, level=Level.GOOD, decision_number="5", reason="x")


def test_complaint_window_and_outcome(ward, programme_office, unit_head, official):
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    evaluation = to_reviewed(unit_cycle.evaluations.get(staff=official.staff), unit_head)
    services.propose(evaluation=evaluation, by=unit_head, level=Level.COMPLETED)
    services.decide(evaluation=evaluation, by=unit_head, level=Level.COMPLETED, decision_number="7/QĐ")
    with pytest.raises(ValidationError):
        services.file_complaint(evaluation=evaluation, by=official, text="Chưa công khai")
    for other in unit_cycle.evaluations.exclude(pk=evaluation.pk):
        other = to_reviewed(other, unit_head)
        services.propose(evaluation=other, by=unit_head, level=Level.GOOD)
        services.decide(evaluation=other, by=unit_head, level=Level.GOOD, decision_number="9/QĐ")
    services.publish(unit_cycle=unit_cycle, by=unit_head)
    evaluation.refresh_from_db()
    late = timezone.localdate() + dt.timedelta(days=16)
    with pytest.raises(ValidationError):
        services.file_complaint(evaluation=evaluation, by=official, text="Muộn", today=late)
    services.file_complaint(evaluation=evaluation, by=official, text="Tôi đề nghị xem lại.")
    new = services.resolve_complaint(
        evaluation=evaluation,
        by=unit_head,
        outcome="Chấp nhận khiếu nại.",
        new_level=Level.GOOD,
        decision_number="8/QĐ",
    )
    assert new.level == Level.GOOD and new.supersedes_id == evaluation.pk
    assert EvaluationEvent.objects.filter(evaluation=evaluation, action="complaint_resolved").exists()


def test_transferred_person_is_rated_with_the_old_units_scores(ward, other_ward, programme_office, unit_head):
    moved = StaffFactory(unit=ward, full_name="Người Chuyển Đến", employed_from=dt.date(2010, 1, 1))
    Transfer.objects.create(
        staff=moved, from_unit=other_ward, to_unit=ward, effective_date=dt.date(2026, 5, 1)
    )
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    evaluation = unit_cycle.evaluations.get(staff=moved)
    services.submit_self_assessment(
        evaluation=evaluation, by=unit_head, text="x", general_score=Decimal(28), periods=periods()
    )
    services.record_meeting(
        unit_cycle=unit_cycle,
        by=unit_head,
        meeting_date=dt.date(2026, 11, 2),
        chair="A",
        attendees=5,
        minutes="m",
    )
    with pytest.raises(ValidationError) as error:
        services.record_meeting_result(evaluation=evaluation, by=unit_head, comment="Tốt", votes={})
    assert "previous_unit_comment" in error.value.message_dict
    services.record_meeting_result(
        evaluation=evaluation,
        by=unit_head,
        comment="Tốt",
        votes={},
        previous_unit_comment="Phường cũ: 4 tháng, hoàn thành tốt, 85 điểm.",
    )
    assert Evaluation.objects.get(pk=evaluation.pk).previous_unit_comment.startswith("Phường cũ")
