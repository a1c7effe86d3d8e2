"""Finding published practices: the list page, its feed and exports, and the JSON API all
ask :func:`find`, which runs the search service and turns its hits into practices with
facet counts, highlighted snippets and a "did you mean" suggestion.

When the index is missing or damaged the listing falls back to the database (no facets,
simpler word matching) and says so, so the page keeps working while the index is rebuilt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from flask import current_app
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from headstart.core.i18n import LOCALES, _, corridor_name, country_name, language_name
from headstart.core.markdown import plain_text
from headstart.directory.taxonomy import KINDS
from headstart.extensions import db
from headstart.practices import services, terms
from headstart.practices.models import Practice, PracticePartner
from headstart.practices.search_documents import (
    BODY_FIELDS,
    FACETS,
    other_version_texts,
    other_versions,
)
from headstart.practices.taxonomy import GCM_OBJECTIVES
from headstart.search import highlight, service
from headstart.search.base import IndexUnavailable, SearchRequest
from headstart.search.best_match import relaxable
from headstart.search.query import ParsedQuery, parse

#: Page parameter → facet name (SPEC §7 names the parameters).
PARAMETERS = {"country": "country", "corridor": "corridor", "phase": "phase",
              "theme": "theme", "target": "target", "lang": "language", "year": "year",
              "org_kind": "org_kind", "gcm": "gcm"}
FACET_PARAMETER = {facet: parameter for parameter, facet in PARAMETERS.items()}
SORTS = ("relevance", "newest")
MAX_PAGE = 10_000
#: Facets that take several values at once (``gcm=3,16``): a practice must have each.
MULTI_VALUED = ("gcm",)
#: "Did you mean" is looked for when a search finds fewer practices than this.
SUGGEST_BELOW = 3


@dataclass
class FacetValue:
    """One value of a facet with how many of the current hits have it."""

    value: str
    label: str
    count: int
    selected: bool = False
    #: What the facet's parameter becomes when the value's link is followed ("": the
    #: filter is removed): the value itself, or, for a multi-valued facet, the current
    #: values with this one added or taken away.
    link: str = ""


@dataclass
class Listing:
    """One page of practices and everything the page shows about the search."""

    practices: list[Practice]
    total: int
    page: int
    per_page: int
    query: ParsedQuery
    sort: str
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    snippets: dict[int, Markup] = field(default_factory=dict)
    #: Languages of the snippets taken from another language version of the practice
    #: (the words were found there, not in the version shown), by practice id.
    snippet_languages: dict[int, str] = field(default_factory=dict)
    titles: dict[int, Markup] = field(default_factory=dict)
    suggestion: str | None = None
    #: The index could not answer: the page shows database results and says so.
    degraded: bool = False
    #: Best match: practices holding most of the words follow the ``complete`` ones that
    #: hold them all; ``missing`` names, by practice id, the words each one lacks.
    relaxed: bool = False
    complete: int = 0
    missing: dict[int, tuple[str, ...]] = field(default_factory=dict)

    @property
    def could_relax(self) -> bool:
        """Whether best match can add anything to this query (two or more items)."""
        return any(relaxable(clause) for clause in self.query.clauses)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def clean_filters(args) -> dict:
    """The search parameters of a request (``request.args``), bounded and normalised;
    unknown or malformed values are dropped rather than refused."""
    year = str(args.get("year", "")).strip()
    corridor = str(args.get("corridor", "")).strip().upper()
    corridor_ok = (len(corridor) == 5 and corridor[2] == "-" and corridor.replace("-", "")
                   .isascii() and corridor.replace("-", "").isalpha())
    sort = args.get("sort", "")
    return {
        "q": str(args.get("q", "")).strip()[:500],
        "country": str(args.get("country", "")).strip().upper()[:2],
        "corridor": corridor if corridor_ok else "",
        "phase": str(args.get("phase", "")).strip()[:40],
        "theme": str(args.get("theme", "")).strip()[:40],
        "target": str(args.get("target", "")).strip()[:40],
        "lang": str(args.get("lang", "")).strip()[:8],
        "year": year if year.isascii() and year.isdigit() and 1900 <= int(year) <= 2100
        else "",
        "org_kind": str(args.get("org_kind", "")).strip()[:40],
        "gcm": ",".join(gcm_values(args)),
        "sort": sort if sort in SORTS else "",
        #: Only practices holding every word (no best match).
        "all_words": "1" if str(args.get("all_words", "")).strip().lower() in {
            "1", "true", "on", "yes"} else "",
    }


def gcm_values(args) -> list[str]:
    """The objective numbers asked for, repeated (``gcm=3&gcm=16``) or comma-separated
    (``gcm=3,16``), as canonical numbers in order; anything that is not an objective's
    number is dropped."""
    raw = args.getlist("gcm") if hasattr(args, "getlist") else [args.get("gcm", "")]
    return [str(n) for n in sorted({int(v) for v in raw_gcm_values(raw)
                                    if is_gcm_number(v)})]


def is_gcm_number(value: str) -> bool:
    """Whether ``value`` is the number of one of the 23 objectives ("3", "03")."""
    return (value.isascii() and value.isdigit() and len(value) <= 4
            and int(value) in GCM_OBJECTIVES)


def raw_gcm_values(raw) -> list[str]:
    """The comma-separated items of ``gcm`` parameters, stripped, blanks left out (the API
    checks each; the pages keep the valid ones)."""
    return [item.strip() for value in raw[:23] for item in str(value or "").split(",")[:23]
            if item.strip()]


def selected_values(facet: str, value: str) -> tuple[str, ...]:
    """The values of a filter: several for a multi-valued facet, else the one."""
    if not value:
        return ()
    return tuple(value.split(",")) if facet in MULTI_VALUED else (value,)


def active_filters(filters: dict) -> dict[str, str]:
    """The facet filters in effect, by facet name."""
    return {PARAMETERS[p]: filters[p] for p in PARAMETERS if filters.get(p)}


def facet_label(facet: str, value: str) -> str:
    """A facet value as readers see it."""
    if facet == "country":
        return country_name(value)
    if facet == "corridor":
        origin, _sep, destination = value.partition("-")
        return corridor_name(origin, destination)
    if facet in ("phase", "theme", "target"):
        return terms.label(facet, value)
    if facet == "language":
        return language_name(value)
    if facet == "org_kind":
        return str(KINDS.get(value, value))
    if facet == "gcm":
        objective = GCM_OBJECTIVES.get(int(value)) if value.isdigit() else None
        return (_("Objective %(number)s: %(name)s", number=value, name=objective)
                if objective else value)
    return value


def _request(filters: dict, reader: str, page: int, per_page: int,
             facets: tuple[str, ...], best_match: bool = False) -> SearchRequest:
    parsed = parse(filters["q"])
    wanted: dict = {name: (selected_values(name, value) if name in MULTI_VALUED else value)
                    for name, value in active_filters(filters).items()}
    if "language" not in wanted:
        # One version per translation group: the reader's language where it exists.
        wanted["reader"] = reader if reader in LOCALES else "en"
    sort = filters["sort"] or ("newest" if parsed.empty else "relevance")
    return SearchRequest(query=parsed, area="practice", filters=wanted, facets=facets,
                         sort=sort, page=page, per_page=per_page,
                         all_words=not best_match or bool(filters.get("all_words")))


def find(filters: dict, *, reader: str, page: int = 1, per_page: int = 20,
         with_facets: bool = True, with_snippets: bool = True,
         with_partners: bool = False, best_match: bool = False) -> Listing:
    """One page of published practices matching ``filters`` (from :func:`clean_filters`);
    ``with_partners`` loads their partner organisations too (exports show them).

    ``best_match`` (the list page and the API; not feeds, exports or saved searches, which
    promise practices matching the search): unless ``filters["all_words"]`` is set, when
    fewer than a page of practices hold every word, those holding most of them follow
    (``search.best_match``); facets then count both."""
    page = min(max(page, 1), MAX_PAGE)
    search = _request(filters, reader, page, per_page, FACETS if with_facets else (),
                      best_match)
    try:
        result = service.search(search)
    except IndexUnavailable:
        service.repair_soon()
        return _from_database(filters, search, reader)
    loaded = _load([hit.object_id for hit in result.hits], with_partners=with_partners)
    practices = [loaded[hit.object_id] for hit in result.hits if hit.object_id in loaded]
    listing = Listing(practices, result.total, page, per_page, search.query, search.sort,
                      relaxed=result.relaxed, complete=_complete(result),
                      missing={hit.object_id: hit.missing for hit in result.hits
                               if hit.missing})
    selected = active_filters(filters)
    for name in search.facets:
        chosen = selected_values(name, selected.get(name, ""))
        values = [_facet_value(name, value, count, chosen)
                  for value, count in result.facets.get(name, [])]
        shown = {v.value for v in values}
        # A chosen value that no hit has (nothing found) stays shown, so it can be removed.
        values[:0] = [_facet_value(name, value, 0, chosen) for value in chosen
                      if value not in shown]
        listing.facets[name] = values
    if with_snippets and not search.query.empty:
        _highlight(listing)
    # A misspelt word found its close spellings: the heading still offers the correction.
    if (_complete(result) < SUGGEST_BELOW or search.query.fuzzed) and search.query.words():
        listing.suggestion = service.suggest(search)
    return listing


def _facet_value(name: str, value: str, count: int, chosen: tuple[str, ...]) -> FacetValue:
    """A facet value and where its link leads: a single-valued facet's link sets the value
    (or removes it when chosen); a multi-valued facet's link adds it to the chosen values
    or takes it away from them."""
    selected = value in chosen
    if name not in MULTI_VALUED:
        link = "" if selected else value
    else:
        kept = set(chosen) - {value} if selected else set(chosen) | {value}
        link = ",".join(sorted(kept, key=lambda v: (len(v), v)))
    return FacetValue(value, facet_label(name, value), count, selected, link)


def _complete(result) -> int:
    """How many hits hold every word."""
    return result.total if result.complete is None else result.complete


def _load(ids: list[int], *, with_partners: bool = False) -> dict[int, Practice]:
    """Published practices by id, with everything a list or export shows loaded in a few
    statements (not one per practice)."""
    if not ids:
        return {}
    options = [selectinload(Practice.terms), selectinload(Practice.countries),
               selectinload(Practice.lead_organisation)]
    if with_partners:
        options.append(selectinload(Practice.partners).selectinload(PracticePartner.organisation))
    rows = db.session.scalars(select(Practice).where(
        Practice.id.in_(ids), Practice.status == "published").options(*options))
    return {p.id: p for p in rows}


def _highlight(listing: Listing) -> None:
    forms = listing.query.highlight_forms()
    missed: list[Practice] = []
    for practice in listing.practices:
        title = highlight.snippet(practice.title, forms, practice.language, size=1000)
        if title is not None:
            listing.titles[practice.id] = title
        texts = (plain_text(getattr(practice, name), 20_000)
                 for name in ("summary", *BODY_FIELDS))  # made only until one matches
        found = highlight.best_snippet(texts, forms, practice.language)
        if found is not None:
            listing.snippets[practice.id] = found
        else:
            missed.append(practice)
    # Found through another language version: the snippet comes from there, labelled.
    others = other_versions(missed)
    for practice in missed:
        for language, text in other_version_texts(others.get(practice.id, [])):
            found = highlight.snippet(text, forms, language)
            if found is not None:
                listing.snippets[practice.id] = found
                listing.snippet_languages[practice.id] = language
                break


def _from_database(filters: dict, search: SearchRequest, reader: str) -> Listing:
    current_app.logger.warning("search index unavailable: listing practices from the database")
    values = {k: filters[k] for k in ("q", "country", "corridor", "phase", "theme", "target",
                                      "lang", "org_kind")}
    values["gcm"] = selected_values("gcm", filters.get("gcm", ""))
    practices, total = services.list_published(
        **values, year=int(filters["year"]) if filters["year"] else None,
        sort="newest", reader_language=reader, page=search.page, per_page=search.per_page)
    return Listing(practices, total, search.page, search.per_page, search.query, "newest",
                   degraded=True)
