"""Tables of the search machinery: the queue of documents to re-index (every backend),
the documents, facets and vocabulary of the PostgreSQL backend, and the searches that
found nothing."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from headstart.core.models import UTCDateTime, utcnow
from headstart.extensions import db

#: A tsvector on PostgreSQL; plain text elsewhere (the table is only used on PostgreSQL).
TSV = Text().with_variant(TSVECTOR(), "postgresql")


class SearchQueue(db.Model):
    """A document whose index entry must be refreshed, written in the same transaction as
    the change: a rolled-back change leaves no row, a committed one is never forgotten."""

    __tablename__ = "search_queue"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SearchDocumentRow(db.Model):
    """A document of the PostgreSQL backend."""

    __tablename__ = "search_documents"
    __table_args__ = (Index("ix_search_documents_tsv", "tsv", postgresql_using="gin"),)

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    area: Mapped[str] = mapped_column(String(20), index=True)
    object_id: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(8))
    audience: Mapped[str] = mapped_column(String(20))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    tsv: Mapped[str] = mapped_column(TSV)


class SearchFacet(db.Model):
    """A facet value of a document of the PostgreSQL backend."""

    __tablename__ = "search_facets"
    __table_args__ = (Index("ix_search_facets_lookup", "name", "value", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), index=True)
    name: Mapped[str] = mapped_column(String(30))
    value: Mapped[str] = mapped_column(String(100))


class SearchWord(db.Model):
    """Words ever indexed by the PostgreSQL backend (for "did you mean")."""

    __tablename__ = "search_words"

    word: Mapped[str] = mapped_column(String(40), primary_key=True)
    documents: Mapped[int] = mapped_column(Integer, default=0)


class SearchMiss(db.Model):
    """A search that found nothing, counted per day (see :mod:`headstart.search.misses`).

    Deliberately without any user id, address, IP or session: what was asked, where and in
    which interface language, never by whom."""

    __tablename__ = "search_misses"
    __table_args__ = (UniqueConstraint("day", "digest", name="uq_search_misses_day_digest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The UTC day of the searches.
    day: Mapped[date] = mapped_column(Date, index=True)
    #: The query as typed, trimmed, whitespace collapsed and bounded.
    query: Mapped[str] = mapped_column(String(200))
    #: The area searched (``practice``, ``forum``…); empty for every area at once.
    area: Mapped[str] = mapped_column(String(20), default="")
    #: The reader's interface language.
    language: Mapped[str] = mapped_column(String(8))
    #: The other filters used, as JSON with sorted keys (``{}`` for none).
    filters: Mapped[str] = mapped_column(String(500), default="{}")
    #: How many results the search found (0: only empty searches are kept).
    results: Mapped[int] = mapped_column(Integer, default=0)
    #: How many times this same search found nothing on this day.
    times: Mapped[int] = mapped_column(Integer, default=1)
    #: SHA-256 of query, area, language and filters: one row per distinct miss and day.
    digest: Mapped[str] = mapped_column(String(64))

    def __repr__(self) -> str:
        return f"<SearchMiss {self.day} {self.query!r} ×{self.times}>"
