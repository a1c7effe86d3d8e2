"""A worker killed (SIGKILL) at each point of an upload leaves no attachment row without
its complete file, never serves a partial file, and ``uploads sweep`` then removes every
file no row names. The worker is a real process with its own application, running the
real views; it is stopped at the named point by a pause patched in inside that process
(nothing in the product knows about it)."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from headstart.core import uploads
from headstart.extensions import db
from tests.conftest import COMPLETE
from tests.helpers import CSRF_RE, sign_in
from tests.processes import child_app, finish, shared_config, start

HANG_AFTER = 60
PDF = b"%PDF-1.4\n" + b"%" * (3 * uploads.CHUNK) + b"\n%%EOF\n"  # several chunks
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EVENT_FORM = {"title": "Recognition of diplomas: advice afternoon",
              "description": "For nurses and teachers from Ukraine.",
              "starts": "2026-10-24T14:00", "ends": "2026-10-24T18:00",
              "timezone": "Europe/Prague", "place": "Integration Centre Prague",
              "online_url": "", "corridors": "UA-CZ", "languages": ["uk", "cs"],
              "themes": ["employment"], "organisation_id": "0"}


def _pause(ready: str) -> None:
    """Tell the test where we are, then wait for the kill."""
    Path(ready).write_text(str(os.getpid()))
    time.sleep(HANG_AFTER)


class _BodyThatStalls(io.RawIOBase):
    """A request body that stops arriving halfway (a slow or vanished client)."""

    def __init__(self, body: bytes, ready: str):
        self.body, self.ready, self.sent = body, ready, 0

    def readable(self):
        return True

    def seekable(self):
        return True

    def seek(self, offset, whence=io.SEEK_SET):
        start = {io.SEEK_SET: 0, io.SEEK_CUR: self.sent, io.SEEK_END: len(self.body)}[whence]
        self.sent = start + offset
        return self.sent

    def readinto(self, buffer):
        if self.sent >= len(self.body) // 2:
            _pause(self.ready)
        chunk = self.body[self.sent:self.sent + min(len(buffer), 4096)]
        buffer[:len(chunk)] = chunk
        self.sent += len(chunk)
        return len(chunk)


class _DigestThatStalls:
    """``hashlib.sha256`` that pauses at a file's second chunk: mid-write."""

    def __init__(self, ready: str):
        self.inner, self.ready, self.calls = hashlib.sha256(), ready, 0

    def update(self, data):
        self.calls += 1
        if self.calls == 2:
            _pause(self.ready)
        self.inner.update(data)

    def hexdigest(self):
        return self.inner.hexdigest()


def _stall(module, name, ready, *, after: bool):
    """Replace ``module.name`` by a call that pauses before or after the original."""
    original = getattr(module, name)

    def stalled(*args, **kwargs):
        if not after:
            _pause(ready)
        result = original(*args, **kwargs)
        if after:
            _pause(ready)
        return result

    setattr(module, name, stalled)


def _worker(config, ready, email, point, url, data, files):
    """The worker process: sign in, arm the pause at ``point``, send the upload."""
    from werkzeug.test import EnvironBuilder

    from headstart.events import materials
    from headstart.practices import attachments

    app = child_app(config, hang_after=HANG_AFTER)
    area = materials if url.startswith("/events") else attachments
    if point == "writing":
        uploads.hashlib = type("Stalling", (), {"sha256": lambda: _DigestThatStalls(ready)})
    elif point == "stored":  # files in place, rows flushed, nothing committed
        _stall(area, "attach", ready, after=True)
    elif point == "committed":  # committed, removed files not yet deleted
        _stall(area, "remove_files", ready, after=False)
    client = app.test_client()
    assert sign_in(client, email).status_code == 302
    token = CSRF_RE.search(client.get("/practices/new").text).group(1)
    payload = {**data, "csrf_token": token,
               "attachments": [(io.BytesIO(content), name) for name, content in files]}
    environ = EnvironBuilder(path=url, method="POST", data=payload).get_environ()
    body = environ["wsgi.input"].read()
    stream = _BodyThatStalls(body, ready) if point == "body" else io.BytesIO(body)
    client.post(url, input_stream=stream, content_type=environ["CONTENT_TYPE"])
    raise SystemExit(3)  # the pause was never reached


def _kill_at(app, tmp_path, email, point, url, data, files):
    ready = tmp_path / f"ready-{point}"
    worker = start(_worker, shared_config(app), str(ready), email, point, url, data, files)
    deadline = time.monotonic() + 30
    while not ready.exists() and worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert ready.exists(), f"the worker never reached {point} (exit {worker.exitcode})"
    os.kill(worker.pid, signal.SIGKILL)
    assert finish([worker], 10) == [-signal.SIGKILL]


