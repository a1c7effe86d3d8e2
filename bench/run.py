"""Request throughput of portal pages next to a bare Flask route, measured in one run.

Figures, not pass/fail: the bare route is the baseline that makes numbers from a noisy
machine comparable. Uses the WSGI app in-process (no network), on a temporary SQLite
database with the demo content.

    make bench            # or: .venv/bin/python bench/run.py --seconds 3
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

from flask import Flask


def measure(client, path: str, seconds: float) -> tuple[float, float, float]:
    """Requests per second, median and p95 latency (ms) of GET ``path`` for ``seconds``."""
    latencies = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        response = client.get(path)
        latencies.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    return len(latencies) / sum(latencies), statistics.median(latencies) * 1000, p95 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0, help="time per page")
    args = parser.parse_args()

    from flask_migrate import upgrade

    from headstart import create_app
    from headstart.demo.load import load_demo
    from headstart.extensions import db

    instance = tempfile.mkdtemp(prefix="headstart-bench-")
    app = create_app({"INSTANCE_PATH": instance})
    with app.app_context():
        upgrade()
        load_demo()
        db.session.commit()

    bare = Flask("bare")
    bare.add_url_rule("/", "hello", lambda: "hello")

    rows = [("bare Flask route", bare.test_client(), "/")]
    client = app.test_client()
    rows += [
        ("home page", client, "/"),
        ("home page (cs)", client, "/?lang=cs"),
        ("directory list", client, "/directory/"),
        ("organisation page", client, "/directory/1"),
        ("/healthz", client, "/healthz"),
    ]
    print(f"{'page':<22}{'req/s':>10}{'median ms':>12}{'p95 ms':>10}{'vs bare':>10}")
    baseline = None
    for name, test_client, path in rows:
        rate, median, p95 = measure(test_client, path, args.seconds)
        baseline = baseline or rate
        print(f"{name:<22}{rate:>10.0f}{median:>12.2f}{p95:>10.2f}{rate / baseline:>9.2f}x")


if __name__ == "__main__":
    main()
