"""The OpenAPI 3.1 document of ``/api/v1/``, kept beside the views it describes; the contract
tests check every response against it."""

from __future__ import annotations

from headstart.core.i18n import LOCALES
from headstart.directory.taxonomy import KINDS, LANGUAGES_SERVED, SERVICES, SIDES
from headstart.practices import listing

VERSION = "1.0.0"


def _string(description: str = "", **extra) -> dict:
    return {"type": "string", **({"description": description} if description else {}),
            **extra}


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


#: Text parameters may hold anything but control characters other than tab, line feed and
#: carriage return (refused with a 400 everywhere, see web.CONTROL_CHARACTERS).
_CONTROL = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f"
NO_CONTROL = rf"^[^{_CONTROL}]*$"
SOME_WORD = rf"^[^{_CONTROL}]*[^\s{_CONTROL}][^{_CONTROL}]*$"


def _parameter(name: str, description: str, schema: dict, required: bool = False) -> dict:
    if schema.get("type") == "string" and "pattern" not in schema and "enum" not in schema:
        schema = {**schema, "pattern": NO_CONTROL}
    if not required and "enum" in schema and "" not in schema["enum"]:
        schema = {**schema, "enum": [*schema["enum"], ""]}  # empty: the same as left out
    if not required and schema.get("type") == "integer":  # page=, year=: as left out too
        # A whole number in range, or the empty string (maxLength binds strings only).
        schema = {**schema, "type": ["integer", "string"], "maxLength": 0}
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema}


FACET_VALUE = {
    "type": "object", "required": ["value", "label", "count"], "additionalProperties": False,
    "properties": {"value": _string("What to pass as the filter parameter."),
                   "label": _string("The value in the reader's language."),
                   "count": {"type": "integer", "minimum": 0}},
}
CODE_LABEL = {"type": "object", "required": ["code", "label"], "additionalProperties": False,
              "properties": {"code": _string(), "label": _string()}}
COUNTRY = {"type": "object", "required": ["code", "name"], "additionalProperties": False,
           "properties": {"code": _string(pattern="^[A-Z]{2}$"), "name": _string()}}
REFERENCE = {"type": "object", "required": ["id", "name"], "additionalProperties": False,
             "properties": {"id": {"type": "integer"}, "name": _string()}}
GCM_OBJECTIVE_NUMBERS = {"type": "array", "items": {"type": "integer", "minimum": 1,
                                                   "maximum": 23},
                         "description": "Global Compact for Migration objectives served."}
SNIPPET = _string("HTML: text around the searched words, which are in <mark>; everything "
                  "else is escaped.")

PAGING = [
    _parameter("page", "Page number, from 1.",
               {"type": "integer", "minimum": 1, "maximum": listing.MAX_PAGE, "default": 1}),
    _parameter("per_page", "Results per page.",
               {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}),
]
QUERY_HELP = ("Words; \"a phrase\" in quotes; OR between alternatives; -word to leave out. "
              "Results with every word come first; when fewer than a page have them all, "
              "results with most of them (at least half of the words or phrases of one "
              "alternative) follow, unless all_words=1. Exclusions always hold.")
ALL_WORDS = _parameter("all_words", "1: only results with every word (no best match).",
                       {"type": "string",
                        "enum": ["0", "1", "true", "false", "yes", "no", "on", "off"]})
MISSING = {"type": "array", "items": _string(),
           "description": "Best match: the query's words (phrases in quotes) this result "
                          "lacks. Present only on such results."}
RELAXED = {"type": "boolean", "const": True,
           "description": "Present when results with only most of the words follow those "
                          "with all of them (best match); total and facets count both."}
COMPLETE = {"type": "integer", "minimum": 0,
            "description": "With relaxed: how many results have every word (they come "
                           "first)."}
