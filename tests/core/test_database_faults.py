"""When the database is locked, full or restarted: a clear 503 with Retry-After after the
lock wait (never a hang, never a stack trace), nothing half-saved, and the next request
works."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import create_engine, event, text

from headstart.core import database
from headstart.extensions import db
from tests.helpers import csrf_token


@pytest.fixture
def short_lock_wait(app, monkeypatch):
    """Requests wait 0.3 s for a lock (new connections take the setting)."""
    monkeypatch.setattr(database, "BUSY_SECONDS", 0.3)
    with app.app_context():
        db.engine.dispose()
    yield
    with app.app_context():
        db.engine.dispose()


def _hold_lock(app, user_id):
    """Another connection takes the lock a profile change needs; returns its release."""
    with app.app_context():
        url = db.engine.url
    if url.get_backend_name() == "sqlite":
        holder = sqlite3.connect(url.database, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        return lambda: (holder.execute("ROLLBACK"), holder.close())
    engine = create_engine(url)
    connection = engine.connect()
    transaction = connection.begin()
    connection.execute(text("SELECT id FROM users WHERE id = :id FOR UPDATE"), {"id": user_id})

    def release():
        transaction.rollback()
        connection.close()
        engine.dispose()

    return release


def _rename(member, name):
    token = csrf_token(member, "/account/")
    return member.post("/account/", data={"csrf_token": token, "display_name": name,
                                          "preferred_language": "en"})


def test_a_locked_database_answers_503_and_changes_nothing(app, login_as, short_lock_wait):
    member = login_as("practitioner")
    token = csrf_token(member, "/account/")
    release = _hold_lock(app, member.user.id)
    try:
        response = member.post("/account/", data={"csrf_token": token,
                                                  "display_name": "Renamed while locked",
                                                  "preferred_language": "en"})
    finally:
        release()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    page = response.get_data(as_text=True)
    assert "very busy" in page
    assert "Traceback" not in page
    assert "Renamed while locked" not in member.get("/account/").get_data(as_text=True)
    assert _rename(member, "Renamed afterwards").status_code == 302
    assert "Renamed afterwards" in member.get("/account/").get_data(as_text=True)


@pytest.mark.sqlite_only  # a full disk is simulated with SQLite's max_page_count
def test_a_full_disk_is_a_clear_error_and_keeps_what_was_saved(app, login_as):
    member = login_as("practitioner")
    assert _rename(member, "Saved before").status_code == 302
    token = csrf_token(member, "/practices/new")

    def no_room(dbapi_connection, _record):
        # Pages freed by earlier tests' deletions would take the new rows: none left.
        dbapi_connection.execute("VACUUM")
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    with app.app_context():
        engine = db.engine
        engine.dispose()
    event.listen(engine, "connect", no_room)
    try:
        long_text = "Pre-departure orientation, week by week. " * 450
        response = member.post("/practices/new", data={
            "csrf_token": token, "title": "A long practice", "language": "en",
            "action": "save", **{field: long_text for field in (
                "challenge", "approach", "results", "evaluation", "beneficiaries",
                "funding")}})
    finally:
        event.remove(engine, "connect", no_room)
        engine.dispose()
    assert response.status_code == 503
    assert "run out of storage" in response.get_data(as_text=True)
    assert "Saved before" in member.get("/account/").get_data(as_text=True)


@pytest.mark.postgres_only
def test_a_database_restart_costs_no_request(app, login_as):
    """A pooled connection the server dropped (as at a restart) is noticed before use."""
    member = login_as("practitioner")
    with app.app_context():
        db.engine.dispose()  # the pool now holds exactly the connection opened here
        pid = db.session.execute(text("SELECT pg_backend_pid()")).scalar()
        db.session.commit()
        db.session.remove()
        url = db.engine.url
    killer = create_engine(url, isolation_level="AUTOCOMMIT")
    with killer.connect() as connection:
        assert connection.execute(text("SELECT pg_terminate_backend(:pid)"),
                                  {"pid": pid}).scalar()
    killer.dispose()
    assert member.get("/account/").status_code == 200


def test_the_lock_wait_is_a_setting(tmp_path, monkeypatch):
    from headstart import create_app

    monkeypatch.setenv("HEADSTART_DATABASE_BUSY_SECONDS", "2.5")
    app = create_app({"INSTANCE_PATH": str(tmp_path),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
    assert app.config["DATABASE_BUSY_SECONDS"] == 2.5
    monkeypatch.setenv("HEADSTART_DATABASE_BUSY_SECONDS", "forever")
    with pytest.raises(ValueError, match="could not convert|DATABASE_BUSY_SECONDS"):
        create_app({"INSTANCE_PATH": str(tmp_path)})


def test_a_lock_wait_never_hangs_a_reader_thread(app, short_lock_wait, make_user):
    """Page views read alongside a writer (WAL): a held write lock does not block them."""
    user = make_user()
    release = _hold_lock(app, user.id)
    results = []
    try:
        reader = threading.Thread(target=lambda: results.append(
            app.test_client().get("/").status_code))
        reader.start()
        reader.join(30)
    finally:
        release()
    assert results == [200]
