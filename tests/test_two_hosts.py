"""The README's recipe for several app hosts, for real: two gunicorn servers on one
PostgreSQL database with the PostgreSQL search backend, Redis for the rate limits, one
secret key and one upload folder — and each its own instance folder, as two machines
would have. A member signs in on one and goes on on the other, uploads on one and
downloads on the other; a coordinator publishes on one and the other finds it; wrong
passwords are counted across both.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import uuid

import pytest
import requests

from headstart import ROOT
from headstart.extensions import db
from tests.conftest import COMPLETE, PG_URL, REDIS_URL, make_app, need_service, pg_schema_url
from tests.helpers import CSRF_RE, PASSWORD
from tests.test_rate_limit_redis import free_port

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def two_hosts(tmp_path):
    """``(url_a, url_b, ids)``: two servers sharing the database, search, limits, key and
    uploads (ids of the accounts and organisation made beforehand)."""
    if not PG_URL:
        need_service("PostgreSQL", "HEADSTART_TEST_DATABASE_URL")
    if not REDIS_URL:
        need_service("Redis", "HEADSTART_TEST_REDIS_URL")
    database = pg_schema_url(PG_URL, f"hs_two_hosts_{os.getpid()}")
    uploads = tmp_path / "shared-uploads"
    app = make_app(database, tmp_path / "setup", SEARCH_BACKEND="postgres",
                   UPLOAD_DIR=str(uploads))
    with app.app_context():
        from headstart.accounts import services
        from headstart.directory.models import Membership, Organisation

        member = services.create_user("member@example.org", PASSWORD, confirmed=True,
                                      display_name="Ana Rusu")
        services.create_user("coordinator@example.org", PASSWORD, confirmed=True,
                             role="coordinator", display_name="Coordinator")
        organisation = Organisation(name="Migrant Centre Chișinău", side="origin",
                                    country="MD", kind="ngo")
        db.session.add(organisation)
        db.session.flush()
        db.session.add(Membership(user_id=member.id, organisation_id=organisation.id,
                                  status="active"))
        db.session.commit()
        ids = {"organisation": organisation.id}
        db.engine.dispose()
    shared = {
        "HEADSTART_DATABASE_URL": database, "HEADSTART_SEARCH_BACKEND": "postgres",
        "HEADSTART_RATELIMIT_STORAGE": REDIS_URL,
        "HEADSTART_RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        "HEADSTART_SECRET_KEY": "one key for every host of this portal",
        "HEADSTART_UPLOAD_DIR": str(uploads), "HEADSTART_FORUM_HOLD_FIRST_POSTS": "0",
    }
    servers, urls = [], []
    for name in ("a", "b"):
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("HEADSTART_")}
        env.update(shared, HEADSTART_INSTANCE_DIR=str(tmp_path / f"host-{name}"),
                   HEADSTART_BASE_URL=f"http://127.0.0.1:{port}")
        servers.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "wsgi:app"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            _wait_for(url)
        yield urls[0], urls[1], ids
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=20)


def _wait_for(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    pytest.fail(f"the server at {url} did not start")


def _token(browser, url: str) -> str:
    return CSRF_RE.search(browser.get(url, timeout=10).text).group(1)


def _sign_in(browser, base: str, email: str, password: str = PASSWORD):
    return browser.post(f"{base}/auth/login", timeout=10, allow_redirects=False, data={
        "csrf_token": _token(browser, f"{base}/auth/login"), "email": email,
        "password": password})


def test_a_member_and_a_coordinator_work_across_two_hosts(two_hosts):
    host_a, host_b, ids = two_hosts
    member = requests.Session()
    assert _sign_in(member, host_a, "member@example.org").status_code == 302
    # Signed in on A, the same browser goes on on B (one session, one CSRF key).
    assert "Ana Rusu" in member.get(f"{host_b}/account/", timeout=10).text
    form = dict(COMPLETE, lead_organisation_id=str(ids["organisation"]), action="save",
                csrf_token=_token(member, f"{host_b}/practices/new"))
    saved = member.post(f"{host_b}/practices/new", data=form, timeout=20,
                        files=[("attachments", ("plan.pdf", PDF, "application/pdf"))],
                        allow_redirects=False)
    assert saved.status_code == 302, saved.text[-2000:]
    practice_id = int(re.search(r"/practices/(\d+)", saved.headers["Location"]).group(1))
    page = member.get(f"{host_a}/practices/{practice_id}", timeout=10).text
    link = re.search(rf'href="(/practices/{practice_id}/attachments/\d+[^"]*)"', page).group(1)
    # Uploaded through B, downloaded from A.
    download = member.get(f"{host_a}{link}", timeout=10)
    assert download.status_code == 200
    assert download.content == PDF
    submitted = member.post(f"{host_a}/practices/{practice_id}/submit", timeout=10, data={
        "csrf_token": _token(member, f"{host_a}/practices/{practice_id}")},
        allow_redirects=False)
    assert submitted.status_code == 302

    coordinator = requests.Session()
    assert _sign_in(coordinator, host_b, "coordinator@example.org").status_code == 302
    published = coordinator.post(f"{host_b}/practices/{practice_id}/publish", timeout=10,
                                 data={"csrf_token": _token(coordinator, f"{host_b}/practices/"
                                                                         f"{practice_id}"),
                                       "confirmed_criteria": COMPLETE["criteria"]},
                                 allow_redirects=False)
    assert published.status_code == 302
    # Published on B, found on A (one index, in the shared database).
    deadline = time.monotonic() + 20
    while True:
        found = requests.get(f"{host_a}/api/v1/practices", params={"q": "orientation"},
                             timeout=10).json()
        if [r["id"] for r in found["results"]] == [practice_id]:
            break
        assert time.monotonic() < deadline, found
        time.sleep(0.5)


def test_wrong_passwords_are_counted_across_both_hosts(two_hosts):
    host_a, host_b, _ids = two_hosts
    limit = 10  # LOGIN_LIMIT_PER_ACCOUNT's default
    for n in range(limit):
        host = (host_a, host_b)[n % 2]
        assert _sign_in(requests.Session(), host, "member@example.org",
                        "wrong password here").status_code == 200
    for host in (host_a, host_b):
        refused = _sign_in(requests.Session(), host, "member@example.org")
        assert refused.status_code == 429
        assert int(refused.headers["Retry-After"]) > 0
