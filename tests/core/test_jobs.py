"""After-response work from the jobs table (outside review, finding 12): a password-reset
request does the same work for a known and an unknown address; the mail goes out from a
queue that survives a stopped process and retries a failure."""

from __future__ import annotations

import re
import threading

import pytest
from sqlalchemy import event, select

from headstart.core import jobs
from headstart.extensions import db
from tests.helpers import post_form


@pytest.fixture
def queued_only(app, monkeypatch):
    """Jobs stay in the table after the request (no worker thread runs them)."""
    monkeypatch.setitem(app.config, "JOBS_SYNC", False)
    woken = []

    class Idle:
        def __init__(self, _app):
            self.thread = threading.current_thread()
            self.wake = self

        def set(self):
            woken.append(True)

    monkeypatch.setattr(jobs, "_Worker", Idle)
    monkeypatch.setattr(jobs, "_workers", {})
    return woken


def _statements_of(app, action) -> list[str]:
    """The SQL the request thread runs during ``action`` (values left out)."""
    seen = []
    me = threading.get_ident()

    def record(_conn, _cursor, statement, _params, _context, _many):
        if threading.get_ident() == me:
            seen.append(re.sub(r"\s+", " ", statement))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def test_a_reset_request_does_the_same_work_for_known_and_unknown_addresses(
        app, make_user, outbox, queued_only):
    user = make_user()
    known = _statements_of(app, lambda: post_form(app.test_client(), "/auth/reset",
                                                  {"email": user.email}))
    unknown = _statements_of(app, lambda: post_form(app.test_client(), "/auth/reset",
                                                    {"email": "nobody@example.org"}))
    assert known == unknown
    assert outbox.messages() == []  # nothing rendered or sent in the request
    assert queued_only  # the worker was woken after the commit
    assert jobs.run_due(app) == 3  # two requests, and the one mail they asked for
    assert outbox.link(outbox.last(to=user.email), "/auth/reset/").startswith("/auth/reset/")
    assert len(outbox.messages()) == 1


def test_a_job_left_by_a_stopped_process_is_run_by_the_command(app, runner, make_user,
                                                              outbox, queued_only):
    user = make_user()
    post_form(app.test_client(), "/auth/reset", {"email": user.email})
    assert outbox.messages() == []
    result = runner.invoke(args=["jobs", "run"])
    assert result.exit_code == 0, result.output
    assert "Ran 2 jobs." in result.output  # the request's job, then the mail it queued
    assert outbox.last(to=user.email) is not None


def test_a_failing_job_is_kept_and_tried_again_later(app, make_user, outbox, queued_only,
                                                    monkeypatch):
    user = make_user()
    calls = []

    def flaky(**payload):
        calls.append(payload)
        if len(calls) == 1:
            raise OSError("mail server unreachable")
        jobs.HANDLERS["password_reset"] = original
        original(**payload)

    original = jobs.HANDLERS["password_reset"]
    monkeypatch.setitem(jobs.HANDLERS, "password_reset", flaky)
    post_form(app.test_client(), "/auth/reset", {"email": user.email})
    assert jobs.run_due(app) == 1
    with app.app_context():
        job = db.session.scalar(select(jobs.Job))
        assert (job.attempts, job.failed) == (1, False)
        assert "mail server unreachable" in job.last_error
        job.run_after = job.created_at  # the back-off has passed
        db.session.commit()
    assert jobs.run_due(app) == 2  # the retried request, then its mail
    assert outbox.last(to=user.email) is not None
    with app.app_context():
        assert db.session.scalar(select(jobs.Job)) is None


def test_a_claimed_job_is_not_run_twice(app, make_user, outbox, queued_only):
    post_form(app.test_client(), "/auth/reset", {"email": make_user().email})
    with app.app_context():
        first = jobs._claim_next()
        db.session.remove()
    assert first is not None
    assert jobs.run_due(app) == 0  # another worker holds it
