"""The demo city's inspections match the seed article through the same indicators as real data."""

import datetime as dt

import pytest

from congvu.core.indicators import Period
from congvu.inspections import demo
from congvu.inspections.models import Round, Visit
from congvu.people import demo as foundation
from congvu.reports.engine import evaluate
from congvu.units.models import Unit

pytestmark = pytest.mark.django_db


def test_eight_rounds_and_seventy_seven_visits_from_2019_to_november_2020():
    foundation.seed()
    demo.seed()
    rounds, visits = Round.objects.count(), Visit.objects.count()
    demo.seed()
    assert (Round.objects.count(), Visit.objects.count()) == (rounds, visits)  # idempotent
    city = Unit.objects.get(code="LS-TP")
    period = Period(dt.date(2019, 1, 1), dt.date(2020, 11, 30))
    assert evaluate("inspection.rounds", city, period)["value"] == 8
    assert evaluate("inspection.visits", city, period)["value"] == 77
    assert evaluate("inspection.findings", city, period)["value"] > 0
    assert evaluate("inspection.remediation_on_time", city, period)["value"] > 50
    tam_thanh = Unit.objects.get(code="LS-P-TAMTHANH-2025")
    assert evaluate("inspection.visits", tam_thanh, Period.year(2026))["value"] >= 1
    assert Round.objects.filter(unit__code="LS-SNV").exists()
