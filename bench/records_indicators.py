"""Time the records indicators and the regulation register on the demo data plus N synthetic wards.

Runs in-process on a throw-away SQLite database (or DATABASE_URL if set); prints one JSON document.
Usage: python bench/records_indicators.py [--wards 2000]
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


def synthetic_wards(count):
    """`count` extra communes under the province, each with a regulation (every tenth without one)."""
    from congvu.regulations.models import WorkingRegulation
    from congvu.units.models import Unit, UnitType

    province = Unit.objects.get(code="LS")
    units = []
    for index in range(count):
        unit = Unit(code=f"BENCH-X{index:05d}", name=f"Xã Thử Nghiệm {index}", unit_type=UnitType.COMMUNE)
        unit.parent = province
        units.append(unit)
    for unit in units:  # save() maintains the tree path
        unit.save()
    WorkingRegulation.objects.bulk_create(
        [
            WorkingRegulation(
                unit=unit,
                title="Quy chế làm việc",
                number=f"{i}/QĐ-UBND",
                signed_on=dt.date(2019, 1, 2),
                valid_from=dt.date(2019, 1, 2),
            )
            for i, unit in enumerate(units)
            if i % 10
        ],
        batch_size=1000,
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wards", type=int, default=2000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from congvu.discipline import demo as discipline
    from congvu.people import demo as foundation
    from congvu.plans import demo as plans
    from congvu.regulations import demo as regulations
    from congvu.rewards import demo as rewards

    started = time.perf_counter()
    foundation.seed()
    foundation_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for part in (rewards, discipline, regulations, plans):
        part.seed()
    records_seconds = time.perf_counter() - started
    synthetic_wards(args.wards)

    from congvu.core.indicators import Period, load_all
    from congvu.regulations import selectors
    from congvu.units.lineage import Lineage
    from congvu.units.models import Unit

    registry = load_all()
    city, province = Unit.objects.get(code="LS-TP"), Unit.objects.get(code="LS")
    results = {}
    for code in ("units.with_working_regulation", "rewards.count", "discipline.count", "plans.tasks_on_time"):
        spec = registry[code]
        results[f"{code}@LS-TP/2019"] = timed(
            lambda spec=spec: spec.compute(Lineage(city), Period.year(2019))
        )
        results[f"{code}@LS/2025"] = timed(
            lambda spec=spec: spec.compute(Lineage(province), Period.year(2025))
        )
    results["regulation_status@LS"] = timed(
        lambda: selectors.regulation_status(Unit.objects.under(province), dt.date(2025, 12, 31)), repeat=3
    )
    print(
        json.dumps(
            {
                "benchmark": "records_indicators",
                "synthetic_wards": args.wards,
                "seed_seconds": {
                    "foundation": round(foundation_seconds, 2),
                    "records": round(records_seconds, 2),
                },
                "timings": results,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
