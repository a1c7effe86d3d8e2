"""The handbook (SPEC §5): chapters, sections, their revisions (drafts and translations) and
published editions, each a frozen copy of every section's text.

How the pieces fit:

- A :class:`Section` belongs to a :class:`Chapter` and is written in its source language.
  Its text lives only in :class:`Revision` rows: every save adds one (never updated), so
  the newest revision in a language is the current draft in that language.
- A translation is a revision in another language that names the source revision it was
  made from (``source_revision_id``); it is *outdated* while the section has a newer
  source revision.
- Publishing makes an :class:`Edition` and copies, for every section, the current source
  text and every up-to-date translation into :class:`EditionText` rows. Editions freeze
  translations too: a translation that was outdated at publishing time is not in the
  edition, and readers of that language get the source with a notice. Nothing ever
  changes an edition's texts, so a published edition reads the same forever.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from headstart.core.models import UTCDateTime, utcnow
from headstart.extensions import db


class Chapter(db.Model):
    """A chapter of the handbook, in reading order."""

    __tablename__ = "handbook_chapters"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The chapter title in the handbook's source language.
    title: Mapped[str] = mapped_column(String(200))
    #: The title in other languages, ``{language: title}``.
    titles: Mapped[dict] = mapped_column(JSON, default=dict)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    sections: Mapped[list[Section]] = relationship(
        back_populates="chapter", order_by="Section.position")

    def __repr__(self) -> str:
        return f"<Chapter {self.id} {self.title!r}>"


class Section(db.Model):
    """A section of a chapter. Its title and text are in its revisions."""

    __tablename__ = "handbook_sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    chapter_id: Mapped[int] = mapped_column(
        ForeignKey("handbook_chapters.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: Part of the section's address in an edition (unique, ASCII).
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    #: The language the section is written in; other languages are translations.
    language: Mapped[str] = mapped_column(String(8), default="en")
    #: When a coordinator should next check the section is still right (SPEC §5).
    review_by: Mapped[date | None] = mapped_column(Date)
    #: Set when a coordinator takes the section out of future editions (older editions
    #: keep it; its revisions stay).
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    chapter: Mapped[Chapter] = relationship(back_populates="sections")
    revisions: Mapped[list[Revision]] = relationship(
        back_populates="section", order_by="Revision.id", cascade="all, delete-orphan",
        passive_deletes=True, foreign_keys="Revision.section_id")

    def __repr__(self) -> str:
        return f"<Section {self.id} {self.slug}>"


class Revision(db.Model):
    """One saved version of a section's title and text in one language (never changed)."""

    __tablename__ = "handbook_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("handbook_sections.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    #: The editor's change summary.
    summary: Mapped[str] = mapped_column(String(300), default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: For a translation: the source-language revision it was translated from.
    source_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("handbook_revisions.id", ondelete="SET NULL"))
    #: Set when this revision brought back an older one's text.
    restored_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("handbook_revisions.id", ondelete="SET NULL"))

    section: Mapped[Section] = relationship(back_populates="revisions",
                                            foreign_keys=[section_id])
    author = relationship("User", foreign_keys=[author_id])
    source_revision: Mapped[Revision | None] = relationship(
        remote_side="Revision.id", foreign_keys=[source_revision_id])

    def __repr__(self) -> str:
        return f"<Revision {self.id} of section {self.section_id} ({self.language})>"


class Edition(db.Model):
    """A published, numbered snapshot of the whole handbook."""

    __tablename__ = "handbook_editions"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    release_notes: Mapped[str] = mapped_column(Text, default="")
    published_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    #: Set when a newer edition is published (its texts leave the search index).
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Translated chapter titles as published, by chapter position (from 1) as a string:
    #: ``{"1": {"cs": "…"}}``.
    chapter_titles: Mapped[dict] = mapped_column(JSON, default=dict)

    texts: Mapped[list[EditionText]] = relationship(
        back_populates="edition", order_by="(EditionText.chapter_position, "
        "EditionText.position, EditionText.id)", cascade="all, delete-orphan",
        passive_deletes=True)
    published_by = relationship("User", foreign_keys=[published_by_id])

    def __search_keys__(self) -> list[str]:
        """A new edition's texts are indexed, a superseded one's removed."""
        return [f"handbook:{text.id}" for text in self.texts if text.id is not None]

    def __repr__(self) -> str:
        return f"<Edition {self.number}>"


class EditionText(db.Model):
    """A section's frozen text in one language within an edition."""

    __tablename__ = "handbook_edition_texts"
    __table_args__ = (UniqueConstraint("edition_id", "section_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(
        ForeignKey("handbook_editions.id", ondelete="CASCADE"), index=True)
    #: The section (kept as a plain number: an edition outlives a deleted section).
    section_id: Mapped[int] = mapped_column(Integer, index=True)
    revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("handbook_revisions.id", ondelete="SET NULL"))
    language: Mapped[str] = mapped_column(String(8))
    #: The section's source text (else a translation of it).
    is_source: Mapped[bool] = mapped_column(Boolean, default=True)
    chapter_title: Mapped[str] = mapped_column(String(200))
    chapter_position: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    slug: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")

    edition: Mapped[Edition] = relationship(back_populates="texts")

    def __search_keys__(self) -> list[str]:
        """Each frozen text is one search document (while its edition is the latest)."""
        return [f"handbook:{self.id}"]

    def __repr__(self) -> str:
        return f"<EditionText {self.slug} ({self.language}) of edition {self.edition_id}>"
