"""Deadlines keep their history and lateness cannot be erased: extensions, pauses, resumes, answers and
intake decisions in every order, through the services, the case page and the admin."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from congvu.core.indicators import Period
from congvu.core.workdays import add_working_days
from congvu.feedback import services
from congvu.feedback.models import Case, DeadlineRule, DeadlineStep, Status
from congvu.reports.engine import evaluate
from tests.feedback.factories import aware, make_case

pytestmark = pytest.mark.django_db

# Received Monday 2 March 2026: forward by 9 March, answer by 23 March (15 working days).
RECEIVED = aware(2026, 3, 2)
FORWARD_DUE, ANSWER_DUE = dt.date(2026, 3, 9), dt.date(2026, 3, 23)
Kind = DeadlineStep.Kind


def _accepted(ward, by, **kwargs):
    case = make_case(ward, received_at=RECEIVED, **kwargs)
    services.decide_intake(case, by=by, decision="xu_ly", now=aware(2026, 3, 3))
    return Case.objects.get(pk=case.pk)


def _answer(case, handler, unit_head, sent_at):
    answer = services.save_answer(case, by=handler, body="Phường đã giải quyết.", submit=True)
    services.review_answer(answer, by=unit_head, approve=True)
    services.send_answer(answer, by=handler, via="letter", now=sent_at)
    return Case.objects.get(pk=case.pk)


def _kinds(case):
    return list(case.deadline_steps.values_list("kind", "deadline", "before", "after", "in_force"))


def _refused_by(error, code):
    return code in " ".join(error.value.messages)


# PAKN-THOIHAN-TRALOI: the deadlines at receipt, from the rule, kept forever.


def test_pakn_thoihan_traloi_deadlines_at_receipt_are_kept_with_their_rule(ward, handler):
    rule = DeadlineRule.objects.create(unit=ward, answer_days=10)
    case = make_case(ward)
    forward, answer = case.deadline_steps.order_by("pk")
    assert (forward.kind, forward.deadline, forward.after) == (Kind.SET, "chuyen", case.forward_due)
    assert (answer.kind, answer.after, answer.working_days) == (Kind.SET, case.answer_due, 10)
    assert answer.deadline_rule == rule and answer.rule_code == "PAKN-THOIHAN-TRALOI"
    at_receipt = case.answer_due
    services.decide_intake(case, by=handler, decision="xu_ly")
    services.extend(case, by=handler, days=3, reason="Cần xác minh")
    services.pause(case, by=handler, reason="Bổ sung giấy tờ")
    services.resume(case, by=handler)
    kept = case.deadline_steps.get(kind=Kind.SET, deadline="tra_loi")
    assert kept.after == at_receipt and Case.objects.get(pk=case.pk).answer_due > at_receipt
    assert [k for k, *_rest in _kinds(case)] == [Kind.SET, Kind.SET, Kind.EXTENDED, Kind.PAUSED, Kind.RESUMED]


def test_pakn_thoihan_traloi_rule_page_links_the_province_setting(login, system_admin):
    from congvu.feedback import rulebook

    assert rulebook.ANSWER_DEADLINE.setting.admin_url_name == "admin:feedback_deadlinerule_changelist"
    reverse(rulebook.ANSWER_DEADLINE.setting.admin_url_name)  # the page exists


# PAKN-CHUYEN-5NLV: forwarding within 5 working days; late steps recorded and reported.


def test_pakn_chuyen_5nlv_late_forwarding_is_recorded_and_reported(ward, reception_officer):
    late_forward = make_case(ward, received_at=RECEIVED)
    late_accept = make_case(ward, received_at=RECEIVED)
    timely = make_case(ward, received_at=RECEIVED)
    services.decide_intake(
        late_forward,
        by=reception_officer,
        decision="ngoai_tham_quyen",
        forwarded_to="Sở Xây dựng",
        now=aware(2026, 3, 10),
    )
    services.decide_intake(late_accept, by=reception_officer, decision="xu_ly", now=aware(2026, 3, 12))
    services.decide_intake(timely, by=reception_officer, decision="xu_ly", now=aware(2026, 3, 9))
    late_forward, late_accept, timely = (
        Case.objects.get(pk=c.pk) for c in (late_forward, late_accept, timely)
    )
    assert late_forward.intake_late and late_accept.intake_late and not timely.intake_late
    step = late_forward.deadline_steps.get(kind=Kind.LATE_FORWARDING)
    assert (
        step.before == FORWARD_DUE and step.rule_code == "PAKN-CHUYEN-5NLV" and step.by == reception_officer
    )
    assert late_accept.deadline_steps.filter(kind=Kind.LATE_INTAKE).exists()
    assert not timely.deadline_steps.filter(kind__in=[Kind.LATE_INTAKE, Kind.LATE_FORWARDING]).exists()
    assert late_forward.events.filter(action="late_step", note__contains="PAKN-CHUYEN-5NLV").exists()
    year = Period.year(2026)
    intake = evaluate("feedback.intake_late", ward, year)
    assert intake["value"] == 2 and intake["breakdown"] == {"forwarding": 1}
    assert evaluate("feedback.forwarding_late", ward, year)["value"] == 1


def test_pakn_chuyen_5nlv_a_rule_cannot_lengthen_the_window(client, ward):
    from congvu.accounts.models import User

    with pytest.raises(ValidationError) as error:
        DeadlineRule(unit=ward, forward_days=10).full_clean()
    assert _refused_by(error, "PAKN-CHUYEN-5NLV")
    client.force_login(User.objects.create_superuser("quantri-test", "qt@example.vn", "x"))
    response = client.post(
        reverse("admin:feedback_deadlinerule_add"),
        {"unit": ward.pk, "forward_days": 10, "answer_days": 15, "remind_days": 2},
    )
    assert response.status_code == 200 and "PAKN-CHUYEN-5NLV" in response.content.decode()
    assert not DeadlineRule.objects.exists()


def test_pakn_chuyen_5nlv_late_redirect_of_a_complaint_is_late_intake(ward, reception_officer):
    case = make_case(ward, received_at=RECEIVED)
    services.classify(
        case, by=reception_officer, category="", topic=None, kind="khieu_nai", now=aware(2026, 3, 20)
    )
    case = Case.objects.get(pk=case.pk)
    assert case.status == Status.REDIRECTED and case.intake_late
    assert case.deadline_steps.filter(kind=Kind.LATE_INTAKE).exists()


# PAKN-GIAHAN-TRUOCHAN / MOTLAN / TOIDA: extensions.


def test_pakn_giahan_truochan_refuses_late_extension(ward, handler):
    case = _accepted(ward, handler)
    with pytest.raises(ValidationError) as error:
        services.extend(case, by=handler, days=5, reason="Xác minh", today=dt.date(2026, 3, 24))
    assert _refused_by(error, "PAKN-GIAHAN-TRUOCHAN")
    case.refresh_from_db()
    assert case.answer_due == ANSWER_DUE and not case.extended
    assert not case.deadline_steps.filter(kind=Kind.EXTENDED).exists()
    services.extend(case, by=handler, days=5, reason="Xác minh", today=ANSWER_DUE)  # the last day is in time
    assert Case.objects.get(pk=case.pk).answer_due == dt.date(2026, 3, 30)


def test_pakn_giahan_truochan_refused_on_the_case_page(login, ward, unit_head):
    case = _accepted(ward, unit_head)  # its deadline ran out months ago
    client = login(unit_head)
    response = client.post(
        reverse("feedback:case_action", args=[case.pk, "extend"]), {"days": 5, "reason": "Xác minh"}
    )
    assert response.status_code == 400  # the page again, the refusal beside the form
    assert "PAKN-GIAHAN-TRUOCHAN" in response.content.decode()
    assert Case.objects.get(pk=case.pk).answer_due == ANSWER_DUE


def test_pakn_giahan_truochan_pause_after_deadline_then_extend_is_refused(ward, handler):
    case = _accepted(ward, handler)
    services.pause(case, by=handler, reason="Bổ sung", today=dt.date(2026, 3, 25))
    with pytest.raises(ValidationError) as error:
        services.extend(case, by=handler, days=5, reason="Xác minh", today=dt.date(2026, 3, 26))
    assert _refused_by(error, "PAKN-GIAHAN-TRUOCHAN")


def test_pakn_giahan_truochan_extend_then_pause_in_time_then_resume(ward, handler):
    case = _accepted(ward, handler)
    services.extend(case, by=handler, days=5, reason="Xác minh", today=dt.date(2026, 3, 20))
    services.pause(case, by=handler, reason="Bổ sung", today=dt.date(2026, 3, 27))  # before 30 March
    case = services.resume(case, by=handler, today=dt.date(2026, 4, 1))  # Mon, Tue, Wed waited
    assert case.answer_due == add_working_days(dt.date(2026, 3, 30), 3)
    steps = _kinds(case)
    assert steps[-1][:2] == (Kind.RESUMED, "tra_loi") and steps[-1][4] is True


def test_pakn_giahan_motlan_second_extension_and_missing_reason_refused(ward, handler):
    case = make_case(ward)
    services.decide_intake(case, by=handler, decision="xu_ly")
    with pytest.raises(ValidationError) as error:
        services.extend(case, by=handler, days=3, reason="  ")
    assert _refused_by(error, "PAKN-GIAHAN-MOTLAN")
    services.extend(case, by=handler, days=3, reason="Xác minh thực địa")
    with pytest.raises(ValidationError) as error:
        services.extend(case, by=handler, days=1, reason="Lần hai")
    assert _refused_by(error, "PAKN-GIAHAN-MOTLAN")
    assert Case.objects.get(pk=case.pk).deadline_steps.filter(kind=Kind.EXTENDED).count() == 1


def test_pakn_giahan_toida_follows_the_province_setting(login, ward, handler, unit_head):
    DeadlineRule.objects.create(unit=ward, answer_days=10, extension_max_days=4)
    case = make_case(ward)
    services.decide_intake(case, by=handler, decision="xu_ly")
    with pytest.raises(ValidationError) as error:
        services.extend(case, by=handler, days=5, reason="Xác minh")
    assert _refused_by(error, "PAKN-GIAHAN-TOIDA")
    page = login(unit_head).post(
        reverse("feedback:case_action", args=[case.pk, "extend"]), {"days": 5, "reason": "Xác minh"}
    )
    # The form does not stop it first with a generic message: the refusal names the rule.
    body = page.content.decode()
    assert page.status_code == 400 and "PAKN-GIAHAN-TOIDA" in body and "Tối đa 4 ngày làm việc" in body
    services.extend(case, by=handler, days=4, reason="Xác minh")
    assert Case.objects.get(pk=case.pk).extended


def test_pakn_giahan_toida_defaults_to_the_answer_days(ward, handler):
    case = make_case(ward)  # the defaults: 15 working days to answer
    services.decide_intake(case, by=handler, decision="xu_ly")
    with pytest.raises(ValidationError) as error:
        services.extend(case, by=handler, days=16, reason="Xác minh")
    assert _refused_by(error, "PAKN-GIAHAN-TOIDA")
    services.extend(case, by=handler, days=15, reason="Xác minh")


# PAKN-TAMDUNG-SAUHAN: a pause begun after the deadline stops nothing.


def test_pakn_tamdung_sauhan_late_pause_keeps_the_case_overdue_and_resume_keeps_the_deadline(ward, handler):
    case = _accepted(ward, handler)
    case = services.pause(case, by=handler, reason="Bổ sung", today=dt.date(2026, 3, 25))
    assert case.status == Status.PAUSED and case.is_overdue
    assert evaluate("feedback.overdue_now", ward, Period.year(2026), with_previous=False)["value"] == 1
    case = services.resume(case, by=handler, today=dt.date(2026, 4, 10))
    assert case.answer_due == ANSWER_DUE and case.is_overdue
    paused, resumed = case.deadline_steps.filter(kind__in=[Kind.PAUSED, Kind.RESUMED]).order_by("pk")
    assert not paused.in_force and not resumed.in_force
    assert resumed.before == resumed.after == ANSWER_DUE and resumed.rule_code == "PAKN-TAMDUNG-SAUHAN"


def test_pakn_tamdung_sauhan_timely_pause_stops_the_clock(ward, handler):
    case = _accepted(ward, handler)
    case = services.pause(case, by=handler, reason="Bổ sung", today=dt.date(2026, 3, 20))
    assert not case.is_overdue  # waiting for the sender, in time
    assert evaluate("feedback.overdue_now", ward, Period.year(2026), with_previous=False)["value"] == 0
    case = services.resume(case, by=handler, today=dt.date(2026, 3, 25))  # Mon 23, Tue 24, Wed 25
    assert case.answer_due == add_working_days(ANSWER_DUE, 3)


def test_pakn_tamdung_sauhan_resume_after_deadline_ran_during_a_late_pause_cannot_extend(ward, handler):
    case = _accepted(ward, handler)
    services.pause(case, by=handler, reason="Bổ sung", today=dt.date(2026, 3, 24))
    services.resume(case, by=handler, today=dt.date(2026, 3, 30))
    with pytest.raises(ValidationError):
        services.extend(case, by=handler, days=5, reason="Xác minh", today=dt.date(2026, 3, 30))
    assert Case.objects.get(pk=case.pk).answer_due == ANSWER_DUE


# PAKN-DUNGHAN-THEOHANHIENHANH: judged against the deadline in force when it ran.


def test_pakn_dunghan_theohanhienhanh_answer_after_the_deadline_is_late(ward, handler, unit_head):
    case = _answer(_accepted(ward, handler), handler, unit_head, aware(2026, 3, 24))
    assert case.answered_late and case.answered_on_time is False
    step = case.deadline_steps.get(kind=Kind.LATE_ANSWER)
    assert step.before == ANSWER_DUE and step.rule_code == "PAKN-DUNGHAN-THEOHANHIENHANH"
    assert case.events.filter(action="late_step").exists()
    assert evaluate("feedback.on_time", ward, Period.year(2026))["value"] == 0.0


def test_pakn_dunghan_theohanhienhanh_a_lawful_extension_counts(ward, handler, unit_head):
    case = _accepted(ward, handler)
    services.extend(case, by=handler, days=5, reason="Xác minh", today=dt.date(2026, 3, 20))
    case = _answer(case, handler, unit_head, aware(2026, 3, 27))
    assert case.answered_late is False and case.answered_on_time
    assert evaluate("feedback.on_time", ward, Period.year(2026))["value"] == 100.0


def test_pakn_dunghan_theohanhienhanh_stored_result_survives_a_later_deadline_change(
    ward, handler, unit_head
):
    case = _answer(_accepted(ward, handler), handler, unit_head, aware(2026, 3, 24))
    Case.objects.filter(pk=case.pk).update(answer_due=dt.date(2026, 4, 30))  # any later write
    assert Case.objects.get(pk=case.pk).answered_on_time is False
    assert evaluate("feedback.on_time", ward, Period.year(2026))["value"] == 0.0


def test_pakn_dunghan_theohanhienhanh_returned_or_approved_answers_do_not_reset(ward, handler, unit_head):
    case = _accepted(ward, handler)
    answer = services.save_answer(case, by=handler, body="Dự thảo", submit=True)
    services.review_answer(answer, by=unit_head, approve=True)
    with pytest.raises(ValidationError):
        services.review_answer(answer, by=unit_head, approve=False, comment="Sửa lại")
    with pytest.raises(ValidationError):
        services.extend(case, by=handler, days=5, reason="Chờ duyệt", today=dt.date(2026, 3, 24))
    services.send_answer(answer, by=handler, via="letter", now=aware(2026, 3, 25))
    assert Case.objects.get(pk=case.pk).answered_late


# PAKN-TREHAN-KHONGXOA: a late case cannot be merged out of the figures.


def test_pakn_trehan_khongxoa_merge_refused_after_the_deadline(ward, reception_officer):
    main = make_case(ward, received_at=RECEIVED)
    duplicate = make_case(ward, received_at=RECEIVED)
    with pytest.raises(ValidationError) as error:
        services.merge(duplicate, into=main, by=reception_officer, today=dt.date(2026, 3, 24))
    assert _refused_by(error, "PAKN-TREHAN-KHONGXOA")
    services.merge(duplicate, into=main, by=reception_officer, today=dt.date(2026, 3, 5))
    assert Case.objects.get(pk=duplicate.pk).status == Status.MERGED


# Other paths: the admin cannot edit cases or their history; bulk assignment leaves deadlines alone.


def test_pakn_thoihan_traloi_admin_cannot_edit_cases_or_history(login, system_admin, ward):
    from django.contrib import admin

    for model in (Case, DeadlineStep):
        model_admin = admin.site._registry.get(model)
        if model_admin is not None:
            request = type("R", (), {"user": system_admin})()
            assert not model_admin.has_change_permission(request)
            assert not model_admin.has_delete_permission(request)


def test_pakn_tamdung_sauhan_bulk_assign_does_not_move_deadlines(login, ward, unit_head, handler):
    cases = [_accepted(ward, unit_head) for _ in range(2)]
    services.pause(cases[0], by=handler, reason="Bổ sung", today=dt.date(2026, 3, 25))
    response = login(unit_head).post(
        reverse("feedback:bulk_assign"),
        {"case": [c.pk for c in cases], "unit": ward.pk, "handler": handler.pk},
    )
    assert response.status_code == 302
    for case in Case.objects.filter(pk__in=[c.pk for c in cases]):
        assert case.handler == handler and case.answer_due == ANSWER_DUE and case.is_overdue


def test_pakn_tamdung_sauhan_late_pause_stays_in_the_overdue_inbox_reminders_and_api(
    login, ward, handler, unit_head
):
    from congvu.feedback import reminders

    late, timely = _accepted(ward, handler), _accepted(ward, handler)
    services.pause(late, by=handler, reason="Bổ sung", today=dt.date(2026, 3, 25))
    services.pause(timely, by=handler, reason="Bổ sung", today=dt.date(2026, 3, 20))
    client = login(unit_head)
    body = client.get(reverse("feedback:inbox"), {"tab": "overdue"}).content.decode()
    assert late.code in body and timely.code not in body
    reminders.run_due()
    assert Case.objects.get(pk=late.pk).escalated_at and not Case.objects.get(pk=timely.pk).escalated_at
    rows = {row["code"]: row for row in client.get("/api/v1/feedback/cases").json()}
    assert rows[late.code]["intake_late"] is False and rows[late.code]["answered_late"] is None


def test_pakn_tamdung_sauhan_resume_page_says_the_deadline_did_not_move(login, ward, handler):
    case = _accepted(ward, handler)
    services.pause(case, by=handler, reason="Bổ sung", today=dt.date(2026, 3, 25))
    staff = login(handler)
    response = staff.post(reverse("feedback:case_action", args=[case.pk, "resume"]), follow=True)
    body = response.content.decode()
    assert "hạn trả lời không thay đổi" in body and "lùi tương ứng" not in body


def test_pakn_chuyen_5nlv_late_decision_is_told_to_the_officer(login, ward, reception_officer):
    case = make_case(ward, received_at=RECEIVED)
    staff = login(reception_officer)
    response = staff.post(
        reverse("feedback:case_action", args=[case.pk, "decide"]),
        {"decision": "ngoai_tham_quyen", "forwarded_to": "Sở Xây dựng"},
        follow=True,
    )
    assert "đã ghi nhận trễ hạn" in response.content.decode()
    assert Case.objects.get(pk=case.pk).intake_late
