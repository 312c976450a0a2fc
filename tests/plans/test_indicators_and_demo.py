"""The indicators of rewards, discipline, working regulations and plans, and the demo figures coming
out of them."""

import datetime as dt

import pytest

from congvu.core.indicators import Period, load_all
from congvu.discipline import services as discipline_services
from congvu.discipline.models import DisciplineCase
from congvu.plans.models import Directive, TaskAssignment
from congvu.regulations import services as regulations_services
from congvu.regulations.models import WorkingRegulation
from congvu.reports.engine import evaluate
from congvu.rewards.models import Reward
from congvu.units.models import Unit
from tests.factories import StaffFactory, UnitFactory
from tests.rewards.factories import RewardFactory, title

pytestmark = pytest.mark.django_db


def test_indicators_are_registered_with_the_agreed_codes():
    registry = load_all()
    for code in ("units.with_working_regulation", "rewards.count", "discipline.count", "plans.tasks_on_time"):
        assert code in registry
    assert registry["rewards.count"].public and not registry["discipline.count"].public


def test_rewards_count_by_decision_date_and_scope(city, ward, other_ward):
    decided = dict(status=Reward.Status.DECIDED, decision_date=dt.date(2020, 1, 15), decision_number="1/QĐ")
    RewardFactory(unit=ward, year=2019, **decided)
    RewardFactory(unit=other_ward, year=2019, **decided)
    RewardFactory(
        unit=city, staff=None, collective=ward, title=title("tap-the-lao-dong-tien-tien"), **decided
    )
    RewardFactory(unit=ward)  # only proposed
    assert evaluate("rewards.count", city, Period.year(2020))["value"] == 3
    result = evaluate("rewards.count", ward, Period.year(2020))
    assert result["value"] == 2 and result["breakdown"]["by_recipient"] == {"individual": 1, "collective": 1}
    assert evaluate("rewards.count", city, Period.year(2019))["value"] == 0


def test_discipline_count_by_form(city, ward):
    person = StaffFactory(unit=ward)
    case = discipline_services.open_discipline_case(
        staff=person, origin="other", origin_reference="", facts="x", by=None
    )
    DisciplineCase.objects.filter(pk=case.pk).update(opened_on=dt.date(2022, 1, 1))
    discipline_services.decide_discipline(
        case=case,
        form="canh_cao",
        deciding_body="UBND",
        decision_number="2/QĐ",
        decision_date=dt.date(2022, 3, 1),
        by=None,
    )
    result = evaluate("discipline.count", city, Period.year(2022))
    assert result["value"] == 1 and result["breakdown"] == {"by_form": {"canh_cao": 1}}


def test_successor_ward_reports_cover_the_old_wards_records(city, ward, new_ward):
    """Old records stay counted for the unit that succeeded theirs in 2025."""
    ward.valid_to = dt.date(2025, 6, 30)
    ward.save()
    UnitFactory(code="P-MOI-1C", parent=new_ward, unit_type="mot_cua")
    regulations_services.issue_regulation(
        unit=new_ward, kind="issued", title="Quy chế", number="1/QĐ", signed_on=dt.date(2025, 7, 10), by=None
    )
    RewardFactory(
        unit=ward, status=Reward.Status.DECIDED, decision_date=dt.date(2024, 1, 5), decision_number="x"
    )
    assert evaluate("rewards.count", new_ward, Period.year(2024))["value"] == 1
    assert evaluate("units.with_working_regulation", new_ward, Period.year(2025))["value"] == 100.0


def test_demo_reproduces_the_article_and_is_idempotent():
    from congvu.discipline import demo as discipline
    from congvu.plans import demo as plans
    from congvu.regulations import demo as regulations
    from congvu.rewards import demo as rewards

    def seed_records():
        for part in (rewards, discipline, regulations, plans):
            part.seed()

    from congvu.people import demo as foundation

    foundation.seed()
    seed_records()
    city = Unit.objects.get(code="LS-TP")
    for year in (2019, 2020):
        result = evaluate("units.with_working_regulation", city, Period.year(year))
        assert result["value"] == 100.0, result
        assert result["denominator"] == 24  # the city, 12 offices, 8 wards and communes, 3 centres
    assert evaluate("rewards.count", city, Period.year(2020))["value"] > 0
    assert Directive.objects.filter(number="103/KH-UBND").exists()
    assert (
        TaskAssignment.objects.filter(task__directive__number="103/KH-UBND", status="accepted").count() > 80
    )
    assert (
        DisciplineCase.objects.filter(status="decided", decision_date__year__in=(2018, 2019, 2020)).count()
        == 0
    )
    ls = Unit.objects.get(code="LS")
    assert evaluate("units.with_working_regulation", ls, Period.year(2025))["value"] == 100.0
    counts = (Reward.objects.count(), WorkingRegulation.objects.count(), DisciplineCase.objects.count())
    seed_records()
    assert (
        Reward.objects.count(),
        WorkingRegulation.objects.count(),
        DisciplineCase.objects.count(),
    ) == counts
