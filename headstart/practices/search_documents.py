"""Published practices as search documents (see ``headstart.search.service``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from headstart.core.i18n import LOCALES, _l
from headstart.core.markdown import plain_text
from headstart.extensions import db
from headstart.practices.models import Practice, PracticePartner
from headstart.search.base import SearchDocument
from headstart.search.service import Provider, Shown, register

#: Facets of the practice search (SPEC §3), in the order pages show them.
FACETS = ("country", "corridor", "phase", "theme", "target", "gcm", "language", "year",
          "org_kind")
BODY_FIELDS = ("challenge", "approach", "results", "evaluation", "beneficiaries", "funding")


def _reader_languages(practice: Practice, versions: list[Practice]) -> list[str]:
    """Readers for whom this version stands for its translation group on lists: readers of
    its own language, and, for the original (the first published version), every reader
    whose language the group lacks."""
    languages = {v.language for v in versions}
    readers = [practice.language]
    original = min(versions, key=lambda v: v.id)
    if original.id == practice.id:
        readers += [code for code in LOCALES if code not in languages]
    return readers


def _version_text(version) -> str:
    """What a language version contributes to the documents of its translation group."""
    return "\n".join([version.title, plain_text(version.summary, 10_000)]
                     + [plain_text(getattr(version, f), 100_000) for f in BODY_FIELDS])


def document(practice: Practice, versions: list) -> SearchDocument:
    """The search document of a published practice. ``versions`` are the published
    versions of its translation group (itself included): each document is found through
    the words of every version, and stands for the group for its readers only."""
    origins = practice.country_codes("origin")
    destinations = practice.country_codes("destination")
    organisations = [practice.lead_organisation] + [p.organisation for p in practice.partners]
    body = "\n".join([plain_text(getattr(practice, f), 100_000) for f in BODY_FIELDS]
                     + [practice.city_region]
                     + [o.name for o in organisations if o is not None])
    facets = {
        "country": sorted({c.country for c in practice.countries}),
        "corridor": [f"{o}-{d}" for o in origins for d in destinations],
        "phase": [practice.phase] if practice.phase else [],
        "theme": practice.codes("theme"),
        "target": practice.codes("target"),
        # The Global Compact for Migration objectives, as numbers ("3"), the way the UN
        # Migration Network Hub files practices.
        "gcm": practice.codes("gcm"),
        "language": [practice.language],
        "year": [str(practice.start_date.year)] if practice.start_date else [],
        "org_kind": ([practice.lead_organisation.kind] if practice.lead_organisation
                     and practice.lead_organisation.kind else []),
        "reader": _reader_languages(practice, versions),
        "group": [str(practice.group_id or practice.id)],
    }
    return SearchDocument(
        key=f"practice:{practice.id}", area="practice", object_id=practice.id,
        language=practice.language, title=practice.title,
        summary=plain_text(practice.summary, 10_000), body=body, facets=facets,
        published_at=practice.published_at,
        versions=[(v.language, _version_text(v)) for v in versions if v.id != practice.id])


def load(ids: list[int]) -> dict[int, SearchDocument | None]:
    """Documents of the published practices among ``ids`` (None for the others)."""
    practices = list(db.session.scalars(
        select(Practice).where(Practice.id.in_(ids)).options(
            selectinload(Practice.terms), selectinload(Practice.countries),
            selectinload(Practice.partners).selectinload(PracticePartner.organisation),
            selectinload(Practice.lead_organisation))))
    groups = {p.group_id or p.id for p in practices if p.status == "published"}
    versions: dict[int, list[Practice]] = {}
    if groups:
        columns = [getattr(Practice, name) for name in ("title", "summary", *BODY_FIELDS)]
        for row in db.session.execute(select(Practice.id, Practice.group_id, Practice.language,
                                             *columns)
                                      .where(Practice.group_id.in_(groups),
                                             Practice.status == "published")):
            versions.setdefault(row.group_id, []).append(row)
    found: dict[int, SearchDocument | None] = {i: None for i in ids}
    for practice in practices:
        if practice.status == "published":
            group = versions.get(practice.group_id or practice.id) or [practice]
            found[practice.id] = document(practice, group)
    return found


def all_ids():
    """Every published practice."""
    return db.session.scalars(select(Practice.id).where(Practice.status == "published")
                              .order_by(Practice.id))


def show(ids: list[int]) -> dict[int, Shown]:
    """Published practices among ``ids`` as the global search page shows them."""
    from headstart.practices.views import practice_url

    shown = {}
    practices = list(db.session.scalars(select(Practice).where(
        Practice.id.in_(ids), Practice.status == "published")))
    others = other_versions(practices)
    for practice in practices:
        shown[practice.id] = Shown(
            title=practice.title, url=practice_url(practice), language=practice.language,
            summary=plain_text(practice.summary, 280), texts=_texts(practice),
            other_texts=other_version_texts(others.get(practice.id, [])))
    return shown


def other_versions(practices: list[Practice]) -> dict[int, list[Practice]]:
    """The other published language versions of each of ``practices``, in one query."""
    groups = {p.group_id for p in practices if p.group_id}
    if not groups:
        return {}
    by_group: dict[int, list[Practice]] = {}
    for version in db.session.scalars(select(Practice).where(
            Practice.group_id.in_(groups), Practice.status == "published")
            .order_by(Practice.id)):
        by_group.setdefault(version.group_id, []).append(version)
    return {p.id: [v for v in by_group.get(p.group_id, []) if v.id != p.id]
            for p in practices}


def other_version_texts(versions: list[Practice]):
    """``(language, text)`` of other versions for a snippet, made only until one matches."""
    for version in versions:
        for text in (version.title, *_texts(version)):
            yield version.language, text


def _texts(practice: Practice):
    """The practice's texts for its snippet, made only until one of them matches the query
    (a function, so each practice's generator reads its own practice, not the loop's
    last)."""
    return (plain_text(getattr(practice, field), 20_000) for field in ("summary", *BODY_FIELDS))


register(Provider("practice", load, all_ids, show, label=_l("Practices")))
