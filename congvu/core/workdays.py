"""Vietnamese working-day calendar, as the law and the Government's announcements make it.

A working day is Monday to Friday (Quyết định 188/1999/QĐ-TTg), minus the public holidays of the Labour
Code (Art. 112 of the 2019 code, Art. 115 of the 2012 code until 2020) and their substitute days
(Art. 111.3), with the rows of `CalendarOverride` on top: the swaps and extra days off the Government
announces for civil servants (shipped with their source documents by data migrations) and the admin's
own decisions. A row always wins; the admin's row wins over a shipped one because there is one row per
date and the data migrations never overwrite a row an admin made.

The `holidays` package is used for the lunar calendar (the Tết days and Giỗ Tổ Hùng Vương) and as a
check, not as the authority: its own swap data is ignored (congvu ships the swaps as editable rows), and
where it marks a day off that no law in force provides (24/11 from 2026), congvu departs from it on
purpose (LICH-VANHOA-2411). Each decision is a rule in `congvu.core.rulebook`.

Deadlines in Vietnamese rules ("within 5 working days of receipt") do not count the day of receipt:
`add_working_days(received, 5)` is the fifth working day after it.
"""

import datetime as dt
from functools import lru_cache

import holidays
from django.db import transaction
from django.utils.translation import gettext as _
from holidays.calendars.chinese import VIETNAMESE_CALENDAR, _ChineseLunisolar
from holidays.countries.vietnam import VietnamStaticHolidays

from congvu.core import rulebook
from congvu.core.models import CalendarOverride

MAX_SPAN_DAYS = 366 * 20
ONE_DAY = dt.timedelta(days=1)
SATURDAY, SUNDAY = 5, 6

_lunar = _ChineseLunisolar(VIETNAMESE_CALENDAR)

# The day the Labour Code would have to name before 24/11 is a holiday (LICH-VANHOA-2411). Set it, or
# add the days in the admin, once an amended Art. 112 is in force.
CULTURE_DAY_HOLIDAY_FROM: dt.date | None = None


def is_weekly_rest_day(day: dt.date) -> bool:
    """LICH-TUAN-5NGAY: civil servants rest on Saturday and Sunday (Quyết định 188/1999/QĐ-TTg)."""
    return day.weekday() in (SATURDAY, SUNDAY)


@lru_cache(maxsize=64)
def _package_days_off(year: int) -> dict[dt.date, str]:
    """What the `holidays` package marks off in the year, minus its own swap data (congvu ships swaps as rows)."""
    marked = holidays.Vietnam(years=year)
    swaps = VietnamStaticHolidays.special_public_holidays.get(year, ())
    if swaps and isinstance(swaps[0], int):
        swaps = (swaps,)
    swapped_days = {dt.date(year, month, day) for month, day, *_from in swaps}
    return {day: name for day, name in sorted(marked.items()) if day not in swapped_days}


def lunar_new_year_days_off(year: int) -> dict[dt.date, str]:
    """LICH-TET-5NGAY: the five Tết days the Prime Minister decides (Art. 112.1.b and 112.3), with their
    substitutes for days falling on a weekend.

    The package's lunar estimate matches every decision from 2019 to 2026 (tests/core/test_calendar_law.py
    checks each against its announcement); for a year not announced yet it is the estimate, which the
    admin corrects with rows once the notice is out.
    """
    new_year = _lunar.lunar_new_year_date(year)[0]
    first, last = new_year - dt.timedelta(days=5), new_year + dt.timedelta(days=7)
    return {day: name for day, name in _package_days_off(year).items() if first <= day <= last}


def national_day_holidays(year: int) -> list[dt.date]:
    """LICH-QUOCKHANH-2NGAY: 2 September, and from 2021 one adjacent day the Prime Minister picks
    (Art. 112.1.đ, 112.3); only 2 September under the 2012 code."""
    national_day = dt.date(year, 9, 2)
    if not rulebook.NATIONAL_DAY_TWO_DAYS.applies_in_year(year):
        return [national_day]
    # The package's choice of the adjacent day matches each year's decision 2021–2026.
    adjacent = [
        day for day in (national_day - ONE_DAY, national_day + ONE_DAY) if day in _package_days_off(year)
    ]
    return sorted([national_day, adjacent[0] if adjacent else national_day + ONE_DAY])


def culture_day_off(year: int) -> dict[dt.date, str]:
    """LICH-VANHOA-2411: 24/11 is a working day until a law in force makes it a holiday.

    The package marks it off from 2026 on the strength of the Politburo's Resolution 80-NQ/TW, a policy
    that the Government (Resolution 30/NQ-CP) has asked to be written into Art. 112; until then congvu
    does not count it as a holiday.
    """
    if CULTURE_DAY_HOLIDAY_FROM is None or dt.date(year, 11, 24) < CULTURE_DAY_HOLIDAY_FROM:
        return {}
    return {dt.date(year, 11, 24): _("Ngày Văn hóa Việt Nam")}