#: One objective's number, 1 to 23 (leading zeros allowed).
_GCM = "0{0,2}([1-9]|1[0-9]|2[0-3])"
PRACTICE_FILTERS = [
    _parameter("q", QUERY_HELP, {"type": "string", "maxLength": 500}),
    ALL_WORDS,
    _parameter("country", "Country of implementation (ISO 3166-1 alpha-2).",
               {"type": "string", "pattern": "^([A-Za-z]{2})?$"}),
    _parameter("corridor", "Origin and destination country, e.g. MD-IT.",
               {"type": "string", "pattern": "^([A-Za-z]{2}-[A-Za-z]{2})?$"}),
    _parameter("phase", "Phase code (see the phase facet).", {"type": "string"}),
    _parameter("theme", "Theme code (see the theme facet).", {"type": "string"}),
    _parameter("target", "Target group code (see the target facet).", {"type": "string"}),
    _parameter("gcm", "Global Compact for Migration objective numbers (1 to 23, see the gcm "
               "facet), comma-separated or the parameter repeated: practices serving every "
               "one of them.",
               {"type": "string", "pattern": rf"^ *({_GCM} *)?(, *({_GCM} *)?)*$"}),
    _parameter("lang", "Language of the record; without it, each practice is listed once, "
               "in the reader's language (Accept-Language) where a translation exists.",
               {"type": "string", "enum": list(LOCALES)}),
    _parameter("year", "Start year.", {"type": "integer", "minimum": 1900, "maximum": 2100}),
    _parameter("org_kind", "Kind of the lead organisation (see the org_kind facet).",
               {"type": "string"}),
    _parameter("sort", "relevance (default with words) or newest (default without).",
               {"type": "string", "enum": list(listing.SORTS)}),
]

PRACTICE_SUMMARY = {
    "type": "object", "additionalProperties": False,
    "required": ["id", "title", "summary", "url", "country", "phase", "themes",
                 "target_groups", "gcm_objectives", "language", "snippet"],
    "properties": {
        "id": {"type": "integer"}, "title": _string(),
        "summary": _string("Plain text."), "url": _string(format="uri"),
        "country": {"type": "array", "items": _string(pattern="^[A-Z]{2}$"),
                    "description": "Countries of implementation."},
        "phase": _nullable(_string()),
        "themes": {"type": "array", "items": _string()},
        "target_groups": {"type": "array", "items": _string()},
        "gcm_objectives": GCM_OBJECTIVE_NUMBERS,
        "language": _string(),
        "snippet": _nullable(SNIPPET),
        "missing": MISSING,
    },
}
PRACTICE_LIST = {
    "type": "object", "additionalProperties": False,
    "required": ["total", "page", "per_page", "results", "facets", "suggestion"],
    "properties": {
        "total": {"type": "integer", "minimum": 0}, "page": {"type": "integer"},
        "per_page": {"type": "integer"},
        "results": {"type": "array", "items": {"$ref": "#/components/schemas/PracticeSummary"}},
        "facets": {"type": "object", "description": "Counts over every match, by filter "
                   "parameter name.",
                   "additionalProperties": {"type": "array",
                                            "items": {"$ref": "#/components/schemas/Facet"}}},
        "suggestion": _nullable(_string("A corrected query that finds something.")),
        "notice": _string("Present when the results come from a fallback listing."),
        "relaxed": RELAXED, "complete": COMPLETE,
    },
}
PRACTICE = {
    "type": "object", "additionalProperties": False,
    "required": ["id", "url", "title", "language", "translation_group", "summary", "challenge",
                 "approach", "results", "evaluation", "beneficiaries", "funding", "phase",
                 "themes", "target_groups", "gcm_objectives", "criteria_self_assessed",
                 "criteria_confirmed", "countries", "origin_countries",
                 "destination_countries", "city_region", "start_date", "end_date",
                 "lead_organisation", "partners", "website", "published_at", "translations"],
    "properties": {
        "id": {"type": "integer"}, "url": _string(format="uri"), "title": _string(),
        "language": _string(), "translation_group": {"type": "integer"},
        **{name: _string("Markdown.") for name in ("summary", "challenge", "approach",
                                                   "results", "evaluation", "beneficiaries",
                                                   "funding")},
        "phase": _nullable(CODE_LABEL),
        "themes": {"type": "array", "items": CODE_LABEL},
        "target_groups": {"type": "array", "items": CODE_LABEL},
        "gcm_objectives": GCM_OBJECTIVE_NUMBERS,
        "criteria_self_assessed": {"type": "array", "items": CODE_LABEL},
        "criteria_confirmed": {"type": "array", "items": CODE_LABEL},
        "countries": {"type": "array", "items": COUNTRY},
        "origin_countries": {"type": "array", "items": COUNTRY},
        "destination_countries": {"type": "array", "items": COUNTRY},
        "city_region": _string(),
        "start_date": _nullable(_string(format="date")),
        "end_date": _nullable(_string(format="date")),
        "lead_organisation": _nullable(REFERENCE),
        "partners": {"type": "array", "items": REFERENCE},
        "website": _string(),
        "published_at": _nullable(_string(format="date-time")),
        "translations": {"type": "array", "items": {
            "type": "object", "required": ["id", "language", "url"],
            "additionalProperties": False,
            "properties": {"id": {"type": "integer"}, "language": _string(),
                           "url": _string(format="uri")}}},
    },
}
SEARCH_LIST = {
    "type": "object", "additionalProperties": False,
    "required": ["total", "page", "per_page", "results", "facets", "suggestion"],
    "properties": {
        "total": {"type": "integer", "minimum": 0}, "page": {"type": "integer"},
        "per_page": {"type": "integer"},
        "results": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["area", "id", "title", "url", "language", "snippet"],
            "properties": {"area": _string("practice, organisation, …"),
                           "id": {"type": "integer"}, "title": _string(),
                           "url": _string(format="uri"), "language": _nullable(_string()),
                           "snippet": SNIPPET, "missing": MISSING}}},
        "facets": {"type": "object", "required": ["area"], "additionalProperties": False,
                   "properties": {"area": {"type": "array",
                                           "items": {"$ref": "#/components/schemas/Facet"}}}},
        "suggestion": _nullable(_string()),
        "relaxed": RELAXED, "complete": COMPLETE,
    },
}
ORGANISATION_FILTERS = [
    _parameter("country", "Country where the organisation works (ISO 3166-1 alpha-2).",
               {"type": "string", "pattern": "^([A-Za-z]{2})?$"}),
    _parameter("side", "origin, destination or both; origin and destination include "
               "organisations on both sides.", {"type": "string", "enum": list(SIDES)}),
    _parameter("kind", "Kind of organisation.", {"type": "string", "enum": list(KINDS)}),
    _parameter("service", "A service the organisation offers.",
               {"type": "string", "enum": list(SERVICES)}),
    _parameter("language", "A language it serves people in (ISO 639).",
               {"type": "string", "enum": list(LANGUAGES_SERVED)}),
    _parameter("corridor", "Origin and destination country, e.g. MD-IT: organisations that "
               "list the corridor or hold an accepted link on it.",
               {"type": "string", "pattern": "^([A-Za-z]{2}-[A-Za-z]{2})?$"}),
]
CORRIDOR_CODE = _string("Origin and destination country, e.g. MD-IT.",
                        pattern="^[A-Z]{2}-[A-Z]{2}$")
