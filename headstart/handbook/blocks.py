"""The "handbook editions" block of the newsletter (see ``headstart.core.blocks``)."""

from __future__ import annotations

from flask_babel import force_locale
from sqlalchemy import select

from headstart.core import blocks
from headstart.core.i18n import _, _l, formatting_locale
from headstart.core.mail import external_url
from headstart.core.markdown import plain_text
from headstart.extensions import db
from headstart.handbook.models import Edition


def latest(limit: int, language: str) -> list[blocks.BlockItem]:
    """The newest published editions with their release notes (the notes are written in
    the handbook's own language; the edition's title follows the mail's language)."""
    items = []
    for edition in db.session.scalars(select(Edition).order_by(Edition.number.desc())
                                      .limit(limit)):
        with force_locale(formatting_locale(language)):
            title = _("Handbook, edition %(number)s", number=edition.number)
        items.append(blocks.BlockItem(
            title=title, url=external_url("handbook.edition", number=edition.number),
            date=edition.published_at.date() if edition.published_at else None,
            summary=plain_text(edition.release_notes or "", 200)))
    return items


blocks.register("handbook", _l("Handbook editions"), latest)
