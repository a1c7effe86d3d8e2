"""``export`` / ``import``: the whole portal's content round-trips into a new installation
through an open archive, and a bad archive or a non-empty target changes nothing."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from headstart.extensions import db
from tests.conftest import SCHEMA_PREFIX, empty_database_url, make_app
from tests.helpers import sign_in

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def portal(app, make_practice, make_user):
    """A portal with a published practice (with an attachment), a draft, and a member."""
    from headstart.practices.models import PracticeAttachment

    member = make_user(name="Ana Rusu", email="ana@example.org")
    published = make_practice(title="Path to Progress", author=member)
    make_practice("draft", title="Unfinished notes", author=member)
    folder = Path(app.config["UPLOAD_DIR"]) / "practices"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a1b2c3.pdf").write_bytes(PDF)
    with app.app_context():
        db.session.add(PracticeAttachment(
            practice_id=published.id, stored_name="a1b2c3.pdf", filename="Report 2024.pdf",
            content_type="application/pdf", size=len(PDF),
            sha256=hashlib.sha256(PDF).hexdigest(), uploaded_by_id=member.id))
        db.session.commit()
    return {"practice": published, "member": member}


@pytest.fixture
def new_portal(app, tmp_path, worker_id):
    """A second, empty installation on the same kind of database as ``app``."""
    kind = app.config["SQLALCHEMY_DATABASE_URI"].split(":", 1)[0]
    kind = "sqlite" if kind == "sqlite" else "postgresql"
    url = empty_database_url(kind, tmp_path, f"{SCHEMA_PREFIX}_import_{worker_id}")
    other = make_app(url, tmp_path / "instance2")
    yield other
    backend = other.extensions.get("search_backend")
    if backend is not None and hasattr(backend, "_reset"):
        backend._reset()  # close the second index's files
    with other.app_context():
        db.engine.dispose()


def _tables(folder: Path) -> dict:
    manifest = json.loads((folder / "manifest.json").read_text())
    return {name: json.loads((folder / entry["file"]).read_text())["rows"]
            for name, entry in manifest["tables"].items()}


def test_export_then_import_reproduces_every_row_and_file(app, portal, new_portal, tmp_path):
    archive = tmp_path / "portal.zip"
    result = app.test_cli_runner().invoke(args=["export", str(archive)])
    assert result.exit_code == 0, result.output
    assert "files to" in result.output
    assert "Exporting tables" in result.output  # the progress bar, for large portals

    result = new_portal.test_cli_runner().invoke(args=["import", str(archive)])
    assert result.exit_code == 0, result.output
    assert "Importing tables" in result.output
    assert "Indexing" in result.output

    again = tmp_path / "again"
    assert new_portal.test_cli_runner().invoke(args=["export", str(again)]).exit_code == 0
    first = tmp_path / "first"
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(first)
    assert _tables(again) == _tables(first)
    assert _tables(first)["practices"], "the archive carries the practices"
    copied = Path(new_portal.config["UPLOAD_DIR"]) / "practices" / "a1b2c3.pdf"
    assert copied.read_bytes() == PDF

    client = new_portal.test_client()
    page = client.get(f"/practices/{portal['practice'].id}")
    assert page.status_code == 200
    assert "Path to Progress" in page.get_data(as_text=True)
    found = client.get("/practices/?q=progress").get_data(as_text=True)
    assert "1 practice matches" in found, "the index is rebuilt after the import"
    assert f'href="/practices/{portal["practice"].id}-path-to-progress"' in found


def test_an_export_holds_no_password_hashes_or_sessions(app, portal, tmp_path):
    sign_in(app.test_client(), "ana@example.org")
    target = tmp_path / "out"
    assert app.test_cli_runner().invoke(args=["export", str(target)]).exit_code == 0
    tables = _tables(target)
    assert "user_sessions" not in tables
    assert {row["password_hash"] for row in tables["users"]} == {""}
    assert "argon2" not in "".join(p.read_text() for p in (target / "tables").iterdir())


def test_an_imported_account_must_reset_its_password(app, portal, new_portal, tmp_path):
    target = tmp_path / "out"
    app.test_cli_runner().invoke(args=["export", str(target)])
    new_portal.test_cli_runner().invoke(args=["import", str(target)])
    response = sign_in(new_portal.test_client(), "ana@example.org")
    assert response.status_code != 302


def test_new_rows_after_an_import_get_fresh_ids(app, portal, new_portal, tmp_path,
                                                make_user):
    from headstart.accounts import services
    from headstart.accounts.models import User

    target = tmp_path / "out"
    app.test_cli_runner().invoke(args=["export", str(target)])
    new_portal.test_cli_runner().invoke(args=["import", str(target)])
    with new_portal.app_context():
        highest = db.session.scalar(select(func.max(User.id)))
        user = services.create_user("new@example.org", "a long enough passphrase 1",
                                    display_name="New", role="practitioner", confirmed=True)
        db.session.commit()
        assert user.id > highest


def test_importing_into_a_portal_with_content_is_refused_and_changes_nothing(
        app, portal, tmp_path):
    from headstart.practices.models import Practice

    target = tmp_path / "out"
    app.test_cli_runner().invoke(args=["export", str(target)])
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(Practice))
    result = app.test_cli_runner().invoke(args=["import", str(target)])
    assert result.exit_code == 1
    assert "already holds content" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Practice)) == before


@pytest.mark.parametrize("damage", ["file", "revision", "rows", "zip_slip", "not_json"])
def test_a_damaged_archive_is_refused_with_a_reason(app, portal, new_portal, tmp_path,
                                                    damage):
    from headstart.practices.models import Practice

    target = tmp_path / "out"
    app.test_cli_runner().invoke(args=["export", str(target)])
    manifest_path = target / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    source = target
    expected = {"file": "missing or damaged", "revision": "schema revision",
                "rows": "rows the manifest counts", "zip_slip": "unsafe name",
                "not_json": "not valid JSON"}[damage]
    if damage == "file":
        (target / "files" / "practices" / "a1b2c3.pdf").write_bytes(b"changed")
    elif damage == "revision":
        manifest["schema_revision"] = "0001"
        manifest_path.write_text(json.dumps(manifest))
    elif damage == "rows":
        manifest["tables"]["practices"]["rows"] += 1
        manifest_path.write_text(json.dumps(manifest))
    elif damage == "not_json":
        (target / "tables" / "users.json").write_text("{not json")
    else:
        source = tmp_path / "evil.zip"
        with zipfile.ZipFile(source, "w") as archive:
            archive.writestr("manifest.json", manifest_path.read_text())
            archive.writestr("../outside.txt", "x")
    result = new_portal.test_cli_runner().invoke(args=["import", str(source)])
    assert result.exit_code == 1
    assert expected in result.output
    assert not (tmp_path / "outside.txt").exists()
    with new_portal.app_context():
        assert db.session.scalar(select(func.count()).select_from(Practice)) == 0
    assert not (Path(new_portal.config["UPLOAD_DIR"]) / "practices" / "a1b2c3.pdf").exists()


def test_export_refuses_a_path_that_is_not_empty(app, tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "keep.txt").write_text("mine")
    result = app.test_cli_runner().invoke(args=["export", str(tmp_path / "busy")])
    assert result.exit_code == 1
    assert "not empty" in result.output
    assert (tmp_path / "busy" / "keep.txt").read_text() == "mine"
