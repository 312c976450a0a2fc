"""Scope cases for the official's own account pages: self-service, so each shows only the caller's own
account (like the notifications page), never another user's."""

from django.urls import reverse

from tests.scope_harness import ScopeCase


def _other_user(world):
    from tests.factories import UserFactory

    return UserFactory(username="nguoikhac.taikhoan", email="nguoikhac.rieng@ngoai.gov.vn")


def _own_page(url_name):
    def build(world):
        _other_user(world)
        return reverse(url_name)

    return build


SCOPE_CASES = [
    ScopeCase("accounts:account", _own_page("accounts:account"), kind="list", secret="nguoikhac"),
    ScopeCase(
        "accounts:password_change", _own_page("accounts:password_change"), kind="list", secret="nguoikhac"
    ),
]
