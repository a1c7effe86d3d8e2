"""Outside review, December 2026, findings 7 and 8: one open-registration account could
fill the disk with uploads and drafts, and flood coordinators with event proposals. The
attacks are performed here and must be refused (413 for the storage quota, 429 for the
creation limits) with the typed text kept and nothing already saved lost."""

import io
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage

from headstart.core import uploads
from headstart.events.models import Event, EventAttachment
from headstart.extensions import db
from headstart.notifications.models import NotificationPreference
from headstart.practices.models import Practice, PracticeAttachment
from tests.helpers import post_form
from tests.practices.test_attachments import post_with_files

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(size: int) -> bytes:
    return PDF + b"x" * (size - len(PDF))


def files_on_disk(app) -> list[Path]:
    folder = Path(app.config["UPLOAD_DIR"])
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def post_practice(client, url, data, files=()):
    return post_with_files(client, url, data, files)


@pytest.fixture
def small_quota(app, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_QUOTA_BYTES", 10_000)


def test_uploads_past_the_quota_get_413_with_the_text_kept_and_nothing_stored(
        app, login_as, practice_form, small_quota):
    client = login_as("practitioner")
    first = post_practice(client, "/practices/new", practice_form, [("a.pdf", pdf(4000)),
                                                                    ("b.pdf", pdf(4000))])
    assert first.status_code == 302
    with app.app_context():
        practice_id = db.session.scalars(db.select(Practice.id)).one()
    # The next draft and a change of the saved one would go past 10 kB: refused.
    data = dict(practice_form, title="A second draft typed by the member")
    refused = post_practice(client, "/practices/new", data, [("c.pdf", pdf(4000))])
    assert refused.status_code == 413
    body = refused.get_data(as_text=True)
    assert "storage allowance: 8 kB of 10 kB used" in body
    assert "A second draft typed by the member" in body
    edited = dict(practice_form, title="Changed title kept in the form")
    refused = post_practice(client, f"/practices/{practice_id}/edit", edited,
                            [("d.pdf", pdf(1000)), ("e.pdf", pdf(2500))])
    assert refused.status_code == 413
    assert "Changed title kept in the form" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Practice.id))) == 1
        assert db.session.get(Practice, practice_id).title == practice_form["title"]
        assert len(db.session.scalars(db.select(PracticeAttachment)).all()) == 2
    assert len(files_on_disk(app)) == 2  # the refused files (and partial ones) are gone
    # What still fits is accepted.
    assert post_practice(client, f"/practices/{practice_id}/edit", practice_form,
                         [("f.pdf", pdf(1500))]).status_code == 302


def test_event_materials_count_towards_the_same_quota(app, login_as, practice_form,
                                                      event_form, small_quota):
    client = login_as("practitioner")
    assert post_practice(client, "/practices/new", practice_form,
                         [("a.pdf", pdf(9000))]).status_code == 302
    data = {**event_form, "attachments": (io.BytesIO(pdf(2000)), "programme.pdf")}
    refused = post_form(client, "/events/new", data, content_type="multipart/form-data")
    assert refused.status_code == 413
    body = refused.get_data(as_text=True)
    assert "9 kB of 10 kB used" in body
    assert event_form["title"].split(":")[0] in body
    with app.app_context():
        assert db.session.scalars(db.select(Event)).all() == []
        assert db.session.scalars(db.select(EventAttachment)).all() == []
    assert len(files_on_disk(app)) == 1


def test_the_quota_is_checked_again_once_the_rows_are_written(
        app, login_as, practice_form, small_quota, monkeypatch):
    from headstart.core import quota

    client = login_as("practitioner")
    assert post_practice(client, "/practices/new", practice_form,
                         [("a.pdf", pdf(9000))]).status_code == 302
    # As if a second form sent at the same moment had passed the check while reading.
    monkeypatch.setattr(quota, "budget", lambda user: None)
    data = dict(practice_form, title="Sent in parallel")
    refused = post_practice(client, "/practices/new", data, [("b.pdf", pdf(4000))])
    assert refused.status_code == 413
    body = refused.get_data(as_text=True)
    assert "9 kB of 10 kB used" in body
    assert "Sent in parallel" in body
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Practice.id))) == 1
    assert len(files_on_disk(app)) == 1


