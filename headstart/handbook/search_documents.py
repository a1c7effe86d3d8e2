"""The latest edition's sections as search documents (see ``headstart.search.service``).

One document per frozen text (a section in one language) of the newest edition; older
editions and drafts are never indexed. The source text stands for the section for
readers whose language the edition has no translation of it for, as practices do.
"""

from __future__ import annotations

from sqlalchemy import select

from headstart.core.i18n import LOCALES, _l
from headstart.core.markdown import plain_text
from headstart.extensions import db
from headstart.handbook.models import Edition, EditionText
from headstart.search.base import SearchDocument
from headstart.search.service import Provider, Shown, register


def _latest_id() -> int | None:
    return db.session.scalar(select(Edition.id).order_by(Edition.number.desc()).limit(1))


def _texts(ids: list[int]) -> list[EditionText]:
    latest = _latest_id()
    if latest is None:
        return []
    return list(db.session.scalars(select(EditionText).where(
        EditionText.id.in_(ids), EditionText.edition_id == latest)))


def load(ids: list[int]) -> dict[int, SearchDocument | None]:
    """Documents of the texts among ``ids`` that belong to the latest edition."""
    found: dict[int, SearchDocument | None] = {i: None for i in ids}
    texts = _texts(ids)
    sections = {t.section_id for t in texts}
    languages: dict[int, set[str]] = {}
    if sections:
        for row in db.session.execute(select(EditionText.section_id, EditionText.language)
                                      .where(EditionText.edition_id == texts[0].edition_id,
                                             EditionText.section_id.in_(sections))):
            languages.setdefault(row.section_id, set()).add(row.language)
    versions = _section_versions(texts)
    for text in texts:
        present = languages.get(text.section_id, {text.language})
        readers = [text.language]
        if text.is_source:
            readers += [code for code in LOCALES if code not in present]
        found[text.id] = SearchDocument(
            key=f"handbook:{text.id}", area="handbook", object_id=text.id,
            language=text.language, title=text.title,
            summary=plain_text(text.body, 400), body=plain_text(text.body, 200_000)
            + "\n" + text.chapter_title,
            facets={"language": [text.language], "reader": readers,
                    "chapter": [str(text.chapter_position)]},
            published_at=text.edition.published_at,
            versions=[(other.language, other.title + "\n" + plain_text(other.body, 200_000))
                      for other in versions.get(text.section_id, []) if other.id != text.id])
    return found


def _section_versions(texts: list[EditionText]) -> dict[int, list[EditionText]]:
    """Every language version, in the same edition, of the sections of ``texts``: a
    section is found through any of them (its source and its translations)."""
    if not texts:
        return {}
    found: dict[int, list[EditionText]] = {}
    for other in db.session.scalars(select(EditionText).where(
            EditionText.edition_id == texts[0].edition_id,
            EditionText.section_id.in_({t.section_id for t in texts}))
            .order_by(EditionText.id)):
        found.setdefault(other.section_id, []).append(other)
    return found


def all_ids():
    """Every text of the latest edition."""
    latest = _latest_id()
    if latest is None:
        return []
    return db.session.scalars(select(EditionText.id).where(EditionText.edition_id == latest)
                              .order_by(EditionText.id))


def show(ids: list[int]) -> dict[int, Shown]:
    """Texts among ``ids`` as the global search page shows them."""
    from headstart.handbook.views import handbook_section_url

    shown = {}
    texts = _texts(ids)
    versions = _section_versions(texts)
    for text in texts:
        others = [o for o in versions.get(text.section_id, []) if o.id != text.id]
        shown[text.id] = Shown(
            title=text.title, url=handbook_section_url(text.edition.number, text.slug),
            language=text.language, summary=plain_text(text.body, 280),
            texts=(plain_text(text.body, 20_000),),
            other_texts=((o.language, plain_text(o.body, 20_000)) for o in others))
    return shown


register(Provider("handbook", load, all_ids, show, label=_l("Handbook")))
