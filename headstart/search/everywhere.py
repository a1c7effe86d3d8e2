"""The one search box over every area (SPEC §3): practices, organisations, and the forum
and handbook as they arrive. Hits of all areas are ranked together; the areas with their
counts narrow the search to one."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import Markup

from headstart.core.i18n import LOCALES
from headstart.search import best_match, highlight, service
from headstart.search.base import IndexUnavailable, SearchRequest
from headstart.search.query import ParsedQuery, parse

MAX_PAGE = 500
#: "Did you mean" is looked for when a search finds fewer results than this.
SUGGEST_BELOW = 3


@dataclass
class Found:
    """One hit as the results page shows it."""

    area: str
    object_id: int
    title: str
    url: str
    language: str
    snippet: Markup | str
    #: The title with the searched words marked.
    marked_title: Markup | str = ""
    #: Best match: the words (or "phrases") of the query this hit lacks.
    missing: tuple[str, ...] = ()
    #: The language of the snippet when it comes from another language version of the
    #: record than the one shown (the words were found there); empty otherwise.
    snippet_language: str = ""


@dataclass
class AreaCount:
    area: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Everywhere:
    query: ParsedQuery
    area: str | None
    page: int
    per_page: int
    total: int = 0
    results: list[Found] = field(default_factory=list)
    areas: list[AreaCount] = field(default_factory=list)
    suggestion: str | None = None
    #: The index could not answer (it is being rebuilt).
    unavailable: bool = False
    #: Best match: hits holding most of the words follow the ``complete`` ones that hold
    #: them all (``search.best_match``).
    relaxed: bool = False
    complete: int = 0
    #: The reader asked for hits holding every word only.
    all_words: bool = False

    @property
    def could_relax(self) -> bool:
        """Whether best match can add anything to this query (two or more items)."""
        return any(best_match.relaxable(clause) for clause in self.query.clauses)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def areas() -> dict[str, str]:
    """Searchable areas and their names, in registration order."""
    return {name: str(p.label or name) for name, p in service.PROVIDERS.items()}


def search(q: str, *, area: str | None = None, page: int = 1, per_page: int = 20,
           reader: str = "en", audiences: tuple[str, ...] = ("public",),
           all_words: bool = False) -> Everywhere:
    """Search every area (or one); an empty query finds nothing. Unless ``all_words``,
    hits holding most of the words follow when fewer than a page hold them all."""
    parsed = parse(q)
    area = area if area in service.PROVIDERS else None
    page = min(max(page, 1), MAX_PAGE)
    found = Everywhere(parsed, area, page, per_page, all_words=all_words)
    if parsed.empty:
        return found
    request = SearchRequest(query=parsed, area=area, facets=("area",),
                            filters={"reader": reader if reader in LOCALES else "en"},
                            page=page, per_page=per_page, audiences=audiences,
                            all_words=all_words)
    try:
        result = service.search(request)
        if area is not None:
            # Counts per area ignore the chosen area, so the others stay reachable.
            everywhere = SearchRequest(query=parsed, facets=("area",), filters=request.filters,
                                       per_page=per_page, audiences=audiences,
                                       all_words=all_words)
            counts = dict(service.search(everywhere).facets.get("area", []))
            # Best match is decided per search: the chosen area counts what it shows.
            counts[area] = result.total
        else:
            counts = dict(result.facets.get("area", []))
    except IndexUnavailable:
        service.repair_soon()
        found.unavailable = True
        return found
    found.total = result.total
    found.relaxed = result.relaxed
    found.complete = result.total if result.complete is None else result.complete
    found.areas = [AreaCount(name, label, counts.get(name, 0), name == area)
                   for name, label in areas().items()]
    by_area: dict[str, list[int]] = {}
    for hit in result.hits:
        by_area.setdefault(hit.area, []).append(hit.object_id)
    shown = {}
    for name, ids in by_area.items():
        provider = service.PROVIDERS.get(name)
        if provider is not None and provider.show is not None:
            shown[name] = provider.show(ids)
    forms = parsed.highlight_forms()
    for hit in result.hits:
        item = shown.get(hit.area, {}).get(hit.object_id)
        if item is None or item.audience not in audiences:
            continue  # gone, or no longer readable by this reader since it was indexed
        language = item.language or "en"
        marked = highlight.best_snippet(item.texts, forms, language)
        snippet_language = ""
        if marked is None:
            marked, snippet_language = _other_version_snippet(item.other_texts, forms)
        title = highlight.snippet(item.title, forms, language, size=1000)
        found.results.append(Found(hit.area, hit.object_id, item.title, item.url,
                                   item.language, marked or item.summary,
                                   title or item.title, hit.missing, snippet_language))
    # A misspelt word found its close spellings: the heading still offers the correction.
    if (found.complete < SUGGEST_BELOW or parsed.fuzzed) and parsed.words():
        found.suggestion = service.suggest(request)
    return found


def _other_version_snippet(texts, forms: frozenset[str]) -> tuple[Markup | None, str]:
    """The snippet of the first other language version that holds the words, and its
    language (the reader sees their version, and where the words were found)."""
    for language, text in texts:
        marked = highlight.snippet(text, forms, language)
        if marked is not None:
            return marked, language
    return None, ""
