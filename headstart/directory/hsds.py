"""The directory as open data in the shape of the Open Referral Human Services Data
Specification (HSDS 3.0): organizations, services and locations (with addresses), as one
JSON document or as CSV tables, so that other service maps can take it in.

Only what the directory shows visitors is exported: no contact e-mails or phone numbers.
Identifiers are UUIDs derived from our ids, stable from one export to the next.
"""

from __future__ import annotations

import csv
import io
import uuid

from flask_babel import force_locale

from headstart.core.i18n import country_name
from headstart.core.mail import external_url
from headstart.directory.models import Organisation
from headstart.directory.taxonomy import SERVICES, SIDES, language_label
from headstart.practices.feeds import spreadsheet_safe

#: Namespace of the derived identifiers (uuid5 of "organisation:12", "service:12:…", …).
NAMESPACE = uuid.UUID("6f1c0a52-4f0e-4f53-9b59-2a3d0e8d4a11")
SPECIFICATION = "HSDS 3.0"
TAXONOMY = "HEADSTART services (pre-departure and post-arrival)"

COLUMNS = {
    "organizations": ["id", "name", "alternate_name", "description", "website", "uri",
                      "verified"],
    "services": ["id", "organization_id", "name", "description", "status", "languages",
                 "taxonomy_term", "corridors"],
    "locations": ["id", "organization_id", "location_type", "name", "city", "country"],
}


def _id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def _corridor_names(codes: list[str]) -> list[str]:
    return [" → ".join(country_name(c, "en") for c in code.split("-")) for code in codes]


def organisation_record(organisation: Organisation) -> dict:
    """One organisation in HSDS shape, with its services and location nested."""
    organisation_id = _id("organisation", organisation.id)
    phase = {"origin": "before departure", "destination": "after arrival",
             "both": "before departure and after arrival"}[organisation.side]
    with force_locale("en"):
        side = str(SIDES[organisation.side])
        services = []
        for code in organisation.services:
            label = str(SERVICES.get(code, code))
            corridors = _corridor_names(organisation.corridors)
            description = f"{label}, {phase}."
            if corridors:
                description += " Corridors: " + ", ".join(corridors) + "."
            services.append({
                "id": _id("service", organisation.id, code),
                "organization_id": organisation_id,
                "name": label,
                "description": description,
                "status": "active",
                "languages": [{"id": _id("language", organisation.id, code, lang),
                               "service_id": _id("service", organisation.id, code),
                               "name": language_label(lang, "en"), "code": lang}
                              for lang in organisation.languages],
                "attributes": [{"id": _id("attribute", organisation.id, code),
                                "link_entity": "service",
                                "taxonomy_term": {"id": _id("term", code), "code": code,
                                                  "name": label, "taxonomy": TAXONOMY}}],
                "corridors": list(organisation.corridors),
            })
    location_id = _id("location", organisation.id)
    location = {
        "id": location_id, "location_type": "physical", "organization_id": organisation_id,
        "name": organisation.name,
        "addresses": [{"id": _id("address", organisation.id), "location_id": location_id,
                       "address_1": "", "city": organisation.city or "",
                       "state_province": "", "postal_code": "",
                       "country": organisation.country, "address_type": "physical"}],
    }
    return {
        "id": organisation_id,
        "name": organisation.name,
        "alternate_name": organisation.acronym or None,
        "description": organisation.description or f"{side} ({organisation.country}).",
        "website": organisation.website or None,
        "uri": external_url("directory.detail", organisation_id=organisation.id),
        "verified": bool(organisation.verified),
        "services": services,
        "locations": [location],
    }


def json_document(organisations: list[Organisation]) -> dict:
    return {"specification": SPECIFICATION,
            "source": external_url("directory.index"),
            "organizations": [organisation_record(o) for o in organisations]}


def csv_table(table: str, organisations: list[Organisation]) -> str:
    """One HSDS table (``organizations``, ``services`` or ``locations``) as UTF-8 CSV
    with a byte-order mark; every cell is spreadsheet-safe."""
    rows = []
    for record in (organisation_record(o) for o in organisations):
        if table == "organizations":
            rows.append(record)
        elif table == "services":
            rows += [dict(s, languages="; ".join(lang["code"] for lang in s["languages"]),
                          taxonomy_term=s["attributes"][0]["taxonomy_term"]["code"],
                          corridors="; ".join(s["corridors"])) for s in record["services"]]
        else:
            rows += [dict(loc, city=loc["addresses"][0]["city"],
                          country=loc["addresses"][0]["country"])
                     for loc in record["locations"]]
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS[table])
    for row in rows:
        writer.writerow([spreadsheet_safe("" if row.get(c) is None else row.get(c))
                         for c in COLUMNS[table]])
    return out.getvalue()
