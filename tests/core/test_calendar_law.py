"""The working-day calendar against the law and the announcements, year by year (2019–2027).

Each expected day names its source. The statutory days come from the Labour Code (Art. 112.1 of the
2019 code, Art. 115.1 of the 2012 code in 2019–2020) and the substitute days from Art. 111.3; the Tết
days and the day beside 2/9 are the Prime Minister's decision each year; the swaps are the rows
shipped by core's migration 0006.
"""

import datetime as dt
import importlib

import holidays
import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from congvu.core import workdays
from congvu.core.models import AuditEvent, CalendarOverride
from congvu.core.workdays import add_working_days, is_working_day, working_days_between

pytestmark = pytest.mark.django_db

D = dt.date
SHIPPING = importlib.import_module("congvu.core.migrations.0006_ship_calendar_swaps")

BLLD2012 = "BLLĐ 2012 Điều 115"
BLLD2019 = "BLLĐ 2019 Điều 112"
NGHIBU = "nghỉ bù, BLLĐ Điều 111.3 (2019) / 115.3 (2012)"
CV6519 = "Công văn 6519/VPCP-KGVX ngày 11/7/2018"
CV2450 = "Công văn 2450/VPCP-KGVX ngày 12/4/2024"
TB6150 = "Thông báo 6150/TB-BLĐTBXH (2024)"
CV12729 = "Công văn 12729/VPCP-KGVX ngày 25/12/2025"
TB9441 = "Thông báo 9441/TB-BNV ngày 16/10/2025"

