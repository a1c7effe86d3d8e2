"""Handbook sections as subjects of forum topics (see ``headstart.core.subjects``)."""

from __future__ import annotations

from flask import url_for
from sqlalchemy import select

from headstart.core import subjects
from headstart.extensions import db
from headstart.handbook import services
from headstart.handbook.models import Edition, EditionText, Section


def resolve(section_id: int) -> subjects.Subject | None:
    """A section as the forum sees it; public once it is in a published edition.

    The title is the one of the newest published edition that has the section: a draft
    revision saved since then is not public, so its title must not reach visitors (it
    would show on the discuss page, pre-fill the new topic and read "About: …" on the
    topic). A section never published keeps its draft title, but is not public, so only
    coordinators see it."""
    section = db.session.get(Section, section_id)
    if section is None:
        return None
    published = db.session.scalar(
        select(EditionText.title).join(Edition, Edition.id == EditionText.edition_id)
        .where(EditionText.section_id == section.id, EditionText.is_source.is_(True))
        .order_by(Edition.number.desc()).limit(1))
    if published is not None:
        title = published
    else:
        revision = services.current(section)
        title = revision.title if revision else section.slug
    return subjects.Subject(
        kind="handbook_section", id=section.id, title=title,
        url=url_for("handbook.section_latest", section_id=section.id),
        public=published is not None)


subjects.register("handbook_section", resolve)
