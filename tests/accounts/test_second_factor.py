"""The second factor: enrolment with a QR code, the code step at login, recovery codes, required for
system admins and the programme office (sent to enrolment until done), and the admin site."""

from binascii import unhexlify

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from congvu.accounts import second_factor

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem"


def code_for(secret_hex: str) -> str:
    return f"{TOTP(unhexlify(secret_hex)).token():06d}"


def password_step(client, username, next_url=""):
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:login"), data)


def enrol(client):
    page = client.get(reverse("accounts:two_factor"))
    assert page.status_code == 200 and "<svg" in page.content.decode()
    secret = client.session["otp_enrolment_secret"]
    done = client.post(reverse("accounts:two_factor"), {"action": "enrol", "token": code_for(secret)})
    assert done.status_code == 200
    return secret, done.context["codes"]


def test_any_official_can_enrol_and_then_needs_a_code_to_log_in(client, reception_officer):
    password_step(client, "tiepnhan")
    secret, codes = enrol(client)
    assert len(codes) == 10 and TOTPDevice.objects.get(user=reception_officer).confirmed
    client.post(reverse("accounts:logout"))

    fresh = Client()
    response = password_step(fresh, "tiepnhan")
    assert response["Location"] == reverse("accounts:login_verify")
    assert "_auth_user_id" not in fresh.session  # the password alone logs no one in
    assert fresh.get(reverse("accounts:staff_home")).status_code == 302
    wrong = fresh.post(reverse("accounts:login_verify"), {"token": "000000"})
    assert wrong.status_code == 400 and "Mã xác thực không đúng" in wrong.content.decode()
    device = TOTPDevice.objects.get(user=reception_officer)
    device.throttling_failure_count = 0  # django-otp's own per-device pause, not under test here
    device.throttling_failure_timestamp = None
    device.save()
    ok = fresh.post(reverse("accounts:login_verify"), {"token": code_for(secret)})
    assert ok.status_code == 302 and fresh.session["_auth_user_id"] == str(reception_officer.pk)


def test_a_wrong_enrolment_code_is_refused_and_nothing_is_stored(client, reception_officer):
    client.force_login(reception_officer)
    client.get(reverse("accounts:two_factor"))
    response = client.post(reverse("accounts:two_factor"), {"action": "enrol", "token": "12345x"})
    assert response.status_code == 400 and "Mã xác thực không đúng" in response.content.decode()
    assert not TOTPDevice.objects.exists()


def test_a_recovery_code_logs_in_once(client, reception_officer):
    client.force_login(reception_officer)
    _secret, codes = enrol(client)
    for expected in (302, 400):
        other = Client()
        password_step(other, "tiepnhan")
        response = other.post(reverse("accounts:login_verify"), {"token": codes[0].upper()})
        assert response.status_code == expected
    assert second_factor.recovery_codes_left(reception_officer) == 9


def test_guessing_codes_is_slowed(client, reception_officer):
    client.force_login(reception_officer)
    secret, _codes = enrol(client)
    attacker = Client()
    password_step(attacker, "tiepnhan")
    for _ in range(3):
        attacker.post(reverse("accounts:login_verify"), {"token": "111111"})
    response = attacker.post(reverse("accounts:login_verify"), {"token": code_for(secret)})
    assert response.status_code == 429 and "_auth_user_id" not in attacker.session


@pytest.mark.parametrize("fixture", ["system_admin", "programme_office"])
def test_required_roles_are_sent_to_enrolment_until_done(client, request, fixture):
    user = request.getfixturevalue(fixture)
    response = password_step(client, user.username)
    assert response["Location"] == reverse("accounts:two_factor")
    for url in (reverse("accounts:staff_home"), reverse("accounts:audit_log"), "/admin/"):
        assert client.get(url)["Location"] == reverse("accounts:two_factor"), url
    assert client.get("/api/v1/units").status_code == 401  # the session counts as not logged in
    enrol(client)
    assert client.get(reverse("accounts:staff_home")).status_code == 200
    assert client.get("/api/v1/units").status_code == 200


def test_a_session_that_skipped_the_code_is_asked_for_it(client, system_admin):
    system_admin.is_staff = True
    system_admin.save()
    password_step(client, system_admin.username)
    secret, _codes = enrol(client)
    fresh = Client()
    fresh.force_login(system_admin, second_factor=False)
    assert fresh.get("/admin/")["Location"] == reverse("accounts:two_factor")
    page = fresh.get(reverse("accounts:two_factor"))
    assert "Xác thực hai bước" in page.content.decode() and "<svg" not in page.content.decode()
    fresh.post(reverse("accounts:two_factor"), {"token": code_for(secret)})
    assert fresh.get("/admin/").status_code == 200


def test_the_admin_site_needs_a_verified_device(client, official):
    official.is_staff = True
    official.is_superuser = True
    official.save()
    client.force_login(official, second_factor=False)
    assert client.get("/admin/")["Location"] == reverse("accounts:two_factor")
    client.force_login(official)
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_is_ours(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert (
        response["Location"].startswith(reverse("accounts:login")) and "next=/admin/" in response["Location"]
    )


def test_new_recovery_codes_replace_the_old(client, reception_officer):
    client.force_login(reception_officer)
    _secret, old_codes = enrol(client)
    response = client.post(reverse("accounts:two_factor"), {"action": "recovery_codes"})
    new_codes = response.context["codes"]
    assert set(new_codes).isdisjoint(old_codes) and second_factor.recovery_codes_left(reception_officer) == 10


def test_an_expired_password_step_starts_over(client, reception_officer, monkeypatch):
    client.force_login(reception_officer)
    enrol(client)
    other = Client()
    password_step(other, "tiepnhan")
    session = other.session
    session["pending_login_since"] -= 301
    session.save()
    response = other.get(reverse("accounts:login_verify"))
    assert response["Location"] == reverse("accounts:login")


def test_the_demo_accounts_that_need_a_second_factor_get_printed_recovery_codes_that_work(programme_office):
    """`make run` prints one-use codes, so a visitor can try the demo as the programme office without
    an authenticator app; each code works once at the code step."""
    import io

    from django.core.management import call_command

    from congvu.accounts import second_factor

    programme_office.username = "noivu"
    programme_office.save()
    out = io.StringIO()
    call_command("demo_accounts", stdout=out)
    printed = out.getvalue().split("second factor:")[1]
    codes = next(row.split()[1:] for row in printed.splitlines() if row.split()[:1] == ["noivu"])
    assert len(codes) == 3 and second_factor.has_device(programme_office)
    assert second_factor.verify(user=programme_office, token=codes[0]) is not None
    assert second_factor.verify(user=programme_office, token=codes[0]) is None  # used up
