"""Login throttling: an attacker is slowed, the owner and an office behind one address are not locked out."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congvu.accounts import throttle
from congvu.accounts.models import LoginThrottle
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem"
ATTACKER = "198.51.100.66"
OWNER_DESK = "10.1.1.20"
OFFICE_NAT = "203.0.113.5"


class Clock:
    """The throttle's clock, moved by hand."""

    def __init__(self):
        self.now = timezone.now()

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(throttle, "_now", clock)
    return clock


def attempt(client, username, password, address):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def test_an_attacker_elsewhere_cannot_lock_the_owner_out(client, reception_officer, clock):
    """Fifty wrong passwords for the account from another address (which on the old per-account count
    locked the owner for 15 minutes) leave the owner's own desk untouched."""
    for _ in range(50):
        attempt(client, "tiepnhan", "doan-mo", ATTACKER)
    response = attempt(client, "tiepnhan", PASSWORD, OWNER_DESK)
    assert response.status_code == 302 and logged_in(client)


def test_the_attacker_is_slowed_even_with_the_right_password(client, reception_officer, clock):
    """Once its pair is pausing, even the right password is refused from that pair (no oracle), with
    the wait said in Vietnamese and a 429."""
    for _ in range(3):
        attempt(client, "tiepnhan", "doan-mo", ATTACKER)
    response = attempt(client, "tiepnhan", PASSWORD, ATTACKER)
    assert response.status_code == 429 and not logged_in(client)
    assert "Vui lòng thử lại sau 30 giây" in response.content.decode()
    assert response["Retry-After"] == "30"


def test_one_office_address_with_many_users(client, clock):
    """Forty colleagues behind one NAT address each mistype once and then log in; a colleague who keeps
    failing at the same address slows only themselves."""
    colleagues = [UserFactory(username=f"canbo{n}") for n in range(40)]
    for _ in range(10):
        attempt(client, "canbo-quen-mat-khau", "sai", OFFICE_NAT)
    for colleague in colleagues:
        assert attempt(client, colleague.username, "go-nham", OFFICE_NAT).status_code == 200
        response = attempt(client, colleague.username, PASSWORD, OFFICE_NAT)
        assert response.status_code == 302, colleague.username
        client.logout()


def test_back_off_doubles_with_each_failure_up_to_the_ceiling(client, reception_officer, clock):
    for _ in range(3):
        assert attempt(client, "tiepnhan", "sai", ATTACKER).status_code == 200
    waits = []
    for _ in range(8):
        refused = attempt(client, "tiepnhan", "sai", ATTACKER)
        assert refused.status_code == 429
        wait = int(refused["Retry-After"])
        waits.append(wait)
        clock.advance(wait - 1)
        assert attempt(client, "tiepnhan", "sai", ATTACKER).status_code == 429  # not yet
        clock.advance(1)
        assert attempt(client, "tiepnhan", "sai", ATTACKER).status_code == 200  # tried, and wrong
    assert waits[:5] == [30, 60, 120, 240, 480]
    assert waits[5:] == [900, 900, 900]
    assert "Vui lòng thử lại sau 15 phút" in attempt(client, "tiepnhan", "sai", ATTACKER).content.decode()


def test_a_success_resets_the_pairs_count(client, reception_officer, clock):
    for _ in range(2):
        attempt(client, "tiepnhan", "sai", OWNER_DESK)
    assert attempt(client, "tiepnhan", PASSWORD, OWNER_DESK).status_code == 302
    client.logout()
    assert not LoginThrottle.objects.exists()
    for _ in range(2):  # two free failures again, not a pause
        assert attempt(client, "tiepnhan", "sai", OWNER_DESK).status_code == 200
    assert attempt(client, "tiepnhan", PASSWORD, OWNER_DESK).status_code == 302


def test_old_failures_are_forgotten(client, reception_officer, clock):
    for _ in range(6):
        attempt(client, "tiepnhan", "sai", OWNER_DESK)
        clock.advance(3600)
    clock.advance(24 * 3600 + 1)
    assert attempt(client, "tiepnhan", PASSWORD, OWNER_DESK).status_code == 302


@override_settings(LOGIN_ADDRESS_FAILURE_LIMIT=20)
def test_an_address_spraying_many_accounts_meets_the_ceiling(client, reception_officer, clock):
    """Two tries on each of many accounts stay under every pair's pause; the address's ceiling stops it."""
    for n in range(10):
        for _ in range(2):
            attempt(client, f"doan{n}", "Matkhau123", ATTACKER)
    response = attempt(client, "tiepnhan", PASSWORD, ATTACKER)
    assert response.status_code == 429 and not logged_in(client)
    assert attempt(client, "tiepnhan", PASSWORD, OWNER_DESK).status_code == 302


def test_an_empty_password_neither_counts_nor_forgives(client, reception_officer, clock):
    for _ in range(3):
        attempt(client, "tiepnhan", "sai", ATTACKER)
    attempt(client, "tiepnhan", "", ATTACKER)
    assert attempt(client, "tiepnhan", PASSWORD, ATTACKER).status_code == 429


def test_odd_and_overlong_usernames_and_addresses_are_refused_cleanly(client, clock, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    response = client.post(
        reverse("accounts:login"),
        {"username": "ư" * 5000, "password": "x"},
        HTTP_X_FORWARDED_FOR="1.2.3.4, " + "9" * 3000,
    )
    assert response.status_code == 200
    assert LoginThrottle.objects.count() <= 1


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    failures=st.lists(
        st.tuples(st.sampled_from(["tiepnhan", "Tiepnhan", "khac"]), st.sampled_from([ATTACKER, OFFICE_NAT])),
        max_size=30,
    )
)
def test_the_right_password_from_a_fresh_address_is_never_refused(client, reception_officer, failures):
    """Whatever failures others make from other addresses, the owner at a clean desk logs in."""
    for username, address in failures:
        attempt(client, username, "sai", address)
    assert attempt(client, "tiepnhan", PASSWORD, OWNER_DESK).status_code == 302
    client.logout()
    LoginThrottle.objects.all().delete()


def test_a_colleague_behind_the_same_address_cannot_block_the_owners_known_browser(reception_officer, clock):
    """Someone behind the office's one address types wrong passwords for the owner's account until that
    (account, address) pair pauses; the owner's browser, which logged in before, still gets in."""
    from django.test import Client

    owner = Client()
    assert attempt(owner, "tiepnhan", PASSWORD, OFFICE_NAT).status_code == 302
    owner.post(reverse("accounts:logout"))
    colleague = Client()
    for _ in range(6):
        attempt(colleague, "tiepnhan", "doan-mo", OFFICE_NAT)
    assert attempt(colleague, "tiepnhan", PASSWORD, OFFICE_NAT).status_code == 429  # that browser waits
    response = attempt(owner, "tiepnhan", PASSWORD, OFFICE_NAT)
    assert response.status_code == 302 and logged_in(owner)


def test_a_forged_known_browser_cookie_counts_as_no_cookie(client, reception_officer, clock):
    from congvu.accounts.throttle import KNOWN_DEVICE_COOKIE

    client.cookies[KNOWN_DEVICE_COOKIE] = "forged:value"
    for _ in range(3):
        attempt(client, "tiepnhan", "doan-mo", ATTACKER)
    assert attempt(client, "tiepnhan", PASSWORD, ATTACKER).status_code == 429
