"""Approved events as search documents (see ``headstart.search.service``).

Upcoming and past events alike: an approved event is public (``services.can_see``), a
proposal waiting for review or a declined event has no document, and ``show`` asks the
database again, so an event declined or deleted behind the index's back is never shown.
Events carry no content language: their text is analysed as English, as organisations'
is, and the words of a query are stemmed in every language anyway.
"""

from __future__ import annotations

from flask_babel import force_locale
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from headstart.core.i18n import _l, country_name
from headstart.core.markdown import plain_text
from headstart.directory.taxonomy import language_label
from headstart.events.models import Event
from headstart.extensions import db
from headstart.practices import terms
from headstart.search.base import SearchDocument
from headstart.search.service import Provider, Shown, register


def _countries(event: Event) -> list[str]:
    """Countries of the event's corridors, origin and destination, each once."""
    return list(dict.fromkeys(code for pair in event.codes("corridor")
                              for code in pair.split("-", 1)))


def document(event: Event) -> SearchDocument | None:
    """The search document of an approved event (None for any other)."""
    if event.status != "approved":
        return None
    countries = _countries(event)
    with force_locale("en"):
        labels = ([terms.label("theme", code) for code in event.codes("theme")]
                  + [language_label(code, "en") for code in event.codes("language")]
                  + [country_name(code, "en") for code in countries])
    body = "\n".join(filter(None, [event.place, *labels,
                                   plain_text(event.materials or "", 20_000)]))
    return SearchDocument(
        key=f"event:{event.id}", area="event", object_id=event.id, language="en",
        title=event.title, summary=plain_text(event.description or "", 100_000), body=body,
        facets={"theme": event.codes("theme"), "corridor": event.codes("corridor"),
                "language": event.codes("language"), "country": countries,
                "year": [str(event.starts_at.year)],
                "mode": [m for m, on in (("online", event.is_online),
                                         ("in_person", event.in_person)) if on]},
        published_at=event.starts_at)


def _events(ids: list[int]) -> list[Event]:
    return list(db.session.scalars(select(Event).where(Event.id.in_(ids))
                                   .options(selectinload(Event.terms))))


def load(ids: list[int]) -> dict[int, SearchDocument | None]:
    """Documents of the approved events among ``ids`` (None for the others)."""
    found: dict[int, SearchDocument | None] = {i: None for i in ids}
    for event in _events(ids):
        found[event.id] = document(event)
    return found


def all_ids():
    """Every approved event, upcoming and past."""
    return db.session.scalars(select(Event.id).where(Event.status == "approved")
                              .order_by(Event.id))


def _texts(description: str, place: str, materials: str):
    """Texts to take a snippet from, the materials made only if nothing before matched."""
    yield description
    yield place
    yield plain_text(materials or "", 20_000)


def show(ids: list[int]) -> dict[int, Shown]:
    """Approved events among ``ids`` as the global search page shows them (the index may
    still hold one declined a moment ago: it is left out)."""
    from headstart.events.display import interval
    from headstart.events.views import event_url

    shown = {}
    for event in _events(ids):
        if event.status != "approved":
            continue
        description = plain_text(event.description or "", 20_000)
        when = interval(event.starts_at, event.ends_at, event.timezone)
        shown[event.id] = Shown(
            title=event.title, url=event_url(event), language="",
            summary=" · ".join(filter(None, [when, event.place, description[:240]])),
            texts=_texts(description, event.place, event.materials))
    return shown


register(Provider("event", load, all_ids, show, label=_l("Events")))