ORGANISATION_PROPERTIES = {
    "id": {"type": "integer"}, "name": _string(), "acronym": _nullable(_string()),
    "kind": _string(enum=list(KINDS)), "side": _string(enum=list(SIDES)),
    "country": _string(pattern="^[A-Z]{2}$"), "city": _nullable(_string()),
    "website": _nullable(_string()),
    "services": {"type": "array", "items": _string(enum=list(SERVICES))},
    "languages": {"type": "array", "items": _string(enum=list(LANGUAGES_SERVED))},
    "corridors": {"type": "array", "items": CORRIDOR_CODE},
    "verified": {"type": "boolean", "description": "Verified by the network coordinators."},
    "url": _string(format="uri"),
}
ORGANISATION_SUMMARY = {
    "type": "object", "additionalProperties": False,
    "required": list(ORGANISATION_PROPERTIES), "properties": ORGANISATION_PROPERTIES,
}
ORGANISATION = {
    "type": "object", "additionalProperties": False,
    "required": [*ORGANISATION_PROPERTIES, "description", "links", "practices"],
    "properties": {
        **ORGANISATION_PROPERTIES,
        "description": _string(),
        "links": {"type": "array", "description": "Accepted links with other organisations.",
                  "items": {"type": "object", "additionalProperties": False,
                            "required": ["organisation", "corridor", "services", "since"],
                            "properties": {
                                "organisation": REFERENCE, "corridor": CORRIDOR_CODE,
                                "services": {"type": "array",
                                             "items": _string(enum=list(SERVICES))},
                                "since": _nullable(_string(format="date-time"))}}},
        "practices": {"type": "array", "description": "Published practices it leads or "
                      "partners in.",
                      "items": {"type": "object", "additionalProperties": False,
                                "required": ["id", "title", "url"],
                                "properties": {"id": {"type": "integer"}, "title": _string(),
                                               "url": _string(format="uri")}}},
    },
}
ORGANISATION_LIST = {
    "type": "object", "additionalProperties": False,
    "required": ["total", "page", "per_page", "results"],
    "properties": {
        "total": {"type": "integer", "minimum": 0}, "page": {"type": "integer"},
        "per_page": {"type": "integer"},
        "results": {"type": "array",
                    "items": {"$ref": "#/components/schemas/OrganisationSummary"}},
    },
}
REASON_CODES = ["corridor", "country", "same_service", "complementary_service",
                "shared_language", "verified"]
