"""A case is decided, classified, routed, extended, paused, answered, approved, sent, published and rated."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from congvu.core.workdays import add_working_days
from congvu.feedback import services
from congvu.feedback.models import Answer, Case, DeadlineRule, Kind, Status
from tests.feedback.factories import aware, make_case, topic

pytestmark = pytest.mark.django_db


def _act(client, case, slug, data=None):
    return client.post(reverse("feedback:case_action", args=[case.pk, slug]), data or {})


def test_deadlines_are_counted_in_working_days_across_tet(ward):
    case = make_case(ward, received_at=aware(2026, 2, 12))
    assert case.forward_due == dt.date(2026, 2, 26)  # Tết 16–20/02/2026 does not count
    assert case.answer_due == dt.date(2026, 3, 12)


def test_deadline_rules_per_topic_and_unit(ward, other_ward):
    DeadlineRule.objects.create(unit=ward, answer_days=3)
    DeadlineRule.objects.create(unit=ward, topic=topic("ho-tich"), answer_days=7)
    monday = aware(2026, 3, 2)
    assert make_case(ward, received_at=monday).answer_due == dt.date(2026, 3, 5)
    assert make_case(ward, received_at=monday, topic=topic("ho-tich")).answer_due == dt.date(2026, 3, 11)
    assert make_case(other_ward, received_at=monday).answer_due == dt.date(2026, 3, 23)


def test_full_handling_chain(
    login, client, ward, reception_officer, handler, unit_head, django_capture_on_commit_callbacks
):
    case = make_case(ward)  # received today: the extension below comes before the deadline runs out
    extended_due = add_working_days(case.answer_due, 5)
    client = login(reception_officer)
    _act(client, case, "decide", {"decision": "xu_ly"})
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS

    client = login(unit_head)
    _act(client, case, "assign", {"unit": ward.pk, "handler": handler.pk})
    _act(client, case, "extend", {"days": 5, "reason": "Cần xác minh thực địa"})
    case.refresh_from_db()
    assert case.handler == handler and case.extended and case.answer_due == extended_due
    response = _act(client, case, "extend", {"days": 5, "reason": "Lần hai"})
    case.refresh_from_db()
    assert case.answer_due == extended_due  # only one extension

    client = login(handler)
    _act(
        client,
        case,
        "answer",
        {"body": "Phường đã kiểm tra và cấp giấy chứng nhận ngày 10/3.", "submit": "1"},
    )
    case.refresh_from_db()
    assert case.status == Status.AWAITING_APPROVAL

    client = login(unit_head)
    _act(client, case, "review", {"comment": "", "return": "1"})  # returning needs a comment
    assert case.answers.get().state == Answer.State.SUBMITTED
    _act(client, case, "review", {"comment": "Bổ sung căn cứ pháp lý", "return": "1"})
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS and case.answers.get().state == Answer.State.RETURNED

    client = login(handler)
    _act(
        client,
        case,
        "answer",
        {"body": "Căn cứ Luật Đất đai 2024, phường đã cấp giấy chứng nhận.", "submit": "1"},
    )
    client = login(unit_head)
    _act(client, case, "review", {"approve": "1"})
    client = login(handler)
    letter = client.get(reverse("feedback:answer_letter", args=[case.pk]))
    assert letter["Content-Type"].startswith("application/vnd.openxmlformats")
    with django_capture_on_commit_callbacks(execute=True):
        _act(client, case, "send", {"via": "email"})
    case.refresh_from_db()
    assert case.status == Status.ANSWERED and case.answered_at
    assert any("Luật Đất đai 2024" in m.body for m in mail.outbox)

    # Publish: the preview first, personal data refused.
    url = reverse("feedback:case_publish", args=[case.pk])
    leaked = {
        "public_title": "Cấp giấy chứng nhận",
        "public_content": "Ông Nguyễn Văn Dân phản ánh",
        "public_answer": "Đã cấp.",
    }
    response = client.post(url, {**leaked, "confirm": "1"})
    assert "thông tin cá nhân" in response.content.decode()
    clean = {**leaked, "public_content": "Người dân phản ánh chậm cấp giấy chứng nhận."}
    preview = client.post(url, {**clean, "preview": "1"})
    assert "publish-preview" in preview.content.decode()
    client.post(url, {**clean, "confirm": "1"})
    case.refresh_from_db()
    assert case.published_at
    public = client.get(reverse("feedback:published_detail", args=[case.pk])).content.decode()
    assert (
        "chậm cấp giấy chứng nhận" in public and "0912345678" not in public and "Nguyễn Văn Dân" not in public
    )

    actions = list(case.events.values_list("action", flat=True))
    for step in (
        "received",
        "accepted",
        "assigned",
        "extended",
        "answer_submitted",
        "answer_returned",
        "answer_approved",
        "answered",
        "published",
    ):
        assert step in actions
    assert all(e.by_name for e in case.events.exclude(action="received"))


def test_pause_stops_the_clock(ward, handler):
    case = make_case(ward, received_at=aware(2026, 3, 2))
    services.decide_intake(case, by=handler, decision="xu_ly")
    due = Case.objects.get(pk=case.pk).answer_due
    services.pause(case, by=handler, reason="Bổ sung bản sao giấy tờ", today=dt.date(2026, 3, 4))
    case = services.resume(case, by=handler, today=dt.date(2026, 3, 9))  # Thu, Fri, Mon elapsed
    assert case.answer_due == dt.date(2026, 3, 23) + dt.timedelta(days=3)
    assert due == dt.date(2026, 3, 23)
    assert [e.action for e in case.events.all()][-2:] == ["paused", "resumed"]


def test_not_accepted_only_when_details_are_missing(ward, reception_officer):
    case = make_case(ward)
    with pytest.raises(ValidationError):
        services.decide_intake(
            case,
            by=reception_officer,
            decision="khong_tiep_nhan",
            refusal_ground="thieu_thong_tin",
            reason="Thiếu thông tin",
        )
    incomplete = make_case(ward, sender_address="", consent=False)  # no address (Art. 7)
    services.decide_intake(
        incomplete,
        by=reception_officer,
        decision="khong_tiep_nhan",
        refusal_ground="thieu_thong_tin",
        reason="Thiếu địa chỉ, số điện thoại",
    )
    incomplete.refresh_from_db()
    assert incomplete.status == Status.NOT_ACCEPTED and incomplete.decision_reason


def test_forwarding_needs_a_destination(ward, reception_officer):
    case = make_case(ward)
    with pytest.raises(ValidationError):
        services.decide_intake(case, by=reception_officer, decision="ngoai_tham_quyen")
    services.decide_intake(
        case, by=reception_officer, decision="ngoai_tham_quyen", forwarded_to="Sở Tài nguyên và Môi trường"
    )
    assert Case.objects.get(pk=case.pk).status == Status.FORWARDED


def test_complaint_leaves_the_track_with_guidance(ward, reception_officer):
    case = make_case(ward)
    services.classify(case, by=reception_officer, category="", topic=None, kind=Kind.COMPLAINT)
    case.refresh_from_db()
    assert case.status == Status.REDIRECTED and "Luật Khiếu nại" in case.public_answer


def test_merge_and_both_senders_are_told(
    ward, reception_officer, handler, unit_head, django_capture_on_commit_callbacks
):
    main = make_case(ward)
    duplicate = make_case(ward, sender_email="khac@example.vn", sender_phone="0900000001")
    assert main in __import__("congvu.feedback.selectors", fromlist=["x"]).similar_open_cases(duplicate)
    services.merge(duplicate, into=main, by=reception_officer)
    services.decide_intake(main, by=reception_officer, decision="xu_ly")
    answer = services.save_answer(main, by=handler, body="Đã giải quyết.", submit=True)
    services.review_answer(answer, by=unit_head, approve=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_answer(answer, by=handler, via="email")
    recipients = {address for m in mail.outbox for address in m.to}
    assert {"dan@example.vn", "khac@example.vn"} <= recipients
    assert Case.objects.get(pk=duplicate.pk).status == Status.MERGED


def test_rating_through_tracking(client, ward, handler, unit_head):
    case = make_case(ward)
    services.decide_intake(case, by=handler, decision="xu_ly")
    answer = services.save_answer(case, by=handler, body="Trả lời.", submit=True)
    services.review_answer(answer, by=unit_head, approve=True)
    services.send_answer(answer, by=handler, via="letter")
    client.post(reverse("feedback:track"), {"code": case.code, "contact": "dan@example.vn"})
    client.post(
        reverse("feedback:rate", args=[case.code]),
        {"satisfied": "0", "comment": "Chưa thỏa đáng", "contact": "x"},
    )
    case.refresh_from_db()
    assert case.rating.satisfied is False
    client.post(reverse("feedback:rate", args=[case.code]), {"satisfied": "1", "contact": "x"})
    case.refresh_from_db()
    assert case.rating.satisfied is False  # once only


def test_bulk_assignment(login, ward, unit_head, handler):
    cases = [make_case(ward) for _ in range(3)]
    login(unit_head).post(
        reverse("feedback:bulk_assign"),
        {"case": [c.pk for c in cases], "unit": ward.pk, "handler": handler.pk},
    )
    assert Case.objects.filter(handler=handler).count() == 3


def test_sms_gateway_logs_by_default(ward, handler, unit_head, django_capture_on_commit_callbacks):
    case = make_case(ward)
    services.decide_intake(case, by=handler, decision="xu_ly")
    answer = services.save_answer(case, by=handler, body="Trả lời qua tin nhắn.", submit=True)
    services.review_answer(answer, by=unit_head, approve=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_answer(answer, by=handler, via="sms")
    message = case.messages.filter(channel="sms").last()
    assert message.ok and message.detail == "log"


def test_sms_http_gateway_failure_is_recorded_not_raised(
    ward, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setenv("FEEDBACK_SMS_BACKEND", "http")
    monkeypatch.delenv("FEEDBACK_SMS_URL", raising=False)
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(ward)
    message = case.messages.get(channel="sms")
    assert not message.ok and "FEEDBACK_SMS_URL" in message.detail


def test_sms_http_gateway_posts_json(monkeypatch):
    from congvu.feedback import sms

    sent = {}

    class Response:
        status = 200

        def __enter__(self):
            return self

        def __exit__(self, *args):
            return False

    def fake_urlopen(request, timeout):
        sent["body"], sent["auth"] = request.data, request.headers["Authorization"]
        return Response()

    monkeypatch.setenv("FEEDBACK_SMS_BACKEND", "http")
    monkeypatch.setenv("FEEDBACK_SMS_URL", "http://127.0.0.1:9/sms")
    monkeypatch.setenv("FEEDBACK_SMS_TOKEN", "t0k")
    monkeypatch.setattr(sms.urllib.request, "urlopen", fake_urlopen)
    assert sms.send_sms("0912345678", "Mã PA") == "http"
    assert b'"to": "0912345678"' in sent["body"] and sent["auth"] == "Bearer t0k"


def test_discipline_proposal_calls_the_discipline_part(ward, unit_head, reception_officer, monkeypatch):
    from tests.factories import StaffFactory

    calls = []
    monkeypatch.setattr(services, "open_discipline_case", lambda **kwargs: calls.append(kwargs))
    case = make_case(ward)
    official = StaffFactory(unit=ward)
    services.set_officials(case, by=reception_officer, staff=[official])
    assert services.propose_discipline(case, by=unit_head) == 1
    assert (
        calls[0]["staff"] == official
        and calls[0]["origin"] == "feedback"
        and calls[0]["origin_reference"] == case.code
    )


def test_similar_cases_stay_within_the_scope(login, ward, other_ward, reception_officer):
    mine = make_case(ward, title="Đèn đường hỏng kéo dài ở khu phố")
    make_case(other_ward, title="Đèn đường hỏng kéo dài ở khu phố", sender_name="Người Phường Khác")
    body = login(reception_officer).get(reverse("feedback:case_detail", args=[mine.pk])).content.decode()
    others = Case.objects.exclude(pk=mine.pk).get()
    assert others.code not in body
    twin = make_case(ward, title="Đèn đường hỏng kéo dài ở khu phố")
    body = login(reception_officer).get(reverse("feedback:case_detail", args=[mine.pk])).content.decode()
    assert twin.code in body


def test_invalid_action_keeps_what_was_typed(login, ward, handler, unit_head):
    case = make_case(ward)  # received today: the extension form is offered until the deadline runs out
    services.decide_intake(case, by=unit_head, decision="xu_ly")
    services.assign(case, by=unit_head, unit=ward, handler=handler)
    client = login(unit_head)
    response = _act(client, case, "extend", {"days": "99", "reason": "Cần xác minh thực địa"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Cần xác minh thực địa" in page and 'name="days"' in page and 'value="99"' in page
    case.refresh_from_db()
    assert not case.extended
    client = login(handler)
    long_answer = "Trả lời " * 3000
    response = _act(client, case, "answer", {"body": long_answer, "submit": "1"})
    assert response.status_code == 400
    assert long_answer.strip() in response.content.decode()
    assert not case.answers.exists()


def test_timeline_steps_name_who_and_keep_before_and_after(ward, handler):
    case = make_case(ward)
    services.decide_intake(case, by=handler, decision="xu_ly")
    received, accepted = case.events.all()
    assert (received.by, received.before, received.after) == (None, None, "Mới tiếp nhận")
    assert received.public and received.label == "Tiếp nhận"
    assert accepted.by == handler and accepted.by_name == handler.display_name
    assert (accepted.before, accepted.after) == ("Mới tiếp nhận", "Đang xử lý")
    assert case.events.filter(after="Đang xử lý").count() == 1


def test_out_of_scope_attachment_and_unknown_action_look_missing(login, ward, other_ward, reception_officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    outside = services.add_attachment(make_case(other_ward), SimpleUploadedFile("a.pdf", pdf))
    inside = services.add_attachment(make_case(ward), SimpleUploadedFile("b.pdf", pdf))
    client = login(reception_officer)
    assert client.get(reverse("feedback:attachment", args=[outside.pk])).status_code == 404
    assert client.get(reverse("feedback:attachment", args=[inside.pk])).status_code == 200
    mine = inside.case
    assert client.post(reverse("feedback:case_action", args=[mine.pk, "khong-co"])).status_code == 404
