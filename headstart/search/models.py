"""Tables of the search machinery: the queue of documents to re-index (every backend), and
the documents, facets and vocabulary of the PostgreSQL backend."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
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
