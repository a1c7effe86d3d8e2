"""Attachments: accepted by content, stored under generated names outside the web root,
downloaded as files only by those who may see the practice; attacks and oversize refused
with the form kept."""

import io
import re
import zipfile
from pathlib import Path

import pytest

from headstart.core import uploads
from headstart.extensions import db
from headstart.practices.models import Practice, PracticeAttachment
from tests.helpers import csrf_token

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office_zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = office_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODS = office_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                  "content.xml": b"<office:document-content/>"})


def upload_dir(app) -> Path:
    return Path(app.config["UPLOAD_DIR"]) / "practices"


def stored_files(app) -> list[Path]:
    folder = upload_dir(app)
    return sorted(folder.iterdir()) if folder.exists() else []


def fetch(client, url):
    """GET a download and close it (file responses keep the file open until closed)."""
    response = client.get(url)
    response.get_data()
    response.close()
    return response


def post_with_files(client, url, data, files, action="save"):
    payload = dict(data, action=action, csrf_token=csrf_token(client, "/practices/new"))
    payload["attachments"] = [(io.BytesIO(content), name) for name, content in files]
    return client.post(url, data=payload, content_type="multipart/form-data")


def test_a_pdf_is_stored_under_a_generated_name_and_downloaded_as_a_file(
        app, login_as, practice_form):
    client = login_as("practitioner")
    response = post_with_files(client, "/practices/new", practice_form,
                               [("Evaluation report 2024.pdf", PDF)])
    assert response.status_code == 302
    [path] = stored_files(app)
    assert path.name != "Evaluation report 2024.pdf"
    assert "." not in path.name
    assert not str(path.resolve()).startswith(str(Path(app.static_folder).resolve()))
    assert path.read_bytes() == PDF
    with app.app_context():
        attachment = db.session.scalars(db.select(PracticeAttachment)).one()
        assert (attachment.filename, attachment.content_type, attachment.size) == (
            "Evaluation report 2024.pdf", "application/pdf", len(PDF))
        practice_id = attachment.practice_id
    page = client.get(f"/practices/{practice_id}").get_data(as_text=True)
    assert "Evaluation report 2024.pdf" in page
    download = fetch(client, f"/practices/{practice_id}/attachments/{attachment.id}")
    assert download.status_code == 200
    assert download.data == PDF
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "Evaluation%20report%202024.pdf" in download.headers["Content-Disposition"] or \
        "Evaluation report 2024.pdf" in download.headers["Content-Disposition"]
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download.headers["Content-Security-Policy"]


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("plan.docx", DOCX,
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("budget.ods", ODS, "application/vnd.oasis.opendocument.spreadsheet"),
    ("photo.PNG", PNG, "image/png"),
    ("minutes.doc", uploads.OLE2_MAGIC + b"\x00" * 100, "application/msword"),
])
def test_office_documents_and_images_are_recognised_by_content(
        app, login_as, practice_form, name, content, content_type):
    client = login_as("practitioner")
    response = post_with_files(client, "/practices/new", practice_form, [(name, content)])
    assert response.status_code == 302
    with app.app_context():
        attachment = db.session.scalars(db.select(PracticeAttachment)).one()
        assert attachment.content_type == content_type


@pytest.mark.parametrize(("name", "content", "message"), [
    ("report.pdf", b"<html><script>alert(document.cookie)</script></html>",
     "This type of file is not accepted"),
    ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
     "This type of file is not accepted"),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "This type of file is not accepted"),
    ("page.html", b"<!doctype html><p>hi</p>", "This type of file is not accepted"),
    ("tool.pdf", b"MZ\x90\x00\x03" + b"\x00" * 64, "This type of file is not accepted"),
    ("archive.docx", office_zip({"evil.js": b"alert(1)"}), "This type of file is not accepted"),
    ("scan.pdf", PNG, "The file's content does not match its name."),
    ("report.html", PDF, "The file's content does not match its name."),
    ("empty.pdf", b"", "This file is empty."),
])
def test_files_whose_content_is_not_an_accepted_type_are_refused_and_nothing_is_saved(
        app, login_as, practice_form, name, content, message):
    client = login_as("practitioner")
    response = post_with_files(client, "/practices/new", practice_form, [(name, content)])
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert message in body.replace("&#39;", "'")
    assert "Everything you typed is kept below." in body
    assert 'value="Pre-departure orientation for care workers"' in body
    assert stored_files(app) == []
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Practice.id))) == 0


