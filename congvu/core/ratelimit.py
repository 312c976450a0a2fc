"""Fixed-window rate limits shared by all worker processes, stored in the database.

The counter is bumped with one conditional UPDATE, so concurrent requests never lose a count.
"""

import hashlib
import time

from django.db import IntegrityError, transaction
from django.db.models import F

from congvu.core.models import RateBucket

KEY_LENGTH = RateBucket._meta.get_field("key").max_length
_PREFIX_LENGTH = 80


def bucket_key(key: str) -> str:
    """The key as stored: unchanged when it fits the column, else a readable start and a digest.

    Keys carry client input (an address, a browser's cookie); a long one would not fit the column
    (PostgreSQL refuses the row, a server error) and two long ones must not share a count.
    """
    if len(key) <= KEY_LENGTH and key.isprintable():
        return key
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    start = "".join(ch for ch in key[:_PREFIX_LENGTH] if ch.isprintable())
    return f"{start}#{digest}"


def hit(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one event for `key`; True while the count in the current window is within `limit`."""
    key = bucket_key(key)
    window_start = int(time.time()) // window_seconds * window_seconds
    current = RateBucket.objects.filter(key=key, window_start=window_start)
    if current.update(count=F("count") + 1):
        return (current.values_list("count", flat=True).first() or 0) <= limit
    try:
        with transaction.atomic():
            RateBucket.objects.create(key=key, window_start=window_start, count=1)
    except IntegrityError:  # another process opened the window first
        current.update(count=F("count") + 1)
        return (current.values_list("count", flat=True).first() or 0) <= limit
    # A new window for this key: its older windows are of no more use. (Keys that go quiet are
    # purged by purge_expired(), run with the reminders loop.)
    RateBucket.objects.filter(key=key, window_start__lt=window_start).delete()
    return 1 <= limit


def purge_expired(older_than_seconds: int = 86400) -> int:
    deleted, _ = RateBucket.objects.filter(window_start__lt=int(time.time()) - older_than_seconds).delete()
    return deleted


def is_limited(key: str, *, limit: int, window_seconds: int) -> bool:
    """Whether `key` already used up its window, without counting a new event."""
    key = bucket_key(key)
    window_start = int(time.time()) // window_seconds * window_seconds
    count = (
        RateBucket.objects.filter(key=key, window_start=window_start).values_list("count", flat=True).first()
    )
    return (count or 0) >= limit
