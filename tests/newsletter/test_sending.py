"""Sending: each subscriber's language, one-click unsubscribe headers, blocks filled in,
and a run interrupted mid-batch that, resumed, sends to no one twice and skips no one."""

import os
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from headstart.core import blocks
from headstart.extensions import db
from headstart.newsletter.models import Delivery, Issue
from tests.helpers import post_form

ROOT = Path(__file__).resolve().parents[2]


def _send(app, issue_id, **kwargs):
    from headstart.newsletter import sending

    with app.app_context(), app.test_request_context("/"):
        issue = db.session.get(Issue, issue_id)
        sending.start(issue)
        db.session.commit()
        return sending.send(issue_id, **kwargs)


def _per_recipient(outbox):
    return Counter(m["To"] for m in outbox.messages() if "Network news" in m["Subject"]
                   or "Novinky" in m["Subject"])


def test_each_subscriber_gets_their_language_with_one_click_unsubscribe(
        app, outbox, make_subscriber, make_issue):
    make_subscriber("cs@example.org", language="cs")
    make_subscriber("de@example.org", language="de")  # no German translation: the original
    make_subscriber("pending@example.org", status="pending")
    make_subscriber("gone@example.org", status="unsubscribed")
    issue_id = make_issue(translations={"cs": ("Novinky sítě", "Ahoj **síti**.")})
    assert _send(app, issue_id) == 2
    assert set(_per_recipient(outbox)) == {"cs@example.org", "de@example.org"}
    czech = outbox.last("cs@example.org")
    assert czech["Subject"] == "Novinky sítě"
    assert "Ahoj **síti**." in outbox.body(czech)
    html = czech.get_body(preferencelist=("html",)).get_content()
    assert "<strong>síti</strong>" in html
    assert "Odhlásit" in html or "odhlásit" in outbox.body(czech)  # the footer in Czech
    german = outbox.last("de@example.org")
    assert german["Subject"] == "Network news"
    unsubscribe = german["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://localhost/newsletter/unsubscribe/")
    assert german["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The header's link unsubscribes with a bare POST, as mail programs send it.
    client = app.test_client()
    assert client.post(unsubscribe.strip("<>").replace("http://localhost", "")).status_code == 200
    with app.app_context():
        assert db.session.get(Issue, issue_id).status == "sent"


def test_interrupted_sending_resumes_without_doubles_or_gaps(app, outbox, make_subscriber,
                                                            make_issue):
    from headstart.core import mail

    emails = [f"r{i:02d}@example.org" for i in range(11)]
    for email in emails:
        make_subscriber(email)
    issue_id = make_issue()
    calls = {"n": 0}

    def failing_after_four(delivery, message):
        if calls["n"] == 4:
            raise OSError("connection to the mail server lost")
        calls["n"] += 1
        mail.deliver(delivery, message)

    with pytest.raises(OSError, match="mail server lost"):
        _send(app, issue_id, batch=3, deliver=failing_after_four)
    assert sum(_per_recipient(outbox).values()) == 4
    with app.app_context():
        assert db.session.scalar(select(func.count(Delivery.id))) == 4
        assert db.session.get(Issue, issue_id).status == "sending"
    assert _send(app, issue_id, batch=3) == 7
    assert _per_recipient(outbox) == Counter({email: 1 for email in emails})
    from headstart.newsletter import sending

    with app.app_context(), app.test_request_context("/"):
        assert sending.send(issue_id) == 0  # nothing left, nothing again


KILLED_RUN = """
import os, sys
from headstart import create_app
from headstart.core import mail
from headstart.newsletter import sending
app = create_app({"SQLALCHEMY_DATABASE_URI": sys.argv[1], "INSTANCE_PATH": sys.argv[2],
                  "OUTBOX_DIR": sys.argv[3], "SECRET_KEY": "test-secret-key"})
sent = {"n": 0}
def deliver(delivery, message):
    if sent["n"] == int(sys.argv[5]):
        os._exit(9)  # the process dies mid-batch: no rollback, no clean-up
    sent["n"] += 1
    mail.deliver(delivery, message)
with app.app_context(), app.test_request_context("/"):
    sending.send(int(sys.argv[4]), batch=4, deliver=deliver)
"""


def test_a_killed_sending_process_resumed_from_the_command_line_sends_everyone_once(
        app, runner, outbox, make_subscriber, make_issue, tmp_path):
    emails = [f"k{i:02d}@example.org" for i in range(9)]
    for email in emails:
        make_subscriber(email)
    issue_id = make_issue()
    with app.app_context(), app.test_request_context("/"):
        from headstart.newsletter import sending

        sending.start(db.session.get(Issue, issue_id))
        db.session.commit()
    result = subprocess.run(
        [sys.executable, "-c", KILLED_RUN, app.config["SQLALCHEMY_DATABASE_URI"],
         str(tmp_path), app.config["OUTBOX_DIR"], str(issue_id), "6"],
        cwd=ROOT, env={**os.environ, "PYTHONWARNINGS": "ignore"}, capture_output=True,
        timeout=120)
    assert result.returncode == 9, result.stderr.decode()[-2000:]
    assert sum(_per_recipient(outbox).values()) == 6
    resumed = runner.invoke(args=["newsletter", "send", str(issue_id)])
    assert resumed.exit_code == 0, resumed.output
    assert "3 mails sent in this run, 9 in all" in resumed.output
    assert _per_recipient(outbox) == Counter({email: 1 for email in emails})
    again = runner.invoke(args=["newsletter", "send", str(issue_id)])
    assert "sent already" in again.output


def test_blocks_pull_in_published_practices_and_any_registered_block(
        app, login_as, make_practice, make_issue, monkeypatch):
    make_practice("published", title="Path to Progress")
    make_practice("draft", title="Unfinished draft")
    monkeypatch.setitem(blocks._blocks, "handbook", blocks.Block(
        "handbook", "Handbook editions",
        lambda limit, language: [blocks.BlockItem("Edition 2", "https://portal.example.org/h/2")]))
    issue_id = make_issue(body="News:\n\n{{ practices 5 }}\n\n{{ handbook 1 }}\n\n{{ nothing 2 }}")
    coordinator = login_as("coordinator")
    composer = coordinator.get("/newsletter/compose/new").get_data(as_text=True)
    assert "{{ handbook 5 }}" in composer
    assert "{{ practices 5 }}" in composer
    preview = coordinator.get(f"/newsletter/compose/{issue_id}/preview")
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "As an HTML mail" in page
    assert "As plain text" in page
    # The plain-text version: the items as text with bare addresses, not Markdown.
    text = page.split("As plain text", 1)[1]
    assert "- Path to Progress\n  http://localhost/practices/" in text
    assert "**[" not in text
    assert "Unfinished draft" not in page
    assert "Edition 2" in page
    mail = coordinator.get(f"/newsletter/compose/{issue_id}/preview/mail.html")
    assert mail.status_code == 200
    assert "Path to Progress</a>" in mail.get_data(as_text=True)
    assert "sandbox" in mail.headers["Content-Security-Policy"]
    assert "These blocks do not exist and will be left out: nothing" in page


def test_coordinator_composes_translates_and_sends_from_the_page(app, login_as, outbox,
                                                                  make_subscriber):
    make_subscriber("reader@example.org", language="cs")
    coordinator = login_as("coordinator")
    empty = post_form(coordinator, "/newsletter/compose/new",
                      {"subject": "", "language": "en", "body": ""})
    assert empty.status_code == 422
    assert "Give the newsletter a subject." in empty.get_data(as_text=True)
    created = post_form(coordinator, "/newsletter/compose/new",
                        {"subject": "Network news", "language": "en", "body": "Hello."})
    assert created.status_code == 302
    with app.app_context():
        issue_id = db.session.scalar(select(Issue.id))
    translated = post_form(coordinator, f"/newsletter/compose/{issue_id}/translation",
                           {"subject": "Novinky", "language": "cs", "body": "Ahoj."})
    assert translated.status_code == 302
    assert post_form(login_as("practitioner"), f"/newsletter/compose/{issue_id}/send"
                     ).status_code == 403
    sent = post_form(coordinator, f"/newsletter/compose/{issue_id}/send",
                     follow_redirects=True)
    assert "The newsletter was sent to 1 subscriber." in sent.get_data(as_text=True)
    assert outbox.last("reader@example.org")["Subject"] == "Novinky"
    # Sent: in the archive, and no longer editable.
    assert "Network news" in app.test_client().get("/newsletter/").get_data(as_text=True)
    assert "Novinky" in app.test_client().get(
        f"/newsletter/{issue_id}?language=cs").get_data(as_text=True)
    assert coordinator.get(f"/newsletter/compose/{issue_id}").status_code == 302
    again = post_form(coordinator, f"/newsletter/compose/{issue_id}/send",
                      follow_redirects=True)
    assert "sent already" in again.get_data(as_text=True)
    assert len(outbox.messages("reader@example.org")) == 1


def test_drafts_are_not_in_the_public_archive(app, make_issue):
    issue_id = make_issue(subject="Secret draft")
    client = app.test_client()
    assert "Secret draft" not in client.get("/newsletter/").get_data(as_text=True)
    assert client.get(f"/newsletter/{issue_id}").status_code == 404


def test_a_long_list_is_sent_from_the_job_queue_in_batches(app, login_as, outbox,
                                                          make_subscriber, make_issue,
                                                          monkeypatch):
    from headstart.core import jobs

    monkeypatch.setitem(app.config, "NEWSLETTER_BATCH", 2)
    batches = []
    monkeypatch.setitem(jobs.HANDLERS, "newsletter_batch",
                        lambda **payload: batches.append(payload) or run_batch(**payload))
    run_batch = sending_module().send_queued_batch
    emails = [f"b{i}@example.org" for i in range(5)]
    for email in emails:
        make_subscriber(email)
    issue_id = make_issue()
    response = post_form(login_as("coordinator"), f"/newsletter/compose/{issue_id}/send",
                         follow_redirects=True)
    assert "Sending has started" in response.get_data(as_text=True)
    # Three batches of two, one that finds nobody left and marks the issue sent.
    assert batches == [{"issue_id": issue_id}] * 4
    assert _per_recipient(outbox) == Counter({email: 1 for email in emails})
    with app.app_context():
        assert db.session.get(Issue, issue_id).status == "sent"
        assert jobs.status() == {"waiting": 0, "failed": 0}


def test_a_batch_left_by_a_stopped_process_is_taken_over_without_doubles(
        app, login_as, outbox, make_subscriber, make_issue, monkeypatch):
    from headstart.core import jobs

    monkeypatch.setitem(app.config, "NEWSLETTER_BATCH", 2)
    emails = [f"t{i}@example.org" for i in range(5)]
    for email in emails:
        make_subscriber(email)
    issue_id = make_issue()
    # The sending process claims the first batch, sends one mail and dies.
    monkeypatch.setitem(app.config, "JOBS_SYNC", False)
    monkeypatch.setattr(jobs, "_workers", {})
    monkeypatch.setattr(jobs, "_Worker", _Stopped)
    post_form(login_as("coordinator"), f"/newsletter/compose/{issue_id}/send")
    with app.app_context(), app.test_request_context("/"):
        claimed = jobs._claim_next()
        assert claimed is not None
        sending = sending_module()
        sending.send_batch(issue_id, 1)
        db.session.remove()
    assert len(_per_recipient(outbox)) == 1
    assert jobs.run_due(app) == 0  # the claim still looks alive
    with app.app_context():
        job = db.session.get(jobs.Job, claimed)
        job.claimed_at = job.claimed_at - jobs.STALE_CLAIM - timedelta(minutes=1)
        db.session.commit()
    assert jobs.run_due(app) >= 3  # taken over, then the batches it queues
    assert _per_recipient(outbox) == Counter({email: 1 for email in emails})
    with app.app_context():
        assert db.session.get(Issue, issue_id).status == "sent"


class _Stopped:
    """A worker thread that has stopped: it runs nothing it is woken for."""

    def __init__(self, _app):
        import threading

        self.thread = threading.current_thread()
        self.wake = threading.Event()


def sending_module():
    from headstart.newsletter import sending

    return sending


def test_over_smtp_each_batch_uses_one_connection(app, make_subscriber, make_issue,
                                                 monkeypatch):
    import smtplib

    connections = []

    class FakeSMTP:
        def __init__(self, host, port, timeout=None):
            self.messages = []
            connections.append((host, port, self.messages))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def login(self, user, password):
            assert (user, password) == ("news", "secret")

        def send_message(self, message):
            self.messages.append(message["To"])

    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    monkeypatch.setitem(app.config, "MAIL_URL", "smtp://news:secret@mail.example.org:2525")
    emails = [f"s{i}@example.org" for i in range(5)]
    for email in emails:
        make_subscriber(email)
    assert _send(app, make_issue(), batch=2) == 5
    assert [(host, port, len(sent)) for host, port, sent in connections] == [
        ("mail.example.org", 2525, 2), ("mail.example.org", 2525, 2),
        ("mail.example.org", 2525, 1)]
    assert sorted(to for _h, _p, sent in connections for to in sent) == emails


def test_block_lines_typed_in_a_browser_with_crlf_line_ends_are_filled_in(
        app, login_as, outbox, make_subscriber, make_practice):
    make_practice("published", title="Path to Progress")
    make_subscriber("crlf@example.org")
    coordinator = login_as("coordinator")
    # A browser's form encoding sends every line break of a textarea as CRLF.
    created = post_form(coordinator, "/newsletter/compose/new", {
        "subject": "Network news", "language": "en",
        "body": "News from the network:\r\n\r\n{{ practices 3 }}\r\n\r\nSee you soon."})
    assert created.status_code == 302
    with app.app_context():
        issue_id = db.session.scalar(select(Issue.id))
        assert "\r" not in db.session.get(Issue, issue_id).body
    post_form(coordinator, f"/newsletter/compose/{issue_id}/send")
    text = outbox.body(outbox.last("crlf@example.org"))
    assert "{{ practices" not in text
    assert "Path to Progress" in text
    assert "See you soon." in text


def test_a_block_line_saved_with_a_carriage_return_is_still_a_block():
    from headstart.newsletter import composing

    assert composing.block_lines("Intro\r\n{{ practices 3 }}\r\nEnd") == [("practices", 3)]
