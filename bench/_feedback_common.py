"""Shared set-up for the feedback benchmarks: a throw-away database in a temporary directory.

Without DATABASE_URL the benchmark uses a fresh SQLite file; with DATABASE_URL pointing at a scratch
PostgreSQL database it uses that (and leaves it migrated). Nothing touches var/.
"""

import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congvu.settings")
    os.environ["CONGVU_VAR_DIR"] = tempfile.mkdtemp(prefix="congvu-bench-feedback-")
    os.environ.setdefault("SECRET_KEY", "bench-secret-key-bench-secret-key-0123456789")
    import django

    django.setup()
    from django.conf import settings

    # No collectstatic in a throw-away directory: plain static names instead of the manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", "--noinput", "-v", "0")


def world():
    """A city with two wards, a ward head and handler, a programme officer over the city."""
    from congvu.accounts.models import Role, RoleAssignment, User
    from congvu.units.models import Unit, UnitType

    city = Unit.objects.create(code="B-TP", name="Thành phố Đo Kiểm", unit_type=UnitType.CITY)
    wards = [
        Unit.objects.create(code=f"B-P{i}", name=f"Phường Đo Kiểm {i}", unit_type=UnitType.WARD, parent=city)
        for i in range(1, 9)
    ]
    people = {}
    for username, role, unit in [
        ("head", Role.UNIT_HEAD, wards[0]),
        ("handler", Role.HANDLER, wards[0]),
        ("office", Role.PROGRAMME_OFFICE, city),
    ]:
        user = User.objects.create_user(username, password="x")
        RoleAssignment.objects.create(user=user, role=role, unit=unit)
        people[username] = user
    return city, wards, people


def nearest_rank(ordered: list[float], share: float) -> float:
    """The nearest-rank percentile of an ascending list: never below the median, the maximum for few runs."""
    return ordered[max(math.ceil(len(ordered) * share) - 1, 0)]


def timed(function, repeat: int) -> dict:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "runs": repeat,
        "median_ms": round(statistics.median(samples), 1),
        "p90_ms": round(nearest_rank(samples, 0.9), 1),
        "max_ms": round(samples[-1], 1),
    }
