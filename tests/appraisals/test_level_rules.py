"""The level rules on every path that writes a level: the one level check (discipline, ethics) and the
ceiling on "excellent" over the whole group, in every order of decisions, corrections and imports."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from congvu.appraisals import level_rules, services
from congvu.appraisals.models import Evaluation, EvaluationEvent, Level, RuleSet, UnitCycle
from congvu.people.models import StaffCategory
from tests.appraisals.factories import decided_discipline, open_ward_cycle, to_reviewed, ward_staff

pytestmark = pytest.mark.django_db


def _group(ward, programme_office, unit_head, count=5, propose=Level.GOOD):
    """`count` civil servants and the head (6 by default), all reviewed and proposed `propose`."""
    ward_staff(ward, count)
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    evaluations = []
    for evaluation in unit_cycle.evaluations.order_by("staff__full_name"):
        evaluation = to_reviewed(evaluation, unit_head)
        if propose:
            services.propose(evaluation=evaluation, by=unit_head, level=propose)
        evaluations.append(Evaluation.objects.get(pk=evaluation.pk))
    return unit_cycle, evaluations


def _decide(evaluation, by, level, number="10/QĐ"):
    return services.decide(
        evaluation=Evaluation.objects.get(pk=evaluation.pk), by=by, level=level, decision_number=number
    )


def _xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Số thẻ", "Họ và tên", "Mã đơn vị", "Năm", "Xếp loại", "Số quyết định"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "ket-qua.xlsx"
    return buffer


def _import(login, user, rows):
    response = login(user).post(reverse("appraisals:import"), {"file": _xlsx(rows)})
    # A file whose every row is refused is bad input (400); one that saved rows is a success (200).
    body = response.content.decode()
    assert response.status_code == (400 if "Đã nhập 0 kết quả." in body else 200)
    return body


# The ceiling over the whole group -------------------------------------------------------------------------


def test_dg_tyle_xuatsac_20_excellent_first_then_the_rest_then_publish_is_refused(
    ward, programme_office, unit_head
):
    """Deciding the excellent one while the others may still be good passes; deciding the rest below
    good shrinks the base to nothing, and publication counts the final levels and refuses."""
    unit_cycle, evaluations = _group(ward, programme_office, unit_head)
    _decide(evaluations[0], unit_head, Level.EXCELLENT)
    with pytest.raises(ValidationError) as early:  # a second one can never fit in 6
        _decide(evaluations[1], unit_head, Level.EXCELLENT)
    assert "DG-TYLE-XUATSAC-20" in str(early.value)
    for evaluation in evaluations[1:]:
        _decide(evaluation, unit_head, Level.COMPLETED)
    with pytest.raises(ValidationError) as refused:
        services.publish(unit_cycle=unit_cycle, by=unit_head)
    message = " ".join(refused.value.messages)
    assert "1 người hoàn thành xuất sắc nhiệm vụ, vượt mức tối đa 0 (20% của 1 người" in message
    assert "DG-TYLE-XUATSAC-20" in message and "Nghị định 335/2025/NĐ-CP, Điều 20, khoản 5 điểm a" in message
    assert UnitCycle.objects.get(pk=unit_cycle.pk).status == UnitCycle.Status.OPEN
    assert not EvaluationEvent.objects.filter(unit_cycle=unit_cycle, action="published").exists()
    # Corrected to "good" while the unit is still open, it publishes.
    current = Evaluation.objects.get(pk=evaluations[0].pk)
    services.correct(
        evaluation=current, by=unit_head, level=Level.GOOD, decision_number="11/QĐ", reason="Xét lại"
    )
    services.publish(unit_cycle=unit_cycle, by=unit_head)


def test_dg_tyle_xuatsac_20_publish_passes_within_the_cap_whatever_the_order(
    ward, programme_office, unit_head
):
    unit_cycle, evaluations = _group(ward, programme_office, unit_head)
    for evaluation in reversed(evaluations[1:]):
        _decide(evaluation, unit_head, Level.GOOD)
    _decide(evaluations[0], unit_head, Level.EXCELLENT)  # 1 of 6 good or better: cap 1
    services.publish(unit_cycle=unit_cycle, by=unit_head)
    assert UnitCycle.objects.get(pk=unit_cycle.pk).status == UnitCycle.Status.PUBLISHED


def test_dg_tyle_xuatsac_20_live_count_on_the_unit_page(login, ward, programme_office, unit_head):
    unit_cycle, evaluations = _group(ward, programme_office, unit_head)
    _decide(evaluations[0], unit_head, Level.EXCELLENT)
    page = login(unit_head).get(reverse("appraisals:unit_cycle", args=[unit_cycle.pk])).content.decode()
    assert "1 người xuất sắc (đã quyết định và đề xuất) / tối đa 1 (20% của 6 người" in page


def test_dg_tyle_xuatsac_20_import_of_a_unit_with_all_excellent_is_refused(
    login, ward, other_ward, programme_office
):
    """Five excellent of five in one unit and year: the whole group is refused with the counts; another
    unit's lawful group in the same file is saved."""
    people = ward_staff(ward, 5)
    others = ward_staff(other_ward, 5, prefix="Người Khác")
    rows = [[p.badge_number, "", ward.code, 2024, "HTXSNV", "5/QĐ"] for p in people]
    rows += [
        [p.badge_number, "", other_ward.code, 2024, "HTXSNV" if i == 0 else "tot", "6/QĐ"]
        for i, p in enumerate(others)
    ]
    body = _import(login, programme_office, rows)
    assert "Đã nhập 5 kết quả." in body
    assert "5 người hoàn thành xuất sắc nhiệm vụ, vượt mức tối đa 1" in body and "DG-TYLE-XUATSAC-20" in body
    assert not Evaluation.objects.filter(staff__in=people).exists()
    assert Evaluation.objects.filter(staff__in=others, level=Level.EXCELLENT).count() == 1
    # A later file cannot top the group up past its cap either: the results already there count.
    body = _import(
        login, programme_office, [[people[0].badge_number, "", other_ward.code, 2024, "HTXSNV", ""]]
    )
    assert "Đã nhập 0 kết quả." in body and "2 người hoàn thành xuất sắc nhiệm vụ, vượt mức tối đa 1" in body


