"""Password change (logged in) and reset by e-mail: Vietnamese pages, no hint whether an address
exists, limited per address and per e-mail."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem"
NEW_PASSWORD = "Mua-thu-Ha-Noi-2026"


@pytest.fixture
def officer(reception_officer):
    reception_officer.email = "tiepnhan@anbinh.gov.vn"
    reception_officer.save()
    return reception_officer


def _reset_link(message) -> str:
    return re.search(r"https?://[^/]+(/dang-nhap/dat-lai/\S+/)", message.body).group(1)


def test_a_logged_in_official_changes_the_password(client, officer):
    client.post(reverse("accounts:login"), {"username": "tiepnhan", "password": PASSWORD})
    page = client.get(reverse("accounts:password_change"))
    assert page.status_code == 200 and "Đổi mật khẩu" in page.content.decode()
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == reverse("accounts:account")
    assert client.get(reverse("accounts:account")).status_code == 200  # this session goes on
    officer.refresh_from_db()
    assert officer.check_password(NEW_PASSWORD)


def test_a_wrong_old_password_is_refused_in_vietnamese(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "sai", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "Mật khẩu cũ không chính xác" in response.content.decode()
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


def test_password_change_needs_login(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_password_change_ends_the_other_sessions(client, officer):
    from django.test import Client

    elsewhere = Client()
    elsewhere.post(reverse("accounts:login"), {"username": "tiepnhan", "password": PASSWORD})
    assert elsewhere.get(reverse("accounts:account")).status_code == 200
    client.post(reverse("accounts:login"), {"username": "tiepnhan", "password": PASSWORD})
    client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert elsewhere.get(reverse("accounts:account")).status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200


def test_reset_by_email_end_to_end(client, officer):
    assert "Quên mật khẩu" in client.get(reverse("accounts:login")).content.decode()
    response = client.post(reverse("accounts:password_reset"), {"email": "TiepNhan@anbinh.gov.vn"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["tiepnhan@anbinh.gov.vn"]
    assert "Đặt lại mật khẩu" in message.subject and "\n" not in message.subject
    assert "Xin chào" in message.body
    link = _reset_link(message)
    form_page = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302 and done["Location"] == reverse("accounts:password_reset_complete")
    officer.refresh_from_db()
    assert officer.check_password(NEW_PASSWORD)
    again = client.get(link, follow=True)  # a link works once
    assert "không hợp lệ hoặc đã được dùng" in again.content.decode()


def test_reset_does_not_reveal_whether_an_address_exists(client, officer):
    known = client.post(reverse("accounts:password_reset"), {"email": "tiepnhan@anbinh.gov.vn"})
    unknown = client.post(reverse("accounts:password_reset"), {"email": "khong-co@anbinh.gov.vn"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1
    done = client.get(reverse("accounts:password_reset_done")).content.decode()
    assert "Nếu địa chỉ bạn nhập thuộc một tài khoản" in done


def test_reset_links_per_email_are_capped_silently(client, officer, settings):
    settings.PASSWORD_RESET_EMAIL_LIMIT = 2
    for n in range(4):
        response = client.post(
            reverse("accounts:password_reset"), {"email": "tiepnhan@anbinh.gov.vn"}, REMOTE_ADDR=f"10.0.0.{n}"
        )
        assert response.status_code == 302
    assert len(mail.outbox) == 2


def test_reset_requests_per_address_are_limited_with_a_429(client, officer, settings):
    settings.PASSWORD_RESET_ADDRESS_LIMIT = 3
    for n in range(3):
        client.post(reverse("accounts:password_reset"), {"email": f"ai{n}@example.vn"})
    response = client.post(reverse("accounts:password_reset"), {"email": "tiepnhan@anbinh.gov.vn"})
    assert response.status_code == 429
    assert "quá nhiều yêu cầu đặt lại mật khẩu" in response.content.decode()
    assert not mail.outbox


def test_a_bad_reset_link_and_bad_input_get_clean_answers(client, officer):
    page = client.get("/dang-nhap/dat-lai/Mg/sai-token/", follow=True)
    assert page.status_code == 200 and "không hợp lệ" in page.content.decode()
    assert client.post(reverse("accounts:password_reset"), {"email": "khong-phai-email"}).status_code == 200
    assert client.post(reverse("accounts:password_reset"), {"email": "a@b.vn\x00"}).status_code < 500


def test_an_inactive_account_gets_no_link(client):
    UserFactory(username="danghi", email="danghi@anbinh.gov.vn", is_active=False)
    client.post(reverse("accounts:password_reset"), {"email": "danghi@anbinh.gov.vn"})
    assert not mail.outbox


def test_guessing_the_old_password_is_slowed(client, officer):
    client.force_login(officer)
    wrong = {"old_password": "sai", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    for _ in range(3):
        assert client.post(reverse("accounts:password_change"), wrong).status_code == 200
    right = {**wrong, "old_password": PASSWORD}
    response = client.post(reverse("accounts:password_change"), right)
    assert response.status_code == 429 and "Vui lòng thử lại sau" in response.content.decode()
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)
