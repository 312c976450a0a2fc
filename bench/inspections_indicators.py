"""Time the inspection indicators and the visits register on the demo data plus N synthetic visits.

Runs in-process on a throw-away SQLite database (or DATABASE_URL if set); prints one JSON document.
Usage: python bench/inspections_indicators.py [--visits 5000]
"""

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CONGVU_VAR_DIR", tempfile.mkdtemp(prefix="congvu-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congvu.settings")
os.environ.setdefault("SECRET_KEY", "bench-secret-key-bench-secret-key-0123456789")


def timed(function, repeat=5):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {"median_ms": round(samples[len(samples) // 2], 2), "max_ms": round(samples[-1], 2)}


def synthetic_visits(count):
    import random

    from congvu.inspections.models import Round, Visit, VisitAnswer
    from congvu.inspections.selectors import items_of
    from congvu.units.models import Unit

    rng = random.Random(7)
    round_ = Round.objects.filter(unit__code="LS-TP").first()
    units = list(Unit.objects.filter(code__startswith="LS-TP-"))
    items = list(items_of(round_.template_version).values_list("pk", flat=True))
    visits = Visit.objects.bulk_create(
        [
            Visit(
                round=round_,
                unit=rng.choice(units),
                date=dt.date(2019, 1, 1) + dt.timedelta(days=i % 700),
                status=Visit.Status.CLOSED,
                template_version=round_.template_version,
            )
            for i in range(count)
        ],
        batch_size=1000,
    )
    VisitAnswer.objects.bulk_create(
        [
            VisitAnswer(visit=v, item_id=item, result="fail" if rng.random() < 0.05 else "pass")
            for v in visits
            for item in items
        ],
        batch_size=5000,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--visits", type=int, default=5000)
    args = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    seed_ms = (time.perf_counter() - start) * 1000
    synthetic_visits(args.visits)
    from congvu.core.indicators import Period
    from congvu.inspections.documents import visits_register
    from congvu.inspections.models import Visit
    from congvu.reports.engine import evaluate_all
    from congvu.units.models import Unit

    city = Unit.objects.get(code="LS-TP")
    period = Period(dt.date(2019, 1, 1), dt.date(2020, 11, 30))
    codes = [
        "inspection.rounds",
        "inspection.visits",
        "inspection.units_visited",
        "inspection.findings",
        "inspection.reminders",
        "inspection.remediation_on_time",
    ]
    result = {
        "benchmark": "inspections_indicators",
        "database": "postgresql" if os.environ.get("DATABASE_URL") else "sqlite",
        "visits": Visit.objects.count(),
        "seed_demo_ms": round(seed_ms, 1),
        "indicators_city_2019_2020": timed(lambda: evaluate_all(city, period, codes)),
        "visits_register_xlsx": timed(
            lambda: visits_register(Visit.objects.filter(unit__path__startswith=city.path)), repeat=3
        ),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
