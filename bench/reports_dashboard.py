"""Benchmark: the reports dashboard and the `indicators` command for one province-year.

Builds a province-scale unit tree (districts, communes, offices, schools and the 2025 reform with
successor links) and 50,000 staff in a temporary database, then times every indicator registered in
this build: `evaluate_all` for the province, a district and a commune, the league table of the
province's units, the staff dashboard page and the .xlsx export. Prints JSON.

    .venv/bin/python bench/reports_dashboard.py                      # SQLite, temporary file
    .venv/bin/python bench/reports_dashboard.py --postgres postgres://postgres@127.0.0.1:5432/postgres
    .venv/bin/python bench/reports_dashboard.py --staff 5000 --districts 3   # a quick run

How it grows as the domain parts land: the figures the issue asks for (200,000 feedback cases and
2 million counter ratings a year) need the feedback and ratings models. Each part may ship
`congvu/<app>/benchdata.py` with `generate(*, units, staff_ids, year, scale) -> dict` (bulk_create its
records for the year over the given units; return what it made). This runner imports every such module it
finds, passes `scale` = {"feedback_cases": 200_000, "ratings": 2_000_000, ...}, and then the timings
include their indicators automatically, because they are registered in the same engine.
"""

import argparse
import datetime as dt
import importlib
import io
import json
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCALE = {"staff": 50_000, "feedback_cases": 200_000, "ratings": 2_000_000}
YEAR = 2024


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--postgres", help="a PostgreSQL URL to an existing database used to create a temporary one"
    )
    parser.add_argument("--staff", type=int, default=SCALE["staff"])
    parser.add_argument("--districts", type=int, default=11)
    parser.add_argument("--year", type=int, default=YEAR)
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    return parser.parse_args()