def test_coordinators_have_no_quota(app, login_as, event_form, small_quota):
    client = login_as("coordinator")
    data = {**event_form, "attachments": [(io.BytesIO(pdf(8000)), "a.pdf"),
                                          (io.BytesIO(pdf(8000)), "b.pdf")]}
    assert post_form(client, "/events/new", data,
                     content_type="multipart/form-data").status_code == 302


def test_a_declared_size_over_the_budget_is_refused_before_anything_is_written(tmp_path):
    class Unreadable(io.RawIOBase):
        def read(self, *_args):
            raise AssertionError("the file was read although its size said it cannot fit")

    upload = FileStorage(Unreadable(), filename="big.pdf", content_length=5000)
    budget = uploads.Budget(left=4000, message="over")
    with pytest.raises(uploads.UploadRejected) as refused:
        uploads.store(upload, tmp_path, 10_000, budget)
    assert refused.value.status == 413
    assert list(tmp_path.iterdir()) == []


def test_a_stream_past_the_budget_is_cut_off_and_its_partial_file_removed(tmp_path):
    budget = uploads.Budget(left=4000, message="over")
    upload = FileStorage(io.BytesIO(pdf(20_000)), filename="big.pdf")
    with pytest.raises(uploads.UploadRejected) as refused:
        uploads.store_all([FileStorage(io.BytesIO(pdf(3000)), filename="ok.pdf"), upload],
                          tmp_path, 100_000, budget)
    assert (refused.value.status, refused.value.message) == (413, "big.pdf: over")
    assert list(tmp_path.iterdir()) == []


def test_many_drafts_get_429_with_the_text_kept(app, login_as, practice_form, monkeypatch):
    monkeypatch.setitem(app.config, "PRACTICE_CREATE_LIMIT", "3 per day")
    client = login_as("practitioner")
    for number in range(3):
        data = dict(practice_form, title=f"Draft number {number}")
        assert post_practice(client, "/practices/new", data).status_code == 302
    data = dict(practice_form, title="The fourth draft, typed in vain")
    refused = post_practice(client, "/practices/new", data, [("a.pdf", PDF)])
    assert refused.status_code == 429
    body = refused.get_data(as_text=True)
    assert "The fourth draft, typed in vain" in body
    assert "created a lot in a short time" in body
    with app.app_context():
        ids = db.session.scalars(db.select(Practice.id)).all()
    assert len(ids) == 3
    assert files_on_disk(app) == []
    # Saved drafts can still be changed.
    assert post_practice(client, f"/practices/{ids[0]}/edit", practice_form).status_code == 302
    # Others are not affected.
    assert post_practice(login_as("practitioner"), "/practices/new",
                         practice_form).status_code == 302


def test_many_event_proposals_get_429_and_bounded_mails(app, login_as, make_user, event_form,
                                                        outbox, monkeypatch):
    monkeypatch.setitem(app.config, "EVENT_PROPOSAL_LIMIT", "2 per day")
    coordinators = [make_user("coordinator"), make_user("coordinator")]
    client = login_as("practitioner")
    statuses = []
    for number in range(8):
        data = {**event_form, "title": f"Urgent: verify your account {number}"}
        response = post_form(client, "/events/new", data)
        statuses.append(response.status_code)
    assert statuses == [302, 302] + [429] * 6
    assert "Urgent: verify your account 7" in response.get_data(as_text=True)
    assert "created a lot in a short time" in response.get_data(as_text=True)
    with app.app_context():
        assert len(db.session.scalars(db.select(Event)).all()) == 2
    for coordinator in coordinators:
        assert len(outbox.messages(coordinator.email)) == 2
    assert len(outbox.messages()) == 4


def test_coordinators_on_a_digest_or_never_get_no_immediate_mail_of_proposals(
        app, runner, login_as, make_user, event_form, outbox):
    at_once, daily, never = (make_user("coordinator") for _ in range(3))
    with app.app_context():
        db.session.add_all([
            NotificationPreference(user_id=daily.id, kind="event_proposed", email="daily"),
            NotificationPreference(user_id=never.id, kind="event_proposed", email="off")])
        db.session.commit()
    client = login_as("practitioner")
    assert post_form(client, "/events/new", event_form).status_code == 302
    assert len(outbox.messages(at_once.email)) == 1
    assert outbox.messages(daily.email) == []
    assert outbox.messages(never.email) == []
    result = runner.invoke(args=["notifications", "digest"])
    assert "1 notifications digests sent." in result.output
    [digest] = outbox.messages(daily.email)
    assert "Recognition of diplomas" in outbox.body(digest)
    assert outbox.messages(never.email) == []
