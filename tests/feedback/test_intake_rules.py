"""Intake rules: complaints and denunciations leave the feedback track before acceptance, the kind is
settled at intake, and "not accepted" needs an Art. 7 ground that holds — on every path a case comes in."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from congvu.core.indicators import Period
from congvu.feedback import services
from congvu.feedback.models import Case, Kind, RefusalGround, Status, SuggestionBoxOpening
from congvu.reports.engine import evaluate
from tests.feedback.factories import aware, make_case

pytestmark = pytest.mark.django_db

COMPLAINT_TEXT = "Tôi khiếu nại quyết định xử phạt của phường vì không đúng quy định, đề nghị xem xét lại."
FOLDED_TEXT = "Toi to cao can bo dia chinh nhan tien cua nguoi dan khi lam thu tuc cap giay chung nhan."
ENGLISH = "The road near my house floods every time it rains heavily, please clean the drains."


def _act(client, case, slug, data):
    return client.post(reverse("feedback:case_action", args=[case.pk, slug]), data)


def _refused_by(error, code):
    return code in " ".join(error.value.messages)


# PAKN-KHIEUNAI-TOCAO-XACNHAN: suspected at submission, confirmed before acceptance.


def test_pakn_khieunai_tocao_xacnhan_suspected_case_needs_the_kind_confirmed(ward, reception_officer):
    case = make_case(ward, title="Khiếu nại quyết định xử phạt", content=COMPLAINT_TEXT)
    assert case.complaint_suspected and case.events.filter(action="flag_complaint").exists()
    for decision, extra in (("xu_ly", {}), ("ngoai_tham_quyen", {"forwarded_to": "Sở Tư pháp"})):
        with pytest.raises(ValidationError) as error:
            services.decide_intake(case, by=reception_officer, decision=decision, **extra)
        assert _refused_by(error, "PAKN-KHIEUNAI-TOCAO-XACNHAN")
    services.classify(case, by=reception_officer, category="khac", topic=None, kind=Kind.FEEDBACK)
    services.decide_intake(case, by=reception_officer, decision="xu_ly")
    assert Case.objects.get(pk=case.pk).status == Status.IN_PROGRESS


def test_pakn_khieunai_tocao_xacnhan_words_without_diacritics_are_found(ward):
    assert make_case(ward, title="Don to cao", content=FOLDED_TEXT).complaint_suspected
    assert not make_case(
        ward, title="Tô cao vỉa hè", content="Đề nghị phường tô lại vạch sơn đường."
    ).complaint_suspected
    assert not make_case(ward).complaint_suspected


def test_pakn_khieunai_tocao_xacnhan_on_the_portal_and_the_case_page(client, login, ward, reception_officer):
    data = {
        "form_token": "b" * 32,
        "unit": ward.pk,
        "title": "Đơn khiếu nại",
        "content": COMPLAINT_TEXT,
        "sender_name": "Trần Thị Mai",
        "sender_address": "Ngõ 12",
        "sender_phone": "0987654321",
        "consent": "on",
    }
    assert client.post(reverse("feedback:submit"), data).status_code == 302
    case = Case.objects.get()
    assert case.complaint_suspected
    staff = login(reception_officer)
    page = staff.get(reverse("feedback:case_detail", args=[case.pk])).content.decode()
    assert 'id="complaint-confirm"' in page and "Luật Khiếu nại 2011" in page
    response = _act(staff, case, "decide", {"decision": "xu_ly"})
    assert response.status_code == 400
    assert "PAKN-KHIEUNAI-TOCAO-XACNHAN" in response.content.decode()
    assert Case.objects.get(pk=case.pk).status == Status.NEW
    _act(staff, case, "classify", {"kind": Kind.COMPLAINT})
    case = Case.objects.get(pk=case.pk)
    assert case.status == Status.REDIRECTED and "Luật Khiếu nại" in case.public_answer


def test_pakn_khieunai_tocao_xacnhan_through_open311_and_the_suggestion_box(client, ward, reception_officer):
    call_command("apikey", "create", "Ứng dụng thử", "--unit", ward.code, stdout=io.StringIO())
    from congvu.feedback.models import ApiKey

    key = ApiKey.objects.get()
    raw = key.issue()
    key.save()
    response = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": raw,
            "jurisdiction_id": ward.code,
            "service_code": "giao-thong",
            "description": COMPLAINT_TEXT,
            "first_name": "Lan",
            "last_name": "Phạm Thị",
            "email": "lan@example.vn",
        },
    )
    assert response.status_code == 201
    assert Case.objects.get(pk=response.json()[0]["service_request_id"]).complaint_suspected
    opening = SuggestionBoxOpening.objects.create(
        unit=ward, opened_on=aware(2026, 3, 2).date(), opened_by="A", witnesses="B", letters_count=1
    )
    letter = make_case(ward, channel="hom_thu", opening=opening, title="Thư tố cáo", content=FOLDED_TEXT)
    with pytest.raises(ValidationError):
        services.decide_intake(letter, by=reception_officer, decision="xu_ly")


# PAKN-KHIEUNAI-TOCAO-CHUYENHUONG: a complaint is redirected, never handled as feedback, never counted.


def test_pakn_khieunai_tocao_chuyenhuong_refuses_every_feedback_decision(ward, reception_officer):
    case = make_case(ward, content=COMPLAINT_TEXT)
    Case.objects.filter(pk=case.pk).update(kind=Kind.DENUNCIATION, kind_confirmed=True)  # e.g. older data
    for decision, extra in (
        ("xu_ly", {}),
        ("ngoai_tham_quyen", {"forwarded_to": "Công an"}),
        ("hanh_vi", {"forwarded_to": "Phòng Nội vụ"}),
        ("khong_tiep_nhan", {"refusal_ground": RefusalGround.MISSING_SENDER, "reason": "x"}),
    ):
        with pytest.raises(ValidationError) as error:
            services.decide_intake(case, by=reception_officer, decision=decision, **extra)
        assert _refused_by(error, "PAKN-KHIEUNAI-TOCAO-CHUYENHUONG")
    assert Case.objects.get(pk=case.pk).status == Status.NEW


def test_pakn_khieunai_tocao_chuyenhuong_redirected_cases_never_count(
    ward, reception_officer, handler, unit_head
):
    feedback = make_case(ward, received_at=aware(2026, 3, 2))
    complaint = make_case(ward, received_at=aware(2026, 3, 2), content=COMPLAINT_TEXT)
    services.classify(complaint, by=reception_officer, category="", topic=None, kind=Kind.COMPLAINT)
    services.decide_intake(feedback, by=reception_officer, decision="xu_ly", now=aware(2026, 3, 3))
    answer = services.save_answer(feedback, by=handler, body="Đã giải quyết.", submit=True)
    services.review_answer(answer, by=unit_head, approve=True)
    services.send_answer(answer, by=handler, via="letter", now=aware(2026, 3, 5))
    Case.objects.filter(pk=complaint.pk).update(
        answered_at=aware(2026, 3, 30), published_at=aware(2026, 3, 30), answered_late=True
    )  # even a redirected case with an answer date stays out
    year = Period.year(2026)
    assert evaluate("feedback.received", ward, year)["value"] == 1
    assert evaluate("feedback.answered", ward, year)["value"] == 1
    assert evaluate("feedback.on_time", ward, year)["value"] == 100.0
    assert evaluate("feedback.satisfaction", ward, year)["value"] == 100.0
    assert evaluate("feedback.published", ward, year)["value"] == 0
    assert evaluate("feedback.median_days_to_answer", ward, year)["breakdown"] == {"cases": 1}
    assert evaluate("feedback.overdue_now", ward, year, with_previous=False)["value"] == 0
    assert evaluate("feedback.intake_late", ward, year)["value"] == 0


# PAKN-LOAI-TRUOCTHULY: the kind is settled at intake.


def test_pakn_loai_truocthuly_refuses_reclassifying_an_accepted_case(login, ward, reception_officer):
    case = make_case(ward, received_at=aware(2026, 3, 2))
    services.decide_intake(case, by=reception_officer, decision="xu_ly", now=aware(2026, 3, 3))
    for kind in (Kind.COMPLAINT, Kind.DENUNCIATION, Kind.SUGGESTION):
        with pytest.raises(ValidationError) as error:
            services.classify(case, by=reception_officer, category="", topic=None, kind=kind)
        assert _refused_by(error, "PAKN-LOAI-TRUOCTHULY")
    client = login(reception_officer)
    response = _act(client, case, "classify", {"kind": Kind.COMPLAINT})
    assert response.status_code == 400 and "PAKN-LOAI-TRUOCTHULY" in response.content.decode()
    case = Case.objects.get(pk=case.pk)
    assert case.status == Status.IN_PROGRESS and case.kind == Kind.FEEDBACK
    services.classify(
        case, by=reception_officer, category="khac", topic=None, kind=Kind.FEEDBACK
    )  # same kind
    assert evaluate("feedback.overdue_now", ward, Period.year(2026), with_previous=False)["value"] == 1


# PAKN-TUCHOI-CANCU: refusal only on an Art. 7 ground that holds, stored on the case.


def test_pakn_tuchoi_cancu_not_vietnamese_needs_the_check_or_the_officers_confirmation(
    ward, reception_officer
):
    foreign = make_case(ward, title="Road flooding", content=ENGLISH)
    assert foreign.not_vietnamese
    services.decide_intake(
        foreign,
        by=reception_officer,
        decision="khong_tiep_nhan",
        refusal_ground=RefusalGround.NOT_VIETNAMESE,
        reason="Phản ánh không được thể hiện bằng tiếng Việt.",
    )
    foreign = Case.objects.get(pk=foreign.pk)
    assert foreign.status == Status.NOT_ACCEPTED and foreign.refusal_ground == RefusalGround.NOT_VIETNAMESE
    vietnamese = make_case(ward)
    with pytest.raises(ValidationError) as error:
        services.decide_intake(
            vietnamese,
            by=reception_officer,
            decision="khong_tiep_nhan",
            refusal_ground=RefusalGround.NOT_VIETNAMESE,
            reason="Không phải tiếng Việt",
        )
    assert _refused_by(error, "PAKN-TUCHOI-CANCU")
    short = make_case(
        ward, title="Bonjour", content="Je voudrais signaler un problème."
    )  # too short to check
    services.decide_intake(
        short,
        by=reception_officer,
        decision="khong_tiep_nhan",
        refusal_ground=RefusalGround.NOT_VIETNAMESE,
        confirm_ground=True,
        reason="Thư viết bằng tiếng Pháp.",
    )
    assert Case.objects.get(pk=short.pk).status == Status.NOT_ACCEPTED


def test_pakn_tuchoi_cancu_needs_a_ground_and_a_reason(ward, reception_officer):
    incomplete = make_case(ward, sender_address="", consent=False)
    with pytest.raises(ValidationError) as error:
        services.decide_intake(incomplete, by=reception_officer, decision="khong_tiep_nhan", reason="Thiếu")
    assert _refused_by(error, "PAKN-TUCHOI-CANCU")
    with pytest.raises(ValidationError) as error:
        services.decide_intake(
            incomplete, by=reception_officer, decision="khong_tiep_nhan", refusal_ground="thieu_thong_tin"
        )
    assert _refused_by(error, "PAKN-TUCHOI-CANCU")
    complete = make_case(ward)
    for ground in (RefusalGround.MISSING_SENDER, RefusalGround.UNCLEAR):
        with pytest.raises(ValidationError):
            services.decide_intake(
                complete, by=reception_officer, decision="khong_tiep_nhan", refusal_ground=ground, reason="x"
            )
    services.decide_intake(
        complete,
        by=reception_officer,
        decision="khong_tiep_nhan",
        refusal_ground=RefusalGround.UNCLEAR,
        confirm_ground=True,
        reason="Nội dung không nêu vấn đề cần phản ánh.",
    )
    assert Case.objects.get(pk=complete.pk).refusal_ground == RefusalGround.UNCLEAR


def test_pakn_tuchoi_cancu_on_the_case_page_and_in_the_register(login, ward, reception_officer, unit_head):
    case = make_case(ward, title="Road flooding", content=ENGLISH)
    client = login(reception_officer)
    page = client.get(reverse("feedback:case_detail", args=[case.pk])).content.decode()
    assert 'name="refusal_ground"' in page and 'name="confirm_ground"' in page
    _act(
        client,
        case,
        "decide",
        {
            "decision": "khong_tiep_nhan",
            "refusal_ground": "khong_tieng_viet",
            "reason": "Không bằng tiếng Việt",
        },
    )
    case = Case.objects.get(pk=case.pk)
    assert case.status == Status.NOT_ACCEPTED
    assert "Điều 7 khoản 1" in client.get(reverse("feedback:case_detail", args=[case.pk])).content.decode()
    day = case.received_at.strftime("%d/%m/%Y")
    export = login(unit_head).get(
        reverse("feedback:register_export"), {"unit": ward.pk, "date_from": day, "date_to": day}
    )
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert "Điều 7 khoản 1" in rows[3][10] and rows[2][-3:] == (
        "Hạn phân loại, chuyển đơn",
        "Phân loại, chuyển đơn trễ hạn",
        "Trả lời trễ hạn",
    )


def test_pakn_khieunai_tocao_xacnhan_a_suspected_case_cannot_be_refused_as_feedback(ward, reception_officer):
    case = make_case(ward, title="Tố cáo cán bộ", content=COMPLAINT_TEXT)
    with pytest.raises(ValidationError) as error:
        services.decide_intake(
            case,
            by=reception_officer,
            decision="khong_tiep_nhan",
            refusal_ground=RefusalGround.UNCLEAR,
            confirm_ground=True,
            reason="Nội dung không rõ.",
        )
    assert _refused_by(error, "PAKN-KHIEUNAI-TOCAO-XACNHAN")
    assert Case.objects.get(pk=case.pk).status == Status.NEW


def test_pakn_tuchoi_cancu_a_text_in_vietnamese_letters_is_never_refused_as_foreign(ward, reception_officer):
    case = make_case(ward, title="Đường ngập", content="Đường trước nhà tôi bị ngập mỗi khi trời mưa lớn.")
    with pytest.raises(ValidationError) as error:
        services.decide_intake(
            case,
            by=reception_officer,
            decision="khong_tiep_nhan",
            refusal_ground=RefusalGround.NOT_VIETNAMESE,
            confirm_ground=True,
            reason="Không phải tiếng Việt.",
        )
    assert _refused_by(error, "PAKN-TUCHOI-CANCU")
    assert Case.objects.get(pk=case.pk).status == Status.NEW
