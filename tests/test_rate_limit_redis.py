"""Sign-in throttling is shared by every gunicorn worker when the limiter stores in Redis."""

import os
import re
import socket
import subprocess
import sys
import time
import uuid
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, build_opener

import pytest

from tests.conftest import REDIS_URL, make_app, need_service
from tests.helpers import CSRF_RE, PASSWORD

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn(tmp_path):
    """Two gunicorn workers on one SQLite file, rate limits in the test Redis."""
    if not REDIS_URL:
        need_service("Redis", "HEADSTART_TEST_REDIS_URL")
    database = f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    app = make_app(database, tmp_path)
    with app.app_context():
        from headstart.accounts import services
        from headstart.extensions import db

        services.create_user("worker@example.org", PASSWORD, confirmed=True)
        db.session.commit()
        db.engine.dispose()
    port = free_port()
    env = dict(os.environ, HEADSTART_DATABASE_URL=database, HEADSTART_INSTANCE_DIR=str(tmp_path),
               HEADSTART_RATELIMIT_STORAGE=REDIS_URL, HEADSTART_BASE_URL=f"http://127.0.0.1:{port}",
               HEADSTART_RATELIMIT_KEY_PREFIX=f"test-{uuid.uuid4().hex}")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "wsgi:app"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("gunicorn did not start")
    yield base, app.config["LOGIN_LIMIT_PER_ACCOUNT"]
    process.terminate()
    process.wait(timeout=10)


def attempt(base: str, password: str) -> int:
    """One sign-in from a fresh browser (new connection, so any worker may answer)."""
    opener = build_opener(HTTPCookieProcessor(CookieJar()))
    page = opener.open(f"{base}/auth/login", timeout=10).read().decode()
    token = CSRF_RE.search(page).group(1)
    data = urlencode({"csrf_token": token, "email": "worker@example.org",
                      "password": password}).encode()
    try:
        with opener.open(f"{base}/auth/login", data=data, timeout=10) as response:
            body = response.read().decode()
            return 302 if "Welcome" in body else response.status
    except HTTPError as error:
        return error.code


def test_failed_sign_ins_are_counted_across_workers(gunicorn):
    base, limit_text = gunicorn
    limit = int(re.match(r"\d+", limit_text).group())
    statuses = [attempt(base, "wrong password here") for _ in range(limit)]
    assert statuses == [200] * limit
    # Whichever worker answers, the account is now blocked, even for the right password.
    assert [attempt(base, PASSWORD) for _ in range(4)] == [429] * 4