def temporary_database(args):
    """Point Django at a fresh database (and a throw-away var/ folder); return a function that removes them."""
    import shutil

    folder = tempfile.mkdtemp(prefix="congvu-bench-")
    os.environ["CONGVU_VAR_DIR"] = folder
    os.environ.setdefault("SECRET_KEY", "bench-secret-key-bench-secret-key-0123456789")
    if args.postgres:
        import psycopg

        name = f"congvu_bench_reports_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.postgres, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        base = args.postgres.rsplit("/", 1)[0]
        os.environ["DATABASE_URL"] = f"{base}/{name}"

        def drop():
            from django.db import connections

            connections.close_all()
            with psycopg.connect(args.postgres, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            shutil.rmtree(folder, ignore_errors=True)

        return "postgresql", drop
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"

    def remove():
        shutil.rmtree(folder, ignore_errors=True)

    return "sqlite", remove


def timed(label, function, results, repeat=3):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    best, queries, value = None, 0, None
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            value = function()
            elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
        queries = len(captured)
    results[label] = {"seconds": round(best, 4), "queries": queries}
    return value


def build_province(args):
    """A province like Lạng Sơn before and after the 2025 reform, and `args.staff` staff."""
    from django.db import transaction

    from congvu.core.audit import acting_as
    from congvu.core.text import fold
    from congvu.people.models import Staff, StaffCategory
    from congvu.units.models import Unit, UnitSuccession, UnitType

    rng = random.Random(2025)
    reform = dt.date(2025, 7, 1)
    made = []

    def unit(code, name, unit_type, parent, **extra):
        created = Unit(
            code=code, name=name, unit_type=unit_type, parent=parent, hotline="0205 3000 000", **extra
        )
        created.save()
        made.append(created)
        return created

    with acting_as(None), transaction.atomic():
        province = unit("P", "Tỉnh Thử Nghiệm", UnitType.PROVINCE, None)
        for d in range(20):
            department = unit(f"P-S{d:02d}", f"Sở {d}", UnitType.DEPARTMENT, province)
            for o in range(6):
                unit(f"P-S{d:02d}-P{o}", f"Phòng {o} Sở {d}", UnitType.OFFICE, department)
            for c in range(5):
                unit(f"P-S{d:02d}-T{c}", f"Trung tâm {c} Sở {d}", UnitType.CENTRE, department)
        old_communes = []
        for k in range(args.districts):
            district = unit(
                f"P-H{k:02d}",
                f"Huyện {k}",
                UnitType.DISTRICT,
                province,
                valid_to=reform - dt.timedelta(days=1),
            )
            for o in range(12):
                unit(
                    f"P-H{k:02d}-P{o}",
                    f"Phòng {o} huyện {k}",
                    UnitType.OFFICE,
                    district,
                    valid_to=reform - dt.timedelta(days=1),
                )
            for c in range(20):
                commune = unit(
                    f"P-H{k:02d}-X{c:02d}",
                    f"Xã {c} huyện {k}",
                    UnitType.COMMUNE,
                    district,
                    valid_to=reform - dt.timedelta(days=1),
                )
                unit(
                    f"{commune.code}-1C",
                    f"Một cửa xã {c} huyện {k}",
                    UnitType.ONE_STOP,
                    commune,
                    valid_to=reform - dt.timedelta(days=1),
                )
                old_communes.append(commune)
            for s in range(40):
                unit(
                    f"P-H{k:02d}-TR{s:02d}",
                    f"Trường {s} huyện {k}",
                    UnitType.SCHOOL,
                    district,
                    valid_to=reform - dt.timedelta(days=1),
                )
        for n in range(0, len(old_communes), 3):
            new = unit(f"P-XM{n // 3:02d}", f"Xã mới {n // 3}", UnitType.COMMUNE, province, valid_from=reform)
            unit(
                f"{new.code}-TTHCC",
                f"Trung tâm PVHCC xã mới {n // 3}",
                UnitType.ONE_STOP,
                new,
                valid_from=reform,
            )
            for old in old_communes[n : n + 3]:
                UnitSuccession.objects.create(
                    predecessor=old, successor=new, kind="merged_into", effective_date=reform
                )

        leaves = [u for u in made if u.unit_type != UnitType.PROVINCE]
        categories = [StaffCategory.CONG_CHUC] * 3 + [StaffCategory.VIEN_CHUC] * 6 + [StaffCategory.CAN_BO]
        staff = []
        for i in range(args.staff):
            name = f"Nguyễn Văn Thử {i}"
            staff.append(
                Staff(
                    full_name=name,
                    name_folded=fold(name),
                    sex="nam" if i % 2 else "nu",
                    category=rng.choice(categories),
                    unit=rng.choice(leaves),
                    badge_number=f"B{i:06d}",
                    employed_from=dt.date(2010, 1, 1),
                )
            )
        Staff.objects.bulk_create(staff, batch_size=5000)
    return province, made


def run_domain_generators(units, year):
    """Each part's optional congvu/<app>/benchdata.py (see the module docstring)."""
    from django.apps import apps

    from congvu.people.models import Staff

    ran = {}
    staff_ids = list(Staff.objects.values_list("pk", flat=True))
    for config in apps.get_app_configs():
        if not config.name.startswith("congvu."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.benchdata")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.benchdata":
                raise
            continue
        ran[config.label] = module.generate(units=units, staff_ids=staff_ids, year=year, scale=SCALE)
    return ran


def main():
    args = parse_args()
    vendor, cleanup = temporary_database(args)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congvu.settings")
    os.environ["DEBUG"] = "1"  # static files without collectstatic for the dashboard render
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    try:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        province, units = build_province(args)
        generated = run_domain_generators(units, args.year)
        build_seconds = round(time.perf_counter() - started, 1)

        from django.test import Client

        from congvu.accounts.models import User
        from congvu.reports import exports, selectors
        from congvu.reports.engine import Period, evaluate_all, load_all
        from congvu.units.models import Unit

        period = Period.year(args.year)
        district = Unit.objects.get(code="P-H00")
        new_commune = Unit.objects.get(code="P-XM00")
        registry = load_all()
        first = next(iter(registry))
        results = {}
        timed("indicators_province_year", lambda: evaluate_all(province, period), results)

        def command():
            out = io.StringIO()
            call_command(
                "indicators", "--unit", "P", "--year", str(args.year), "--format", "json", stdout=out
            )
            return out.getvalue()

        timed("indicators_command_json_province_year", command, results)
        timed("indicators_district_year", lambda: evaluate_all(district, Period.year(2019)), results)
        timed(
            "indicators_new_commune_across_reform",
            lambda: evaluate_all(new_commune, Period.year(2019)),
            results,
        )
        timed("league_table_province", lambda: selectors.league_table(province, period, first), results)
        timed(
            "xlsx_export_province",
            lambda: exports.workbook(province, period, chart_code=first),
            results,
            repeat=1,
        )

        admin = User.objects.create_superuser("bench", "bench@example.org", "bench-password-123")
        client = Client()
        client.force_login(admin)

        def dashboard():
            response = client.get("/quan-ly/bao-cao/", {"unit": "P", "year": args.year})
            assert response.status_code == 200, response.status_code
            return response

        timed("dashboard_province_year", dashboard, results)
        report = json.dumps(
            {
                "benchmark": "reports_dashboard",
                "database": vendor,
                "year": args.year,
                "units": Unit.objects.count(),
                "staff": args.staff,
                "indicators": list(registry),
                "domain_data": generated or "none yet: feedback cases and ratings arrive with their parts",
                "build_seconds": build_seconds,
                "timings": results,
            },
            ensure_ascii=False,
            indent=2,
        )
        print(report)
        results_dir = ROOT / "bench" / "results"
        results_dir.mkdir(exist_ok=True)
        (results_dir / f"reports_dashboard-{vendor}.json").write_text(report + "\n", encoding="utf-8")
    finally:
        if not args.keep:
            cleanup()


if __name__ == "__main__":
    main()
