"""Outgoing e-mail, from the durable job queue (``core.jobs``).

A message is rendered where it is asked for (in the reader's language, with links on the
public address) and written to the jobs table in the same transaction: it goes out after
the commit, or never if the transaction rolls back, and a message whose delivery fails (or
whose process stops) is tried again later by whichever process runs the queue next.

``HEADSTART_MAIL_URL`` (``smtp://user:pass@host:587?starttls=1`` or ``smtps://…``) sends
over SMTP; without it each message is written to the outbox folder as one ``.eml`` file,
which is what the tests read. The SMTP address is read when the mail is delivered, so no
credential is ever stored with a queued message.
"""

from __future__ import annotations

import base64
import email
import email.policy
import logging
import os
import smtplib
import ssl
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from flask import current_app, render_template, url_for
from flask_babel import force_locale

from headstart.core import jobs
from headstart.core.i18n import formatting_locale

logger = logging.getLogger(__name__)

#: The job kind of one queued message (registered by ``init_app``).
MAIL_JOB = "mail"
#: Headers whose value is one or more ``<URI>``: never folded, never encoded.
URI_HEADERS = frozenset({"list-unsubscribe", "list-unsubscribe-post", "list-archive",
                         "list-help", "list-id"})


class MailPolicy(email.policy.EmailPolicy):
    """How messages are written, in outbox files and over SMTP alike.

    Python's default folds every header at 78 characters, turning a long word it cannot
    fold into RFC 2047 encoded-words — forbidden inside a URI (RFC 2047 §5), so
    ``List-Unsubscribe`` carried no URI a receiver could read and one-click unsubscribing
    (RFC 8058) broke: URI headers are written as they are (RFC 5322 allows lines up to 998
    characters). And when it folds a non-ASCII subject into several encoded-words it drops
    the space between two of them ("…praxeodpovídá…"): such a subject is encoded by
    ``email.header.Header``, which keeps each space inside an encoded-word of at most 75
    characters (RFC 2047 §2)."""

    def fold(self, name, value):
        special = self._written_as_is(name, value)
        return special if special is not None else super().fold(name, value)

    def fold_binary(self, name, value):
        special = self._written_as_is(name, value)
        if special is None:
            return super().fold_binary(name, value)
        return special.encode("ascii")

    def _written_as_is(self, name: str, value) -> str | None:
        text = str(value)
        if "\r" in text or "\n" in text:
            return None  # let the library refuse or fold it
        if name.lower() in URI_HEADERS and text.isascii() and len(text) < 990:
            return f"{name}: {text}{self.linesep}"
        if name.lower() == "subject" and not text.isascii():
            encoded = Header(text, "utf-8", header_name=name).encode(linesep=self.linesep,
                                                                    maxlinelen=75)
            return f"{name}: {encoded}{self.linesep}"
        return None


POLICY = MailPolicy()


@dataclass(frozen=True)
class Delivery:
    """Where a message goes: an SMTP URL or an outbox folder (captured when queued)."""

    mail_url: str | None
    outbox_dir: str


def send_mail(to: str, subject: str, template: str, *, locale: str = "en", headers=None,
              **context) -> EmailMessage:
    """Render ``email/<template>.txt`` (and ``.html`` when present) and queue the message.

    The message is delivered after the current transaction commits and dropped if it rolls
    back, so no one is told about a change that did not happen.
    """
    message = make_message(to, subject, template, locale=locale, headers=headers, **context)
    jobs.enqueue(MAIL_JOB, message=base64.b64encode(bytes(message)).decode("ascii"))
    return message


def deliver_queued(message: str) -> None:
    """Deliver one queued message (the ``mail`` job): the bytes rendered when it was
    queued, to where this application sends mail now. A failure raises, so the queue
    keeps the message and tries again later."""
    data = base64.b64decode(message)
    delivery = current_delivery()
    if delivery.mail_url:
        _send_smtp(delivery.mail_url, email.message_from_bytes(data, policy=POLICY))
    else:
        _write_outbox(Path(delivery.outbox_dir), data)


def current_delivery() -> Delivery:
    """Where mail goes in this application (SMTP or the outbox folder)."""
    return Delivery(current_app.config.get("MAIL_URL"), current_app.config["OUTBOX_DIR"])


