"""The directory as open data in Open Referral's Human Services Data Specification
(HSDS 3.0.0): organizations with their services, languages, locations and addresses, as
one JSON document or as the CSV tables of the HSDS tabular package (with its
``datapackage.json``), so that other service maps can take it in.

Every organization validates against the official schema, strictly (no property HSDS does
not define): what HSDS has no field for (verified by a coordinator, corridors served) is
an ``attribute`` with a term of the HEADSTART directory taxonomy, as HSDS 3.0 provides for
extensions. Optional fields without a value are left out, never ``null``.

Only what the directory shows visitors is exported: no contact e-mails or phone numbers.
Identifiers are UUIDs derived from our ids, stable from one export to the next.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import uuid
import zipfile
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from flask_babel import force_locale

from headstart.core.i18n import country_name
from headstart.core.mail import external_url
from headstart.directory.models import Organisation
from headstart.directory.taxonomy import SERVICES, SIDES, language_label
from headstart.practices.feeds import spreadsheet_safe

#: Namespace of the derived identifiers (uuid5 of "organisation:12", "service:12:…", …).
NAMESPACE = uuid.UUID("6f1c0a52-4f0e-4f53-9b59-2a3d0e8d4a11")
SPECIFICATION = "HSDS 3.0"
#: The official tabular package (openreferral/specification, branch 3.0, commit 279fd2e).
OFFICIAL_PACKAGE = Path(__file__).with_name("hsds_datapackage.json")

#: The two taxonomies of the export: (key, name, description).
TAXONOMIES = {
    "services": ("HEADSTART services (pre-departure and post-arrival)",
                 "The services HEADSTART directory organisations offer to migrants, the same "
                 "before departure and after arrival; the organisation's side says which."),
    "directory": ("HEADSTART directory",
                  "Facts the HEADSTART directory records about an organisation that HSDS has "
                  "no field for: whether a coordinator verified it, and the migration "
                  "corridors (origin country-destination country) it serves."),
}

#: Terms of the directory taxonomy: (code, name, description of the attribute's value).
DIRECTORY_TERMS = {
    "verified": ("Verified by a coordinator",
                 "Whether a HEADSTART coordinator has verified the organisation: the "
                 "attribute's value is \"true\" or \"false\"."),
    "corridor": ("Migration corridor served",
                 "A migration corridor the organisation serves: the attribute's value is "
                 "the ISO 3166-1 alpha-2 codes of the origin and destination countries, "
                 "joined by a hyphen (\"MD-IT\")."),
}

#: The CSV tables of the export, in the order of the official package (file names are
#: the resources' ``path``).
TABLES = ("organizations", "services", "attributes", "locations", "addresses", "languages",
          "taxonomy_terms", "taxonomies")


def _id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def _compact(value):
    """``value`` without the keys whose value is ``None`` (HSDS optional fields are left
    out rather than ``null``: the schema allows only strings there)."""
    if isinstance(value, dict):
        return {k: _compact(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def ascii_uri(url: str) -> str | None:
    """``url`` as an RFC 3986 URI: the host IDNA-encoded (``bücher.example`` →
    ``xn--bcher-kva.example``) and other non-ASCII characters percent-encoded; ``None``
    when it is not an absolute http(s) URL."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    try:
        host = ".".join(label.encode("idna").decode("ascii") if label else label
                        for label in host.split("."))
    except UnicodeError:
        return None
    netloc = host if port is None else f"{host}:{port}"
    if parts.username:
        netloc = quote(parts.username, safe="") + "@" + netloc
    keep = "/%:@!$&'()*+,;=-._~?"
    return urlunsplit((parts.scheme.lower(), netloc, quote(parts.path, safe=keep),
                       quote(parts.query, safe=keep), quote(parts.fragment, safe=keep)))


def _taxonomy(key: str) -> dict:
    name, description = TAXONOMIES[key]
    return {"id": _id("taxonomy", key), "name": name, "description": description,
            "version": "1"}


def _term(taxonomy: str, code: str, name: str, description: str) -> dict:
    detail = _taxonomy(taxonomy)
    term_id = _id("term", code) if taxonomy == "services" else _id("term", taxonomy, code)
    return {"id": term_id, "code": code, "name": name, "description": description,
            "taxonomy": detail["name"], "language": "en", "taxonomy_id": detail["id"],
            "taxonomy_detail": detail}


def _attribute(attribute_id: str, link_id: str, link_entity: str, term: dict,
               value: str | None = None) -> dict:
    return {"id": attribute_id, "link_id": link_id, "taxonomy_term_id": term["id"],
            "link_entity": link_entity, "value": value, "taxonomy_term": term}


def _corridor_names(codes: list[str]) -> list[str]:
    return [" → ".join(country_name(c, "en") for c in code.split("-")) for code in codes]