COUNTERPART_LIST = {
    "type": "object", "additionalProperties": False,
    "required": ["total", "page", "per_page", "results"],
    "properties": {
        "total": {"type": "integer", "minimum": 0}, "page": {"type": "integer"},
        "per_page": {"type": "integer"},
        "results": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["organisation", "score", "corridor", "reasons", "reason_codes"],
            "properties": {
                "organisation": {"$ref": "#/components/schemas/OrganisationSummary"},
                "score": {"type": "integer", "minimum": 0,
                          "description": "Higher is a better match (weights in "
                                         "docs/directory.md)."},
                "corridor": CORRIDOR_CODE,
                "reasons": {"type": "array", "items": _string(),
                            "description": "Why it is suggested, in the reader's language."},
                "reason_codes": {"type": "array", "items": _string(enum=REASON_CODES)}}}},
    },
}
ERROR = {
    "type": "object", "required": ["error"], "additionalProperties": False,
    "properties": {"error": {
        "type": "object", "required": ["code", "message"], "additionalProperties": False,
        "properties": {"code": {"type": "integer", "description": "The HTTP status."},
                       "message": _string("What went wrong, for people.")}}},
}


ID_PARAMETER = {"name": "id", "in": "path", "required": True,
                "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}}


def _ok(description: str, schema: str) -> dict:
    return {"description": description, "content": {"application/json": {
        "schema": {"$ref": f"#/components/schemas/{schema}"}}}}


HANDBOOK_SECTION = {
    "type": "object", "additionalProperties": False,
    "required": ["id", "slug", "title", "url", "language", "translated", "languages",
                 "markdown", "html"],
    "properties": {
        "id": {"type": "integer"}, "slug": _string(), "title": _string(),
        "url": _string("The section's page in this edition.", format="uri"),
        "language": _string("The language of this text."),
        "translated": {"type": "boolean", "description": "False when the edition has no "
                       "translation into the reader's language and the source is given."},
        "languages": {"type": "array", "items": _string(),
                      "description": "Languages the section can be read in, in this edition."},
        "markdown": _string("The text as written (Markdown)."),
        "html": _string("The text rendered and sanitised; headings carry ids."),
    },
}
HANDBOOK_EDITION = {
    "type": "object", "additionalProperties": False,
    "required": ["edition", "published_at", "release_notes", "release_notes_html", "url",
                 "pdf_url", "latest", "chapters"],
    "properties": {
        "edition": {"type": "integer", "minimum": 1},
        "published_at": _string(format="date-time"),
        "release_notes": _string("Markdown."), "release_notes_html": _string(),
        "url": _string(format="uri"), "pdf_url": _string(format="uri"),
        "latest": {"type": "boolean"},
        "chapters": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["title", "sections"],
            "properties": {"title": _string(), "sections": {
                "type": "array", "items": {"$ref": "#/components/schemas/HandbookSection"}}}}},
    },
}

FORUM_AUTHOR = _nullable({
    "type": "object", "required": ["name", "handle"], "additionalProperties": False,
    "description": "As the forum page names the author; null for a former member.",
    "properties": {"name": _string("The display name."),
                   "handle": _string("How posts mention the author.", pattern="^@")}})
