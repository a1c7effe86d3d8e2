"""Load on the portal under gunicorn: simulated users browse, search and post at once.

    .venv/bin/python bench/load.py                  # 10k practices, 20 users, 60 s
    .venv/bin/python bench/load.py --practices 1000 --seconds 20    # a quick run

A throwaway portal (demo content plus ``--practices`` synthetic ones, SQLite and Whoosh in
a temporary instance folder) is served by gunicorn on 127.0.0.1; a bare Flask route is
served by gunicorn with the same workers, and measured in the same run as the baseline.
Each user is a thread with its own keep-alive connection and session; signed-in users
also reply in the forum (the portal's per-member posting limit is raised for the run:
the limit is not what is measured). Figures, not pass/fail: errors (5xx, connection
failures, unexpected 4xx) and "database is locked" lines in the server log are counted
and printed. Only 127.0.0.1 is contacted; the run stops by itself.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "load-test-passphrase-2026"
WORDS = ("language", "orientation", "care", "employment", "information", "centre",
         "training", "Moldova", "Italy", "recognition", "qualifications", "housing",
         "women", "health", "community", "vocational", "return", "integration")
FILTERS = ("", "&phase=pre_departure", "&country=MD", "&theme=employment", "&sort=newest",
           "&country=IT&phase=post_arrival", "&lang=en")
BARE_APP = "bench_bare:app"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Client:
    """One user's keep-alive connection with its cookies."""

    def __init__(self, port: int):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None):
        headers = {"Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, data, headers)
                response = self.connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                break
            except (ConnectionError, http.client.HTTPException, TimeoutError):
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port,
                                                             timeout=30)
                if attempt == 2:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _sep, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers, text

    def csrf(self, page: str) -> str:
        _status, _headers, text = self.request("GET", page)
        found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', text)
        return found.group(1) if found else ""


