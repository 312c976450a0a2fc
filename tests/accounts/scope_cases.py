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
    ScopeCase("accounts:two_factor", _own_page("accounts:two_factor"), kind="list", secret="nguoikhac"),
    ScopeCase(
        "accounts:password_change", _own_page("accounts:password_change"), kind="list", secret="nguoikhac"
    ),
]


def _other_users_session(world):
    from congvu.accounts.models import UserSession

    UserSession.objects.create(
        user=_other_user(world),
        session_key="k" * 32,
        ip_address="192.0.2.99",
        user_agent="TrinhDuyetNguoiKhac",
    )
    return reverse("accounts:sessions")


SCOPE_CASES.append(ScopeCase("accounts:sessions", _other_users_session, kind="list", secret="192.0.2.99"))
