"""The mail headers as the bytes a receiver reads, not through Python's forgiving parser
(outside validators, issue 21): ``List-Unsubscribe`` is one ``<URI>`` on one line (no
RFC 2047 encoded-words, which RFC 2047 §5 forbids in a URI), ``Date`` says UTC as
``+0000``, and a long non-ASCII subject is split into encoded-words of at most 75
characters that keep every space — in outbox files and over SMTP alike."""

from __future__ import annotations

import re
import smtplib
from email.header import decode_header, make_header
from pathlib import Path

from headstart.extensions import db
from headstart.newsletter import sending
from headstart.newsletter.models import Issue

LONG_CZECH = ("Nová praxe odpovídá vašemu uloženému hledání „Moldavsko → Itálie“ "
              "a další změny v síti HEADSTART")
ENCODED_WORD = re.compile(rb"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")


def _headers(raw: bytes) -> list[bytes]:
    """The header block's lines, continuation lines joined as RFC 5322 unfolds them
    (only CRLF/LF removed, the folding white space kept)."""
    block = re.split(rb"\r?\n\r?\n", raw, maxsplit=1)[0]
    return re.sub(rb"\r?\n(?=[ \t])", b"", block).split(b"\n")


def _header(raw: bytes, name: bytes) -> bytes:
    [line] = [h.rstrip(b"\r") for h in _headers(raw) if h.lower().startswith(name.lower() + b":")]
    return line.split(b":", 1)[1].strip()


def _send(app, issue_id):
    with app.app_context(), app.test_request_context("/"):
        sending.start(db.session.get(Issue, issue_id))
        db.session.commit()
        return sending.send(issue_id)


def _check(raw: bytes, newline: bytes) -> None:
    lines = re.split(rb"\r?\n\r?\n", raw, maxsplit=1)[0].split(newline)
    unsubscribe = [line for line in lines if line.startswith(b"List-Unsubscribe:")]
    assert len(unsubscribe) == 1
    assert re.fullmatch(rb"List-Unsubscribe: <https?://[!-;=?-~]+>", unsubscribe[0]), unsubscribe
    assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in lines
    assert re.fullmatch(rb"[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000",
                        _header(raw, b"Date"))
    subject = _header(raw, b"Subject")
    words = ENCODED_WORD.findall(subject)
    assert len(words) > 1
    assert all(len(word) <= 75 for word in words)
    assert str(make_header(decode_header(subject.decode("ascii")))) == LONG_CZECH
    assert all(len(line) <= 78 for line in lines if not line.startswith(b"List-"))


def test_outbox_files_keep_the_unsubscribe_uri_the_date_zone_and_subject_spaces(
        app, outbox, make_subscriber, make_issue):
    make_subscriber("cs@example.org", language="cs")
    issue_id = make_issue(translations={"cs": (LONG_CZECH, "Ahoj **síti**.")})
    assert _send(app, issue_id) == 1
    [path] = Path(app.config["OUTBOX_DIR"]).glob("*.eml")
    raw = path.read_bytes()
    _check(raw, b"\n")
    # The header's URI is the link the body offers.
    uri = re.search(rb"<([^>]+)>", _header(raw, b"List-Unsubscribe")).group(1).decode()
    assert uri in outbox.body(outbox.last("cs@example.org"))


def test_smtp_gets_the_same_headers_as_bytes(app, make_subscriber, make_issue, monkeypatch):
    sent: list[bytes] = []

    class RecordingSMTP(smtplib.SMTP):
        """An SMTP client whose wire is a list: what ``send_message`` would transmit."""

        def __init__(self, host, port, timeout=None):
            super().__init__()  # no connection

        def __exit__(self, *exc):
            return False

        def ehlo_or_helo_if_needed(self):
            self.esmtp_features = {}

        def sendmail(self, from_addr, to_addrs, msg, mail_options=(), rcpt_options=()):
            sent.append(msg if isinstance(msg, bytes) else msg.encode("ascii"))
            return {}

    monkeypatch.setattr(smtplib, "SMTP", RecordingSMTP)
    monkeypatch.setitem(app.config, "MAIL_URL", "smtp://mail.example.org:2525")
    make_subscriber("cs@example.org", language="cs")
    issue_id = make_issue(translations={"cs": (LONG_CZECH, "Ahoj **síti**.")})
    assert _send(app, issue_id) == 1
    [raw] = sent
    _check(raw, b"\r\n")