class Recorder:
    """Latencies and outcomes per action, shared by the user threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)

    def timed(self, action: str, call, ok=(200,)):
        start = time.perf_counter()
        try:
            status, headers, text = call()
        except Exception as error:  # noqa: BLE001 - counted as an error
            with self.lock:
                self.errors[action].append(repr(error))
            return None
        elapsed = time.perf_counter() - start
        with self.lock:
            self.latencies[action].append(elapsed)
            if status not in ok:
                self.errors[action].append(str(status))
        return status, headers, text


def user_loop(port: int, email: str | None, practice_ids: list[int], topic_urls: list[str],
              until: float, recorder: Recorder, seed: int) -> None:
    rng = random.Random(seed)
    client = Client(port)
    if email:
        token = client.csrf("/auth/login")
        client.request("POST", "/auth/login", {"csrf_token": token, "email": email,
                                               "password": PASSWORD})
    while time.perf_counter() < until:
        roll = rng.random()
        if roll < 0.15:
            recorder.timed("home", lambda: client.request("GET", "/"))
        elif roll < 0.45:
            practice = rng.choice(practice_ids)
            recorder.timed("practice page",
                           lambda p=practice: client.request("GET", f"/practices/{p}"))
        elif roll < 0.75:
            query = urllib.parse.quote(" ".join(rng.sample(WORDS, rng.choice((1, 1, 2)))))
            path = f"/practices/?q={query}{rng.choice(FILTERS)}"
            recorder.timed("practice search", lambda p=path: client.request("GET", p))
        elif roll < 0.82:
            query = urllib.parse.quote(rng.choice(WORDS))
            recorder.timed("global search",
                           lambda q=query: client.request("GET", f"/search?q={q}"))
        elif roll < 0.90:
            recorder.timed("directory", lambda: client.request("GET", "/directory/"))
        elif email and topic_urls:
            topic = rng.choice(topic_urls)
            result = recorder.timed("forum topic", lambda t=topic: client.request("GET", t))
            if result is None:
                continue
            found = re.search(r'action="(/forum/t/\d+/reply)".*?name="csrf_token"[^>]*'
                              r'value="([^"]+)"', result[2], re.S)
            if found:
                body = {"csrf_token": found.group(2), "action": "post",
                        "body": f"Load test reply {rng.random():.6f}: what worked for "
                                "pre-departure orientation in our centre."}
                recorder.timed("forum reply", lambda b=body, u=found.group(1):
                               client.request("POST", u, b), ok=(302, 303))
        else:
            recorder.timed("forum index", lambda: client.request("GET", "/forum/"))


def run_users(port: int, users: int, signed_in: list[str], practice_ids, topic_urls,
              seconds: float, seed: int) -> Recorder:
    recorder = Recorder()
    until = time.perf_counter() + seconds
    threads = [threading.Thread(target=user_loop, args=(
        port, signed_in[i] if i < len(signed_in) else None, practice_ids, topic_urls,
        until, recorder, seed + i), daemon=True) for i in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 120)
    return recorder


def bare_loop(port: int, until: float, recorder: Recorder) -> None:
    client = Client(port)
    while time.perf_counter() < until:
        recorder.timed("bare Flask route", lambda: client.request("GET", "/"))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)] if ordered else float("nan")


def serve(app: str, port: int, workers: int, env: dict, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn
        # Not the checkout's gunicorn.conf.py (which refuses several workers on in-memory
        # rate limits): portal and bare route run the same plain workers, limits aside.
        [str(BIN / "gunicorn"), "--config", os.devnull, "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}",
         "--error-logfile", "-", "--timeout", "60", app], cwd=env.get("BENCH_CWD", ROOT),
        env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(150):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn ({app}) did not start; see {log}")


def setup(instance: Path, practices: int, seed: int, accounts: int, env: dict):
    flask = [str(BIN / "flask"), "--app", "headstart"]
    steps = [["db", "upgrade"], ["demo", "load"]]
    if practices:
        steps.append(["demo", "synth", "--practices", str(practices), "--seed", str(seed)])
    steps.append(["search", "reindex"])
    for step in steps:
        started = time.perf_counter()
        subprocess.run(flask + step, env=env, check=True, capture_output=True)
        print(f"  {' '.join(step):<40} {time.perf_counter() - started:6.1f} s", flush=True)
    script = (
        "from headstart import create_app\n"
        "from headstart.extensions import db\n"
        "from headstart.accounts.services import create_user\n"
        "from headstart.practices.models import Practice\n"
        "from sqlalchemy import select\n"
        "import sys, json\n"
        "app = create_app()\n"
        "with app.app_context():\n"
        f"    for n in range({accounts}):\n"
        f"        create_user(f'member{{n}}@load.example', {PASSWORD!r}, "
        "display_name=f'Load member {n}', role='practitioner', confirmed=True)\n"
        "    db.session.commit()\n"
        "    ids = list(db.session.scalars(select(Practice.id).where("
        "Practice.status == 'published')))\n"
        "    print(json.dumps(ids))\n")
    result = subprocess.run([str(BIN / "python"), "-c", script], env=env, check=True,
                            capture_output=True, text=True, cwd=ROOT)
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--signed-in", type=int, default=8,
                        help="how many of the users sign in (and post)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    instance = Path(tempfile.mkdtemp(prefix="headstart-load-"))
    env = {**os.environ, "HEADSTART_INSTANCE_DIR": str(instance),
           "HEADSTART_DATABASE_URL": f"sqlite:///{instance / 'load.sqlite3'}",
           "HEADSTART_SEARCH_BACKEND": "whoosh",
           "HEADSTART_FORUM_POST_LIMIT": "100000 per minute",
           "HEADSTART_FORUM_HOLD_FIRST_POSTS": "0"}
    for name in ("HEADSTART_MAIL_URL", "HEADSTART_RATELIMIT_STORAGE"):
        env.pop(name, None)
    processes = []
    try:
        print(f"Setting up {instance} ({args.practices} synthetic practices)", flush=True)
        practice_ids = setup(instance, args.practices, args.seed, args.signed_in, env)
        bare_dir = instance / "bare"
        bare_dir.mkdir()
        (bare_dir / "bench_bare.py").write_text(
            "from flask import Flask\napp = Flask(__name__)\n"
            "app.add_url_rule('/', 'hello', lambda: 'hello')\n")
        portal_port, bare_port = free_port(), free_port()
        env["HEADSTART_BASE_URL"] = f"http://127.0.0.1:{portal_port}"
        log = instance / "gunicorn.log"
        processes.append(serve("wsgi:app", portal_port, args.workers, env, log))
        processes.append(serve(BARE_APP, bare_port, args.workers,
                               {**env, "BENCH_CWD": str(bare_dir)}, instance / "bare.log"))
        warm = Client(portal_port)
        _s, _h, forum = warm.request("GET", "/forum/")
        categories = sorted(set(re.findall(r'href="(/forum/c/\d+)[^"]*"', forum)))
        topic_urls = []
        for category in categories:
            _s, _h, page = warm.request("GET", category)
            topic_urls += re.findall(r'href="(/forum/t/\d+)[^"#]*"', page)
        topic_urls = sorted(set(topic_urls))
        for path in ("/", "/practices/", "/directory/", "/search?q=care"):
            warm.request("GET", path)

        users = [f"member{n}@load.example" for n in range(args.signed_in)]
        print(f"Load: {args.users} users ({min(len(users), args.users)} signed in, posting in "
              f"{len(topic_urls)} topics) for {args.seconds:.0f} s, gunicorn "
              f"{args.workers} workers", flush=True)
        recorder = run_users(portal_port, args.users, users, practice_ids, topic_urls,
                             args.seconds, args.seed)
        bare = Recorder()
        until = time.perf_counter() + min(args.seconds, 15)
        threads = [threading.Thread(target=bare_loop, args=(bare_port, until, bare))
                   for _ in range(args.users)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)

        server_log = log.read_text(errors="replace")
        locked = server_log.count("database is locked")
        tracebacks = server_log.count("Traceback")
        print(f"\n{'action':<18}{'requests':>9}{'errors':>8}{'req/s':>8}{'median ms':>11}"
              f"{'p95 ms':>9}")
        rows = sorted(recorder.latencies.items()) + list(bare.latencies.items())
        for action, values in rows:
            errors = recorder.errors.get(action, []) + bare.errors.get(action, [])
            duration = min(args.seconds, 15) if action == "bare Flask route" else args.seconds
            print(f"{action:<18}{len(values):>9}{len(errors):>8}{len(values) / duration:>8.1f}"
                  f"{statistics.median(values) * 1000:>11.1f}{p95(values) * 1000:>9.1f}")
        everything = [v for values in recorder.latencies.values() for v in values]
        total_errors = sum(len(e) for e in recorder.errors.values())
        print(f"{'all portal':<18}{len(everything):>9}{total_errors:>8}"
              f"{len(everything) / args.seconds:>8.1f}"
              f"{statistics.median(everything) * 1000:>11.1f}{p95(everything) * 1000:>9.1f}")
        print(f"\nerrors: {total_errors}; 'database is locked' in the server log: {locked}; "
              f"tracebacks: {tracebacks}")
        for action, errors in recorder.errors.items():
            print(f"  {action}: {sorted(set(errors))[:5]}")
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(30)
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
