"""Tell staff about something: an in-app notification, and an e-mail when they have an address."""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from congvu.core.models import Notification

log = logging.getLogger(__name__)


def notify(
    users: Iterable, *, title: str, body: str = "", url: str = "", kind: str = "", email: bool = True
) -> list[Notification]:
    """Create one notification per user (duplicates in `users` collapse) and e-mail them after commit."""
    unique = {user.pk: user for user in users if user is not None}.values()
    rows = Notification.objects.bulk_create(
        [Notification(user=user, kind=kind, title=title[:300], body=body, url=url[:500]) for user in unique]
    )
    if email:
        recipients = [user.email for user in unique if user.email]
        if recipients:
            transaction.on_commit(lambda: _send(recipients, title, body, url))
    return rows


def _send(recipients, title, body, url):
    text = body + (f"\n\n{url}" if url else "")
    try:
        send_mail(title, text, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
    except OSError:
        # The in-app notification is already stored; a mail server outage must not lose it or fail the action.
        log.exception("could not e-mail notification %r", title)


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