def test_dg_xuatsac_donvi_tieubieu_only_a_recorded_recognition_lifts_the_cap(
    login, ward, programme_office, unit_head
):
    unit_cycle, evaluations = _group(ward, programme_office, unit_head, count=7)  # 8 people
    assert services.quota_status(evaluations[0])["cap"] == 1  # 20% of 8
    UnitCycle.objects.filter(pk=unit_cycle.pk).update(outstanding_unit=True)  # a bare tick
    assert services.quota_status(Evaluation.objects.get(pk=evaluations[0].pk))["cap"] == 1
    with pytest.raises(ValidationError) as refused:
        services.recognise_outstanding_unit(
            unit_cycle=unit_cycle,
            by=programme_office,
            decision_number=" ",
            decision_date=dt.date(2026, 12, 1),
        )
    assert "DG-XUATSAC-DONVI-TIEUBIEU" in str(refused.value)
    # The unit head is not the one who records it; the programme office does, through the page.
    url = reverse("appraisals:unit_cycle_outstanding", args=[unit_cycle.pk])
    assert login(unit_head).post(
        url, {"decision_number": "9/QĐ-UBND", "decision_date": "01/12/2026"}
    ).status_code in (403, 404)
    response = login(programme_office).post(
        url, {"decision_number": "9/QĐ-UBND", "decision_date": "01/12/2026"}
    )
    assert response.status_code == 302
    unit_cycle.refresh_from_db()
    assert unit_cycle.is_recognised_outstanding and unit_cycle.outstanding_recorded_by == programme_office
    event = EvaluationEvent.objects.get(unit_cycle=unit_cycle, action="outstanding_recognised")
    assert event.by == programme_office and event.after["outstanding_decision_number"] == "9/QĐ-UBND"
    status = services.quota_status(Evaluation.objects.get(pk=evaluations[0].pk))
    assert (status["cap"], status["percent"], status["outstanding"]) == (2, 25, True)
    _decide(evaluations[0], unit_head, Level.EXCELLENT)
    _decide(evaluations[1], unit_head, Level.EXCELLENT)
    for evaluation in evaluations[2:]:
        _decide(evaluation, unit_head, Level.GOOD)
    services.publish(unit_cycle=unit_cycle, by=unit_head)


# Corrections ------------------------------------------------------------------------------------------------


