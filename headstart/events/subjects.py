"""Events as subjects of forum topics (see ``headstart.core.subjects``), and the
"upcoming events" block of the newsletter (see ``headstart.core.blocks``)."""

from __future__ import annotations

from flask import url_for
from sqlalchemy import select

from headstart.core import blocks, subjects
from headstart.core.i18n import _l
from headstart.core.markdown import plain_text
from headstart.core.models import utcnow
from headstart.events.models import Event
from headstart.events.times import zone
from headstart.extensions import db


def resolve(event_id: int) -> subjects.Subject | None:
    """An event as the forum sees it; public once approved."""
    event = db.session.get(Event, event_id)
    if event is None:
        return None
    return subjects.Subject(kind="event", id=event.id, title=event.title,
                            url=url_for("events.detail", event_id=event.id),
                            public=event.status == "approved")


def upcoming_block(limit: int, language: str) -> list[blocks.BlockItem]:
    """The next approved events (any language: an event's languages are in its text)."""
    from headstart.events.views import event_external_url

    events = db.session.scalars(select(Event).where(
        Event.status == "approved", Event.ends_at > utcnow())
        .order_by(Event.starts_at, Event.id).limit(limit))
    return [blocks.BlockItem(title=e.title, url=event_external_url(e),
                             date=e.starts_at.astimezone(zone(e.timezone)).date(),
                             summary=plain_text(e.description, 200)) for e in events]


subjects.register("event", resolve)
blocks.register("events", _l("Upcoming events"), upcoming_block)
