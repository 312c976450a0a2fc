"""Shared pieces for benchmarks: a throw-away database, a gunicorn server, and a load loop.

Every benchmark prints one JSON document on stdout. Loads go only to 127.0.0.1 and stop by themselves
(bounded by request count and time).
"""

import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_env(database_url: str | None = None, var_dir: str | None = None) -> dict:
    env = dict(os.environ)
    var_dir = var_dir or tempfile.mkdtemp(prefix="congvu-bench-")
    env["CONGVU_VAR_DIR"] = var_dir
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    env.setdefault("SECRET_KEY", "bench-secret-key-bench-secret-key-0123456789")
    return env


def prepare(env: dict, *, seed: bool = True) -> None:
    """Migrate the throw-away database, collect static files, and load the demo data."""
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    if seed:
        manage(env, "seed_demo")


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


@contextlib.contextmanager
def gunicorn(env: dict, workers: int = 2):
    port = free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "congvu.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**env, "DEBUG": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def load(
    url: str,
    *,
    requests: int = 500,
    concurrency: int = 8,
    max_seconds: float = 30.0,
    method="GET",
    body_for=None,
    headers=None,
) -> dict:
    """Send `requests` requests from `concurrency` threads; latency percentiles in milliseconds."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))
    deadline = time.monotonic() + max_seconds

    def worker():
        nonlocal errors
        while time.monotonic() < deadline:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            data = body_for(index) if body_for else None
            request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    response.read()
                ok = True
            except OSError:
                ok = False
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return summarize(latencies, errors, wall)


def summarize(latencies: list[float], errors: int, wall: float) -> dict:
    ordered = sorted(latencies)

    def pct(p):
        return round(ordered[min(len(ordered) - 1, int(len(ordered) * p))], 2) if ordered else None

    return {
        "requests": len(ordered),
        "errors": errors,
        "seconds": round(wall, 3),
        "requests_per_second": round(len(ordered) / wall, 1) if wall else None,
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "mean_ms": round(statistics.fmean(ordered), 2) if ordered else None,
    }


def emit(name: str, results: dict) -> None:
    document = {"benchmark": name, "python": sys.version.split()[0], "cpus": os.cpu_count(), **results}
    text = json.dumps(document, ensure_ascii=False, indent=2)
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{name}.json").write_text(text)
    print(text)