# Weekdays off, year by year, each with where it comes from.
DAYS_OFF = {
    2019: {
        D(2019, 1, 1): BLLD2012,
        **dict.fromkeys([D(2019, 2, d) for d in (4, 5, 6, 7, 8)], "Tết, " + CV6519),
        D(2019, 4, 15): "Giỗ Tổ (CN 14/4), " + NGHIBU,
        D(2019, 4, 29): "hoán đổi, " + CV6519,
        D(2019, 4, 30): BLLD2012,
        D(2019, 5, 1): BLLD2012,
        D(2019, 9, 2): BLLD2012 + " (một ngày)",
    },
    2020: {
        D(2020, 1, 1): BLLD2012,
        **dict.fromkeys([D(2020, 1, d) for d in (23, 24, 27, 28, 29)], "Tết 23–29/1, Thủ tướng quyết định"),
        D(2020, 4, 2): BLLD2012 + " (Giỗ Tổ)",
        D(2020, 4, 30): BLLD2012,
        D(2020, 5, 1): BLLD2012,
        D(2020, 9, 2): BLLD2012 + " (một ngày)",
    },
    2021: {
        D(2021, 1, 1): BLLD2019,
        **dict.fromkeys([D(2021, 2, d) for d in (10, 11, 12, 15, 16)], "Tết 10–16/2, Thủ tướng quyết định"),
        D(2021, 4, 21): BLLD2019 + " (Giỗ Tổ)",
        D(2021, 4, 30): BLLD2019,
        D(2021, 5, 3): "1/5 (T7), " + NGHIBU,
        D(2021, 9, 2): BLLD2019,
        D(2021, 9, 3): "ngày liền kề 2/9, Thủ tướng quyết định",
    },
    2022: {
        D(2022, 1, 3): "1/1 (T7), " + NGHIBU,
        D(2022, 1, 31): "Tết 31/1–4/2, Thủ tướng quyết định",
        **dict.fromkeys([D(2022, 2, d) for d in (1, 2, 3, 4)], "Tết 31/1–4/2, Thủ tướng quyết định"),
        D(2022, 4, 11): "Giỗ Tổ (CN 10/4), " + NGHIBU,
        D(2022, 5, 2): "30/4 (T7), " + NGHIBU,
        D(2022, 5, 3): "1/5 (CN), " + NGHIBU,
        D(2022, 9, 1): "ngày liền kề 2/9, Thủ tướng quyết định",
        D(2022, 9, 2): BLLD2019,
    },
    2023: {
        D(2023, 1, 2): "1/1 (CN), " + NGHIBU,
        **dict.fromkeys([D(2023, 1, d) for d in (20, 23, 24, 25, 26)], "Tết 20–26/1, Thủ tướng quyết định"),
        D(2023, 5, 1): BLLD2019,
        D(2023, 5, 2): "Giỗ Tổ (T7 29/4), " + NGHIBU,
        D(2023, 5, 3): "30/4 (CN), " + NGHIBU,
        D(2023, 9, 1): "ngày liền kề 2/9, Thủ tướng quyết định",
        D(2023, 9, 4): "2/9 (T7), " + NGHIBU,
    },
    2024: {
        D(2024, 1, 1): BLLD2019,
        **dict.fromkeys([D(2024, 2, d) for d in (8, 9, 12, 13, 14)], "Tết 8–14/2, Thủ tướng quyết định"),
        D(2024, 4, 18): BLLD2019 + " (Giỗ Tổ)",
        D(2024, 4, 29): "hoán đổi, " + CV2450,
        D(2024, 4, 30): BLLD2019,
        D(2024, 5, 1): BLLD2019,
        D(2024, 9, 2): BLLD2019,
        D(2024, 9, 3): "ngày liền kề 2/9, Thủ tướng quyết định",
    },
    2025: {
        D(2025, 1, 1): BLLD2019,
        **dict.fromkeys([D(2025, 1, d) for d in (27, 28, 29, 30, 31)], "Tết 27–31/1, " + TB6150),
        D(2025, 4, 7): BLLD2019 + " (Giỗ Tổ)",
        D(2025, 4, 30): BLLD2019,
        D(2025, 5, 1): BLLD2019,
        D(2025, 5, 2): "hoán đổi, " + TB6150,
        D(2025, 9, 1): "ngày liền kề 2/9, " + TB6150,
        D(2025, 9, 2): BLLD2019,
    },
    2026: {
        D(2026, 1, 1): BLLD2019,
        D(2026, 1, 2): "hoán đổi, " + CV12729,
        **dict.fromkeys([D(2026, 2, d) for d in (16, 17, 18, 19, 20)], "Tết 16–20/2, " + TB9441),
        D(2026, 4, 27): "Giỗ Tổ (CN 26/4), " + NGHIBU,
        D(2026, 4, 30): BLLD2019,
        D(2026, 5, 1): BLLD2019,
        D(2026, 8, 31): "hoán đổi, " + TB9441,
        D(2026, 9, 1): "ngày liền kề 2/9, " + TB9441,
        D(2026, 9, 2): BLLD2019,
    },
    2027: {
        D(2027, 1, 1): BLLD2019,
        # Not announced yet: the lunar estimate (29 Tết to mùng 3 with two substitute days, as in 2024).
        **dict.fromkeys([D(2027, 2, d) for d in (4, 5, 8, 9, 10)], "Tết, dự kiến (chưa có thông báo)"),
        D(2027, 4, 16): BLLD2019 + " (Giỗ Tổ)",
        D(2027, 4, 30): BLLD2019,
        D(2027, 5, 3): "1/5 (T7), " + NGHIBU,
        D(2027, 9, 2): BLLD2019,
        D(2027, 9, 3): "ngày liền kề 2/9, dự kiến",
    },
}

# Saturdays worked to make up a swapped weekday.
MAKEUP_DAYS = {
    2019: {D(2019, 1, 5): CV6519, D(2019, 5, 4): CV6519},
    2020: {},
    2021: {},
    2022: {},
    2023: {},
    2024: {D(2024, 5, 4): CV2450},
    2025: {D(2025, 4, 26): TB6150},
    2026: {D(2026, 1, 10): CV12729, D(2026, 8, 22): TB9441},
    2027: {},
}


@pytest.fixture(autouse=True)
def shipped_rows():
    """The rows of migration 0006 (a transactional test elsewhere may have flushed them)."""
    SHIPPING.ship(django_apps, None)


def _year(year):
    day = D(year, 1, 1)
    while day.year == year:
        yield day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("year", sorted(DAYS_OFF))