@pytest.mark.parametrize("name", ["../../../etc/passwd.pdf", "..\\..\\boot.pdf",
                                  "/etc/shadow.pdf", "re\x00port\x1b.pdf"])
def test_path_traversal_names_are_reduced_to_a_plain_file_name(
        app, login_as, practice_form, name):
    client = login_as("practitioner")
    response = post_with_files(client, "/practices/new", practice_form, [(name, PDF)])
    assert response.status_code == 302
    [path] = stored_files(app)
    assert path.parent == upload_dir(app)
    with app.app_context():
        attachment = db.session.scalars(db.select(PracticeAttachment)).one()
        assert "/" not in attachment.filename
        assert "\\" not in attachment.filename
        assert ".." not in attachment.filename
        assert all(ch.isprintable() for ch in attachment.filename)
        assert attachment.filename.endswith(".pdf")


def test_an_oversize_file_gets_413_with_the_form_and_everything_typed_kept(
        app, login_as, practice_form, monkeypatch):
    monkeypatch.setitem(app.config, "ATTACHMENT_MAX_BYTES", 1000)
    client = login_as("practitioner")
    response = post_with_files(client, "/practices/new", practice_form,
                               [("big.pdf", PDF + b"x" * 2000)])
    assert response.status_code == 413
    body = response.get_data(as_text=True)
    assert "This file is larger than 1 kB" in body
    assert "Care workers arrive **unprepared**" in body
    assert stored_files(app) == []


def test_a_request_larger_than_any_form_gets_a_friendly_413_page(app, login_as,
                                                                 practice_form, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 5000)
    client = login_as("practitioner")
    response = post_with_files(client, "/practices/new", practice_form,
                               [("huge.pdf", PDF + b"x" * 10_000)])
    assert response.status_code == 413
    assert "File too large" in response.get_data(as_text=True)


def test_a_form_with_other_errors_keeps_no_file_and_asks_to_choose_it_again(
        app, login_as, practice_form):
    client = login_as("practitioner")
    data = dict(practice_form, end_date="2020-01-01")
    response = post_with_files(client, "/practices/new", data, [("report.pdf", PDF)])
    assert response.status_code == 422
    assert "Please choose your files again" in response.get_data(as_text=True)
    assert stored_files(app) == []


def test_removing_an_attachment_deletes_the_file_and_is_kept_in_the_history(
        app, login_as, practice_form):
    client = login_as("practitioner")
    post_with_files(client, "/practices/new", practice_form, [("a.pdf", PDF), ("b.png", PNG)])
    with app.app_context():
        practice = db.session.scalars(db.select(Practice)).one()
        keep, drop = sorted(practice.attachments, key=lambda a: a.filename)
        practice_id, drop_id, drop_file = practice.id, drop.id, drop.stored_name
    data = dict(practice_form, remove_attachments=[str(drop_id)])
    response = post_with_files(client, f"/practices/{practice_id}/edit", data, [])
    assert response.status_code == 302
    assert [p.name for p in stored_files(app)] == [keep.stored_name]
    assert not (upload_dir(app) / drop_file).exists()
    assert client.get(f"/practices/{practice_id}/attachments/{drop_id}").status_code == 404
    with app.app_context():
        practice = db.session.get(Practice, practice_id)
        assert [a.filename for a in practice.attachments] == ["a.pdf"]
        assert [e.action for e in practice.events] == ["created", "attached", "detached"]
    history = login_as("coordinator").get(f"/practices/{practice_id}/history")
    assert "Files removed" in history.get_data(as_text=True)
    assert "<del dir=\"auto\">b.png</del>" in history.get_data(as_text=True)


