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
