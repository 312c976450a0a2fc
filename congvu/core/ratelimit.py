"""Fixed-window rate limits shared by all worker processes, stored in the database.

The counter is bumped with one conditional UPDATE, so concurrent requests never lose a count.
"""

import time

from django.db import IntegrityError, transaction
from django.db.models import F

from congvu.core.models import RateBucket


def hit(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one event for `key`; True while the count in the current window is within `limit`."""
    window_start = int(time.time()) // window_seconds * window_seconds
    updated = RateBucket.objects.filter(key=key, window_start=window_start).update(count=F("count") + 1)
    if not updated:
        try:
            with transaction.atomic():
                RateBucket.objects.create(key=key, window_start=window_start, count=1)
        except IntegrityError:
            RateBucket.objects.filter(key=key, window_start=window_start).update(count=F("count") + 1)
        if window_start % 100 == 0:
            RateBucket.objects.filter(window_start__lt=window_start - 86400).delete()
    count = (
        RateBucket.objects.filter(key=key, window_start=window_start).values_list("count", flat=True).first()
    )
    return (count or 0) <= limit


def is_limited(key: str, *, limit: int, window_seconds: int) -> bool:
    """Whether `key` already used up its window, without counting a new event."""
    window_start = int(time.time()) // window_seconds * window_seconds
    count = (
        RateBucket.objects.filter(key=key, window_start=window_start).values_list("count", flat=True).first()
    )
    return (count or 0) >= limit