def test_lich_ngayle_blld112_every_weekday_off_of_the_year_has_a_source(year):
    off = {day for day in _year(year) if day.weekday() < 5 and not is_working_day(day)}
    assert off == set(DAYS_OFF[year]), {
        "unexpected": sorted(off - set(DAYS_OFF[year])),
        "missing": sorted(set(DAYS_OFF[year]) - off),
    }


@pytest.mark.parametrize("year", sorted(MAKEUP_DAYS))
def test_lich_tuan_5ngay_weekends_are_off_except_the_announced_makeup_days(year):
    worked = {day for day in _year(year) if workdays.is_weekly_rest_day(day) and is_working_day(day)}
    assert worked == set(MAKEUP_DAYS[year])
    assert all(day.weekday() == 5 for day in worked)


def test_lich_tuan_5ngay_weekly_rest_days_are_saturday_and_sunday():
    week = [D(2026, 12, 7) + dt.timedelta(days=i) for i in range(7)]
    assert [workdays.is_weekly_rest_day(day) for day in week] == [False] * 5 + [True, True]


def test_lich_hoandoi_congchuc_new_year_2019_swap_reaches_back_into_2018():
    assert not is_working_day(D(2018, 12, 31))
    assert add_working_days(D(2018, 12, 28), 1) == D(2019, 1, 2)
    assert add_working_days(D(2019, 1, 4), 1) == D(2019, 1, 5)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2019, 4, 26), 1, D(2019, 5, 2)),  # 29/4 swapped, 30/4–1/5 holidays
        (D(2019, 5, 3), 1, D(2019, 5, 4)),  # the make-up Saturday counts
        (D(2024, 4, 26), 1, D(2024, 5, 2)),
        (D(2024, 5, 3), 1, D(2024, 5, 4)),
        (D(2025, 4, 25), 1, D(2025, 4, 26)),
        (D(2025, 4, 29), 1, D(2025, 5, 5)),  # 30/4, 1/5 and the swapped 2/5
        (D(2025, 4, 25), 5, D(2025, 5, 6)),  # 26/4, 28/4, 29/4, 5/5, 6/5
        (D(2025, 12, 31), 1, D(2026, 1, 5)),  # 1/1 holiday, 2/1 swapped
        (D(2026, 1, 9), 1, D(2026, 1, 10)),
        (D(2026, 8, 21), 1, D(2026, 8, 22)),
        (D(2026, 8, 28), 1, D(2026, 9, 3)),  # 31/8 swapped, 1/9 and 2/9 holidays
        (D(2026, 9, 3), -1, D(2026, 8, 28)),
    ],
)
def test_lich_hoandoi_congchuc_add_working_days_across_each_swap(start, n, expected):
    assert add_working_days(start, n) == expected


def test_lich_hoandoi_congchuc_every_shipped_row_cites_its_document():
    rows = CalendarOverride.objects.filter(shipped=True)
    assert rows.count() == len(SHIPPING.SHIPPED) == 12
    for row in rows:
        assert "/" in row.source_document and "ngày" in row.source_document or "năm" in row.source_document
        row.full_clean()  # each shipped row obeys the rule it stands for


def _row(**values):
    defaults = {"name": "Hoán đổi", "source_document": "Công văn số 1/VPCP-KGVX ngày 1/1/2030"}
    return CalendarOverride(**{**defaults, **values})


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"date": D(2030, 1, 5), "is_working_day": False, "kind": "swap_day_off"}, "date"),  # a Saturday
        ({"date": D(2030, 1, 7), "is_working_day": True, "kind": "swap_day_off"}, "is_working_day"),
        ({"date": D(2030, 1, 7), "is_working_day": True, "kind": "makeup_workday"}, "date"),  # a Monday
        ({"date": D(2030, 1, 5), "is_working_day": False, "kind": "makeup_workday"}, "is_working_day"),
        (
            {"date": D(2030, 1, 7), "is_working_day": False, "kind": "extra_day_off", "source_document": ""},
            "source_document",
        ),
        (
            {
                "date": D(2030, 1, 7),
                "is_working_day": False,
                "kind": "admin_decision",
                "source_document": "",
                "shipped": True,
            },
            "source_document",
        ),
    ],
)
def test_lich_hoandoi_congchuc_refuses_a_row_that_is_not_a_swap(values, field):
    with pytest.raises(ValidationError) as refusal:
        _row(**values).full_clean()
    assert field in refusal.value.message_dict
    assert "LICH-HOANDOI-CONGCHUC" in refusal.value.message_dict[field][0]