def statutory_holidays(year: int) -> dict[dt.date, str]:
    """LICH-NGAYLE-BLLD112: the holidays of Art. 112.1 (Art. 115.1 of the 2012 code before 2021), before
    substitute days. The Tết days are the decided ones (`lunar_new_year_days_off`)."""
    days = {
        dt.date(year, 1, 1): _("Tết Dương lịch"),
        _lunar.hung_kings_date(year)[0]: _("Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
        dt.date(year, 4, 30): _("Ngày Chiến thắng"),
        dt.date(year, 5, 1): _("Ngày Quốc tế lao động"),
    }
    days.update(dict.fromkeys(national_day_holidays(year), _("Quốc khánh")))
    days.update(culture_day_off(year))
    days.update(lunar_new_year_days_off(year))
    return dict(sorted(days.items()))


def substitute_days_off(holidays_of_year: dict[dt.date, str]) -> dict[dt.date, str]:
    """LICH-NGHIBU-BLLD111: a holiday on a weekly rest day is made up on the next working day (Art. 111.3).

    Taken in date order, so two holidays on one weekend (30/4 and 1/5 of 2022) give two substitutes.
    The Tết days are left out: the Prime Minister's decision already places them.
    """
    tet = lunar_new_year_days_off(next(iter(holidays_of_year)).year) if holidays_of_year else {}
    taken = set(holidays_of_year)
    substitutes = {}
    for day, name in holidays_of_year.items():
        if day in tet or not is_weekly_rest_day(day):
            continue
        candidate = day + ONE_DAY
        while is_weekly_rest_day(candidate) or candidate in taken:
            candidate += ONE_DAY
        taken.add(candidate)
        substitutes[candidate] = _("%(name)s (nghỉ bù)") % {"name": name}
    return substitutes


@lru_cache(maxsize=64)
def days_off(year: int) -> dict[dt.date, str]:
    """Every statutory day off of the year that is not a weekly rest day: holidays and substitutes."""
    holidays_of_year = statutory_holidays(year)
    holidays_of_year.update(substitute_days_off(holidays_of_year))
    return {day: name for day, name in sorted(holidays_of_year.items()) if not is_weekly_rest_day(day)}


def _overrides(start: dt.date, end: dt.date) -> dict[dt.date, bool]:
    rows = CalendarOverride.objects.filter(date__gte=start, date__lte=end).values_list(
        "date", "is_working_day"
    )
    return dict(rows)


def _national_working_day(day: dt.date) -> bool:
    return not is_weekly_rest_day(day) and day not in days_off(day.year)


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


# The calendar's rows: checked by LICH-HOANDOI-CONGCHUC, written only here, every change audited.

_DAY_OFF_KINDS = (CalendarOverride.Kind.SWAP_DAY_OFF, CalendarOverride.Kind.EXTRA_DAY_OFF)


def check_override(override: CalendarOverride) -> None:
    """LICH-HOANDOI-CONGCHUC: a swap moves a weekday off onto a weekend day, both named in a document.

    A day off by swap (or an extra day off) is a weekday and not a working day; a make-up working day is
    a Saturday or Sunday and a working day; a swap, an extra day off and every shipped row cite their
    source document. The admin's own decision may be any day, either way.
    """
    rule = rulebook.CIVIL_SERVICE_SWAPS
    kind, day = override.kind, override.date
    if kind in _DAY_OFF_KINDS:
        if override.is_working_day:
            rule.refuse(
                _("Ngày nghỉ do hoán đổi hoặc nghỉ thêm không thể là ngày làm việc."), field="is_working_day"
            )
        if day and is_weekly_rest_day(day):
            rule.refuse(
                _("Ngày nghỉ do hoán đổi hoặc nghỉ thêm phải là một ngày từ thứ Hai đến thứ Sáu."),
                field="date",
            )
    if kind == CalendarOverride.Kind.MAKEUP_WORKDAY:
        if not override.is_working_day:
            rule.refuse(_("Ngày làm bù phải là ngày làm việc."), field="is_working_day")
        if day and not is_weekly_rest_day(day):
            rule.refuse(_("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật."), field="date")
    needs_source = override.shipped or kind != CalendarOverride.Kind.ADMIN_DECISION
    if needs_source and not override.source_document.strip():
        rule.refuse(
            _("Hãy ghi văn bản nguồn (số, ngày, cơ quan ban hành) của ngày hoán đổi."),
            field="source_document",
        )


@transaction.atomic
def save_override(*, override: CalendarOverride, by) -> CalendarOverride:
    """Create or change a calendar row; the audit log keeps the before → after, noting shipped rows."""
    from congvu.core import audit  # audit imports the models this module reads

    before = None
    if override.pk is not None:
        old = CalendarOverride.objects.filter(pk=override.pk).first()
        before = audit.snapshot(old) if old is not None else None
    override.full_clean()
    override.save()
    after = audit.snapshot(override)
    note = _("dòng có sẵn trong congvu") if override.shipped else ""
    if before is None:
        audit.record(
            audit.AuditEvent.Action.CREATE, instance=override, changes={"after": after}, user=by, note=note
        )
    else:
        changed = {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
        if changed:
            audit.record(
                audit.AuditEvent.Action.UPDATE, instance=override, changes=changed, user=by, note=note
            )
    return override


@transaction.atomic
def delete_override(*, override: CalendarOverride, by) -> None:
    from congvu.core import audit

    before = audit.snapshot(override)
    note = _("dòng có sẵn trong congvu") if override.shipped else ""
    audit.record(
        audit.AuditEvent.Action.DELETE, instance=override, changes={"before": before}, user=by, note=note
    )
    override.delete()