FORUM_CATEGORY_LIST = {
    "type": "object", "additionalProperties": False, "required": ["total", "results"],
    "properties": {
        "total": {"type": "integer", "minimum": 0},
        "results": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["id", "name", "description", "grouping", "topic_count",
                         "last_activity", "url", "feed_url"],
            "properties": {
                "id": {"type": "integer"}, "name": _string(), "description": _string(),
                "grouping": _string("How the forum's front page groups it.",
                                    enum=["theme", "corridor"]),
                "topic_count": {"type": "integer", "minimum": 0},
                "last_activity": _nullable(_string(format="date-time")),
                "url": _string(format="uri"),
                "feed_url": _string("Atom feed of its newest posts.", format="uri")}}},
    },
}
FORUM_TOPIC_PROPERTIES = {
    "id": {"type": "integer"}, "title": _string(), "category": REFERENCE,
    "language": _string("The language the topic is written in."),
    "author": FORUM_AUTHOR, "created_at": _string(format="date-time"),
    "last_post_at": _string(format="date-time"),
    "reply_count": {"type": "integer", "minimum": 0,
                    "description": "Readable posts after the first one."},
    "pinned": {"type": "boolean"}, "locked": {"type": "boolean",
                                              "description": "Closed to new replies."},
    "url": _string(format="uri"),
}
FORUM_TOPIC_SUMMARY = {
    "type": "object", "additionalProperties": False,
    "required": list(FORUM_TOPIC_PROPERTIES), "properties": FORUM_TOPIC_PROPERTIES,
}
FORUM_TOPIC_LIST = {
    "type": "object", "additionalProperties": False,
    "required": ["total", "page", "per_page", "results"],
    "properties": {
        "total": {"type": "integer", "minimum": 0}, "page": {"type": "integer"},
        "per_page": {"type": "integer"},
        "results": {"type": "array",
                    "items": {"$ref": "#/components/schemas/ForumTopicSummary"}},
    },
}
FORUM_POST = {
    "type": "object", "additionalProperties": False,
    "required": ["id", "author", "created_at", "edited_at", "markdown", "html", "url"],
    "properties": {
        "id": {"type": "integer"}, "author": FORUM_AUTHOR,
        "created_at": _string(format="date-time"),
        "edited_at": _nullable(_string(format="date-time")),
        "markdown": _string("The post as written (Markdown)."),
        "html": _string("The post rendered and sanitised."),
        "url": _string(format="uri"),
    },
}
FORUM_TOPIC = {
    "type": "object", "additionalProperties": False,
    "required": [*FORUM_TOPIC_PROPERTIES, "posts"],
    "properties": {
        **FORUM_TOPIC_PROPERTIES,
        "posts": {"type": "object", "additionalProperties": False,
                  "required": ["total", "page", "per_page", "results"],
                  "properties": {
                      "total": {"type": "integer", "minimum": 0},
                      "page": {"type": "integer"}, "per_page": {"type": "integer"},
                      "results": {"type": "array",
                                  "items": {"$ref": "#/components/schemas/ForumPost"}}}},
    },
}


def document(server_url: str, areas: tuple[str, ...]) -> dict:
    """The OpenAPI document, with ``server_url`` as the server and the searchable
    ``areas``. Every operation documents the 400 that any address with control characters
    gets (``web.CONTROL_CHARACTERS``), path parameters included."""
    spec = _document(server_url, areas)
    for operation in (op for item in spec["paths"].values() for op in item.values()):
        operation["responses"].setdefault(
            "400", _error("The address held control characters, or a parameter could not "
                          "be used."))
    return spec


