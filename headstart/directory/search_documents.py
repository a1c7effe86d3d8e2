"""Organisations as search documents (see ``headstart.search.service``)."""

from __future__ import annotations

from flask_babel import force_locale
from sqlalchemy import select

from headstart.core.i18n import _l, country_name
from headstart.core.markdown import plain_text
from headstart.directory.models import Organisation
from headstart.directory.taxonomy import SERVICES
from headstart.extensions import db
from headstart.search.base import SearchDocument
from headstart.search.service import Provider, Shown, register


def document(organisation: Organisation) -> SearchDocument | None:
    """The search document of an organisation (every organisation is public; a merged
    duplicate has none)."""
    if organisation.merged_into_id is not None:
        return None
    sides = ["origin", "destination"] if organisation.side == "both" else [organisation.side]
    corridors = [code.split("-", 1) for code in organisation.corridors]
    with force_locale("en"):
        services = [str(SERVICES[code]) for code in organisation.services if code in SERVICES]
    return SearchDocument(
        key=f"organisation:{organisation.id}", area="organisation", object_id=organisation.id,
        language="en",
        title=" ".join(filter(None, [organisation.name, organisation.acronym])),
        summary=plain_text(organisation.description or "", 20_000),
        body=" ".join(filter(None, [organisation.city, country_name(organisation.country, "en"),
                                    organisation.country, *services,
                                    *(country_name(c, "en") for pair in corridors
                                      for c in pair)])),
        facets={"country": [organisation.country], "side": sides,
                "kind": [organisation.kind] if organisation.kind else [],
                "verified": ["yes" if organisation.verified else "no"],
                "service": organisation.services, "language": organisation.languages,
                "corridor": organisation.corridors},
        published_at=organisation.created_at)


def load(ids: list[int]) -> dict[int, SearchDocument | None]:
    found: dict[int, SearchDocument | None] = {i: None for i in ids}
    for organisation in db.session.scalars(select(Organisation).where(Organisation.id.in_(ids))):
        found[organisation.id] = document(organisation)
    return found


def all_ids():
    return db.session.scalars(select(Organisation.id).where(
        Organisation.merged_into_id.is_(None)).order_by(Organisation.id))


def show(ids: list[int]) -> dict[int, Shown]:
    from headstart.directory.views import organisation_url

    shown = {}
    for organisation in db.session.scalars(select(Organisation).where(Organisation.id.in_(ids))):
        place = ", ".join(filter(None, [organisation.city, country_name(organisation.country)]))
        description = plain_text(organisation.description or "", 20_000)
        shown[organisation.id] = Shown(
            title=organisation.name, url=organisation_url(organisation), language="",
            summary=" · ".join(filter(None, [place, description[:240]])),
            texts=(description,))
    return shown


register(Provider("organisation", load, all_ids, show, label=_l("Organisations")))
