"""Login throttling: after too many failures for one account or one address, refuse for a while."""

from django.conf import settings

from congvu.core import ratelimit


def _keys(username: str, ip_address: str | None) -> list[str]:
    keys = [f"login-user:{username.strip().lower()}"]
    if ip_address:
        keys.append(f"login-ip:{ip_address}")
    return keys


def is_blocked(username: str, ip_address: str | None) -> bool:
    return any(
        ratelimit.is_limited(
            key, limit=settings.LOGIN_FAILURE_LIMIT, window_seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS
        )
        for key in _keys(username, ip_address)
    )


def count_failure(username: str, ip_address: str | None) -> None:
    for key in _keys(username, ip_address):
        ratelimit.hit(
            key, limit=settings.LOGIN_FAILURE_LIMIT, window_seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS
        )
