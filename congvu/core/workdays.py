"""Vietnamese working-day calendar.

A working day is Monday to Friday, minus public holidays (the `holidays` package knows the lunar
ones, Tết and Giỗ Tổ, and the substitute days), plus Saturdays the government declares working days,
with the admin's overrides on top (extra days off, make-up working days).

Deadlines in Vietnamese rules ("within 5 working days of receipt") do not count the day of receipt:
`add_working_days(received, 5)` is the fifth working day after it.
"""

import datetime as dt
from functools import lru_cache

import holidays

from congvu.core.models import CalendarOverride

MAX_SPAN_DAYS = 366 * 20


@lru_cache(maxsize=64)
def _national_calendar(year: int) -> holidays.HolidayBase:
    return holidays.Vietnam(years=year)


def _overrides(start: dt.date, end: dt.date) -> dict[dt.date, bool]:
    rows = CalendarOverride.objects.filter(date__gte=start, date__lte=end).values_list(
        "date", "is_working_day"
    )
    return dict(rows)


def _national_working_day(day: dt.date) -> bool:
    return _national_calendar(day.year).is_working_day(day)


def is_working_day(day: dt.date, overrides: dict[dt.date, bool] | None = None) -> bool:
    if overrides is None:
        overrides = _overrides(day, day)
    if day in overrides:
        return overrides[day]
    return _national_working_day(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The n-th working day after `start` (n > 0), or before it (n < 0); `start` itself for n == 0."""
    direction = 1 if n > 0 else -1
    day, remaining = start, abs(n)
    while remaining:
        # Look ahead in chunks so the overrides are read with one query per chunk, not per day.
        chunk = [day + dt.timedelta(days=direction * i) for i in range(1, remaining * 3 + 31)]
        overrides = _overrides(min(chunk), max(chunk))
        for candidate in chunk:
            day = candidate
            if is_working_day(candidate, overrides):
                remaining -= 1
                if not remaining:
                    break
    return day


def working_days_between(first: dt.date, last: dt.date) -> int:
    """How many working days lie in the calendar range from `first` to `last`, both included.

    Zero when `last` is before `first`.
    """
    if last < first:
        return 0
    if (last - first).days > MAX_SPAN_DAYS:
        raise ValueError("range too long")
    overrides = _overrides(first, last)
    count = 0
    day = first
    while day <= last:
        if is_working_day(day, overrides):
            count += 1
        day += dt.timedelta(days=1)
    return count


def working_days_elapsed(since: dt.date, until: dt.date) -> int:
    """Working days after `since` up to and including `until`: how much of a deadline has been used."""
    return working_days_between(since + dt.timedelta(days=1), until)


class WorkingDayCounter:
    """`working_days_elapsed` for many pairs of dates within [first, last] with one query: the overrides
    are read once and every answer is a difference of running totals."""

    def __init__(self, first: dt.date, last: dt.date):
        if (last - first).days > MAX_SPAN_DAYS:
            raise ValueError("range too long")
        overrides = _overrides(first, last)
        self.first = first
        self.totals = [0]  # totals[i]: working days in [first, first + i - 1]
        day = first
        while day <= last:
            self.totals.append(self.totals[-1] + is_working_day(day, overrides))
            day += dt.timedelta(days=1)

    def between(self, first: dt.date, last: dt.date) -> int:
        """Same as `working_days_between(first, last)` for dates inside the counter's range."""
        if last < first:
            return 0
        return self.totals[(last - self.first).days + 1] - self.totals[(first - self.first).days]

    def elapsed(self, since: dt.date, until: dt.date) -> int:
        return self.between(since + dt.timedelta(days=1), until)