def test_dg_dinhchinh_kiemtra_correction_after_publish_cannot_take_the_group_over(
    ward, programme_office, unit_head
):
    unit_cycle, evaluations = _group(ward, programme_office, unit_head)
    _decide(evaluations[0], unit_head, Level.EXCELLENT)
    for evaluation in evaluations[1:]:
        _decide(evaluation, unit_head, Level.GOOD)
    services.publish(unit_cycle=unit_cycle, by=unit_head)
    with pytest.raises(ValidationError) as refused:
        services.correct(
            evaluation=Evaluation.objects.get(pk=evaluations[1].pk),
            by=unit_head,
            level=Level.EXCELLENT,
            decision_number="12/QĐ",
            reason="Khiếu nại",
        )
    message = " ".join(refused.value.messages)
    assert (
        "DG-DINHCHINH-KIEMTRA" in message
        and "2 người hoàn thành xuất sắc nhiệm vụ, vượt mức tối đa 1" in message
    )
    assert Evaluation.objects.get(pk=evaluations[1].pk).is_current  # nothing half-written
    # Swapping is lawful: the first one down, then the second one up.
    services.correct(
        evaluation=Evaluation.objects.get(pk=evaluations[0].pk),
        by=unit_head,
        level=Level.GOOD,
        decision_number="13/QĐ",
        reason="Xét lại",
    )
    services.correct(
        evaluation=Evaluation.objects.get(pk=evaluations[1].pk),
        by=unit_head,
        level=Level.EXCELLENT,
        decision_number="14/QĐ",
        reason="Khiếu nại",
    )


def test_dg_dinhchinh_kiemtra_correcting_someone_down_cannot_shrink_the_base_under_the_cap(
    ward, programme_office, unit_head
):
    """Found by the property test: 1 excellent of 5 good or better is lawful; correcting one of the
    good ones down after publication leaves 1 of 4 (cap 0) and is refused."""
    unit_cycle, evaluations = _group(ward, programme_office, unit_head)
    _decide(evaluations[0], unit_head, Level.EXCELLENT)
    for evaluation in evaluations[1:5]:
        _decide(evaluation, unit_head, Level.GOOD)
    _decide(evaluations[5], unit_head, Level.COMPLETED)
    services.publish(unit_cycle=unit_cycle, by=unit_head)
    with pytest.raises(ValidationError) as refused:
        services.correct(
            evaluation=Evaluation.objects.get(pk=evaluations[1].pk),
            by=unit_head,
            level=Level.COMPLETED,
            decision_number="16/QĐ",
            reason="Xét lại",
        )
    assert "DG-DINHCHINH-KIEMTRA" in str(refused.value) and "vượt mức tối đa 0" in str(refused.value)


