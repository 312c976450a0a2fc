"""Every page is sent with a Content-Security-Policy that forbids inline scripts, and no page of ours
needs one: scripts come from our static files only."""

import re

import pytest
from django.urls import reverse

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)

pytestmark = pytest.mark.django_db


def _assert_no_inline_code(response):
    body = response.content.decode()
    assert not INLINE_SCRIPT.search(body), INLINE_SCRIPT.search(body).group()
    assert not INLINE_HANDLER.search(body), INLINE_HANDLER.search(body).group()
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )


def test_public_pages_have_the_policy_and_no_inline_script(client, ward):
    for url in (reverse("core:portal_home"), reverse("feedback:submit"), reverse("accounts:login")):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_no_inline_code(response)


def test_staff_pages_have_the_policy_and_no_inline_script(login, ward, unit_head):
    client = login(unit_head)
    for url in (reverse("accounts:staff_home"), reverse("feedback:inbox"), reverse("accounts:rulebook")):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_no_inline_code(response)


def test_https_settings_follow_secure_cookies():
    from django.conf import settings

    assert settings.SECURE_CONTENT_TYPE_NOSNIFF and settings.X_FRAME_OPTIONS == "DENY"
    assert settings.SECURE_HSTS_SECONDS == (31536000 if settings.SESSION_COOKIE_SECURE else 0)


def test_the_deployment_check_is_clean_with_the_documented_production_settings(settings, monkeypatch):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    # The browser journeys set this for Playwright's event loop; a deployment never has it.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["congvu.example.gov.vn"]
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = settings.SECURE_HSTS_PRELOAD = True
    settings.SECRET_KEY = "k" * 20 + "production-secret-key-that-is-long-and-random-enough-9f8e7d6c"
    try:
        call_command("check", "--deploy", "--fail-level", "WARNING")
    except SystemCheckError as error:  # pragma: no cover - the message is the point
        raise AssertionError(str(error)) from error