def organisation_record(organisation: Organisation) -> dict:
    """One organisation as an HSDS 3.0 organization, with its services (languages and
    service taxonomy term nested), its location with its address, and the directory's own
    facts as attributes."""
    organisation_id = _id("organisation", organisation.id)
    phase = {"origin": "before departure", "destination": "after arrival",
             "both": "before departure and after arrival"}[organisation.side]
    with force_locale("en"):
        side = str(SIDES[organisation.side])
        corridors = _corridor_names(organisation.corridors)
        services = []
        for code in organisation.services:
            label = str(SERVICES.get(code, code))
            service_id = _id("service", organisation.id, code)
            description = f"{label}, {phase}."
            if corridors:
                description += " Corridors: " + ", ".join(corridors) + "."
            term = _term("services", code, label,
                         f"{label}: a service of the HEADSTART directory's taxonomy.")
            services.append({
                "id": service_id,
                "organization_id": organisation_id,
                "name": label,
                "description": description,
                "status": "active",
                "languages": [{"id": _id("language", organisation.id, code, lang),
                               "service_id": service_id,
                               "name": language_label(lang, "en"), "code": lang}
                              for lang in organisation.languages],
                "attributes": [_attribute(_id("attribute", organisation.id, code),
                                          service_id, "service", term)],
            })
    terms = {code: _term("directory", code, name, description)
             for code, (name, description) in DIRECTORY_TERMS.items()}
    attributes = [_attribute(_id("attribute", organisation.id, "verified"), organisation_id,
                             "organization", terms["verified"],
                             "true" if organisation.verified else "false")]
    attributes += [_attribute(_id("attribute", organisation.id, "corridor", corridor),
                              organisation_id, "organization", terms["corridor"], corridor)
                   for corridor in organisation.corridors]
    location_id = _id("location", organisation.id)
    location = {"id": location_id, "location_type": "physical",
                "organization_id": organisation_id, "name": organisation.name,
                "addresses": []}
    if organisation.city:
        # HSDS requires address_1, state_province and postal_code; the directory records
        # only the city and country, so these stay empty (docs/interoperability.md).
        location["addresses"].append({
            "id": _id("address", organisation.id), "location_id": location_id,
            "address_1": "", "city": organisation.city, "state_province": "",
            "postal_code": "", "country": organisation.country, "address_type": "physical"})
    return _compact({
        "id": organisation_id,
        "name": organisation.name,
        "alternate_name": organisation.acronym or None,
        "description": organisation.description or f"{side} ({organisation.country}).",
        "website": ascii_uri(organisation.website),
        "uri": external_url("directory.detail", organisation_id=organisation.id),
        "services": services,
        "locations": [location],
        "attributes": attributes,
    })


def json_document(organisations: list[Organisation]) -> dict:
    """The JSON export: each of ``organizations`` is an HSDS 3.0 organization."""
    return {"specification": SPECIFICATION,
            "source": external_url("directory.index"),
            "organizations": [organisation_record(o) for o in organisations]}


@cache
def official_package() -> dict:
    """The official HSDS 3.0 tabular package (``datapackage.json``)."""
    return json.loads(OFFICIAL_PACKAGE.read_text(encoding="utf-8"))


def _resource(table: str) -> dict:
    return next(r for r in official_package()["resources"] if r["path"] == f"{table}.csv")


def columns(table: str) -> list[str]:
    """The columns of ``table``, named and ordered as in the official package."""
    return [field["name"] for field in _resource(table)["schema"]["fields"]]


def rows(table: str, organisations: list[Organisation]) -> list[dict]:
    """The rows of one table of the tabular package, flattened from the JSON records."""
    records = [organisation_record(o) for o in organisations]
    services = [s for r in records for s in r["services"]]
    locations = [loc for r in records for loc in r["locations"]]
    attributes = [a for r in records for a in r["attributes"]]
    attributes += [a for s in services for a in s["attributes"]]
    terms = {a["taxonomy_term"]["id"]: a["taxonomy_term"] for a in attributes}
    found = {
        "organizations": records,
        "services": services,
        "attributes": attributes,
        "locations": locations,
        "addresses": [a for loc in locations for a in loc["addresses"]],
        "languages": [lang for s in services for lang in s["languages"]],
        "taxonomy_terms": list(terms.values()),
        "taxonomies": list({t["taxonomy_id"]: t["taxonomy_detail"]
                            for t in terms.values()}.values()),
    }
    return found[table]


def csv_table(table: str, organisations: list[Organisation]) -> str:
    """One table of the HSDS tabular package (``organizations``, ``services``, …) as UTF-8
    CSV with a byte-order mark, its columns those of the official package in their order;
    every cell is spreadsheet-safe."""
    names = columns(table)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows(table, organisations):
        writer.writerow([spreadsheet_safe("" if row.get(c) is None else row.get(c))
                         for c in names])
    return out.getvalue()


def datapackage() -> dict:
    """The ``datapackage.json`` of the CSV export: the official resources of the tables it
    contains (foreign keys to tables it does not contain left out), nothing else."""
    official = official_package()
    paths = {f"{table}.csv" for table in TABLES}
    names = {r["name"] for r in official["resources"] if r["path"] in paths}
    resources = []
    for resource in official["resources"]:
        if resource["path"] not in paths:
            continue
        resource = copy.deepcopy(resource)
        resource["encoding"] = "utf-8"
        keys = [k for k in resource["schema"].get("foreignKeys", [])
                if k["reference"]["resource"] in names]
        if keys:
            resource["schema"]["foreignKeys"] = keys
        else:
            resource["schema"].pop("foreignKeys", None)
        resources.append(resource)
    return {"name": "headstart-directory", "title": "HEADSTART directory (HSDS 3.0)",
            "description": "The organisations of the HEADSTART directory in the tabular "
                           "form of the Open Referral Human Services Data Specification.",
            "profile": official["profile"], "version": official["version"],
            "homepage": external_url("directory.index"), "resources": resources}


def package_zip(organisations: list[Organisation]) -> bytes:
    """The CSV export as one zip: ``datapackage.json`` and every table it lists."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json",
                         json.dumps(datapackage(), ensure_ascii=False, indent=1))
        for table in TABLES:
            archive.writestr(f"{table}.csv", csv_table(table, organisations))
    return out.getvalue()
