"""``backup`` while the portal writes: the copy is one consistent moment (SQLite's
integrity check passes, the row counts in the manifest are the copy's), and ``restore``
brings back the same rows and files — on SQLite and on PostgreSQL (pg_dump/pg_restore)."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from headstart.archive import backup as backups
from headstart.archive.exporter import ArchiveError
from headstart.extensions import db
from headstart.notifications.models import Notification
from tests.conftest import PG_URL, SCHEMA_PREFIX


class Writer(threading.Thread):
    """Inserts notifications on its own connection until stopped."""

    def __init__(self, url, user_id):
        super().__init__(daemon=True)
        self.engine = create_engine(url)
        self.user_id = user_id
        self.stop = threading.Event()
        self.written = 0
        self.errors = []

    def run(self):
        table = Notification.__table__
        while not self.stop.is_set():
            try:
                with self.engine.begin() as connection:
                    connection.execute(table.insert().values(
                        user_id=self.user_id, kind="test", details={}, url="/",
                        created_at=datetime.now(UTC)))
                self.written += 1
            except Exception as error:  # noqa: BLE001 - reported by the test
                self.errors.append(error)
                return
            time.sleep(0.002)
        self.engine.dispose()


@pytest.fixture
def busy_portal(app, make_user):
    """A portal with an upload on disk and a writer thread inserting rows meanwhile."""
    user = make_user()
    upload = Path(app.config["UPLOAD_DIR"]) / "practices" / "kept.pdf"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_bytes(b"%PDF-1.4 kept")
    with app.app_context():
        url = db.engine.url.render_as_string(hide_password=False)
    writer = Writer(url, user.id)
    writer.start()
    while writer.written < 20 and not writer.errors:
        time.sleep(0.01)
    yield writer
    writer.stop.set()
    writer.join(10)
    assert not writer.errors, writer.errors


def _count(url) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(
                Notification.__table__)).scalar()
    finally:
        engine.dispose()


def test_a_backup_taken_while_rows_are_written_is_consistent_and_restores(
        app, busy_portal, tmp_path):
    target = tmp_path / "backup"
    with app.app_context():
        is_sqlite = db.engine.dialect.name == "sqlite"
        manifest = backups.backup(target, app.config["UPLOAD_DIR"])
    written_at_backup = manifest["tables"]["notifications"]
    while busy_portal.written < written_at_backup + 20 and not busy_portal.errors:
        time.sleep(0.01)
    busy_portal.stop.set()
    busy_portal.join(10)
    assert 20 <= written_at_backup < busy_portal.written, "the backup ran amid the writes"
    assert (target / "files" / "practices" / "kept.pdf").read_bytes() == b"%PDF-1.4 kept"

    if is_sqlite:
        copy = target / backups.SQLITE_NAME
        with sqlite3.connect(copy) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        restored_url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        cleanup = None
    else:
        restored_url, cleanup = _new_pg_database(app)
    try:
        uploads = tmp_path / "restored-uploads"
        with app.app_context():
            backups.restore(target, uploads, database_url=restored_url)
        assert _count(restored_url) == written_at_backup
        assert (uploads / "practices" / "kept.pdf").read_bytes() == b"%PDF-1.4 kept"
    finally:
        if cleanup:
            cleanup()


def _new_pg_database(app):
    """An empty PostgreSQL database whose connections use the app's schema name."""
    if not PG_URL:
        pytest.skip("PostgreSQL not configured")
    with app.app_context():
        url = db.engine.url
    name = f"{SCHEMA_PREFIX}_restore"
    admin = create_engine(make_url(url).set(query={}), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def cleanup():
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), cleanup


def test_restore_never_overwrites_an_existing_database(app, make_user, tmp_path):
    make_user()
    target = tmp_path / "backup"
    with app.app_context():
        backups.backup(target, app.config["UPLOAD_DIR"])
        current = db.engine.url.render_as_string(hide_password=False)
        with pytest.raises(ArchiveError, match="already exists|not empty"):
            backups.restore(target, tmp_path / "uploads", database_url=current)
        assert db.session.scalar(text("SELECT COUNT(*) FROM users")) == 1


def test_a_damaged_backup_is_refused(app, make_user, tmp_path):
    upload = Path(app.config["UPLOAD_DIR"]) / "practices" / "kept.pdf"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_bytes(b"%PDF-1.4 kept")
    target = tmp_path / "backup"
    with app.app_context():
        backups.backup(target, app.config["UPLOAD_DIR"])
        (target / "files" / "practices" / "kept.pdf").write_bytes(b"changed")
        with pytest.raises(ArchiveError, match="damaged"):
            backups.restore(target, tmp_path / "uploads",
                            database_url=f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert not (tmp_path / "new.sqlite3").exists()


def test_backup_command_refuses_a_folder_that_is_not_empty(runner, tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    result = runner.invoke(args=["backup", str(tmp_path)])
    assert result.exit_code == 1
    assert "not empty" in result.output
    assert (tmp_path / "keep.txt").read_text() == "mine"
