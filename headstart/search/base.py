"""What flows between the search service and its backends."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from headstart.search.query import ParsedQuery


@dataclass
class SearchDocument:
    """One searchable thing (a practice, an organisation, a forum post, …) as indexed."""

    key: str  # "practice:12"
    area: str  # "practice"
    object_id: int
    language: str
    title: str
    summary: str = ""
    body: str = ""
    #: Facet values by facet name; several values allowed (themes, countries, …).
    facets: dict[str, list[str]] = field(default_factory=dict)
    published_at: datetime | None = None
    #: "public", or "members" for things only signed-in members may find.
    audience: str = "public"
    #: The record's other language versions as ``(language, text)``: a translation group
    #: is one result, found through any of its versions. They are indexed with the body,
    #: each analysed in its own language (:func:`part_texts`).
    versions: list[tuple[str, str]] = field(default_factory=list)


def part_texts(document: SearchDocument, part: str) -> list[tuple[str, str]]:
    """The ``(text, language)`` pieces of one indexed part of ``document``: its own text,
    and for the body the texts of its other language versions."""
    pieces = [(getattr(document, part), document.language)]
    if part == "body":
        pieces += [(text, language) for language, text in document.versions]
    return pieces


@dataclass
class SearchRequest:
    """A search in one area (or every area when ``area`` is None)."""

    query: ParsedQuery
    area: str | None = None
    #: Facet filters: every given value must be present (AND across and within facets);
    #: a tuple of values asks for each of them (several GCM objectives).
    filters: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    #: Facets to count over the hits.
    facets: tuple[str, ...] = ()
    sort: str = "relevance"  # or "newest"
    page: int = 1
    per_page: int = 20
    #: Audiences the searcher may see ("public"; members add "members").
    audiences: tuple[str, ...] = ("public",)
    #: True: only documents holding every word (the strict search). False ("best match",
    #: see ``search.best_match``): when fewer than ``per_page`` documents hold every word,
    #: those holding most of them follow.
    all_words: bool = True


@dataclass
class Hit:
    """One result: which document, and how well it matched."""

    key: str
    area: str
    object_id: int
    score: float = 0.0
    #: Query items (words as typed, phrases in quotes) this document lacks: empty unless
    #: it is a best-match hit that holds only most of the words.
    missing: tuple[str, ...] = ()


@dataclass
class SearchResult:
    """Hits of the asked page, the total, and facet counts over all hits."""

    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    #: Best match was applied: ``total`` and the facets also count documents holding only
    #: most of the words, which follow the ``complete`` documents that hold them all.
    relaxed: bool = False
    #: How many documents hold every word (equals ``total`` unless ``relaxed``).
    complete: int | None = None


class IndexUnavailable(Exception):
    """The index is missing or damaged; the caller falls back and reports it."""


class Backend(Protocol):
    """What every search backend offers."""

    name: str

    def update(self, documents: list[SearchDocument], deleted: list[str]) -> None:
        """Add or replace ``documents`` and remove the ``deleted`` keys, atomically."""

    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search."""

    def keys(self) -> set[str]:
        """Keys of every document in the index (for ``search reconcile``)."""

    def vocabulary_near(self, word: str) -> list[tuple[str, int]]:
        """Indexed words close to ``word`` (for "did you mean"), with how common they are."""

    def clear(self) -> None:
        """Remove every document (before a rebuild)."""

    def status(self) -> dict:
        """``{"status": "ok" | "missing" | "corrupt", "documents": n}``."""

    def generation(self) -> int | None:
        """What changes whenever what searches find changes, for the keys of kept pages
        (None: the index is unavailable, keep no page)."""


def filter_values(value: str | tuple[str, ...] | list[str]) -> list[str]:
    """The values one filter asks for: each must be present."""
    return [str(v) for v in value] if isinstance(value, (tuple, list)) else [str(value)]
