"""The user's own sessions: listed with the address and time last seen, ended one by one or all the
others at once, and ended by a password change or reset."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse

from congvu.accounts.models import UserSession
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem"
NEW_PASSWORD = "Mua-thu-Ha-Noi-2026"


def logged_in_from(address, username="tiepnhan", agent="Firefox trên máy cơ quan"):
    client = Client(REMOTE_ADDR=address, HTTP_USER_AGENT=agent)
    response = client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_sessions_are_listed_with_address_and_browser(reception_officer):
    logged_in_from("10.1.1.20")
    phone = logged_in_from("10.9.9.9", agent="Điện thoại Android")
    page = phone.get(reverse("accounts:sessions")).content.decode()
    assert "10.1.1.20" in page and "10.9.9.9" in page and "Firefox trên máy cơ quan" in page
    assert "Phiên này" in page


def test_end_another_session(reception_officer):
    desk = logged_in_from("10.1.1.20")
    phone = logged_in_from("10.9.9.9")
    desk_row = UserSession.objects.get(ip_address="10.1.1.20")
    response = phone.post(reverse("accounts:sessions"), {"end": str(desk_row.pk)})
    assert response.status_code == 302
    assert desk.get(reverse("accounts:staff_home")).status_code == 302  # logged out
    assert phone.get(reverse("accounts:staff_home")).status_code == 200
    assert not Session.objects.filter(session_key=desk_row.session_key).exists()


def test_end_every_other_session(reception_officer):
    others = [logged_in_from(f"10.1.1.{n}") for n in range(3)]
    me = logged_in_from("10.9.9.9")
    me.post(reverse("accounts:sessions"), {"end_others": "1"})
    assert all(other.get(reverse("accounts:staff_home")).status_code == 302 for other in others)
    assert me.get(reverse("accounts:staff_home")).status_code == 200
    assert UserSession.objects.count() == 1


def test_another_users_session_cannot_be_ended(reception_officer):
    UserFactory(username="khac")
    theirs = logged_in_from("10.2.2.2", username="khac")
    me = logged_in_from("10.9.9.9")
    their_row = UserSession.objects.get(user__username="khac")
    assert me.post(reverse("accounts:sessions"), {"end": str(their_row.pk)}).status_code == 404
    assert me.post(reverse("accounts:sessions"), {"end": "²"}).status_code == 404
    assert me.post(reverse("accounts:sessions"), {"end": "9" * 40}).status_code == 404
    assert theirs.get(reverse("accounts:staff_home")).status_code == 200


def test_logout_removes_the_row(reception_officer):
    client = logged_in_from("10.1.1.20")
    client.post(reverse("accounts:logout"))
    assert not UserSession.objects.exists()


def test_a_password_change_ends_other_sessions_and_keeps_this_one_listed(reception_officer):
    other = logged_in_from("10.1.1.20")
    me = logged_in_from("10.9.9.9")
    me.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert other.get(reverse("accounts:staff_home")).status_code == 302
    rows = list(UserSession.objects.all())
    assert len(rows) == 1 and rows[0].session_key == me.session.session_key
    assert "Phiên này" in me.get(reverse("accounts:sessions")).content.decode()


def test_a_password_reset_ends_every_session(reception_officer):
    reception_officer.email = "tiepnhan@anbinh.gov.vn"
    reception_officer.save()
    thief = logged_in_from("198.51.100.66")
    helper = Client()
    helper.post(reverse("accounts:password_reset"), {"email": "tiepnhan@anbinh.gov.vn"})
    link = re.search(r"https?://[^/]+(/dang-nhap/dat-lai/\S+/)", mail.outbox[0].body).group(1)
    form_page = helper.get(link, follow=True)
    helper.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert thief.get(reverse("accounts:staff_home")).status_code == 302
    assert not UserSession.objects.exists()
