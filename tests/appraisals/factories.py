"""Helpers for the appraisal tests: a ward with a few officials and an open 2026 cycle."""

import datetime as dt
from decimal import Decimal

from congvu.appraisals import services
from congvu.appraisals.models import Evaluation, Level
from congvu.discipline.models import DisciplineCase
from congvu.people.models import StaffCategory
from tests.factories import PositionFactory, StaffFactory


def ward_staff(ward, count=5, category=StaffCategory.CONG_CHUC, prefix="Cán Bộ"):
    return [
        StaffFactory(
            unit=ward,
            category=category,
            full_name=f"{prefix} {index}",
            employed_from=dt.date(2015, 1, 1),
            position=PositionFactory(name="Chuyên viên"),
        )
        for index in range(count)
    ]


def open_ward_cycle(ward, actor, year=2026):
    cycle = services.open_cycle(year=year, scope_unit=ward, by=actor)
    return cycle, cycle.unit_cycles.get(unit=ward)


def periods(count=10, errors=0, late=0):
    return [
        (month, 5, errors if month == 1 else 0, late if month == 1 else 0) for month in range(1, count + 1)
    ]


def to_reviewed(evaluation, actor, *, general=Decimal(28)):
    services.submit_self_assessment(
        evaluation=evaluation,
        by=actor,
        text="Hoàn thành nhiệm vụ.",
        general_score=general,
        periods=periods(),
    )
    unit_cycle = evaluation.unit_cycle
    if not unit_cycle.meeting_date:
        services.record_meeting(
            unit_cycle=unit_cycle,
            by=actor,
            meeting_date=dt.date(2026, 11, 20),
            chair="Chủ tịch",
            attendees=10,
            minutes="Biên bản họp.",
        )
        evaluation.unit_cycle.refresh_from_db()
    services.record_meeting_result(
        evaluation=Evaluation.objects.get(pk=evaluation.pk),
        by=actor,
        comment="Nhất trí.",
        votes={Level.GOOD: 8, Level.EXCELLENT: 2},
        party_comment="Chi bộ nhất trí." if evaluation.is_manager else "",
    )
    return Evaluation.objects.get(pk=evaluation.pk)


def decided_discipline(
    staff, by, *, form="khien_trach", number="9/QĐ-KL", day=dt.date(2026, 5, 4), on_duty=True
):
    """A discipline decided for `staff` through the discipline services (as the evaluation reads it)."""
    from congvu.discipline import services as discipline_services

    case = discipline_services.open_discipline_case(
        staff=staff, origin="other", origin_reference="Báo cáo", facts="Vi phạm.", by=by
    )
    DisciplineCase.objects.filter(pk=case.pk).update(opened_on=day - dt.timedelta(days=30))
    return discipline_services.decide_discipline(
        case=DisciplineCase.objects.get(pk=case.pk),
        form=form,
        deciding_body="Chủ tịch UBND",
        decision_number=number,
        decision_date=day,
        in_official_duty=on_duty,
        by=by,
    )
