"""Ratings stored per second through POST /api/v1/ratings under gunicorn, on SQLite and PostgreSQL.

For each database the script migrates a throw-away database, pairs a few hundred kiosks with counters,
starts gunicorn, and sends ratings from concurrent keep-alive clients (each kiosk's ratings spaced like
real citizens, so the burst and per-device limits do not reject them). Beside it, the same server's bare
/healthz endpoint (one `SELECT 1`) gives the ceiling of what the stack can answer. Prints JSON.

    .venv/bin/python bench/ratings_api.py [--requests 1500] [--concurrency 8] [--workers 2]
    BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/congvu_ratings_bench  (default; skipped if unreachable)
"""

import argparse
import datetime as dt
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/congvu_ratings_bench"
DEVICES = 300


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(database_url: str | None, var_dir: str) -> dict:
    env = {**os.environ, "CONGVU_VAR_DIR": var_dir, "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "congvu.settings"}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    env["PYTHONPATH"] = str(ROOT)
    return env


def setup_world() -> None:
    """Run inside the configured environment: migrate, make counters and kiosks, print the tokens."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", "-v", "0")
    from congvu.people.models import Staff
    from congvu.ratings.models import Counter, Rating, RosterEntry
    from congvu.ratings.services import pair_device
    from congvu.units.models import Unit, UnitType

    Rating.objects.all().delete()
    ward, _ = Unit.objects.get_or_create(
        code="BENCH-P", defaults={"name": "Phường Đo Kiểm", "unit_type": UnitType.WARD}
    )
    one_stop, _ = Unit.objects.get_or_create(
        code="BENCH-P-1C",
        defaults={"name": "Bộ phận một cửa Đo Kiểm", "unit_type": UnitType.ONE_STOP, "parent": ward},
    )
    tokens = []
    for index in range(DEVICES):
        counter, created = Counter.objects.get_or_create(
            code=f"BENCH-Q{index:03d}", defaults={"unit": one_stop, "name": f"Quầy {index}"}
        )
        if created:
            staff = Staff.objects.create(
                full_name=f"Cán Bộ Đo Kiểm {index}", sex="nu", category="cong_chuc", unit=one_stop
            )
            for session in ("morning", "afternoon"):
                RosterEntry.objects.create(
                    counter=counter, staff=staff, date=dt.date(2020, 1, 1), session=session
                )
        tokens.append(pair_device(counter=counter)[1])
    print(json.dumps(tokens))


def _wait_up(port: int, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _load(port: int, jobs: list, concurrency: int) -> dict:
    """Send `jobs` (method, path, headers, body) from `concurrency` keep-alive clients."""
    latencies, statuses, lock = [], {}, threading.Lock()
    cursor = iter(jobs)

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, codes = [], {}
        while True:
            with lock:
                job = next(cursor, None)
            if job is None:
                break
            method, path, headers, body = job
            start = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = 0
            mine.append((time.perf_counter() - start) * 1000)
            codes[status] = codes.get(status, 0) + 1
        with lock:
            latencies.extend(mine)
            for code, n in codes.items():
                statuses[code] = statuses.get(code, 0) + n

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    ok = statuses.get(201, 0) + statuses.get(200, 0)
    return {
        "requests": len(jobs),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "seconds": round(elapsed, 2),
        "per_second": round(ok / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 1),
    }


def _rating_jobs(tokens: list[str], total: int, days_back: int = 20) -> list:
    base = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_back)
    jobs = []
    for index in range(total):
        token = tokens[index % len(tokens)]
        rated_at = base + dt.timedelta(seconds=5 * (index // len(tokens)))  # one kiosk: a citizen every 5 s
        level = (
            ("very_satisfied", "satisfied", "satisfied", "not_satisfied")[index % 4]
            if index % 50
            else "not_satisfied"
        )
        body = json.dumps(
            {
                "id": str(uuid.uuid4()),
                "level": level,
                "reasons": [],
                "comment": "",
                "rated_at": rated_at.isoformat(),
            }
        )
        headers = {
            "Content-Type": "application/json",
            "Authorization": f"Bearer {token}",
            "Connection": "keep-alive",
        }
        jobs.append(("POST", "/api/v1/ratings", headers, body))
    return jobs


def _pg_available(url: str) -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    admin = url.rsplit("/", 1)[0] + "/postgres"
    name = url.rsplit("/", 1)[1]
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
        return True
    except psycopg.Error:
        return False


def run_backend(label: str, database_url: str | None, args) -> dict:
    var_dir = tempfile.mkdtemp(prefix=f"congvu-bench-ratings-{label}-")
    env = _env(database_url, var_dir)
    made = subprocess.run(
        [PYTHON, __file__, "--setup"], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    tokens = json.loads(made.stdout.strip().splitlines()[-1])
    port = _free_port()
    server = subprocess.Popen(
        [
            GUNICORN,
            "congvu.wsgi",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        _wait_up(port)
        warm = _rating_jobs(tokens, 50, days_back=25)  # other times than the measured run
        _load(port, warm, args.concurrency)
        ratings = _load(port, _rating_jobs(tokens[1:], args.requests), args.concurrency)
        health_jobs = [("GET", "/healthz", {"Connection": "keep-alive"}, None)] * args.requests
        ceiling = _load(port, health_jobs, args.concurrency)
        stored = subprocess.run(
            [
                PYTHON,
                "-c",
                "import django; django.setup(); from congvu.ratings.models import Rating; print(Rating.objects.count())",
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    finally:
        server.terminate()
        server.wait(timeout=20)
    return {"ratings_api": ratings, "healthz_ceiling": ceiling, "ratings_stored_in_db": int(stored)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--setup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    if args.setup:
        setup_world()
        return
    results = {
        "benchmark": "ratings_api",
        "what": "POST /api/v1/ratings (kiosk, Bearer device token) vs GET /healthz on the same gunicorn",
        "gunicorn_workers": args.workers,
        "concurrency": args.concurrency,
        "cpu_count": os.cpu_count(),
        "backends": {},
    }
    if args.only in (None, "sqlite"):
        results["backends"]["sqlite"] = run_backend("sqlite", None, args)
    pg_url = os.environ.get("BENCH_PG_URL", DEFAULT_PG)
    if args.only in (None, "postgresql"):
        if _pg_available(pg_url):
            results["backends"]["postgresql"] = run_backend("postgresql", pg_url, args)
        else:
            results["backends"]["postgresql"] = {"skipped": f"PostgreSQL not reachable at {pg_url}"}
    json.dump(results, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
