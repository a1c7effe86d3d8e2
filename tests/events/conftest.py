"""Fixtures of the events tests: events made through the service, form data, and the
search backends (event search tests run on Whoosh and, on PostgreSQL, on its backend too)."""

from datetime import datetime

import pytest

from headstart.extensions import db
from tests.search.conftest import (  # noqa: F401 - the same backends as the search tests
    pytest_collection_modifyitems,
    search_backend,
)


class _Coordinator:
    id = None
    role = "coordinator"
    is_authenticated = True


@pytest.fixture
def make_event(app):
    """Create an event: ``make_event(status="approved", proposer=user, **values)``."""
    from headstart.events import services
    from headstart.events.models import Event

    def factory(status="approved", *, proposer=None, title="Orientation day", **values):
        data = {"title": title, "description": "A day of **orientation**.",
                "starts": datetime(2026, 10, 24, 10, 0), "ends": datetime(2026, 10, 24, 17, 0),
                "timezone": "Europe/Prague", "place": "Integration Centre Prague",
                "online_url": "", "languages": ["cs", "uk"], "corridors": "UA-CZ",
                "themes": ["employment"], "practice_ids": [], "materials": ""}
        data.update(values)
        with app.app_context(), app.test_request_context("/"):
            actor = proposer
            if actor is not None:
                actor = db.session.get(type(proposer), proposer.id)
            event = services.propose_event(data, actor=actor or _Coordinator())
            if status == "proposed" and event.status == "approved":
                event.status = "proposed"
            elif status != event.status and status in {"approved", "declined"}:
                services.decide(event, "approve" if status == "approved" else "decline",
                                actor=_Coordinator())
            db.session.commit()
            event = db.session.get(Event, event.id)
            db.session.expunge(event)
        return event

    return factory


@pytest.fixture
def event_form():
    """Form data of a valid event."""
    return {"title": "Recognition of diplomas: advice afternoon",
            "description": "For nurses and teachers from Ukraine.",
            "starts": "2026-10-24T14:00", "ends": "2026-10-24T18:00",
            "timezone": "Europe/Prague", "place": "Integration Centre Prague",
            "online_url": "", "corridors": "UA-CZ", "languages": ["uk", "cs"],
            "themes": ["employment"], "organisation_id": "0"}
