"""The seed article's 2019 figures come out of the indicators and the results page for LS-TP."""

import re

import pytest
from django.urls import reverse

from congvu.accounts.models import User
from congvu.appraisals import demo as demo_appraisals
from congvu.appraisals.models import Cycle, Evaluation
from congvu.core.indicators import Period
from congvu.people import demo as foundation
from congvu.reports.engine import evaluate
from congvu.units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    foundation.seed()
    demo_appraisals.seed()
    return Unit.objects.get(code="LS-TP")


def test_2019_figures_and_every_year_at_least_90(demo, client):
    city = demo
    share = evaluate("evaluation.good_or_better", city, Period.year(2019))
    assert evaluate("evaluation.good_or_better.cbcc", city, Period.year(2019))["value"] == 121
    assert evaluate("evaluation.good_or_better.vc", city, Period.year(2019))["value"] == 1035
    assert 97.5 <= share["value"] <= 98.0
    assert (share["numerator"], share["denominator"]) == (1156, 1183)
    assert share["change"] == 1.18
    assert round(share["value"] - share["previous"], 2) == 1.18
    assert share["breakdown"]["cbcc"]["good_or_better"] == 121
    for year in range(2018, 2026):
        assert (
            evaluate("evaluation.good_or_better", city, Period.year(year), with_previous=False)["value"] >= 90
        )
    # Past results keep the unit and rule set of their time.
    sample = Evaluation.objects.filter(year=2019).select_related("unit", "rule_set").first()
    assert sample.unit.code.startswith("LS-TP-") and sample.rule_set.code == "ND56-2015"
    # Through the results page, as the city's leadership sees it.
    client.force_login(User.objects.get(username="lanhdao"))
    body = client.get(reverse("appraisals:results") + f"?unit={city.pk}&year=2019").content.decode()
    row = re.search(r'data-year="2019" data-group="all">(.*?)</tr>', body, re.S).group(1)
    cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert cells[-3:] == ["1156", "97,72", "+1,18"]
    cbcc = re.search(r'data-year="2019" data-group="cbcc">(.*?)</tr>', body, re.S).group(1)
    assert '<td class="good">121</td>' in cbcc
    vc = re.search(r'data-year="2019" data-group="vc">(.*?)</tr>', body, re.S).group(1)
    assert '<td class="good">1035</td>' in vc


def test_open_2026_cycle_for_the_ward_and_idempotent_seed(demo):
    ward = Unit.objects.get(code="LS-P-TAMTHANH-2025")
    cycle = Cycle.objects.get(year=2026, scope_unit=ward)
    statuses = set(Evaluation.objects.filter(unit_cycle__cycle=cycle).values_list("status", flat=True))
    assert {"pending", "self_assessed", "reviewed", "proposed"} <= statuses
    count = Evaluation.objects.count()
    demo_appraisals.seed()
    assert Evaluation.objects.count() == count


def test_dg_kyluat_48_the_demo_history_is_lawful_for_the_disciplined_and_within_every_cap(demo):
    """The demo's people disciplined in a year are rated "not completed" that year (the discipline demo
    runs after this one), and no unit × year × staff group exceeds its ceiling on "excellent"."""
    from collections import Counter

    from congvu.appraisals import level_rules
    from congvu.discipline import demo as demo_discipline
    from congvu.discipline.models import DisciplineCase

    demo_discipline.seed()
    cases = DisciplineCase.objects.filter(status=DisciplineCase.Status.DECIDED)
    assert cases.exists()
    checked = 0
    for case in cases:
        evaluation = Evaluation.objects.filter(
            staff=case.staff, year=case.decision_date.year, is_current=True
        ).first()
        if evaluation is None:  # not in the demo's history of the city
            continue
        assert evaluation.level == "khong_hoan_thanh", case.staff.badge_number
        level_rules.check_level(evaluation, evaluation.level, at="import")
        checked += 1
    assert checked
    groups = Counter()
    for unit_id, year, category, level in Evaluation.objects.filter(
        year__gte=2020, is_current=True
    ).values_list("unit_id", "year", "category", "level"):
        key = (unit_id, year, category == "vien_chuc")
        groups[key, "base"] += level in ("xuat_sac", "tot")
        groups[key, "excellent"] += level == "xuat_sac"
    for (key, kind), count in groups.items():
        if kind == "excellent":
            assert count <= groups[key, "base"] * 20 // 100, key
