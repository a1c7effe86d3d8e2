"""Writing the handbook: chapters, sections, revisions (with conflict detection), restoring
and translating. Publishing and reading editions are in ``handbook.editions``.

Services take the acting user, check the coordinator role, and only flush.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from sqlalchemy import func, select

from headstart.core.auth import has_role
from headstart.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from headstart.core.i18n import LOCALES, _
from headstart.core.models import utcnow
from headstart.core.signals import account_export
from headstart.extensions import db
from headstart.handbook import diff
from headstart.handbook.models import Chapter, Revision, Section

logger = logging.getLogger(__name__)

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Slugs that are addresses of their own under ``/handbook/editions/<n>/``.
RESERVED_SLUGS = frozenset({"print", "diff"})
#: Sections whose review-by date falls within this many days are listed as coming up.
REVIEW_NOTICE_DAYS = 30


class EditConflict(Conflict):
    """Someone saved a newer revision since the editor opened the form."""

    def __init__(self, current: Revision):
        super().__init__(_("Someone else saved this section while you were editing it. "
                           "Your text is kept below: compare it with theirs, then save "
                           "again."))
        self.current = current


def require_coordinator(actor) -> None:
    """Only coordinators (and admins) write the handbook."""
    if not has_role(actor, "coordinator"):
        raise PermissionDenied(_("Only coordinators may edit the handbook."))


def chapters() -> list[Chapter]:
    """Every chapter in reading order, with its sections."""
    return list(db.session.scalars(select(Chapter).order_by(Chapter.position, Chapter.id)))


def create_chapter(title: str, *, actor) -> Chapter:
    """Add a chapter at the end."""
    require_coordinator(actor)
    title = title.strip()
    if not title:
        raise DomainError(_("A chapter needs a title."), field="title")
    last = db.session.scalar(select(func.max(Chapter.position))) or 0
    chapter = Chapter(title=title, position=last + 1)
    db.session.add(chapter)
    db.session.flush()
    logger.info("user %s created handbook chapter %s", actor.id, chapter.id)
    return chapter


def rename_chapter(chapter: Chapter, title: str, *, actor) -> None:
    """Change a chapter's title (it reaches readers with the next edition)."""
    require_coordinator(actor)
    if not title.strip():
        raise DomainError(_("A chapter needs a title."), field="title")
    chapter.title = title.strip()
    db.session.flush()


def set_chapter_title(chapter: Chapter, language: str, title: str, *, actor) -> None:
    """Give a chapter's title in another language ("" removes it); readers get it with
    the next edition."""
    require_coordinator(actor)
    if language not in LOCALES:
        raise DomainError(_("Unknown language."), field="language")
    titles = dict(chapter.titles or {})
    if title.strip():
        titles[language] = title.strip()[:200]
    else:
        titles.pop(language, None)
    chapter.titles = titles  # a new dict, so the change is seen
    db.session.flush()


def move(item: Chapter | Section, direction: str, *, actor) -> None:
    """Swap a chapter (or a section within its chapter) with its neighbour ``"up"`` or
    ``"down"``; at either end nothing changes."""
    require_coordinator(actor)
    if direction not in {"up", "down"}:
        raise DomainError(_("Unknown direction."))
    siblings = chapters() if isinstance(item, Chapter) else sorted(
        item.chapter.sections, key=lambda s: (s.position, s.id))
    for index, sibling in enumerate(siblings):  # positions 1..n, whatever they were
        sibling.position = index + 1
    index = siblings.index(item)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index].position, siblings[other].position = other + 1, index + 1
    db.session.flush()


def move_to_chapter(section: Section, chapter: Chapter, *, actor) -> None:
    """Put a section at the end of another chapter."""
    require_coordinator(actor)
    if chapter.id == section.chapter_id:
        return
    last = db.session.scalar(select(func.max(Section.position))
                             .where(Section.chapter_id == chapter.id)) or 0
    section.chapter = chapter
    section.position = last + 1
    db.session.flush()


def retire(section: Section, *, actor) -> None:
    """Leave a section out of the next editions (published ones keep it)."""
    require_coordinator(actor)
    if section.retired_at is None:
        section.retired_at = utcnow()
        db.session.flush()
        logger.info("user %s retired handbook section %s", actor.id, section.id)


def reinstate(section: Section, *, actor) -> None:
    """Bring a retired section back into the next editions."""
    require_coordinator(actor)
    section.retired_at = None
    db.session.flush()


def check_slug(slug: str, *, section: Section | None = None) -> str:
    """A valid, unused slug (lower-case ASCII words joined by hyphens)."""
    slug = slug.strip().lower()
    if not SLUG_RE.match(slug) or len(slug) > 80 or slug in RESERVED_SLUGS:
        raise DomainError(_("Use lower-case letters, digits and hyphens, such as "
                            "“first-contact”."), field="slug")
    taken = db.session.scalar(select(Section.id).where(Section.slug == slug))
    if taken is not None and (section is None or taken != section.id):
        raise DomainError(_("Another section already has this address."), field="slug")
    return slug


def create_section(chapter: Chapter, *, title: str, slug: str, body: str, summary: str = "",
                   language: str = "en", review_by: date | None = None, actor) -> Section:
    """Add a section at the end of ``chapter`` with its first revision."""
    require_coordinator(actor)
    if language not in LOCALES:
        raise DomainError(_("Unknown language."), field="language")
    slug = check_slug(slug)
    last = db.session.scalar(select(func.max(Section.position))
                             .where(Section.chapter_id == chapter.id)) or 0
    section = Section(chapter=chapter, slug=slug, language=language, review_by=review_by,
                      position=last + 1)
    db.session.add(section)
    db.session.flush()
    _add_revision(section, language, title, body, summary or _("First version"), actor)
    logger.info("user %s created handbook section %s", actor.id, section.id)
    return section


