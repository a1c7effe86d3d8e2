"""Readable addresses: a resource's page may add a slug of its title after the id
(``/practices/12-path-to-progress``, SPEC §7)."""

from __future__ import annotations

import re
import unicodedata

from flask import url_for


def slugify(text: str) -> str:
    """A short ASCII slug for URLs (``12-path-to-progress``)."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].rstrip("-")


def slugged_url(endpoint: str, title: str, *, external: bool = False, **values) -> str:
    """The address of ``endpoint`` with a slug of ``title`` when it has one; ``external``:
    absolute, for feeds and mail (``core.mail.external_url``)."""
    slug = slugify(title)
    if slug:
        values["slug"] = slug
    if external:
        from headstart.core.mail import external_url

        return external_url(endpoint, **values)
    return url_for(endpoint, **values)