def test_lich_hoandoi_congchuc_admin_decision_may_be_any_day_without_a_document():
    _row(date=D(2030, 1, 5), is_working_day=False, kind="admin_decision", source_document="").full_clean()


def test_lich_hoandoi_congchuc_shipped_row_wins_over_the_package():
    # The package knows the 2024 swap too, but congvu reads only its own rows: remove the row and
    # 29/4/2024 is a working day again, whatever the package says.
    assert D(2024, 4, 29) in holidays.Vietnam(years=2024)
    CalendarOverride.objects.filter(date=D(2024, 4, 29)).delete()
    assert is_working_day(D(2024, 4, 29))
    # ...and the package does not know the 2026 New Year swap, which the shipped rows add.
    assert D(2026, 1, 2) not in holidays.Vietnam(years=2026)
    assert not is_working_day(D(2026, 1, 2))


def test_lich_hoandoi_congchuc_admin_override_wins_over_a_shipped_row():
    row = CalendarOverride.objects.get(date=D(2025, 4, 26))
    row.is_working_day, row.kind, row.name = False, "admin_decision", "Tỉnh không làm bù"
    workdays.save_override(override=row, by=None)
    assert not is_working_day(D(2025, 4, 26))


def test_lich_hoandoi_congchuc_admin_change_to_a_shipped_row_is_audited(client, system_admin):
    system_admin.is_staff = system_admin.is_superuser = True
    system_admin.save()
    client.force_login(system_admin)
    row = CalendarOverride.objects.get(date=D(2024, 5, 4))
    url = reverse("admin:core_calendaroverride_change", args=[row.pk])
    form = {
        "date": "2024-05-04",
        "kind": "makeup_workday",
        "is_working_day": "on",
        "name": row.name,
        "source_document": row.source_document + " (đã đối chiếu)",
    }
    response = client.post(url, form)
    assert response.status_code == 302
    event = AuditEvent.objects.get(object_type="core.calendaroverride", object_id=str(row.pk))
    assert event.action == AuditEvent.Action.UPDATE and event.by == system_admin
    assert "source_document" in event.changes and event.note


def test_lich_hoandoi_congchuc_admin_form_refuses_a_makeup_day_on_a_weekday(client, system_admin):
    system_admin.is_staff = system_admin.is_superuser = True
    system_admin.save()
    client.force_login(system_admin)
    form = {
        "date": "2030-01-07",
        "kind": "makeup_workday",
        "is_working_day": "on",
        "name": "Làm bù",
        "source_document": "X/VPCP",
    }
    response = client.post(reverse("admin:core_calendaroverride_add"), form)
    assert response.status_code == 200
    assert "LICH-HOANDOI-CONGCHUC" in response.content.decode()
    assert not CalendarOverride.objects.filter(date=D(2030, 1, 7)).exists()


def test_lich_hoandoi_congchuc_admin_list_filters_by_year_kind_and_shipped(client, system_admin):
    system_admin.is_staff = system_admin.is_superuser = True
    system_admin.save()
    client.force_login(system_admin)
    url = reverse("admin:core_calendaroverride_changelist")
    page = client.get(url, {"year": "2026", "kind": "makeup_workday", "shipped__exact": "1"})
    assert page.status_code == 200
    assert list(page.context["cl"].queryset.values_list("date", flat=True)) == [
        D(2026, 1, 10),
        D(2026, 8, 22),
    ]
    assert "12729/VPCP-KGVX" in page.content.decode()


def test_lich_nghibu_blld111_two_holidays_on_one_weekend_give_two_substitutes():
    holidays_2022 = workdays.statutory_holidays(2022)
    substitutes = workdays.substitute_days_off(holidays_2022)
    assert {D(2022, 5, 2), D(2022, 5, 3), D(2022, 1, 3), D(2022, 4, 11)} <= set(substitutes)
    assert working_days_between(D(2022, 4, 29), D(2022, 5, 4)) == 2  # Friday 29/4 and Wednesday 4/5


