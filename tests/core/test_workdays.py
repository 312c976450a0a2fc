"""Working-day calendar: Vietnamese holidays, substitute days, admin overrides; property-based checks."""

import datetime as dt

import holidays
import pytest
from django.core.management import call_command
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from congvu.core.models import CalendarOverride
from congvu.core.workdays import add_working_days, is_working_day, working_days_between, working_days_elapsed

pytestmark = pytest.mark.django_db

days = st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2030, 12, 31))


def test_tet_2027_is_skipped():
    # Tết Đinh Mùi: 4–10 February 2027 are holidays (Thursday to the next Wednesday).
    assert add_working_days(dt.date(2027, 2, 3), 1) == dt.date(2027, 2, 11)
    assert add_working_days(dt.date(2027, 2, 3), 5) == dt.date(2027, 2, 17)
    assert working_days_between(dt.date(2027, 2, 1), dt.date(2027, 2, 28)) == 15


def test_gio_to_hung_vuong_2026_and_its_substitute_day():
    # 10/3 âm lịch falls on Sunday 26 April 2026; Monday 27 April is the substitute day off,
    # then 30 April and 1 May are holidays too.
    assert not is_working_day(dt.date(2026, 4, 27))
    assert add_working_days(dt.date(2026, 4, 24), 1) == dt.date(2026, 4, 28)
    assert add_working_days(dt.date(2026, 4, 28), 2) == dt.date(2026, 5, 4)
    assert working_days_between(dt.date(2026, 4, 20), dt.date(2026, 5, 3)) == 7


def test_weekend_and_zero():
    friday = dt.date(2026, 11, 27)
    assert add_working_days(friday, 1) == dt.date(2026, 11, 30)
    assert add_working_days(friday, 0) == friday
    assert add_working_days(dt.date(2026, 11, 30), -1) == friday
    assert working_days_between(dt.date(2026, 11, 28), dt.date(2026, 11, 29)) == 0
    assert working_days_between(dt.date(2026, 12, 2), dt.date(2026, 12, 1)) == 0


def test_admin_overrides_win():
    saturday = dt.date(2026, 12, 5)
    monday = dt.date(2026, 12, 7)
    CalendarOverride.objects.create(date=saturday, is_working_day=True, name="Làm bù")
    CalendarOverride.objects.create(date=monday, is_working_day=False, name="Nghỉ thêm")
    assert is_working_day(saturday)
    assert not is_working_day(monday)
    assert add_working_days(dt.date(2026, 12, 4), 1) == saturday
    assert add_working_days(dt.date(2026, 12, 4), 2) == dt.date(2026, 12, 8)


def test_elapsed_does_not_count_the_day_of_receipt():
    monday = dt.date(2026, 12, 7)
    assert working_days_elapsed(monday, monday) == 0
    assert working_days_elapsed(monday, dt.date(2026, 12, 11)) == 4


def test_lich_vanhoa_2411_culture_day_is_a_working_day_until_the_law_says_otherwise():
    # The package marks 24 November (Ngày Văn hóa Việt Nam) off from 2026; no law in force does yet.
    assert holidays.Vietnam(years=2026).get(dt.date(2026, 11, 24))
    assert is_working_day(dt.date(2026, 11, 24))
    assert add_working_days(dt.date(2026, 11, 23), 1) == dt.date(2026, 11, 24)
    # The admin declares it off once an amended Art. 112 is in force.
    CalendarOverride.objects.create(
        date=dt.date(2026, 11, 24), is_working_day=False, name="Ngày Văn hóa Việt Nam"
    )
    assert not is_working_day(dt.date(2026, 11, 24))


def test_command_prints_result_on_last_line(capsys):
    call_command("workdays", "add", "2027-02-03", "5")
    assert capsys.readouterr().out.strip().splitlines()[-1] == "2027-02-17"
    call_command("workdays", "between", "2027-02-01", "2027-02-28")
    assert capsys.readouterr().out.strip().splitlines()[-1] == "15"
    call_command("workdays", "add", "03/02/2027", "5")
    assert capsys.readouterr().out.strip().splitlines()[-1] == "2027-02-17"


def test_command_rejects_bad_dates():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="invalid date"):
        call_command("workdays", "add", "2027-02-30", "5")


class WorkdayProperties(HypothesisTestCase):
    @settings(max_examples=60, deadline=None)
    @given(start=days, n=st.integers(min_value=1, max_value=60))
    def test_adding_lands_on_a_working_day_n_working_days_later(self, start, n):
        end = add_working_days(start, n)
        assert end > start
        assert is_working_day(end)
        assert working_days_between(start + dt.timedelta(days=1), end) == n

    @settings(max_examples=60, deadline=None)
    @given(start=days, n=st.integers(min_value=1, max_value=60))
    def test_going_back_undoes_going_forward(self, start, n):
        end = add_working_days(start, n)
        back = add_working_days(end, -n)
        assert back <= start
        assert working_days_between(back + dt.timedelta(days=1), start) == 0 or is_working_day(back)

    @settings(max_examples=60, deadline=None)
    @given(a=days, b=days, c=days)
    def test_counting_is_additive_over_adjacent_ranges(self, a, b, c):
        first, middle, last = sorted([a, b, c])
        whole = working_days_between(first, last)
        assert whole == working_days_between(first, middle) + working_days_between(
            middle + dt.timedelta(days=1), last
        )
        assert 0 <= whole <= (last - first).days + 1