def _rows(app):
    """``{(area, stored_name): (sha256, download url)}`` of every attachment row."""
    from headstart.events.models import EventAttachment
    from headstart.practices.models import PracticeAttachment

    rows = {}
    with app.app_context():
        for a in db.session.scalars(select(PracticeAttachment)):
            rows["practices", a.stored_name] = (
                a.sha256, f"/practices/{a.practice_id}/attachments/{a.id}")
        for a in db.session.scalars(select(EventAttachment)):
            rows["events", a.stored_name] = (a.sha256, f"/events/{a.event_id}/materials/{a.id}")
    return rows


def _files(app) -> set[tuple[str, str]]:
    root = Path(app.config["UPLOAD_DIR"])
    return {(path.parent.name, path.name) for path in root.rglob("*") if path.is_file()}


def _assert_rows_have_their_files(app, client):
    """No row without its complete file; each downloads whole."""
    root = Path(app.config["UPLOAD_DIR"])
    for (area, name), (sha256, url) in _rows(app).items():
        path = root / area / name
        assert path.is_file(), f"{area}/{name} has a row but no file"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256
        download = client.get(url)
        assert download.status_code == 200, url
        assert hashlib.sha256(download.get_data()).hexdigest() == sha256
        download.close()


def _age_every_file(app, seconds=2 * uploads.SWEEP_AFTER_SECONDS):
    then = time.time() - seconds
    for path in Path(app.config["UPLOAD_DIR"]).rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))


def _practice_with_files(app, client, data):
    from headstart.practices.models import Practice

    token = CSRF_RE.search(client.get("/practices/new").text).group(1)
    response = client.post("/practices/new", data={
        **data, "csrf_token": token, "action": "save",
        "attachments": [(io.BytesIO(PDF), "report.pdf"), (io.BytesIO(PNG), "photo.png")]},
        content_type="multipart/form-data")
    assert response.status_code == 302
    with app.app_context():
        practice = db.session.scalars(select(Practice)).one()
        return practice.id, sorted(a.id for a in practice.attachments)


#: point → (what is uploaded, unnamed files the kill leaves, rows left)
SCENARIOS = {
    "body": ("new practice", 0, 0),  # the body still arriving: nothing stored yet
    "writing": ("new practice", 1, 0),  # a half-written file (a partial one)
    "stored": ("new practice", 2, 0),  # both files in place, their rows never committed
    "committed": ("new practice", 0, 2),  # committed: files and rows both there
    "committed-detach": ("detach", 1, 1),  # a removal committed, its file not yet deleted
    "stored-event": ("new event", 1, 0),  # event materials behave the same
}


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_a_worker_killed_mid_upload_leaves_no_orphan_after_the_sweep(
        app, tmp_path, make_user, make_org, login_as, runner, scenario):
    from headstart.events.models import Event
    from headstart.practices.models import Practice

    what, unnamed, rows_left = SCENARIOS[scenario]
    point = scenario.split("-")[0]
    author = make_user("practitioner")
    client = login_as(user=author)
    data = dict(COMPLETE, lead_organisation_id=str(make_org("Lead").id))
    url, files = "/practices/new", [("report.pdf", PDF), ("photo.png", PNG)]
    if what == "detach":
        practice_id, (drop_id, _keep_id) = _practice_with_files(app, client, data)
        url, data, files = (f"/practices/{practice_id}/edit",
                            dict(data, remove_attachments=[str(drop_id)]), [])
    elif what == "new event":
        url, data, files = "/events/new", EVENT_FORM, [("programme.pdf", PDF)]
    _kill_at(app, tmp_path, author.email, point, url, dict(data, action="save"), files)

    # Straight after the kill: every row has its whole file, nothing partial is served.
    _assert_rows_have_their_files(app, client)
    assert len(_rows(app)) == rows_left
    leftovers = _files(app) - set(_rows(app))
    assert len(leftovers) == unnamed
    assert all(name.startswith(uploads.PARTIAL_PREFIX) == (point == "writing")
               for _area, name in leftovers)
    with app.app_context():
        practices = db.session.scalar(select(func.count(Practice.id)))
        events = db.session.scalar(select(func.count(Event.id)))
    assert (practices, events) == ({"new practice": int(point == "committed"), "detach": 1,
                                    "new event": 0}[what],
                                   0)

    # A young file may belong to a request still running: the sweep keeps it.
    result = runner.invoke(args=["uploads", "sweep"])
    assert result.exit_code == 0, result.output
    assert "0 unnamed files removed." in result.output
    assert _files(app) - set(_rows(app)) == leftovers

    # An hour later: --dry-run lists the leftovers, the sweep removes exactly them.
    _age_every_file(app)
    result = runner.invoke(args=["uploads", "sweep", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert sorted(line.split()[-1] for line in result.output.splitlines()
                  if line.startswith("would remove")) == sorted(
        f"{area}/{name}" for area, name in leftovers)
    assert _files(app) - set(_rows(app)) == leftovers
    result = runner.invoke(args=["uploads", "sweep"])
    assert result.exit_code == 0, result.output
    assert f"{len(leftovers)} unnamed files removed." in result.output
    assert _files(app) == set(_rows(app))
    _assert_rows_have_their_files(app, client)