def test_lich_nghibu_blld111_substitute_skips_a_holiday_already_taken():
    # 2023: Giỗ Tổ on Saturday 29/4, 30/4 on Sunday, 1/5 a Monday holiday → 2/5 and 3/5.
    substitutes = workdays.substitute_days_off(workdays.statutory_holidays(2023))
    assert {D(2023, 5, 2), D(2023, 5, 3)} <= set(substitutes)
    assert D(2023, 5, 1) not in substitutes


def test_lich_quockhanh_2ngay_two_days_from_2021_one_before():
    assert workdays.national_day_holidays(2019) == [D(2019, 9, 2)]
    assert workdays.national_day_holidays(2020) == [D(2020, 9, 2)]
    assert workdays.national_day_holidays(2021) == [D(2021, 9, 2), D(2021, 9, 3)]
    assert workdays.national_day_holidays(2025) == [D(2025, 9, 1), D(2025, 9, 2)]
    assert is_working_day(D(2020, 9, 3)) and is_working_day(D(2020, 9, 1))


@pytest.mark.parametrize("year", range(2019, 2028))
def test_lich_tet_5ngay_five_weekdays_off_around_tet(year):
    tet = workdays.lunar_new_year_days_off(year)
    assert len([day for day in tet if day.weekday() < 5]) == 5
    assert all(not is_working_day(day) for day in tet)


def test_lich_vanhoa_2411_the_only_package_day_congvu_rejects():
    # Apart from its swap data (congvu's rows instead), the package and congvu agree on every year.
    for year in range(2019, 2028):
        package = {day for day in holidays.Vietnam(years=year) if day.weekday() < 5}
        rejected = package - set(workdays.days_off(year))
        swaps = {row.date for row in CalendarOverride.objects.filter(shipped=True, date__year=year)}
        assert rejected - swaps == ({D(year, 11, 24)} if year >= 2026 else set()), year
        assert set(workdays.days_off(year)) <= package
    assert workdays.culture_day_off(2026) == {}


def test_adding_working_days_reads_the_rows_once_per_chunk(django_assert_num_queries):
    with django_assert_num_queries(1):
        assert add_working_days(D(2026, 8, 28), 3) == D(2026, 9, 7)
    with django_assert_num_queries(1):
        workdays.WorkingDayCounter(D(2019, 1, 1), D(2027, 12, 31))


def test_lich_hoandoi_congchuc_migration_keeps_an_admin_row_and_adds_its_source():
    # An install before 0006: no shipped rows, and the admin entered the 2024 swap by hand.
    # (Run as the migration's own function: a transactional test that migrates back and forth would
    # flush the data of every other migration for the tests after it.)
    CalendarOverride.objects.all().delete()
    CalendarOverride.objects.create(date=D(2024, 4, 29), is_working_day=False, name="Nghỉ theo UBND tỉnh")
    CalendarOverride.objects.create(
        date=D(2024, 5, 4), is_working_day=True, name="Làm bù", source_document="Công văn của UBND tỉnh"
    )
    SHIPPING.ship(django_apps, None)
    SHIPPING.ship(django_apps, None)  # running twice changes nothing
    kept = CalendarOverride.objects.get(date=D(2024, 4, 29))
    assert (kept.name, kept.shipped, kept.kind) == ("Nghỉ theo UBND tỉnh", False, "admin_decision")
    assert kept.source_document == SHIPPING.CV_2450_2024
    assert CalendarOverride.objects.get(date=D(2024, 5, 4)).source_document == "Công văn của UBND tỉnh"
    assert CalendarOverride.objects.count() == len(SHIPPING.SHIPPED)
    assert CalendarOverride.objects.filter(shipped=True).count() == len(SHIPPING.SHIPPED) - 2


def test_lich_hoandoi_congchuc_unshipping_leaves_the_admins_rows():
    CalendarOverride.objects.filter(date=D(2024, 4, 29)).update(shipped=False, kind="admin_decision")
    SHIPPING.unship(django_apps, None)
    assert list(CalendarOverride.objects.values_list("date", flat=True)) == [D(2024, 4, 29)]
