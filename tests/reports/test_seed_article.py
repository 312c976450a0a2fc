"""The seed article (Báo Lạng Sơn, 30.11.2020) as an acceptance case: its figures for Thành phố Lạng Sơn
come out of the indicators computed on the demo data by the `indicators` command, never typed in.

Each figure belongs to a domain part (appraisals, ratings, inspections, records).
"""

import io
import json

import pytest
from django.core.management import call_command
from django.db import transaction

from congvu.core.indicators import load_all

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, seeded once for this module and rolled back afterwards."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            call_command("seed_demo", stdout=io.StringIO())
            yield {}
            transaction.set_rollback(True)


@pytest.fixture
def figures(demo):
    """figures(code, *command args) → the indicator's row (computed once per set of arguments).

    Depends on `demo` directly so that the module's data is seeded before, and outside, each test's
    own transaction (a lazy request would seed inside the first test and be rolled back with it)."""

    def get(code, *args):
        assert code in load_all(), f"indicator {code} is not registered"
        cache = demo
        if args not in cache:
            out = io.StringIO()
            call_command("indicators", *args, "--format", "json", stdout=out)
            cache[args] = {row["code"]: row for row in json.loads(out.getvalue())["indicators"]}
        return cache[args][code]

    return get


CITY_2019 = ("--unit", "Thành phố Lạng Sơn", "--year", "2019")


def test_2019_good_or_better_counts(figures):
    assert figures("evaluation.good_or_better.cbcc", *CITY_2019)["value"] == 121
    assert figures("evaluation.good_or_better.vc", *CITY_2019)["value"] == 1035


def test_2019_good_or_better_share_and_change_on_2018(figures):
    row = figures("evaluation.good_or_better", *CITY_2019)
    assert 97.5 <= row["value"] <= 98.0
    assert row["change"] == pytest.approx(1.18, abs=0.005)  # percentage points on 2018


@pytest.mark.parametrize("year", range(2018, 2026))
def test_good_or_better_at_least_90_every_year(figures, year):
    assert figures("evaluation.good_or_better", "--unit", "LS-TP", "--year", str(year))["value"] >= 90


@pytest.mark.parametrize("year, expected", [(2018, 96), (2019, 99)])
def test_counter_satisfaction(figures, year, expected):
    assert round(figures("counter.satisfaction", "--unit", "LS-TP", "--year", str(year))["value"]) == expected


def test_inspections_from_january_2019_to_november_2020(figures):
    period = ("--unit", "LS-TP", "--from", "01/01/2019", "--to", "30/11/2020")
    assert figures("inspection.rounds", *period)["value"] == 8
    assert figures("inspection.visits", *period)["value"] == 77


@pytest.mark.parametrize("year", [2019, 2020])
def test_every_unit_has_a_working_regulation(figures, year):
    assert figures("units.with_working_regulation", "--unit", "LS-TP", "--year", str(year))["value"] == 100


def test_units_of_the_city_on_the_demo_data(figures):
    """Runs in this build: the demo city's units in 2019, from the foundation's own indicator."""
    assert figures("units.current", *CITY_2019)["value"] > 60
