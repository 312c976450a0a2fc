"""Tracking without login: the code alone shows the status; with the phone or e-mail, everything."""

import pytest
from django.urls import reverse

from congvu.feedback.views_public import TRACK_LIMIT
from tests.feedback.factories import aware, make_case

pytestmark = pytest.mark.django_db


def test_code_alone_shows_only_the_status(client, ward):
    case = make_case(ward, title="Tiêu đề riêng tư")
    body = client.get(reverse("feedback:track_code", args=[case.code])).content.decode()
    assert "Mới tiếp nhận" in body
    assert "Tiêu đề riêng tư" not in body and "Nguyễn Văn Dân" not in body


def test_code_and_phone_show_everything(client, ward):
    case = make_case(ward, title="Tiêu đề riêng tư")
    response = client.post(reverse("feedback:track"), {"code": case.code.lower(), "contact": "0912 345 678"})
    body = client.get(response["Location"]).content.decode()
    assert "Tiêu đề riêng tư" in body and case.answer_due.strftime("%d/%m/%Y") in body


def test_wrong_contact_shows_only_the_status(client, ward):
    case = make_case(ward, title="Tiêu đề riêng tư")
    response = client.post(
        reverse("feedback:track"), {"code": case.code, "contact": "0999999999"}, follow=True
    )
    assert "Tiêu đề riêng tư" not in response.content.decode()


def test_unknown_code_is_a_field_error(client, db):
    response = client.post(reverse("feedback:track"), {"code": "PA-2026-000001-XXXX"})
    assert response.status_code == 200 and "Không tìm thấy" in response.content.decode()


def test_guessing_codes_is_rate_limited(client, db):
    for _ in range(TRACK_LIMIT):
        client.post(reverse("feedback:track"), {"code": "PA-2026-000001-XXXX"})
    response = client.post(reverse("feedback:track"), {"code": "PA-2026-000001-XXXX"})
    assert response.status_code == 429 and "Quá nhiều lần tra cứu" in response.content.decode()


def test_unknown_code_in_the_url_is_a_clear_404(client, db):
    response = client.get(reverse("feedback:track_code", args=["PA-2026-000001-XXXX"]))
    assert response.status_code == 404 and "Không tìm thấy" in response.content.decode()
    long_code = "X" * 200
    assert client.get(reverse("feedback:track_code", args=[long_code])).status_code == 404


def test_guessing_codes_in_the_url_is_rate_limited(client, db):
    for _ in range(TRACK_LIMIT):
        client.get(reverse("feedback:track_code", args=["PA-2026-000001-XXXX"]))
    response = client.get(reverse("feedback:track_code", args=["PA-2026-000001-XXXX"]))
    assert response.status_code == 429 and "Quá nhiều lần tra cứu" in response.content.decode()


def test_published_answers_mark_former_units(client, city):
    import datetime as dt

    from django.urls import reverse
    from django.utils import timezone

    from congvu.feedback.models import Case
    from tests.factories import UnitFactory

    former = UnitFactory(name="Phòng Tư pháp cũ", parent=city, valid_to=dt.date(2025, 6, 30))
    case = make_case(former, received_at=aware(2024, 3, 4))
    Case.objects.filter(pk=case.pk).update(
        published_at=timezone.now(),
        public_title="Hộ tịch",
        public_content="Nội dung",
        public_answer="Đã trả lời.",
    )
    assert "Phòng Tư pháp cũ (cũ)" in client.get(reverse("feedback:published_list")).content.decode()
    assert (
        "Phòng Tư pháp cũ (cũ)"
        in client.get(reverse("feedback:published_detail", args=[case.pk])).content.decode()
    )
