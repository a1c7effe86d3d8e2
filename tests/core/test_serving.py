"""A production start refuses settings that are unsafe to serve (outside review, findings
1 and 11), and every 429 says when to come back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from headstart import ROOT
from headstart.config import serving_problems
from tests.helpers import post_form, sign_in
from tests.test_rate_limit_redis import free_port


def _env(tmp_path, **settings):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEADSTART_")}
    env.update(HEADSTART_INSTANCE_DIR=str(tmp_path),
               HEADSTART_DATABASE_URL=f"sqlite:///{tmp_path / 'portal.sqlite3'}", **settings)
    return env


def test_the_wsgi_entry_point_refuses_to_start_without_a_base_url(tmp_path):
    result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT,
                            env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "HEADSTART_BASE_URL must be the portal's public address" in result.stderr


def test_the_wsgi_entry_point_starts_with_a_base_url(tmp_path):
    result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, timeout=60,
                            env=_env(tmp_path, HEADSTART_BASE_URL="https://portal.example.org"),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_gunicorn_refuses_several_workers_on_limits_kept_in_memory(tmp_path):
    port = free_port()
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "wsgi:app"], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env=_env(tmp_path, HEADSTART_BASE_URL=f"http://127.0.0.1:{port}"))
    assert result.returncode != 0
    assert "2 worker processes cannot share rate limits kept in memory" in result.stderr


def test_gunicorn_serves_the_embedded_default_with_one_worker_and_threads(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT, env=_env(tmp_path, HEADSTART_BASE_URL=f"http://127.0.0.1:{port}"),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.2)
        assert process.poll() is None, process.stdout.read()
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    assert "Using worker: gthread" in output
    assert output.count("Booting worker") == 1


@pytest.mark.parametrize(("config", "workers", "expected"), [
    ({}, 1, ["HEADSTART_BASE_URL"]),
    ({"BASE_URL": "portal.example.org"}, 1, ["HEADSTART_BASE_URL"]),
    ({"BASE_URL": "https://portal.example.org"}, 1, []),
    ({"BASE_URL": "https://portal.example.org"}, 4, ["memory"]),
    ({"BASE_URL": "https://portal.example.org", "RATELIMIT_STORAGE_URI": "redis://r:6379/0"},
     4, []),
])
def test_serving_problems_name_what_to_set(config, workers, expected):
    problems = serving_problems(config, workers=workers)
    assert len(problems) == len(expected)
    for problem, word in zip(problems, expected, strict=True):
        assert word in problem


def test_a_locked_sign_in_says_when_to_try_again(app, make_user):
    user = make_user()
    limit = int(app.config["LOGIN_LIMIT_PER_ACCOUNT"].split()[0])
    for _ in range(limit):
        sign_in(app.test_client(), user.email, "wrong password here")
    response = sign_in(app.test_client(), user.email)
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 15 * 60 + 1


def test_a_flooded_mail_form_says_when_to_try_again(app, client, make_user):
    user = make_user()
    limit = int(app.config["MAIL_FORM_LIMIT"].split()[0])
    for _ in range(limit):
        assert post_form(client, "/auth/reset", {"email": user.email}).status_code != 429
    response = post_form(client, "/auth/reset", {"email": user.email})
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 3600 + 1  # whole seconds, rounded up
