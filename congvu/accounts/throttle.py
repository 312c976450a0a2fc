"""Login throttling that slows an attacker without locking out the owner or an office.

- Failures are counted per (account, address) pair. The first few are free; after that each try opens
  a pause that doubles with every further failure, up to a ceiling. A password guesser elsewhere never
  touches the owner's pair, so the owner is never refused from their own machine.
- The count is taken when the try starts (and forgiven when it succeeds), so many tries sent at once
  cannot all slip in before the first failure is written.
- Each address also has a much higher ceiling of failures per window, for a guesser who sprays many
  accounts; an office behind one NAT address stays far below it in ordinary use.
- A right password from a pair and an address with no recent failures is never refused.
"""

import hashlib
import math
import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import ngettext

from congvu.core import ratelimit


@dataclass(frozen=True)
class Throttled(Exception):
    """The try is refused; it may be repeated after `retry_after` seconds."""

    retry_after: int

    def message(self) -> str:
        if self.retry_after < 60:
            seconds = max(self.retry_after, 1)
            return ngettext(
                "Đăng nhập sai nhiều lần. Vui lòng thử lại sau %(seconds)s giây.",
                "Đăng nhập sai nhiều lần. Vui lòng thử lại sau %(seconds)s giây.",
                seconds,
            ) % {"seconds": seconds}
        minutes = math.ceil(self.retry_after / 60)
        return ngettext(
            "Đăng nhập sai nhiều lần. Vui lòng thử lại sau %(minutes)s phút.",
            "Đăng nhập sai nhiều lần. Vui lòng thử lại sau %(minutes)s phút.",
            minutes,
        ) % {"minutes": minutes}


def pair_key(username: str, ip_address: str | None, *, step: str = "password") -> str:
    material = f"{step}\n{username.strip().lower()}\n{ip_address or '-'}"
    return hashlib.sha256(material.encode("utf-8", "replace")).hexdigest()


def _address_key(ip_address: str) -> str:
    return "login-ip:" + hashlib.sha256(ip_address.encode("utf-8", "replace")).hexdigest()[:40]


def backoff_seconds(failures: int) -> int:
    """The pause after the `failures`-th failure of a pair: none while free, then doubling to a cap."""
    free = settings.LOGIN_FREE_FAILURES
    if failures < free:
        return 0
    doublings = min(failures - free, 30)
    return min(settings.LOGIN_BACKOFF_BASE_SECONDS * 2**doublings, settings.LOGIN_BACKOFF_MAX_SECONDS)


def _address_over_ceiling(ip_address: str | None) -> bool:
    if not ip_address:
        return False
    return ratelimit.is_limited(
        _address_key(ip_address),
        limit=settings.LOGIN_ADDRESS_FAILURE_LIMIT,
        window_seconds=settings.LOGIN_ADDRESS_WINDOW_SECONDS,
    )


def _address_retry_after() -> int:
    window = settings.LOGIN_ADDRESS_WINDOW_SECONDS
    now = int(time.time())
    return window - now % window


def _row(key: str):
    from congvu.accounts.models import LoginThrottle

    try:
        with transaction.atomic():
            return LoginThrottle.objects.get_or_create(key=key)[0]
    except IntegrityError:  # another request created it first
        return LoginThrottle.objects.get(key=key)


def _now():
    return timezone.now()


def begin_attempt(username: str, ip_address: str | None, *, step: str = "password") -> None:
    """Count a try before checking it; raise Throttled if the pair or the address must wait."""
    from congvu.accounts.models import LoginThrottle

    if _address_over_ceiling(ip_address):
        raise Throttled(_address_retry_after())
    key = pair_key(username, ip_address, step=step)
    for _attempt in range(3):
        now = _now()
        row = _row(key)
        if row.blocked_until and row.blocked_until > now:
            raise Throttled(math.ceil((row.blocked_until - now).total_seconds()))
        forgotten = row.last_failure_at is None or now - row.last_failure_at > timedelta(
            seconds=settings.LOGIN_FAILURE_MEMORY_SECONDS
        )
        failures = 1 if forgotten else row.failures + 1
        pause = backoff_seconds(failures)
        # Optimistic: only the request that saw this exact state may count on it.
        claimed = LoginThrottle.objects.filter(
            pk=row.pk, failures=row.failures, blocked_until=row.blocked_until
        ).update(
            failures=failures,
            last_failure_at=now,
            blocked_until=now + timedelta(seconds=pause) if pause else None,
        )
        if claimed:
            return
    raise Throttled(1)


def attempt_succeeded(username: str, ip_address: str | None, *, step: str = "password") -> None:
    """The pair proved itself: forget its failures (the address's count stays)."""
    from congvu.accounts.models import LoginThrottle

    LoginThrottle.objects.filter(key=pair_key(username, ip_address, step=step)).delete()


def attempt_failed(ip_address: str | None) -> None:
    """Count one failure against the address's ceiling (the pair was counted when the try began)."""
    if ip_address:
        ratelimit.hit(
            _address_key(ip_address),
            limit=settings.LOGIN_ADDRESS_FAILURE_LIMIT,
            window_seconds=settings.LOGIN_ADDRESS_WINDOW_SECONDS,
        )


# A browser that logged in to an account before carries a signed cookie naming that account. Its tries
# are counted on their own, so that someone behind the same office or carrier address who types wrong
# passwords for the account cannot block its owner (OWASP's "device cookie" defence).
KNOWN_DEVICE_COOKIE = "cv_known_device"
KNOWN_DEVICE_SALT = "congvu.accounts.known-device"
KNOWN_DEVICE_MAX_AGE = 180 * 24 * 3600


def known_device_address(request, username: str, ip_address: str | None) -> str | None:
    """The address to count this try under: the browser's own mark when it logged in to `username`
    before, else the network address."""
    raw = request.COOKIES.get(KNOWN_DEVICE_COOKIE, "") if request is not None else ""
    try:
        value = signing.loads(raw, salt=KNOWN_DEVICE_SALT, max_age=KNOWN_DEVICE_MAX_AGE) if raw else None
    except signing.BadSignature:
        value = None
    if isinstance(value, dict) and value.get("u") == username.strip().lower() and value.get("n"):
        return "device:" + str(value["n"])[:64]
    return ip_address


def remember_device(response, username: str) -> None:
    """Mark this browser as one that logged in to `username` (set after a successful password)."""
    value = signing.dumps({"u": username.strip().lower(), "n": secrets.token_hex(16)}, salt=KNOWN_DEVICE_SALT)
    response.set_cookie(
        KNOWN_DEVICE_COOKIE,
        value,
        max_age=KNOWN_DEVICE_MAX_AGE,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )
