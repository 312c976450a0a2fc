"""The indicator engine: values, previous period and change, scope across the reform, league tables."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congvu.core import indicators as engine
from congvu.core.indicators import Indicator, Measure, Period
from congvu.reports import selectors
from congvu.reports.engine import evaluate, evaluate_all
from congvu.units.lineage import Lineage
from tests.factories import UnitFactory


def by_code(result):
    return {row["code"]: row for row in result["indicators"]}


def test_share_with_previous_year_and_change_in_points(fake_indicators, city, ward, other_ward):
    fake_indicators.shares[("P-AB", 2019)] = (49, 50)
    fake_indicators.shares[("P-NPV", 2019)] = (48, 50)
    fake_indicators.shares[("P-AB", 2018)] = (45, 50)
    fake_indicators.shares[("P-NPV", 2018)] = (46, 50)
    row = evaluate("test.share", city, Period.year(2019))
    assert (row["value"], row["numerator"], row["denominator"]) == (97.0, 97, 100)
    assert row["previous"] == 91.0
    assert row["change"] == 6.0  # percentage points, not a relative change
    assert row["breakdown"] == {"Tốt": 2}


def test_count_change_and_empty_share(fake_indicators, city, ward):
    fake_indicators.counts[("P-AB", 2019)] = 7
    fake_indicators.counts[("P-AB", 2018)] = 10
    rows = by_code(evaluate_all(city, Period.year(2019)))
    assert (rows["test.count"]["value"], rows["test.count"]["previous"], rows["test.count"]["change"]) == (
        7,
        10,
        -3,
    )
    assert rows["test.share"]["value"] is None and rows["test.share"]["change"] is None


def test_new_ward_reports_its_predecessor_before_the_reform(fake_indicators, ward, new_ward, other_ward):
    """The ward created in 2025 shows An Bình's 2019 figures (successor links), never the other ward's."""
    fake_indicators.counts[("P-AB", 2019)] = 5
    fake_indicators.counts[("P-NPV", 2019)] = 100
    assert evaluate("test.count", new_ward, Period.year(2019))["value"] == 5
    assert {u.pk for u in Lineage(new_ward).roots} == {new_ward.pk, ward.pk}


def test_public_only_and_selected_codes(fake_indicators, city):
    codes = [row["code"] for row in evaluate_all(city, Period.year(2019), public_only=True)["indicators"]]
    assert "test.share" in codes and "test.count" in codes and "test.private" not in codes
    only = evaluate_all(city, Period.year(2019), codes=["test.count"])
    assert [row["code"] for row in only["indicators"]] == ["test.count"]
    assert only["unit"]["code"] == "TP" and only["period"] == {"from": "2019-01-01", "to": "2019-12-31"}


def test_previous_period_of_a_date_range():
    period = Period(dt.date(2019, 1, 1), dt.date(2020, 11, 30))
    previous = period.previous()
    assert previous.end == dt.date(2018, 12, 31)
    assert (previous.end - previous.start) == (period.end - period.start)
    assert Period.year(2019).previous() == Period.year(2018)
    assert len(engine.month_periods(2020)) == 12 and engine.month_periods(2020)[1].end == dt.date(2020, 2, 29)


def test_registry_keeps_old_calls_and_adds_optional_drilldown(fake_indicators):
    registry = engine.load_all()
    assert registry["test.share"].drilldown == "people:staff_list"
    assert registry["units.current"].drilldown == ""
    # Positional construction as the other parts may do it still works without the new field.
    spec = Indicator("x", "x", "x", engine.COUNT, "", "", "", "", "", lambda s, p: Measure.count(1))
    assert spec.drilldown == "" and not spec.public
    assert list(registry)[:3] == ["test.share", "test.count", "test.private"]  # by order


def test_units_of_a_period_follow_the_reform(city, ward, other_ward, new_ward):
    old = UnitFactory(code="P-CU", name="Phường Đã Giải Thể", parent=city, valid_to=dt.date(2015, 12, 31))
    in_2019 = selectors.units_of_period(city, Period.year(2019))
    assert {u.code for u in in_2019} == {"P-AB", "P-NPV"}
    assert old in selectors.units_of_period(city, Period.year(2015))
    # The new ward did not exist in 2019: its predecessor of that time stands in for it.
    assert [u.code for u in selectors.units_of_period(new_ward, Period.year(2019))] == ["P-AB"]


def test_league_table_ranks_children_with_ties(fake_indicators, city, ward, other_ward):
    third = UnitFactory(code="P-BA", name="Phường Ba", parent=city)
    fourth = UnitFactory(code="P-BON", name="Phường Bốn", parent=city)
    fake_indicators.shares[("P-AB", 2019)] = (9, 10)
    fake_indicators.shares[("P-NPV", 2019)] = (10, 10)
    fake_indicators.shares[(third.code, 2019)] = (9, 10)
    rows = selectors.league_table(city, Period.year(2019), "test.share")
    assert [(r["unit"].code, r["rank"]) for r in rows] == [
        ("P-NPV", 1),
        ("P-AB", 2),
        ("P-BA", 2),
        (fourth.code, None),
    ]


def test_find_unit_by_code_or_exact_name(city, ward, new_ward):
    twin = UnitFactory(code="P-AB-2025", name="Phường An Bình", parent=city, valid_from=dt.date(2025, 7, 1))
    ward.valid_to = dt.date(2025, 6, 30)
    ward.save()
    assert selectors.find_unit("p-ab") == ward
    assert selectors.find_unit("Thành phố Thử Nghiệm") == city
    assert selectors.find_unit("Phường An Bình", Period.year(2019)) == ward
    assert selectors.find_unit("Phường An Bình", Period.year(2026)) == twin
    with pytest.raises(selectors.ReportInputError, match="Không tìm thấy"):
        selectors.find_unit("Phường Không Có")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"date_from": "31/02/2019", "date_to": "01/03/2019"}, "không hợp lệ"),
        ({"date_from": "01/03/2019"}, "cả ngày bắt đầu và ngày kết thúc"),
        ({"date_from": "2019-03-01", "date_to": "2019-02-01"}, "phải sau"),
        ({"year": "hai nghìn"}, "không hợp lệ"),
        ({"year": "1990"}, "Năm phải từ"),
        ({"year": "2019", "date_from": "01/01/2019", "date_to": "02/01/2019"}, "không chọn cả hai"),
    ],
)
def test_bad_periods_get_a_clear_message(kwargs, message):
    with pytest.raises(selectors.ReportInputError, match=message):
        selectors.parse_period(**kwargs)


def test_periods_accept_both_date_styles():
    assert selectors.parse_period(date_from="01/01/2019", date_to="2020-11-30") == Period(
        dt.date(2019, 1, 1), dt.date(2020, 11, 30)
    )
    assert selectors.parse_period(year="2019") == Period.year(2019)


def test_unit_labels_for_a_period(ward, new_ward):
    from congvu.reports.present import unit_label

    assert unit_label(new_ward, Period.year(2019)).startswith("Phường Mới (thành lập 01/07/2025")
    assert unit_label(new_ward, Period.year(2025)) == "Phường Mới"
    ward.valid_to = dt.date(2025, 6, 30)
    assert unit_label(ward, Period.year(2026)) == "Phường An Bình (cũ)"


@given(
    start=st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31)),
    days=st.integers(min_value=0, max_value=800),
)
def test_previous_period_is_the_same_span_just_before(start, days):
    period = Period(start, start + dt.timedelta(days=days))
    previous = period.previous()
    assert previous.end == period.start - dt.timedelta(days=1)
    if not period.is_whole_year:
        assert previous.end - previous.start == period.end - period.start


@given(
    kind=st.sampled_from(["share", "count"]),
    value=st.integers(min_value=0, max_value=1000),
    denominator=st.one_of(st.none(), st.integers(min_value=0, max_value=1000)),
    threshold=st.integers(min_value=1, max_value=20),
    counts_people=st.booleans(),
)
def test_suppression_never_publishes_a_small_group_of_people(
    kind, value, denominator, threshold, counts_people
):
    """A figure over fewer than `threshold` cases, or a count of fewer than `threshold` people, is
    hidden on the public page; a count of events (inspection rounds, cases) points at nobody and is
    shown as it is, however small."""
    from congvu.reports.present import suppress

    row = {
        "kind": kind,
        "value": value,
        "numerator": value,
        "denominator": denominator,
        "counts_people": counts_people,
    }
    shown = suppress(row, threshold)
    people_counted = kind == "count" and counts_people
    group = denominator if denominator is not None else (value if people_counted else None)
    if group is not None and 0 < group < threshold:
        assert shown["value"] is None and shown["numerator"] is None and shown["denominator"] is None
    else:
        assert shown["value"] == value
