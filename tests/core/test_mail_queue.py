"""Every mail goes out from the durable job queue (outside review, "Mail from a durable
queue"): a message that cannot be delivered is kept and sent later, nothing is sent for a
change that rolled back, no SMTP credential is stored with a queued message, and a serving
process's worker delivers what other processes left."""

from __future__ import annotations

import time
from email import policy
from email.parser import BytesParser

import pytest
from sqlalchemy import select

from headstart.core import jobs, mail
from headstart.extensions import db
from tests.helpers import PASSWORD, post_form


def _register(client, email="queued@example.org"):
    return post_form(client, "/auth/register", {
        "display_name": "Queued Reader", "email": email, "password": PASSWORD,
        "password_again": PASSWORD, "language": "cs"})


def _queued(app) -> list[jobs.Job]:
    with app.app_context():
        found = list(db.session.scalars(select(jobs.Job).order_by(jobs.Job.id)))
        db.session.expunge_all()
        return found


def test_a_mail_the_server_refuses_is_kept_and_sent_at_the_next_attempt(app, outbox,
                                                                        monkeypatch):
    written = mail._write_outbox
    refusals = []

    def refuse_once(folder, data):
        if not refusals:
            refusals.append(data)
            raise OSError("mail server unreachable")
        written(folder, data)

    monkeypatch.setattr(mail, "_write_outbox", refuse_once)
    response = _register(app.test_client())
    assert response.status_code == 200  # the reader is not shown the mail server's trouble
    assert outbox.messages() == []
    [job] = _queued(app)
    assert (job.kind, job.attempts, job.failed) == ("mail", 1, False)
    assert "mail server unreachable" in job.last_error
    with app.app_context():
        db.session.get(jobs.Job, job.id).run_after = job.created_at  # back-off over
        db.session.commit()
    assert jobs.run_due(app) == 1
    message = outbox.last(to="queued@example.org")
    assert "HEADSTART" in message["Subject"]
    assert outbox.link(message, "/auth/confirm/")
    refused = BytesParser(policy=policy.default).parsebytes(refusals[0])
    assert message["Message-ID"] == refused["Message-ID"]  # the same message, not a new one
    assert _queued(app) == []


def test_a_mail_that_keeps_failing_stops_after_the_allowed_attempts(app, outbox,
                                                                    monkeypatch):
    def refuse(folder, data):
        raise OSError("no such mailbox host")

    monkeypatch.setattr(mail, "_write_outbox", refuse)
    monkeypatch.setitem(app.config, "JOB_ATTEMPTS", 3)
    _register(app.test_client())
    for _ in range(2):
        with app.app_context():
            for job in db.session.scalars(select(jobs.Job)):
                job.run_after = job.created_at
            db.session.commit()
        jobs.run_due(app)
    [job] = _queued(app)
    assert (job.attempts, job.failed) == (3, True)
    with app.app_context():
        assert jobs.status() == {"waiting": 0, "failed": 1}


def test_a_change_that_rolls_back_sends_nothing(app, outbox):
    from headstart.accounts import services

    with app.app_context(), mail.link_context():
        user = services.create_user("rolled@example.org", PASSWORD, display_name="Rolled",
                                    language="en")
        services.send_confirmation(user)
        db.session.rollback()
    assert _queued(app) == []
    assert outbox.messages() == []


def test_no_smtp_password_is_stored_with_a_queued_mail(app, monkeypatch):
    monkeypatch.setitem(app.config, "JOBS_SYNC", False)
    monkeypatch.setattr(jobs, "_workers", {})
    monkeypatch.setattr(jobs, "_Worker", _IdleWorker)
    monkeypatch.setitem(app.config, "MAIL_URL", "smtp://mailer:s3cret-pass@mail.example.org")
    _register(app.test_client())
    [job] = _queued(app)
    assert job.kind == "mail"
    assert "s3cret-pass" not in job.payload
    assert "mail.example.org" not in job.payload


def test_a_serving_worker_delivers_mail_another_process_left(app, outbox, monkeypatch):
    monkeypatch.setitem(app.config, "JOBS_SYNC", False)
    monkeypatch.setattr(jobs, "_workers", {})
    monkeypatch.setattr(jobs, "_Worker", _IdleWorker)
    _register(app.test_client(), "left@example.org")  # queued; this process runs nothing
    assert outbox.messages() == []
    monkeypatch.setattr(jobs, "_Worker", _REAL_WORKER)
    monkeypatch.setattr(jobs, "_workers", {})
    jobs.start_worker(app)  # what wsgi.py does when a gunicorn worker starts
    try:
        deadline = time.monotonic() + 30
        while not outbox.messages() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        jobs.stop_worker(app)
    assert outbox.last(to="left@example.org")
    assert _queued(app) == []


def test_a_serving_process_starts_its_worker_with_its_first_request(app, monkeypatch):
    monkeypatch.setitem(app.config, "JOBS_SYNC", False)
    monkeypatch.setattr(jobs, "_workers", {})
    monkeypatch.setattr(jobs, "_Worker", _IdleWorker)
    assert jobs._worker_of(app) is None
    app.test_client().get("/")
    assert isinstance(jobs._worker_of(app), _IdleWorker)


_REAL_WORKER = jobs._Worker


class _IdleWorker:
    """A worker thread that never runs anything (the jobs stay in the table)."""

    def __init__(self, app):
        import threading

        self.thread = threading.current_thread()
        self.wake = threading.Event()
        self.stopping = threading.Event()


@pytest.fixture(autouse=True)
def _no_worker_left(app):
    yield
    jobs.stop_worker(app)