def test_dg_dinhchinh_kiemtra_correction_above_a_forced_level_is_refused(
    login, ward, programme_office, unit_head
):
    unit_cycle, evaluations = _group(ward, programme_office, unit_head, count=1)
    person = evaluations[0]
    decided_discipline(person.staff, unit_head)
    decided = _decide(person, unit_head, Level.GOOD)
    assert decided.level == Level.NOT_COMPLETED
    response = login(unit_head).post(
        reverse("appraisals:evaluation_correct", args=[decided.pk]),
        {"level": "tot", "decision_number": "15/QĐ", "correction_reason": "Xin xét lại"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "DG-DINHCHINH-KIEMTRA" in body and "DG-KYLUAT-CONGVU-335" in body
    assert Evaluation.objects.get(pk=decided.pk).is_current


# Discipline ---------------------------------------------------------------------------------------------------


def test_dg_kyluat_congvu_335_on_duty_discipline_forces_not_completed_naming_the_decision(
    ward, programme_office, unit_head
):
    _unit_cycle, evaluations = _group(ward, programme_office, unit_head, count=2)
    on_duty, off_duty = evaluations[0], evaluations[1]
    decided_discipline(on_duty.staff, unit_head, form="canh_cao", number="21/QĐ-KL", day=dt.date(2026, 6, 1))
    decided_discipline(off_duty.staff, unit_head, number="22/QĐ-KL", on_duty=False)
    decided = _decide(on_duty, unit_head, Level.GOOD)
    assert decided.level == Level.NOT_COMPLETED
    assert "Cảnh cáo, quyết định 21/QĐ-KL ngày 01/06/2026" in decided.forced_reason
    assert "DG-KYLUAT-CONGVU-335" in decided.forced_reason
    event = EvaluationEvent.objects.get(evaluation=decided, action="decided")
    assert event.after["level"] == Level.NOT_COMPLETED and "21/QĐ-KL" in event.note
    # Off-duty discipline does not force the level under Decree 335/2025.
    assert _decide(off_duty, unit_head, Level.GOOD).level == Level.GOOD


def test_dg_kyluat_congvu_335_a_proposal_above_the_forced_level_is_refused(ward, programme_office, unit_head):
    _unit_cycle, evaluations = _group(ward, programme_office, unit_head, count=1, propose=None)
    decided_discipline(evaluations[0].staff, unit_head)
    with pytest.raises(ValidationError) as refused:
        services.propose(evaluation=evaluations[0], by=unit_head, level=Level.COMPLETED)
    assert "DG-KYLUAT-CONGVU-335" in str(refused.value) and "Không hoàn thành nhiệm vụ" in str(refused.value)
    services.propose(evaluation=evaluations[0], by=unit_head, level=Level.NOT_COMPLETED)


def test_dg_kyluat_congvu_335_discipline_decided_after_the_evaluation_stops_publication(
    ward, programme_office, unit_head
):
    unit_cycle, evaluations = _group(ward, programme_office, unit_head, count=1)
    for evaluation in evaluations:
        _decide(evaluation, unit_head, Level.GOOD)
    decided_discipline(evaluations[0].staff, unit_head, day=dt.date(2026, 12, 1))
    with pytest.raises(ValidationError) as refused:
        services.publish(unit_cycle=unit_cycle, by=unit_head)
    assert "DG-KYLUAT-CONGVU-335" in str(refused.value)


def test_dg_kyluat_vc_2026_any_discipline_forces_for_public_employees(ward, programme_office, unit_head):
    teacher = ward_staff(ward, 1, category=StaffCategory.VIEN_CHUC, prefix="Giáo Viên")[0]
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    evaluation = to_reviewed(unit_cycle.evaluations.get(staff=teacher), unit_head)
    services.propose(evaluation=evaluation, by=unit_head, level=Level.GOOD)
    decided_discipline(teacher, unit_head, on_duty=False)
    decided = _decide(evaluation, unit_head, Level.GOOD)
    assert decided.level == Level.NOT_COMPLETED and "DG-KYLUAT-VC-2026" in decided.forced_reason


def test_dg_kyluat_48_any_discipline_in_2023_to_2025_refuses_an_imported_good(
    login, ward, programme_office, unit_head
):
    people = ward_staff(ward, 2)
    decided_discipline(people[0], unit_head, number="3/QĐ-KL", day=dt.date(2024, 3, 1), on_duty=False)
    body = _import(login, programme_office, [[people[0].badge_number, "", ward.code, 2024, "tot", "1/QĐ"]])
    assert "Đã nhập 0 kết quả." in body and "DG-KYLUAT-48" in body and "3/QĐ-KL" in body
    body = _import(login, programme_office, [[people[0].badge_number, "", ward.code, 2024, "khtnv", "1/QĐ"]])
    assert "Đã nhập 1 kết quả." in body
    saved = Evaluation.objects.get(staff=people[0], year=2024)
    assert saved.level == Level.NOT_COMPLETED and "DG-KYLUAT-48" in saved.forced_reason


def test_dg_kyluat_90_on_duty_forces_and_other_discipline_caps_below_good_in_2021(
    login, ward, programme_office, unit_head
):
    on_duty, off_duty = ward_staff(ward, 2)
    decided_discipline(on_duty, unit_head, number="4/QĐ-KL", day=dt.date(2021, 4, 1))
    decided_discipline(off_duty, unit_head, number="5/QĐ-KL", day=dt.date(2021, 4, 1), on_duty=False)
    body = _import(
        login,
        programme_office,
        [
            [on_duty.badge_number, "", ward.code, 2021, "htnv", ""],
            [off_duty.badge_number, "", ward.code, 2021, "tot", ""],
        ],
    )
    assert "Đã nhập 0 kết quả." in body and body.count("DG-KYLUAT-90") >= 2
    body = _import(login, programme_office, [[off_duty.badge_number, "", ward.code, 2021, "htnv", ""]])
    assert "Đã nhập 1 kết quả." in body


def test_dg_kyluat_56_discipline_caps_below_good_until_2019(login, ward, programme_office, unit_head):
    person = ward_staff(ward, 1)[0]
    decided_discipline(person, unit_head, number="6/QĐ-KL", day=dt.date(2019, 5, 1))
    body = _import(login, programme_office, [[person.badge_number, "", ward.code, 2019, "tot", ""]])
    assert "Đã nhập 0 kết quả." in body and "DG-KYLUAT-56" in body
    body = _import(login, programme_office, [[person.badge_number, "", ward.code, 2019, "htnv", ""]])
    assert "Đã nhập 1 kết quả." in body


# Ethics: a finding of the competent authority -----------------------------------------------------------------


def test_dg_suythoai_335_a_recorded_finding_forces_not_completed(login, ward, programme_office, unit_head):
    _unit_cycle, evaluations = _group(ward, programme_office, unit_head, count=1)
    evaluation = evaluations[0]
    client = login(unit_head)
    url = reverse("appraisals:evaluation_ethics", args=[evaluation.pk])
    response = client.post(url, {"ethical_degradation": "1", "ethics_finding_document": ""})
    assert response.status_code == 400
    response = client.post(
        url, {"ethical_degradation": "1", "ethics_finding_document": "Kết luận 12-KL/ĐU ngày 10/11/2026"}
    )
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.ethical_degradation and evaluation.ethics_finding_by == unit_head
    assert EvaluationEvent.objects.filter(
        evaluation=evaluation, action="ethics_finding", by=unit_head
    ).exists()
    decided = _decide(evaluation, unit_head, Level.GOOD)
    assert decided.level == Level.NOT_COMPLETED
    assert "12-KL/ĐU" in decided.forced_reason and "DG-SUYTHOAI-335" in decided.forced_reason


def test_dg_suythoai_335_the_self_assessment_cannot_set_the_flag(login, official, programme_office, ward):
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    mine = unit_cycle.evaluations.get(staff=official.staff)
    data = {"self_assessment": "Tôi hoàn thành.", "general_score": "28", "ethical_degradation": "on"}
    data |= {f"tasks_{month}": "4" for month in range(1, 11)}
    response = login(official).post(reverse("appraisals:my_evaluation", args=[mine.pk]), data)
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == Evaluation.Status.SELF_ASSESSED and not mine.ethical_degradation
    # A flag set without the authority's document forces nothing.
    Evaluation.objects.filter(pk=mine.pk).update(ethical_degradation=True)
    assert level_rules.ethics_limit(Evaluation.objects.get(pk=mine.pk)) is None


def test_dg_suythoai_90_a_finding_forces_not_completed_in_2020_to_2025(ward, programme_office, unit_head):
    person = ward_staff(ward, 1)[0]
    evaluation = Evaluation(
        year=2024,
        staff=person,
        unit=ward,
        category=person.category,
        rule_set=RuleSet.objects.get(code="ND90-2020"),
        ethical_degradation=True,
        ethics_finding_document="Kết luận 3-KL/ĐU",
    )
    highest, reason, rule = level_rules.ethics_limit(evaluation)
    assert (highest, rule.code) == (Level.NOT_COMPLETED, "DG-SUYTHOAI-90") and "3-KL/ĐU" in reason
    with pytest.raises(ValidationError) as refused:
        level_rules.check_level(evaluation, Level.COMPLETED, at="import")
    assert "DG-SUYTHOAI-90" in str(refused.value)
    assert level_rules.check_level(evaluation, Level.GOOD, at="decide").level == Level.NOT_COMPLETED
    # Decree 56/2015 had no such rule (its rule set keeps the switch off).
    evaluation.year, evaluation.rule_set = 2019, RuleSet.objects.get(code="ND56-2015")
    assert level_rules.ethics_limit(evaluation) is None


# The other paths: admin and API ---------------------------------------------------------------------------------


def test_dg_tyle_xuatsac_20_the_admin_cannot_write_levels_publish_or_mark_outstanding(
    admin_client, ward, programme_office, unit_head
):
    unit_cycle, evaluations = _group(ward, programme_office, unit_head, count=1)
    assert admin_client.get(reverse("admin:appraisals_evaluation_add")).status_code == 403
    change = reverse("admin:appraisals_evaluation_change", args=[evaluations[0].pk])
    assert admin_client.post(change, {"level": "xuat_sac", "status": "decided"}).status_code == 403
    delete = reverse("admin:appraisals_evaluation_delete", args=[evaluations[0].pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Evaluation.objects.get(pk=evaluations[0].pk).level == ""
    response = admin_client.post(
        reverse("admin:appraisals_unitcycle_change", args=[unit_cycle.pk]),
        {
            "cycle": unit_cycle.cycle_id,
            "unit": unit_cycle.unit_id,
            "status": "published",
            "outstanding_unit": "on",
            "outstanding_decision_number": "1/QĐ",
            "meeting_minutes": "Biên bản.",
        },
    )
    assert response.status_code == 302
    unit_cycle.refresh_from_db()
    assert unit_cycle.status == UnitCycle.Status.OPEN and not unit_cycle.outstanding_unit
    assert unit_cycle.outstanding_decision_number == ""


def test_dg_tyle_xuatsac_20_the_api_has_no_way_to_write_a_level(login, programme_office, ward):
    client = login(programme_office)
    assert client.post(reverse("api:evaluations") + "?year=2026", {"level": "xuat_sac"}).status_code == 405


# Property: whatever the order ---------------------------------------------------------------------------------

# "Excellent" drawn more often, so that the cap is what is tested.
LEVELS = st.sampled_from([Level.EXCELLENT, Level.EXCELLENT, Level.GOOD, Level.COMPLETED, Level.NOT_COMPLETED])
CORRECTIONS = st.lists(st.tuples(st.integers(0, 5), LEVELS), max_size=4)


def _over_cap(unit_cycle) -> bool:
    """The oracle, counted directly: current decided levels of the group, 20% of those good or better."""
    levels = list(
        Evaluation.objects.filter(
            unit_cycle=unit_cycle, is_current=True, status=Evaluation.Status.DECIDED
        ).values_list("level", flat=True)
    )
    excellent = levels.count(Level.EXCELLENT)
    base = excellent + levels.count(Level.GOOD)
    return excellent > base * 20 // 100


def test_dg_tyle_xuatsac_20_a_published_group_never_exceeds_the_cap(ward, programme_office, unit_head):
    """For any sequence of decisions, corrections and publication attempts over a group of six, a
    published group is within its cap (repeatable Hypothesis profile)."""
    unit_cycle, evaluations = _group(ward, programme_office, unit_head)
    staff_ids = [evaluation.staff_id for evaluation in evaluations]

    @settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
    @given(
        order=st.permutations(range(6)), levels=st.lists(LEVELS, min_size=6, max_size=6), fixes=CORRECTIONS
    )
    def run(order, levels, fixes):
        """Everyone decided in a drawn order with drawn levels, publication tried, then corrections
        each followed by another attempt to publish."""

        def attempt(step):
            try:
                with transaction.atomic():
                    step()
            except ValidationError:
                pass
            if UnitCycle.objects.get(pk=unit_cycle.pk).status == UnitCycle.Status.PUBLISHED:
                assert not _over_cap(unit_cycle), (order, levels, fixes)

        def current(index):
            return Evaluation.objects.get(staff_id=staff_ids[index], year=2026, is_current=True)

        with transaction.atomic():
            for index in order:
                attempt(lambda index=index: _decide(current(index), unit_head, levels[index]))
                if current(index).status != Evaluation.Status.DECIDED:  # refused: the unit settles on good
                    attempt(lambda index=index: _decide(current(index), unit_head, Level.GOOD))
            for index, level in [(None, None), *fixes]:
                if index is not None:
                    attempt(
                        lambda index=index, level=level: services.correct(
                            evaluation=current(index),
                            by=unit_head,
                            level=level,
                            decision_number="1",
                            reason="r",
                        )
                    )
                attempt(lambda: services.publish(unit_cycle=unit_cycle, by=unit_head))
            transaction.set_rollback(True)

    run()


def test_dg_tyle_xuatsac_20_the_admin_cannot_change_the_legal_share_of_a_rule_set(admin_client):
    rule_set = RuleSet.objects.get(code="ND335-2025")
    url = reverse("admin:appraisals_ruleset_change", args=[rule_set.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="excellent_quota_percent"' not in page and 'name="forcing_discipline_forms"' not in page
    assert 'name="quota_base"' in page  # the province's choice stays editable
    admin_client.post(url, {"excellent_quota_percent": 100, "outstanding_unit_quota_percent": 100})
    rule_set.refresh_from_db()
    assert rule_set.excellent_quota_percent == 20
    assert admin_client.get(reverse("admin:appraisals_ruleset_add")).status_code == 403
    assert (
        admin_client.post(
            reverse("admin:appraisals_ruleset_delete", args=[rule_set.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert RuleSet.objects.filter(pk=rule_set.pk).exists()
