"""Helpers the tests share: CSRF-aware form posts, sign-in and the mail outbox."""

from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
PASSWORD = "a long demo passphrase 42"


def csrf_token(client, page: str = "/auth/reset") -> str:
    """Fetch a page with a form and return its CSRF token (valid for this client's session)."""
    response = client.get(page)
    match = CSRF_RE.search(response.get_data(as_text=True))
    assert match, f"no CSRF token on {page} ({response.status_code})"
    return match.group(1)


def post_form(client, url: str, data: dict | None = None, *, page: str = "/auth/reset",
              **kwargs):
    """POST ``data`` to ``url`` with a valid CSRF token, like a browser would."""
    payload = {"csrf_token": csrf_token(client, page), **(data or {})}
    return client.post(url, data=payload, **kwargs)


def sign_in(client, email: str, password: str = PASSWORD, **kwargs):
    """Sign in through the form; returns the response."""
    return post_form(client, "/auth/login", {"email": email, "password": password}, **kwargs)


class Outbox:
    """The ``instance/outbox`` folder, read as parsed e-mail messages, oldest first."""

    def __init__(self, folder: str):
        self.folder = Path(folder)

    def messages(self, to: str | None = None):
        """Parsed messages, optionally only those sent to ``to``."""
        if not self.folder.exists():
            return []
        paths = sorted(self.folder.glob("*.eml"), key=lambda p: int(p.name.split("-", 1)[0]))
        parsed = [BytesParser(policy=policy.default).parsebytes(p.read_bytes()) for p in paths]
        return [m for m in parsed if to is None or m["To"] == to]

    def last(self, to: str | None = None):
        """The newest message (to ``to``)."""
        messages = self.messages(to)
        assert messages, f"no mail to {to or 'anyone'} in the outbox"
        return messages[-1]

    def clear(self) -> None:
        """Remove every message."""
        for path in self.folder.glob("*.eml"):
            path.unlink()

    @staticmethod
    def body(message) -> str:
        """The plain-text body."""
        return message.get_body(preferencelist=("plain",)).get_content()

    def link(self, message, path_prefix: str) -> str:
        """The path of the first link in ``message`` whose path starts with ``path_prefix``."""
        match = re.search(r"https?://[^/\s]+(" + re.escape(path_prefix) + r"[^\s]*)",
                          self.body(message))
        assert match, f"no {path_prefix} link in: {self.body(message)}"
        return match.group(1)