def test_attachments_of_a_draft_are_hidden_like_the_draft(app, login_as, practice_form):
    author = login_as("practitioner")
    post_with_files(author, "/practices/new", practice_form, [("draft.pdf", PDF)])
    with app.app_context():
        attachment = db.session.scalars(db.select(PracticeAttachment)).one()
        url = f"/practices/{attachment.practice_id}/attachments/{attachment.id}"
    response = fetch(author, url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    assert fetch(login_as(None), url).status_code == 404
    assert fetch(login_as("practitioner"), url).status_code == 404
    assert fetch(login_as("coordinator"), url).status_code == 200


def test_an_attachment_is_only_reachable_through_its_own_practice(app, login_as,
                                                                  practice_form, make_practice):
    client = login_as("practitioner")
    post_with_files(client, "/practices/new", practice_form, [("a.pdf", PDF)])
    other = make_practice("published")
    with app.app_context():
        attachment = db.session.scalars(db.select(PracticeAttachment)).one()
    assert client.get(f"/practices/{other.id}/attachments/{attachment.id}").status_code == 404


def test_a_missing_file_on_disk_is_a_404_not_a_500(app, login_as, practice_form):
    client = login_as("practitioner")
    post_with_files(client, "/practices/new", practice_form, [("a.pdf", PDF)])
    for path in stored_files(app):
        path.unlink()
    with app.app_context():
        attachment = db.session.scalars(db.select(PracticeAttachment)).one()
    response = client.get(f"/practices/{attachment.practice_id}/attachments/{attachment.id}")
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "expected"), [
    ("report.pdf", "report.pdf"),
    ("C:\\Users\\ana\\report.pdf", "report.pdf"),
    ("../../x.pdf", "x.pdf"),
    ("  .hidden.pdf  ", "hidden.pdf"),
    ("", "attachment.pdf"),
    ("\x00\x01", "attachment.pdf"),
    ("Zpráva o činnosti.pdf", "Zpráva o činnosti.pdf"),
])
def test_clean_filename(name, expected):
    assert uploads.clean_filename(name, ".pdf") == expected


def test_clean_filename_keeps_the_extension_of_a_very_long_name():
    cleaned = uploads.clean_filename("a" * 400 + ".docx")
    assert len(cleaned) <= 150
    assert cleaned.endswith(".docx")


@pytest.mark.parametrize("name", [
    "Звіт про інтеграцію 2024.pdf",
    'report"; filename="evil.html.pdf',
    "contract;\tSet-Cookie: x=1.pdf",
    "Raport final – Chișinău.pdf",
])
def test_download_names_follow_rfc_6266_whatever_the_uploader_called_the_file(
        app, login_as, practice_form, name):
    """An ASCII ``filename`` fallback plus the exact name in ``filename*`` (RFC 5987), and no
    way for a name to add a parameter or a header."""
    from urllib.parse import unquote

    client = login_as("practitioner")
    response = post_with_files(client, "/practices/new", practice_form, [(name, PDF)])
    assert response.status_code == 302
    with app.app_context():
        attachment = db.session.scalars(db.select(PracticeAttachment)).one()
        kept, practice_id = attachment.filename, attachment.practice_id
    download = fetch(client, f"/practices/{practice_id}/attachments/{attachment.id}")
    header = download.headers["Content-Disposition"]
    assert "\r" not in header
    assert "\n" not in header
    cookies = download.headers.getlist("Set-Cookie")
    assert all(c.startswith(app.config["SESSION_COOKIE_NAME"] + "=") for c in cookies)
    # The whole header is "attachment" then name=value pairs, nothing left over.
    pairs = re.findall(r';\s*([\w*]+)=("(?:[^"\\]|\\.)*"|[^;"\s]*)', header)
    assert header == "attachment" + "".join(f"; {k}={v}" for k, v in pairs)
    params = {key: value.strip('"') for key, value in pairs}
    assert set(params) <= {"filename", "filename*"}
    fallback = params["filename"]
    assert fallback.isascii()
    assert fallback.endswith(".pdf")
    if "filename*" in params:
        charset, _lang, encoded = params["filename*"].split("'", 2)
        assert charset.lower() == "utf-8"
        assert unquote(encoded) == kept
    else:
        assert fallback == kept