def _document(server_url: str, areas: tuple[str, ...]) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "HEADSTART API", "version": VERSION,
            "description": "Read-only access to the good practices, the directory, the "
                           "handbook and the public forum of the HEADSTART network and a "
                           "search over the whole portal. Open to "
                           "anyone; any origin may call it from a browser (CORS). Texts come "
                           "in the language asked for with Accept-Language where a "
                           "translation exists. Personal contact details are never included. "
                           "A filter given empty (country=) is the same as leaving it out.",
            "license": {"name": "Content: as published by each organisation"},
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/practices": {"get": {
                "operationId": "listPractices", "summary": "Search published practices",
                "parameters": PRACTICE_FILTERS + PAGING,
                "responses": {"200": _ok("One page of practices with facet counts.",
                                         "PracticeList"),
                              "400": _error("A parameter could not be used.")}}},
            "/practices/{id}": {"get": {
                "operationId": "getPractice", "summary": "One published practice",
                "parameters": [ID_PARAMETER],
                "responses": {"200": _ok("The practice, every section.", "Practice"),
                              "404": _error("No published practice has this id.")}}},
            "/organisations": {"get": {
                "operationId": "listOrganisations", "summary": "Organisations in the directory",
                "parameters": ORGANISATION_FILTERS + [
                    PAGING[0], _parameter("per_page", "Results per page.",
                                          {"type": "integer", "minimum": 1, "maximum": 100,
                                           "default": 50})],
                "responses": {"200": _ok("One page of organisations, by name.",
                                         "OrganisationList"),
                              "400": _error("A parameter could not be used.")}}},
            "/organisations/{id}": {"get": {
                "operationId": "getOrganisation", "summary": "One organisation",
                "parameters": [ID_PARAMETER],
                "responses": {"200": _ok("The profile, accepted links and practices.",
                                         "Organisation"),
                              "404": _error("No organisation has this id.")}}},
            "/organisations/{id}/counterparts": {"get": {
                "operationId": "getCounterparts",
                "summary": "Organisations suggested as counterparts, best first",
                "parameters": [ID_PARAMETER, *PAGING],
                "responses": {"200": _ok("Suggestions with their reasons.", "CounterpartList"),
                              "400": _error("A parameter could not be used."),
                              "404": _error("No organisation has this id.")}}},
            "/search": {"get": {
                "operationId": "search", "summary": "Search every part of the portal",
                "parameters": [
                    _parameter("q", QUERY_HELP, {"type": "string", "pattern": SOME_WORD,
                                                 "maxLength": 500}, required=True),
                    _parameter("area", "Only this area.",
                               {"type": "string", "enum": list(areas)}),
                    ALL_WORDS, *PAGING],
                "responses": {"200": _ok("One page of results from every area.", "SearchList"),
                              "400": _error("No words, or a parameter could not be used."),
                              "503": _error("The search index is being rebuilt.")}}},
            "/handbook": {"get": {
                "operationId": "getHandbook",
                "summary": "The latest edition of the handbook, or an older one",
                "parameters": [_parameter("edition", "An edition number (default: the latest).",
                                          {"type": "integer", "minimum": 1,
                                           "maximum": 2**31 - 1})],
                "responses": {"200": _ok("Chapters and sections, in the reader's language "
                                         "where translated.", "HandbookEdition"),
                              "400": _error("A parameter could not be used."),
                              "404": _error("No such edition (or none published yet).")}}},
            "/forum/categories": {"get": {
                "operationId": "listForumCategories",
                "summary": "Public categories of the forum",
                "parameters": [],
                "responses": {"200": _ok("Every public category, in the forum's order.",
                                         "ForumCategoryList")}}},
            "/forum/topics": {"get": {
                "operationId": "listForumTopics",
                "summary": "Topics anyone may read, by last activity",
                "parameters": [
                    _parameter("category", "Only this public category (its pinned topics "
                               "first).", {"type": "integer", "minimum": 1,
                                           "maximum": 2**31 - 1}),
                    *PAGING],
                "responses": {"200": _ok("One page of topics.", "ForumTopicList"),
                              "400": _error("A parameter could not be used."),
                              "404": _error("No public category has this id, or the page "
                                            "is past the last.")}}},
            "/forum/topics/{id}": {"get": {
                "operationId": "getForumTopic",
                "summary": "A topic anyone may read, with one page of its posts",
                "parameters": [ID_PARAMETER, *PAGING],
                "responses": {"200": _ok("The topic and its readable posts, oldest first.",
                                         "ForumTopic"),
                              "400": _error("A parameter could not be used."),
                              "404": _error("No public topic has this id, or the page is "
                                            "past the last.")}}},
        },
        "components": {"schemas": {
            "Facet": FACET_VALUE, "PracticeSummary": PRACTICE_SUMMARY,
            "PracticeList": PRACTICE_LIST, "Practice": PRACTICE, "SearchList": SEARCH_LIST,
            "OrganisationSummary": ORGANISATION_SUMMARY, "Organisation": ORGANISATION,
            "OrganisationList": ORGANISATION_LIST, "CounterpartList": COUNTERPART_LIST,
            "HandbookEdition": HANDBOOK_EDITION, "HandbookSection": HANDBOOK_SECTION,
            "ForumCategoryList": FORUM_CATEGORY_LIST, "ForumTopicSummary": FORUM_TOPIC_SUMMARY,
            "ForumTopicList": FORUM_TOPIC_LIST, "ForumTopic": FORUM_TOPIC,
            "ForumPost": FORUM_POST, "Error": ERROR,
        }},
    }
