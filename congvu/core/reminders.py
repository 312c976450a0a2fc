"""Due-work helpers for reminder loops that may run as several copies at once."""

from django.db import transaction


def claim(queryset, **marker) -> bool:
    """Mark one row as handled with a conditional UPDATE; True only for the one caller that won.

    Pass a queryset that still matches only while the row is unclaimed, e.g.
    `claim(Case.objects.filter(pk=pk, reminded_at__isnull=True), reminded_at=now)`.
    Two copies of a loop racing for the same row: exactly one gets True, so a reminder goes out once.
    """
    with transaction.atomic():
        return queryset.update(**marker) == 1


def run_due(now=None) -> int:
    """Housekeeping for the reminders loop: forget rate-limit windows older than a day. Sends nothing."""
    from congvu.core.ratelimit import purge_expired

    purge_expired()
    return 0
