"""Citizens submit on the portal; staff log every other channel; each case gets an unguessable code."""

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from congvu.feedback.models import Case, Channel, Kind, Status, SuggestionBoxOpening
from tests.feedback.factories import make_case, topic

pytestmark = pytest.mark.django_db

CODE_RE = re.compile(r"^PA-\d{4}-\d{6}-[A-Z2-9]{4}$")


def _form(ward, **overrides):
    data = {
        "form_token": "a" * 32,
        "unit": ward.pk,
        "topic": topic().pk,
        "title": "Đường ngõ 12 bị ngập",
        "content": "Mỗi khi mưa to, ngõ 12 phố Hoàng Văn Thụ bị ngập sâu, đề nghị phường khơi thông cống.",
        "sender_name": "Trần Thị Mai",
        "sender_address": "Ngõ 12, phường An Bình",
        "sender_phone": "0987 654 321",
        "sender_email": "mai@example.vn",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_citizen_submits_on_the_portal_and_gets_a_code(client, ward, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("feedback:submit"), _form(ward))
    assert response.status_code == 302
    case = Case.objects.get()
    assert CODE_RE.match(case.code)
    assert case.channel == Channel.WEB and case.status == Status.NEW
    assert case.consent_given and case.consent_version and case.consent_at
    assert case.answer_due and case.forward_due
    page = client.get(response["Location"])
    assert case.code in page.content.decode()
    assert any(case.code in m.body for m in mail.outbox)
    assert case.events.filter(action="received").exists()


def test_a_double_click_creates_one_case(client, ward):
    client.post(reverse("feedback:submit"), _form(ward))
    client.post(reverse("feedback:submit"), _form(ward))
    assert Case.objects.count() == 1


def test_consent_is_required_and_never_pre_ticked(client, ward):
    page = client.get(reverse("feedback:submit")).content.decode()
    assert 'name="consent"' in page and "checked" not in page.split('name="consent"')[1].split(">")[0]
    response = client.post(reverse("feedback:submit"), _form(ward, consent=""))
    assert response.status_code == 200
    assert "Cần đồng ý" in response.content.decode()
    assert not Case.objects.exists()


def test_anonymous_suggestion_needs_no_contact_and_no_consent(client, ward):
    data = _form(
        ward,
        is_anonymous="on",
        sender_name="",
        sender_address="",
        sender_phone="",
        sender_email="",
        consent="",
    )
    response = client.post(reverse("feedback:submit"), data)
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.kind == Kind.SUGGESTION and case.is_anonymous and not case.sender_name


def test_missing_contact_gets_field_errors_not_a_500(client, ward):
    response = client.post(
        reverse("feedback:submit"), _form(ward, sender_phone="", sender_email="", title="", content="x")
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nhập số điện thoại hoặc thư điện tử." in body
    assert not Case.objects.exists()


def test_script_in_text_is_shown_as_text(client, ward, login, handler):
    client.post(reverse("feedback:submit"), _form(ward, title="<script>alert(1)</script> ngập"))
    case = Case.objects.get()
    body = login(handler).get(reverse("feedback:case_detail", args=[case.pk])).content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body


def _jpeg_with_exif():
    image = Image.new("RGB", (20, 20), "red")
    exif = Image.Exif()
    exif[0x8825] = {2: (21.0, 51.0, 0.0)}  # GPS latitude
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("anh.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_attachments_are_checked_and_images_lose_location(client, ward):
    bad = SimpleUploadedFile("hoso.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(reverse("feedback:submit"), {**_form(ward), "files": [bad]})
    assert response.status_code == 200
    body = response.content.decode()
    assert "không đúng định dạng" in body and "Đường ngõ 12 bị ngập" in body  # the rest is kept
    response = client.post(reverse("feedback:submit"), {**_form(ward), "files": [_jpeg_with_exif()]})
    assert response.status_code == 302
    attachment = Case.objects.get().attachments.get()
    with Image.open(attachment.file.path) as stored:
        assert not stored.getexif().get(0x8825)


def test_reception_logs_a_hotline_call(login, reception_officer, ward):
    client = login(reception_officer)
    response = client.post(
        reverse("feedback:intake"),
        {
            "channel": "hotline",
            "unit": ward.pk,
            "hotline_number": "0205 3888 888",
            "call_at": "05/03/2026 14:30",
            "sender_name": "Hoàng Văn Gọi",
            "sender_phone": "0911222333",
            "title": "Cán bộ một cửa vắng mặt",
            "content": "Sáng nay tôi đến bộ phận một cửa lúc 9 giờ nhưng không có cán bộ nào trực.",
        },
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.channel == Channel.HOTLINE and case.received_by == reception_officer
    assert case.hotline_number == "0205 3888 888" and case.call_at.day == 5


def test_hotline_needs_the_number_called(login, reception_officer, ward):
    response = login(reception_officer).post(
        reverse("feedback:intake"),
        {"channel": "hotline", "unit": ward.pk, "title": "Gọi", "content": "Nội dung cuộc gọi đầy đủ"},
    )
    assert response.status_code == 200 and "Nhập số đường dây nóng" in response.content.decode()


def test_suggestion_box_opening_with_letters(login, reception_officer, ward):
    client = login(reception_officer)
    response = client.post(
        reverse("feedback:openings"),
        {
            "unit": ward.pk,
            "opened_on": "02/03/2026",
            "opened_by": "Lê Thị Tiếp Nhận",
            "witnesses": "Đại diện MTTQ phường",
            "letters_count": 2,
        },
    )
    opening = SuggestionBoxOpening.objects.get()
    assert response["Location"] == reverse("feedback:opening_detail", args=[opening.pk])
    for title in ("Đề nghị niêm yết thủ tục", "Góp ý giờ làm việc"):
        client.post(
            reverse("feedback:opening_detail", args=[opening.pk]),
            {
                "title": title,
                "content": "Nội dung thư góp ý viết tay trong hòm thư.",
                "is_anonymous": "on",
                "form_token": title[:5],
            },
        )
    assert opening.cases.count() == 2
    assert set(opening.cases.values_list("channel", flat=True)) == {Channel.SUGGESTION_BOX}


def test_foreign_language_content_is_accepted_but_flagged(ward):
    case = make_case(
        ward, title="Road flooding", content="The road near my house floods every time it rains heavily here."
    )
    assert case.not_vietnamese
    assert not make_case(ward).not_vietnamese


def test_similar_open_cases_are_suggested_while_typing(login, reception_officer, ward):
    existing = make_case(ward, title="Đèn chiếu sáng đường Lê Lợi hỏng")
    response = login(reception_officer).get(
        reverse("feedback:similar"),
        {
            "unit": ward.pk,
            "title": "den chieu sang duong le loi hong",
            "content": "Đèn chiếu sáng đường Lê Lợi hỏng",
        },
    )
    assert existing.code in response.content.decode()


def test_a_form_sent_back_with_errors_asks_to_choose_the_files_again(client, ward):
    response = client.post(
        reverse("feedback:submit"), {**_form(ward, consent=""), "files": [_jpeg_with_exif()]}
    )
    assert response.status_code == 200
    assert 'id="files-again"' in response.content.decode()
    response = client.post(reverse("feedback:submit"), _form(ward, consent=""))
    assert 'id="files-again"' not in response.content.decode()


def test_inbox_offers_intake_buttons_only_to_intake_roles(client, leadership, reception_officer):
    intake_url, openings_url = reverse("feedback:intake"), reverse("feedback:openings")
    client.force_login(leadership)
    page = client.get(reverse("feedback:inbox")).content.decode()
    assert intake_url not in page and openings_url not in page
    assert client.get(intake_url).status_code == 403
    client.force_login(reception_officer)
    page = client.get(reverse("feedback:inbox")).content.decode()
    assert intake_url in page and openings_url in page
