"""The Atom feed of newly published practices, CSV and JSON exports, and schema.org JSON-LD.

All three read published practices only; contact details (members only) are never included.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from xml.etree import ElementTree as ET

from headstart.core.i18n import country_name
from headstart.core.markdown import plain_text
from headstart.core.models import as_utc, utcnow
from headstart.practices import terms
from headstart.practices.models import Practice

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection), with
#: their full-width forms, which some spreadsheet programs accept too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")

ET.register_namespace("", ATOM)


def _iso(moment: datetime | None) -> str:
    return as_utc(moment or utcnow()).isoformat(timespec="seconds").replace("+00:00", "Z")


XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: str) -> str:
    return XML_INVALID.sub("", value or "")


def atom_feed(practices: list[Practice], *, title: str, feed_url: str, page_url: str,
              url_of, id_of, language: str) -> bytes:
    """An Atom 1.0 document (RFC 4287) of ``practices``; ``url_of`` gives each one's
    address, ``id_of`` its permanent id (unchanged when the title changes)."""
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: language})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_url
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml",
                  href=feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=page_url)
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "HEADSTART"
    newest = max((p.published_at for p in practices if p.published_at), default=None)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _iso(newest)
    for practice in practices:
        url = url_of(practice)
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry", {XML_LANG: practice.language})
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _xml_text(practice.title)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = id_of(practice)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        published = practice.published_at or practice.created_at
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _iso(published)
        updated = max(as_utc(published), as_utc(practice.updated_at or published))
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _iso(updated)
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = _xml_text(
            practice.lead_organisation.name if practice.lead_organisation else "HEADSTART")
        for code in practice.codes("theme"):
            ET.SubElement(entry, f"{{{ATOM}}}category", term=code,
                          label=terms.label("theme", code))
        summary = ET.SubElement(entry, f"{{{ATOM}}}summary", type="text")
        summary.text = _xml_text(plain_text(practice.summary, 1000))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def spreadsheet_safe(value) -> str:
    """A cell value a spreadsheet shows as text: one starting like a formula gets a leading
    apostrophe (the value stays readable; nothing is executed)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def record(practice: Practice, url: str) -> dict:
    """A practice as exported: codes and labels, countries, dates; no contact details."""
    def labelled(vocabulary: str) -> list[dict]:
        return [{"code": code, "label": terms.label(vocabulary, code)}
                for code in practice.codes(vocabulary)]

    def countries(role: str) -> list[dict]:
        return [{"code": code, "name": country_name(code)}
                for code in practice.country_codes(role)]

    return {
        "id": practice.id,
        "url": url,
        "title": practice.title,
        "language": practice.language,
        "translation_group": practice.group_id or practice.id,
        "summary": practice.summary,
        "challenge": practice.challenge,
        "approach": practice.approach,
        "results": practice.results,
        "evaluation": practice.evaluation,
        "beneficiaries": practice.beneficiaries,
        "funding": practice.funding,
        "phase": ({"code": practice.phase, "label": terms.label("phase", practice.phase)}
                  if practice.phase else None),
        "themes": labelled("theme"),
        "target_groups": labelled("target"),
        "gcm_objectives": [int(c) for c in practice.codes("gcm") if c.isdigit()],
        "criteria_self_assessed": labelled("criterion"),
        "criteria_confirmed": labelled("criterion_confirmed"),
        "countries": countries("implementation"),
        "origin_countries": countries("origin"),
        "destination_countries": countries("destination"),
        "city_region": practice.city_region,
        "start_date": practice.start_date.isoformat() if practice.start_date else None,
        "end_date": practice.end_date.isoformat() if practice.end_date else None,
        "lead_organisation": ({"id": practice.lead_organisation.id,
                               "name": practice.lead_organisation.name}
                              if practice.lead_organisation else None),
        "partners": [{"id": p.organisation.id, "name": p.organisation.name}
                     for p in practice.partners],
        "website": practice.website,
        "published_at": _iso(practice.published_at) if practice.published_at else None,
    }


CSV_COLUMNS = ("id", "url", "title", "language", "phase", "themes", "target_groups",
               "gcm_objectives", "countries", "origin_countries", "destination_countries",
               "city_region", "start_date", "end_date", "lead_organisation", "partners", "website",
               "published_at", "summary")


def csv_document(records: list[dict]) -> str:
    """UTF-8 CSV (with a byte-order mark, so spreadsheet programs pick the encoding) of
    exported records; lists become ``; ``-separated labels and every cell is
    spreadsheet-safe."""
    from headstart.practices.listing import facet_label

    def flat(value) -> str:
        if isinstance(value, list):
            return "; ".join(item.get("label") or item.get("name") or "" for item in value)
        if isinstance(value, dict):
            return value.get("label") or value.get("name") or ""
        return "" if value is None else str(value)

    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in records:
        row = dict(item)
        row["summary"] = plain_text(item["summary"], 2000)
        # Objectives are numbers in JSON; the spreadsheet names them too.
        row["gcm_objectives"] = [{"label": facet_label("gcm", str(n))}
                                 for n in sorted(item["gcm_objectives"])]
        writer.writerow([spreadsheet_safe(flat(row[column])) for column in CSV_COLUMNS])
    return out.getvalue()


def json_ld(practice: Practice, url: str, translations: list[tuple[str, str]]) -> dict:
    """schema.org description of a published practice for search engines and aggregators
    (``translations``: ``(language, url)`` of its other versions)."""
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "additionalType": "https://schema.org/Project",
        "@id": url,
        "url": url,
        "name": practice.title,
        "description": plain_text(practice.summary, 500),
        "inLanguage": practice.language,
        "keywords": [terms.label("theme", code) for code in practice.codes("theme")],
        "audience": [{"@type": "Audience", "audienceType": terms.label("target", code)}
                     for code in practice.codes("target")],
        "spatialCoverage": [{"@type": "Country", "name": country_name(code, "en"),
                             "identifier": code}
                            for code in practice.country_codes("implementation")],
    }
    if practice.published_at:
        data["datePublished"] = _iso(practice.published_at)
    if practice.updated_at:
        data["dateModified"] = _iso(practice.updated_at)
    if practice.start_date:
        data["temporalCoverage"] = (practice.start_date.isoformat() + "/"
                                    + (practice.end_date.isoformat() if practice.end_date
                                       else ".."))
    if practice.lead_organisation:
        data["author"] = {"@type": "Organization", "name": practice.lead_organisation.name}
    if practice.partners:
        data["contributor"] = [{"@type": "Organization", "name": p.organisation.name}
                               for p in practice.partners]
    if translations:
        data["workTranslation"] = [{"@type": "CreativeWork", "inLanguage": language,
                                    "url": link} for language, link in translations]
    return data