def make_message(to: str, subject: str, template: str, *, locale: str = "en", headers=None,
                 **context) -> EmailMessage:
    """Render ``email/<template>.txt`` (and ``.html`` when present) into a message, without
    queueing it (for senders that deliver themselves, like the newsletter)."""
    with force_locale(formatting_locale(locale)):
        subject_text = " ".join(str(subject).split())  # no line breaks in a header
        text = render_template(f"email/{template}.txt", **context)
        html = _render_optional(f"email/{template}.html", **context)
    message = EmailMessage(policy=POLICY)
    message["Subject"] = subject_text
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = to
    # "+0000": the time is UTC ("-0000", what formatdate writes, means "zone unknown").
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain="headstart.localhost")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return message


#: Where links in mail point when ``HEADSTART_BASE_URL`` is unset (tests, and ``flask``
#: commands run by hand): a fixed local address. ``make run`` sets the base URL for local
#: use and a production start refuses to run without it (``headstart.config``).
LOCAL_BASE_URL = "http://localhost"


def base_url() -> str:
    """The portal's public address (``HEADSTART_BASE_URL``), without a trailing slash.

    Never taken from the request: its ``Host`` header is whatever the client sent, so a
    link built on it could carry a password-reset token to another site.
    """
    return current_app.config.get("BASE_URL") or LOCAL_BASE_URL


def external_url(endpoint: str, **values) -> str:
    """An absolute link (mail, feeds, the API) on the portal's public address."""
    return origin() + url_for(endpoint, **values)


def absolute_url(path: str) -> str:
    """``path`` (as ``url_for`` gives it) on the portal's public address: alternate-language
    links and anything else other sites read must be absolute."""
    return origin() + path if path.startswith("/") else path


def origin() -> str:
    """Scheme and host of the public address (``url_for`` adds any path prefix itself:
    the proxy's ``SCRIPT_NAME`` in a request, the base URL's path in ``link_context``)."""
    parts = urlsplit(base_url())
    return f"{parts.scheme}://{parts.netloc}"


def link_context():
    """A request context on the public address, for work outside a request (commands,
    background threads) that renders links or mail."""
    return current_app.test_request_context("/", base_url=base_url())


def _render_optional(name: str, **context) -> str | None:
    """Render template ``name`` if it exists."""
    if name not in current_app.jinja_env.list_templates():
        return None
    return render_template(name, **context)


def deliver(delivery: Delivery, message: EmailMessage) -> None:
    """Send one message now, over SMTP or into the outbox folder."""
    if delivery.mail_url:
        _send_smtp(delivery.mail_url, message)
    else:
        _write_outbox(Path(delivery.outbox_dir), bytes(message))


def _write_outbox(folder: Path, data: bytes) -> None:
    """Write one message's bytes atomically as ``<time>-<uuid>.eml``."""
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{time.time_ns()}-{uuid.uuid4().hex}.eml"
    partial = folder / f".{name}.part"
    partial.write_bytes(data)
    os.replace(partial, folder / name)


def _send_smtp(url: str, message: EmailMessage) -> None:
    """Send through the SMTP server named by ``url``."""
    with _smtp_client(url) as client:
        client.send_message(message)


@contextmanager
def _smtp_client(url: str):
    """A signed-in SMTP connection to the server named by ``url``, closed afterwards."""
    parts = urlsplit(url)
    options = parse_qs(parts.query)
    secure = parts.scheme == "smtps"
    port = parts.port or (465 if secure else 25)
    client_class = smtplib.SMTP_SSL if secure else smtplib.SMTP
    kwargs = {"context": ssl.create_default_context()} if secure else {}
    with client_class(parts.hostname or "localhost", port, timeout=20, **kwargs) as client:
        if not secure and options.get("starttls", ["0"])[0] in {"1", "true", "yes"}:
            client.starttls(context=ssl.create_default_context())
        if parts.username:
            client.login(unquote(parts.username), unquote(parts.password or ""))
        yield client


@contextmanager
def connection(delivery: Delivery):
    """A function sending one message at a time over a single SMTP connection (or into
    the outbox folder), for senders of many messages such as the newsletter."""
    if not delivery.mail_url:
        yield lambda message: _write_outbox(Path(delivery.outbox_dir), bytes(message))
        return
    with _smtp_client(delivery.mail_url) as client:
        yield client.send_message


def init_app(app) -> None:
    """Queued messages are delivered by the ``mail`` job."""
    jobs.register(MAIL_JOB, deliver_queued)
