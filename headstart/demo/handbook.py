"""The demo handbook: edition 1 with every chapter, Czech translations of two sections,
and a newer draft of one section (so the editor shows a draft that differs from the
published edition). Loaded only into a portal without a handbook (idempotent)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from headstart.demo.handbook_data import (
    CHAPTER_TITLES_CS,
    CHAPTERS,
    DRAFT,
    RELEASE_NOTES,
    TRANSLATIONS_CS,
)
from headstart.extensions import db
from headstart.handbook import editions, services
from headstart.handbook.models import Chapter, Section


def load_handbook(coordinator) -> int:
    """Write and publish the demo handbook as ``coordinator``; returns how many sections
    were added (0 when the portal already has a handbook)."""
    if db.session.scalar(select(Chapter.id).limit(1)) is not None:
        return 0
    today = date.today()
    sections = {}
    for title, entries in CHAPTERS:
        chapter = services.create_chapter(title, actor=coordinator)
        services.set_chapter_title(chapter, "cs", CHAPTER_TITLES_CS[title], actor=coordinator)
        for slug, section_title, body, review_in in entries:
            sections[slug] = services.create_section(
                chapter, title=section_title, slug=slug, body=body, summary="First version",
                review_by=today + timedelta(days=review_in), actor=coordinator)
    for slug, (title, body) in TRANSLATIONS_CS.items():
        services.save(sections[slug], title=title, body=body, summary="Český překlad",
                      language="cs", base_revision_id=None, actor=coordinator)
    editions.publish(RELEASE_NOTES, actor=coordinator)
    slug, body, summary = DRAFT
    section = db.session.scalar(select(Section).where(Section.slug == slug))
    latest = services.current(section)
    services.save(section, title=latest.title, body=body, summary=summary,
                  base_revision_id=latest.id, actor=coordinator)
    return len(sections)
