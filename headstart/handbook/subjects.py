"""Handbook sections as subjects of forum topics (see ``headstart.core.subjects``)."""

from __future__ import annotations

from flask import url_for
from sqlalchemy import select

from headstart.core import subjects
from headstart.extensions import db
from headstart.handbook import services
from headstart.handbook.models import EditionText, Section


def resolve(section_id: int) -> subjects.Subject | None:
    """A section as the forum sees it; public once it is in a published edition."""
    section = db.session.get(Section, section_id)
    if section is None:
        return None
    published = db.session.scalar(select(EditionText.id).where(
        EditionText.section_id == section.id, EditionText.is_source.is_(True)).limit(1))
    revision = services.current(section)
    return subjects.Subject(
        kind="handbook_section", id=section.id,
        title=revision.title if revision else section.slug,
        url=url_for("handbook.section_latest", section_id=section.id),
        public=published is not None)


subjects.register("handbook_section", resolve)