def current(section: Section, language: str | None = None) -> Revision | None:
    """The newest revision of ``section`` in ``language`` (its source language by default)."""
    return db.session.scalar(
        select(Revision).where(Revision.section_id == section.id,
                               Revision.language == (language or section.language))
        .order_by(Revision.id.desc()).limit(1))


def revisions(section: Section, language: str | None = None) -> list[Revision]:
    """The revisions of ``section`` in one language, newest first."""
    return list(db.session.scalars(
        select(Revision).where(Revision.section_id == section.id,
                               Revision.language == (language or section.language))
        .order_by(Revision.id.desc())))


def revision_of(section: Section, revision_id: int) -> Revision:
    """A revision that belongs to ``section`` (else :class:`NotFound`)."""
    revision = db.session.get(Revision, revision_id)
    if revision is None or revision.section_id != section.id:
        raise NotFound(_("No such revision of this section."))
    return revision


def save(section: Section, *, title: str, body: str, summary: str, base_revision_id: int | None,
         language: str | None = None, actor) -> Revision | None:
    """Save an edit of ``section`` in ``language`` (the source by default) as a new revision.

    ``base_revision_id`` is the revision the editor started from: when a newer one was saved
    meanwhile, :class:`EditConflict` is raised and nothing is saved. A save that changes
    nothing returns None and adds no revision. A translation records the source revision
    it was made from (the current one).
    """
    require_coordinator(actor)
    language = language or section.language
    if language not in LOCALES:
        raise DomainError(_("Unknown language."), field="language")
    title = title.strip()
    if not title:
        raise DomainError(_("A section needs a title."), field="title")
    # Two editors saving at once: the second waits here, then sees the first's revision
    # (PostgreSQL; SQLite has one writer at a time anyway).
    db.session.execute(select(Section.id).where(Section.id == section.id).with_for_update())
    latest = current(section, language)
    if latest is not None and latest.id != base_revision_id:
        raise EditConflict(latest)
    source = None
    if language != section.language:
        source = current(section)
    if latest is not None and latest.title == title and not diff.has_changes(latest.body, body) \
            and (source is None or latest.source_revision_id == source.id):
        return None
    return _add_revision(section, language, title, body, summary, actor,
                         source_revision=source)


def restore(section: Section, revision: Revision, *, actor) -> Revision | None:
    """Bring back an old revision's text as a new revision (history is never rewritten);
    None when it is already the current text."""
    require_coordinator(actor)
    latest = current(section, revision.language)
    if latest is not None and latest.title == revision.title \
            and not diff.has_changes(latest.body, revision.body):
        return None
    source = current(section) if revision.language != section.language else None
    restored = _add_revision(
        section, revision.language, revision.title, revision.body,
        _("Restored the revision of %(date)s", date=revision.created_at.date().isoformat()),
        actor, source_revision=source)
    restored.restored_from_id = revision.id
    db.session.flush()
    return restored


def _add_revision(section: Section, language: str, title: str, body: str, summary: str,
                  actor, *, source_revision: Revision | None = None) -> Revision:
    revision = Revision(section_id=section.id, language=language, title=title.strip(),
                        body=(body or "").replace("\r\n", "\n"), summary=summary.strip()[:300],
                        author_id=getattr(actor, "id", None),
                        source_revision_id=source_revision.id if source_revision else None)
    db.session.add(revision)
    db.session.flush()
    logger.info("user %s saved revision %s of handbook section %s (%s)",
                getattr(actor, "id", None), revision.id, section.id, language)
    return revision


def set_review_by(section: Section, review_by: date | None, *, actor) -> None:
    """Change when the section is next due for review."""
    require_coordinator(actor)
    section.review_by = review_by
    db.session.flush()


def translation_state(section: Section, language: str) -> dict | None:
    """A translation's current revision, whether it is outdated, and the source revisions
    to compare (``since``: the one it was made from, ``source``: the current one); None
    when the section has no translation into ``language``."""
    revision = current(section, language)
    if revision is None:
        return None
    source = current(section)
    outdated = source is not None and revision.source_revision_id != source.id
    return {"revision": revision, "outdated": outdated, "source": source,
            "since": revision.source_revision_id}


def translations(section: Section) -> dict[str, dict]:
    """Every translation of ``section``: language → :func:`translation_state`."""
    languages = db.session.scalars(
        select(Revision.language).where(Revision.section_id == section.id,
                                        Revision.language != section.language)
        .distinct())
    return {code: translation_state(section, code) for code in sorted(languages)}


def due_for_review(today: date | None = None) -> list[tuple[Section, bool]]:
    """Sections whose review-by date has passed or comes within ``REVIEW_NOTICE_DAYS``,
    soonest first, each with whether it is already overdue."""
    today = today or date.today()
    limit = today + timedelta(days=REVIEW_NOTICE_DAYS)
    sections = db.session.scalars(select(Section).where(
        Section.review_by.is_not(None), Section.review_by <= limit,
        Section.retired_at.is_(None))
        .order_by(Section.review_by, Section.id))
    return [(section, section.review_by <= today) for section in sections]


@account_export.connect
def _export(user) -> tuple[str, list]:
    """The handbook revisions a member wrote, in their data export."""
    rows = db.session.execute(
        select(Revision, Section.slug).join(Section, Section.id == Revision.section_id)
        .where(Revision.author_id == user.id).order_by(Revision.id))
    return "handbook_revisions", [
        {"section": slug, "language": revision.language, "title": revision.title,
         "summary": revision.summary, "created_at": revision.created_at.isoformat()}
        for revision, slug in rows]
