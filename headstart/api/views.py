"""``/api/v1/``: practices (list with facets, detail), organisations (list, profile,
suggested counterparts) and the global search, open for
reading by anyone, from any origin (CORS for GET). Errors are JSON
``{"error": {"code", "message"}}`` with the HTTP status.

Parameters are checked strictly here (a malformed value is a 400 naming the parameter),
unlike the HTML pages, which quietly drop what they cannot use.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import BadRequest

from headstart.api.openapi import document as openapi_document
from headstart.core.errors import render_error
from headstart.core.i18n import LOCALES, current_locale_code
from headstart.core.mail import base_url, external_url, origin
from headstart.core.markdown import plain_text
from headstart.directory import finder, links
from headstart.directory import services as directory
from headstart.directory.models import Organisation
from headstart.directory.taxonomy import KINDS, LANGUAGES_SERVED, SERVICES, SIDES
from headstart.extensions import csrf, db
from headstart.practices import feeds, listing, services
from headstart.practices.models import Practice
from headstart.practices.views import practice_external_url
from headstart.search import everywhere, misses
from headstart.search.base import IndexUnavailable

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)

MAX_PER_PAGE = 100


class InvalidParameter(BadRequest):
    """A query parameter the API cannot use."""

    def __init__(self, name: str, explanation: str):
        super().__init__(f"Parameter '{name}': {explanation}")


@bp.errorhandler(InvalidParameter)
def invalid_parameter(error: InvalidParameter):
    return render_error(400, error.description)


@bp.after_app_request
def cors(response: Response) -> Response:
    """Anyone may read the API from a web page on another site (no cookies involved)."""
    if not request.path.startswith(bp.url_prefix + "/"):
        return response
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Accept, Accept-Language, Content-Type"
    response.headers["Access-Control-Max-Age"] = "86400"
    response.headers.setdefault("Cache-Control", "public, max-age=60")
    response.vary.add("Accept-Language")
    return response


def _int(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
        raise InvalidParameter(name, f"a whole number from {low} to {high} is expected.")
    return int(raw)


def _flag(name: str) -> bool:
    """A yes/no parameter: 1/true/yes/on or 0/false/no/off (or left out: no)."""
    raw = request.args.get(name, "").strip().lower()
    if raw in {"", "0", "false", "no", "off"}:
        return False
    if raw in {"1", "true", "yes", "on"}:
        return True
    raise InvalidParameter(name, "1 or 0 is expected.")


def _practice_filters() -> dict:
    """The practice search parameters, refused with a 400 when malformed."""
    filters = listing.clean_filters(request.args)
    for name in ("year", "corridor", "sort"):
        if request.args.get(name) and not filters[name]:
            expected = {"year": "a year such as 2021.",
                        "corridor": "origin and destination country codes as XX-YY.",
                        "sort": f"one of {', '.join(listing.SORTS)}."}[name]
            raise InvalidParameter(name, expected)
    country = request.args.get("country", "")
    if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise InvalidParameter("country", "a two-letter ISO 3166 code is expected.")
    language = request.args.get("lang", "")
    if language and language not in LOCALES:
        raise InvalidParameter("lang", f"one of {', '.join(LOCALES)}.")
    if len(request.args.get("q", "")) > 500:
        raise InvalidParameter("q", "at most 500 characters.")
    wrong = [v for v in listing.raw_gcm_values(request.args.getlist("gcm"))
             if not listing.is_gcm_number(v)]
    if wrong:
        raise InvalidParameter("gcm", "Global Compact for Migration objective numbers from 1 "
                               "to 23 are expected, one or several (gcm=3,16 or gcm=3&gcm=16).")
    filters["all_words"] = "1" if _flag("all_words") else ""
    return filters


def _paging(default_per_page: int = 20) -> tuple[int, int]:
    return (_int("page", 1, 1, listing.MAX_PAGE),
            _int("per_page", default_per_page, 1, MAX_PER_PAGE))


@bp.route("/practices")
def practices():
    """Published practices matching the search, with facet counts."""
    filters = _practice_filters()
    page, per_page = _paging()
    found = listing.find(filters, reader=current_locale_code(), page=page, per_page=per_page,
                         best_match=True)
    if not found.degraded:
        misses.record(filters.get("q", ""), results=found.total,
                      language=current_locale_code(), area="practice", page=page,
                      filters={key: filters.get(key) for key in listing.PARAMETERS})
    results = []
    for practice in found.practices:
        snippet = found.snippets.get(practice.id)
        results.append({
            "id": practice.id,
            "title": practice.title,
            "summary": plain_text(practice.summary, 10_000),
            "url": practice_external_url(practice),
            "country": practice.country_codes("implementation"),
            "phase": practice.phase or None,
            "themes": practice.codes("theme"),
            "target_groups": practice.codes("target"),
            "gcm_objectives": sorted(int(c) for c in practice.codes("gcm") if c.isdigit()),
            "language": practice.language,
            "snippet": str(snippet) if snippet is not None else None,
        })
        if found.missing.get(practice.id):
            results[-1]["missing"] = list(found.missing[practice.id])
    body = {
        "total": found.total, "page": found.page, "per_page": found.per_page,
        "results": results,
        "facets": {listing.FACET_PARAMETER[name]: [
            {"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in found.facets.items()},
        "suggestion": found.suggestion,
    }
    if found.relaxed:
        body["relaxed"], body["complete"] = True, found.complete
    if found.degraded:
        body["notice"] = "The search index is being rebuilt; results come from a simple listing."
    return jsonify(body)


@bp.route("/practices/<int:practice_id>")
def practice(practice_id: int):
    """One published practice with every section (no contact details)."""
    found = db.session.get(Practice, practice_id)
    if found is None or found.status != "published":
        return render_error(404, "No published practice has this id.")
    record = feeds.record(found, practice_external_url(found))
    record["translations"] = [
        {"id": other.id, "language": other.language, "url": practice_external_url(other)}
        for other in services.translations_of(found)]
    return jsonify(record)


@bp.route("/search")
def search():
    """Every area at once: practices, organisations, and more as they arrive."""
    q = request.args.get("q", "")
    if not q.strip():
        raise InvalidParameter("q", "words to search for are required.")
    if len(q) > 500:
        raise InvalidParameter("q", "at most 500 characters.")
    area = request.args.get("area") or None
    if area is not None and area not in everywhere.areas():
        raise InvalidParameter("area", f"one of {', '.join(everywhere.areas())}.")
    page, per_page = _paging()
    all_words = _flag("all_words")
    found = everywhere.search(q, area=area, page=page, per_page=per_page,
                              reader=current_locale_code(), all_words=all_words)
    if found.unavailable:
        raise IndexUnavailable("search is being rebuilt")
    misses.record(q, results=found.total, language=current_locale_code(), area=found.area,
                  page=page)
    results = []
    for r in found.results:
        results.append({"area": r.area, "id": r.object_id, "title": str(r.title),
                        "url": origin() + r.url, "language": r.language or None,
                        "snippet": str(r.snippet)})
        if r.missing:
            results[-1]["missing"] = list(r.missing)
    body = {
        "total": found.total, "page": found.page, "per_page": found.per_page,
        "results": results,
        "facets": {"area": [{"value": a.area, "label": a.label, "count": a.count}
                            for a in found.areas]},
        "suggestion": found.suggestion,
    }
    if found.relaxed:
        body["relaxed"], body["complete"] = True, found.complete
    return jsonify(body)


# --- organisations ----------------------------------------------------------------------

def _organisation_summary(organisation) -> dict:
    return {
        "id": organisation.id, "name": organisation.name,
        "acronym": organisation.acronym or None, "kind": organisation.kind,
        "side": organisation.side, "country": organisation.country,
        "city": organisation.city or None, "website": organisation.website or None,
        "services": organisation.services, "languages": organisation.languages,
        "corridors": organisation.corridors, "verified": bool(organisation.verified),
        "url": external_url("directory.detail", organisation_id=organisation.id),
    }


_CORRIDOR_SHAPE = re.compile(r"^[A-Za-z]{2}-[A-Za-z]{2}$")


def _organisation_filters() -> dict:
    """The directory filters, refused with a 400 when malformed."""
    filters = {"country": None, "side": None, "kind": None, "service": None,
               "language": None, "corridor": None}
    country = request.args.get("country", "")
    if country:
        if not (len(country) == 2 and country.isascii() and country.isalpha()):
            raise InvalidParameter("country", "a two-letter ISO 3166 code is expected.")
        filters["country"] = country.upper()
    for name, known in (("side", SIDES), ("kind", KINDS), ("service", SERVICES),
                        ("language", LANGUAGES_SERVED)):
        value = request.args.get(name, "")
        if value:
            if value not in known:
                raise InvalidParameter(name, f"one of {', '.join(known)}.")
            filters[name] = value
    corridor = request.args.get("corridor", "")
    if corridor:
        if not _CORRIDOR_SHAPE.match(corridor):
            raise InvalidParameter("corridor", "origin and destination country codes as "
                                               "XX-YY.")
        filters["corridor"] = corridor.upper()  # an unknown corridor finds nothing
    return filters


def _live_organisation(organisation_id: int):
    found = db.session.get(Organisation, organisation_id)
    if found is None or found.merged_into_id is not None:
        return None
    return found


@bp.route("/organisations")
def organisations():
    """Organisations in the directory, filtered, by name (no personal contact details)."""
    filters = _organisation_filters()
    page, per_page = _paging(50)
    found = directory.list_organisations(**filters)
    shown = found[(page - 1) * per_page: page * per_page]
    return jsonify({"total": len(found), "page": page, "per_page": per_page,
                    "results": [_organisation_summary(o) for o in shown]})


@bp.route("/organisations/<int:organisation_id>")
def organisation(organisation_id: int):
    """One organisation: its profile, accepted links and published practices."""
    found = _live_organisation(organisation_id)
    if found is None:
        return render_error(404, "No organisation has this id.")
    body = _organisation_summary(found)
    body["description"] = found.description or ""
    body["links"] = [
        {"organisation": {"id": other.id, "name": other.name},
         "corridor": link.corridor, "services": link.services,
         "since": link.accepted_at.isoformat() if link.accepted_at else None}
        for link in links.links_of(found)
        for other in [link.other_side(found.id)]]
    body["practices"] = [{"id": p.id, "title": p.title, "url": practice_external_url(p)}
                         for p in directory.published_practices(found)]
    return jsonify(body)


@bp.route("/organisations/<int:organisation_id>/counterparts")
def counterparts(organisation_id: int):
    """Organisations suggested as counterparts, best first, with the reasons in words (in
    the reader's language) and as codes."""
    found = _live_organisation(organisation_id)
    if found is None:
        return render_error(404, "No organisation has this id.")
    page, per_page = _paging()
    suggestions = finder.counterparts_for_organisation(found)
    shown = suggestions[(page - 1) * per_page: page * per_page]
    return jsonify({"total": len(suggestions), "page": page, "per_page": per_page,
                    "results": [{"organisation": _organisation_summary(s.organisation),
                                 "score": s.score, "corridor": s.corridor,
                                 "reasons": s.reasons, "reason_codes": s.codes}
                                for s in shown]})


@bp.errorhandler(IndexUnavailable)
def index_unavailable(_error):
    response = render_error(503, "The search index is being rebuilt. Please try again soon.")
    body, code = response
    return body, code, {"Retry-After": "60"}


@bp.route("/openapi.json")
def openapi():
    """The OpenAPI 3 description of this API."""
    return jsonify(openapi_document(base_url() + "/api/v1",
                                    tuple(everywhere.areas())))
