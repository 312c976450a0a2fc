"""Requests per second and p50/p99 latency of /healthz and the portal home under gunicorn on SQLite."""

import argparse

from harness import bench_env, emit, gunicorn, load, prepare


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    env = bench_env()
    prepare(env)
    results = {}
    with gunicorn(env, workers=args.workers) as base:
        load(base + "/healthz", requests=50, concurrency=2)  # warm-up
        for name, path in [
            ("healthz", "/healthz"),
            ("portal_home", "/"),
            ("unit_directory_search", "/don-vi/?q=tam+thanh"),
        ]:
            results[name] = load(base + path, requests=args.requests, concurrency=args.concurrency)
    emit(
        "http_basics",
        {
            "database": "sqlite",
            "gunicorn_workers": args.workers,
            "concurrency": args.concurrency,
            "results": results,
        },
    )


if __name__ == "__main__":
    main()
