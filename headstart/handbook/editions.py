"""Published editions: publishing (freezing every section), and reading an edition in the
reader's language."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import func, select

from headstart.core.errors import DomainError
from headstart.core.i18n import _
from headstart.core.models import utcnow
from headstart.extensions import db
from headstart.handbook import services
from headstart.handbook.models import Edition, EditionText, Revision, Section

logger = logging.getLogger(__name__)


def latest() -> Edition | None:
    """The newest published edition (what readers see), or None."""
    return db.session.scalar(select(Edition).order_by(Edition.number.desc()).limit(1))


def by_number(number: int) -> Edition | None:
    """Edition ``number``, or None."""
    return db.session.scalar(select(Edition).where(Edition.number == number))


def all_editions() -> list[Edition]:
    """Every edition, newest first."""
    return list(db.session.scalars(select(Edition).order_by(Edition.number.desc())))


def publish(release_notes: str, *, actor) -> Edition:
    """Freeze the current source text of every section, and each translation that is up
    to date, into the next numbered edition."""
    services.require_coordinator(actor)
    chapter_list = [c for c in services.chapters()
                    if any(s.retired_at is None for s in c.sections)]
    if not chapter_list:
        raise DomainError(_("The handbook has no sections to publish yet."))
    previous = latest()
    number = (db.session.scalar(select(func.max(Edition.number))) or 0) + 1
    edition = Edition(number=number, release_notes=release_notes.strip(),
                      published_by_id=getattr(actor, "id", None), published_at=utcnow(),
                      chapter_titles={str(position): dict(chapter.titles or {})
                                      for position, chapter in enumerate(chapter_list, start=1)
                                      if chapter.titles})
    db.session.add(edition)
    for chapter_position, chapter in enumerate(chapter_list, start=1):
        sections = sorted((s for s in chapter.sections if s.retired_at is None),
                          key=lambda s: (s.position, s.id))
        for position, section in enumerate(sections, start=1):
            source = services.current(section)
            if source is None:
                continue
            texts = [(source, True)]
            for state in services.translations(section).values():
                if not state["outdated"]:
                    texts.append((state["revision"], False))
            for revision, is_source in texts:
                edition.texts.append(EditionText(
                    section_id=section.id, revision_id=revision.id,
                    language=revision.language, is_source=is_source,
                    chapter_title=chapter.title, chapter_position=chapter_position,
                    position=position, slug=section.slug, title=revision.title,
                    body=revision.body))
    if previous is not None:
        previous.superseded_at = utcnow()
        previous.texts  # noqa: B018 - loaded now, their keys leave the index after the flush
    db.session.flush()
    logger.info("user %s published handbook edition %s", getattr(actor, "id", None), number)
    return edition


@dataclass
class ReadSection:
    """A section of an edition as one reader sees it."""

    text: EditionText
    #: The source text (the same as ``text`` when the reader gets the source).
    source: EditionText
    #: Languages this section can be read in within the edition.
    languages: list[str]
    #: The reader asked for another language than the one shown (no translation).
    fallback: bool = False
    #: The chapter it is in, as the reader sees it.
    chapter: ReadChapter | None = None


@dataclass
class ReadChapter:
    """A chapter of an edition as one reader sees it (title in their language when the
    edition has it)."""

    title: str
    position: int
    #: The language of ``title``.
    language: str = "en"
    sections: list[ReadSection] = field(default_factory=list)


def read(edition: Edition, reader: str) -> list[ReadChapter]:
    """The chapters and sections of ``edition``, each section in ``reader``'s language when
    the edition holds that translation, else in its source language."""
    by_section: dict[int, dict[str, EditionText]] = {}
    order: list[int] = []
    for text in edition.texts:
        if text.section_id not in by_section:
            by_section[text.section_id] = {}
            order.append(text.section_id)
        by_section[text.section_id][text.language] = text
    chapters: list[ReadChapter] = []
    for section_id in order:
        texts = by_section[section_id]
        source = next(t for t in texts.values() if t.is_source)
        shown = texts.get(reader, source)
        item = ReadSection(shown, source, sorted(texts),
                           fallback=reader not in texts)
        if not chapters or chapters[-1].position != source.chapter_position:
            titles = (edition.chapter_titles or {}).get(str(source.chapter_position), {})
            chapters.append(ReadChapter(
                titles.get(reader, source.chapter_title), source.chapter_position,
                reader if reader in titles else source.language))
        item.chapter = chapters[-1]
        chapters[-1].sections.append(item)
    return chapters


def flat(chapters: list[ReadChapter]) -> list[ReadSection]:
    """The sections of ``chapters`` in reading order."""
    return [section for chapter in chapters for section in chapter.sections]


def find_section(chapters: list[ReadChapter], slug: str):
    """``(previous, section, next)`` for the section with ``slug``, or None."""
    sections = flat(chapters)
    for index, item in enumerate(sections):
        if item.source.slug == slug:
            before = sections[index - 1] if index > 0 else None
            after = sections[index + 1] if index + 1 < len(sections) else None
            return before, item, after
    return None


def latest_with_section(section_id: int) -> Edition | None:
    """The newest edition that contains section ``section_id``."""
    return db.session.scalar(
        select(Edition).join(EditionText).where(EditionText.section_id == section_id)
        .order_by(Edition.number.desc()).limit(1))


@dataclass
class SectionChange:
    """How a section differs between two editions."""

    kind: str  # added, removed, changed
    old: EditionText | None
    new: EditionText | None


def compare(old: Edition, new: Edition) -> list[SectionChange]:
    """The sections (source texts) added, removed or changed from ``old`` to ``new``, in
    ``new``'s order with removed ones after."""
    from headstart.handbook import diff

    before = {t.section_id: t for t in old.texts if t.is_source}
    after = {t.section_id: t for t in new.texts if t.is_source}
    changes = []
    for section_id, text in after.items():
        earlier = before.get(section_id)
        if earlier is None:
            changes.append(SectionChange("added", None, text))
        elif earlier.title != text.title or diff.has_changes(earlier.body, text.body):
            changes.append(SectionChange("changed", earlier, text))
    for section_id, text in before.items():
        if section_id not in after:
            changes.append(SectionChange("removed", text, None))
    return changes


def unpublished_changes(edition: Edition | None) -> list[Section]:
    """Sections the next edition will differ in from ``edition``: new sections, drafts
    newer than it, and retired sections it still has; every section when nothing is
    published."""
    published = {}
    if edition is not None:
        published = {t.section_id: t.revision_id for t in edition.texts if t.is_source}
    changed = []
    for chapter in services.chapters():
        for section in sorted(chapter.sections, key=lambda s: (s.position, s.id)):
            if section.retired_at is not None:
                if section.id in published:
                    changed.append(section)
                continue
            revision = services.current(section)
            if revision is not None and published.get(section.id) != revision.id:
                changed.append(section)
    return changed


def revision_count(section: Section) -> int:
    """How many revisions the section has in its source language."""
    return db.session.scalar(select(func.count(Revision.id)).where(
        Revision.section_id == section.id, Revision.language == section.language)) or 0
