"""The user's own sessions: recorded at login, listed with the last address and time seen, ended on
demand (one or all the others) and when the password changes. The only writer of UserSession."""

import ipaddress
import time
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from congvu.accounts.models import UserSession
from congvu.core import audit
from congvu.core.middleware import client_ip
from congvu.core.models import AuditEvent

SEEN_EVERY_SECONDS = 5 * 60
_SEEN_KEY = "_session_seen_at"


def address_of(request) -> str | None:
    """The client's address if it is one (a forged X-Forwarded-For can hold anything): the address
    columns are inet on PostgreSQL, where a bad value would break the write."""
    address = client_ip(request)
    try:
        return str(ipaddress.ip_address(address)) if address else None
    except ValueError:
        return None


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def record_login(request, user) -> None:
    key = request.session.session_key
    if not key:
        request.session.save()
        key = request.session.session_key
    UserSession.objects.update_or_create(
        session_key=key,
        defaults={
            "user": user,
            "ip_address": address_of(request),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
        },
    )
    request.session[_SEEN_KEY] = int(time.time())


def touch(request) -> None:
    """Refresh last seen at most every few minutes (kept in the session, so most requests cost nothing)."""
    seen = request.session.get(_SEEN_KEY, 0)
    now = int(time.time())
    if now - seen < SEEN_EVERY_SECONDS or not request.session.session_key:
        return
    request.session[_SEEN_KEY] = now
    UserSession.objects.filter(session_key=request.session.session_key, user=request.user).update(
        last_seen_at=timezone.now(), ip_address=address_of(request)
    )


def forget(session_key: str | None) -> None:
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def rekeyed(old_key: str | None, new_key: str | None) -> None:
    """The session got a new key (a password change cycles it): the row follows it."""
    if old_key and new_key and old_key != new_key:
        UserSession.objects.filter(session_key=old_key).update(session_key=new_key)


def active_sessions(user):
    live = Session.objects.filter(expire_date__gt=timezone.now()).values("session_key")
    return UserSession.objects.filter(user=user, session_key__in=live).order_by("-last_seen_at")


@transaction.atomic
def end_session(*, user, session: UserSession, by) -> None:
    _store()(session.session_key).delete()
    session.delete()
    audit.record(AuditEvent.Action.ACTION, instance=user, user=by, note="session ended")


@transaction.atomic
def end_other_sessions(*, user, keep_key: str | None, by) -> int:
    others = UserSession.objects.filter(user=user).exclude(session_key=keep_key or "")
    keys = list(others.values_list("session_key", flat=True))
    store = _store()
    for key in keys:
        store(key).delete()
    others.delete()
    if keys:
        audit.record(
            AuditEvent.Action.ACTION, instance=user, user=by, note=f"{len(keys)} other sessions ended"
        )
    return len(keys)
