"""Benchmark: the evaluation results page and indicator for a province-sized scope.

Generates its own data in a temporary SQLite database (or the database given with --database-url):
one province, 100 communes/wards with 5 sub-units each, 50,000 staff and 8 years of results
(400,000 evaluations). Prints JSON with the timings of the results page, the drill-down page and the
`evaluation.good_or_better` indicator.

    .venv/bin/python bench/appraisals_results.py [--staff 50000] [--years 8]
"""

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--staff", type=int, default=50000)
    parser.add_argument("--years", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp.name}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congvu.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    timings = {"staff": args.staff, "years": args.years}
    started = time.perf_counter()
    province = generate(args.staff, args.years)
    timings["generate_seconds"] = round(time.perf_counter() - started, 2)
    timings |= measure(province, args.years, args.repeat)
    print(json.dumps(timings, indent=2))
    tmp.cleanup()


def generate(staff_count: int, years: int):
    import random

    from congvu.appraisals.models import Evaluation, Level, RuleSet
    from congvu.people.models import Staff, StaffCategory
    from congvu.units.models import Unit, UnitType

    rng = random.Random(7)
    province = Unit.objects.create(code="BENCH", name="Tỉnh Thử Tải", unit_type=UnitType.PROVINCE)
    units = []
    for commune_index in range(100):
        commune = Unit.objects.create(
            code=f"BENCH-X{commune_index:03d}",
            name=f"Xã Thử Tải {commune_index}",
            unit_type=UnitType.COMMUNE,
            parent=province,
        )
        units.append(commune)
        for child_index in range(5):
            units.append(
                Unit(
                    code=f"BENCH-X{commune_index:03d}-{child_index}",
                    name=f"Trường Thử Tải {commune_index}.{child_index}",
                    unit_type=UnitType.SCHOOL,
                    parent=commune,
                )
            )
    for unit in units:
        if unit.pk is None:
            unit.save()
    people = [
        Staff(
            full_name=f"Người Thử Tải {index}",
            name_folded=f"nguoi thu tai {index}",
            sex="nam",
            category=StaffCategory.CONG_CHUC if index % 8 == 0 else StaffCategory.VIEN_CHUC,
            unit=units[index % len(units)],
            badge_number=f"B{index:06d}",
            employed_from=dt.date(2000, 1, 1),
        )
        for index in range(staff_count)
    ]
    Staff.objects.bulk_create(people, batch_size=5000)
    people = list(
        Staff.objects.filter(unit__path__startswith=province.path).only("pk", "unit_id", "category")
    )
    rule_sets = {r.code: r for r in RuleSet.objects.all()}
    levels = [Level.EXCELLENT] * 15 + [Level.GOOD] * 80 + [Level.COMPLETED] * 4 + [Level.NOT_COMPLETED]
    last_year = 2025
    for year in range(last_year - years + 1, last_year + 1):
        code = "ND56-2015" if year <= 2019 else "ND90-2020"
        batch = [
            Evaluation(
                year=year,
                staff_id=person.pk,
                unit_id=person.unit_id,
                category=person.category,
                rule_set=rule_sets[code],
                source=Evaluation.Source.IMPORT,
                status=Evaluation.Status.DECIDED,
                level=rng.choice(levels),
            )
            for person in people
        ]
        Evaluation.objects.bulk_create(batch, batch_size=5000)
    return province


def measure(province, years, repeat):
    from django.test import Client
    from django.urls import reverse

    from congvu.accounts.models import Role, RoleAssignment, User
    from congvu.core.indicators import Period
    from congvu.reports.engine import evaluate

    user = User.objects.create(username="bench-noivu")
    RoleAssignment.objects.create(user=user, role=Role.PROGRAMME_OFFICE, unit=province)
    client = Client()
    client.force_login(user)

    def timed(function):
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            function()
            samples.append(time.perf_counter() - started)
        return {
            "median_ms": round(statistics.median(samples) * 1000, 1),
            "max_ms": round(max(samples) * 1000, 1),
        }

    def results_page():
        response = client.get(reverse("appraisals:results") + f"?unit={province.pk}&year=2025")
        assert response.status_code == 200, response.status_code

    def people_page():
        response = client.get(
            reverse("appraisals:results_people") + f"?unit={province.pk}&year=2025&level=xuat_sac"
        )
        assert response.status_code == 200, response.status_code

    def indicator():
        evaluate("evaluation.good_or_better", province, Period.year(2025))

    return {
        "evaluations": years
        and __import__("congvu.appraisals.models", fromlist=["Evaluation"]).Evaluation.objects.count(),
        "results_page": timed(results_page),
        "drill_down_page": timed(people_page),
        "indicator_good_or_better": timed(indicator),
    }


if __name__ == "__main__":
    main()
