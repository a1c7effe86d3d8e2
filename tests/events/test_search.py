"""Approved events are found by the one search box and the API's ``area=event``, upcoming
and past; proposals and declined events never are, and the index follows edits, a change
of mind and a deletion (and a stale index never shows an event that is no longer
approved)."""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape

from sqlalchemy import update

from headstart.extensions import db
from headstart.search import reconcile


def titles(html: str) -> list[str]:
    return [unescape(re.sub("<[^>]+>", "", title)) for title in re.findall(
        r'<p class="meta">[^<]+</p>\s*<h2><a href="[^"]+"[^>]*>(.*?)</a>', html)]


def api(client, query: str) -> dict:
    response = client.get(f"/api/v1/search?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def event_count(body: dict) -> int:
    return {f["value"]: f["count"] for f in body["facets"]["area"]}["event"]


def _change(app, event_id: int, **values) -> None:
    """Edit an event through the service, as a coordinator does on its edit page."""
    from headstart.events import services
    from headstart.events.models import Event
    from tests.events.conftest import _Coordinator

    with app.test_request_context():
        event = db.session.get(Event, event_id)
        data = {"title": event.title, "description": event.description,
                "starts": datetime(2026, 10, 24, 10, 0), "ends": datetime(2026, 10, 24, 17, 0),
                "timezone": event.timezone, "place": event.place,
                "online_url": event.online_url, "languages": event.codes("language"),
                "corridors": ", ".join(event.codes("corridor")),
                "themes": event.codes("theme"), "practice_ids": [], "materials": ""}
        data.update(values)
        services.update_event(event, data, actor=_Coordinator())
        db.session.commit()


def test_an_approved_event_is_found_by_a_word_of_its_description(
        client, make_event, search_backend):
    event = make_event(title="Recognition afternoon",
                       description="Advice for **nurses** whose diplomas need recognition.")
    html = client.get("/search?q=nurses").get_data(as_text=True)
    assert titles(html) == ["Recognition afternoon"]
    assert f'href="/events/{event.id}-recognition-afternoon"' in html
    assert "<mark>nurses</mark>" in html
    assert re.search(r'Events <span class="count">\(1\)', html)
    body = api(client, "q=nurses&area=event")
    assert [(r["area"], r["id"], r["title"]) for r in body["results"]] == [
        ("event", event.id, "Recognition afternoon")]
    assert body["results"][0]["url"].endswith(f"/events/{event.id}-recognition-afternoon")
    assert event_count(body) == 1
    assert event_count(api(client, "q=nurses")) == 1


def test_place_themes_corridor_and_past_events_are_searched(client, make_event,
                                                            search_backend):
    make_event(title="Fair of the past", description="Stands and talks.",
               place="Hotel Cosmos, Chișinău", corridors="MD-IT",
               starts=datetime(2019, 3, 1, 9, 0), ends=datetime(2019, 3, 1, 17, 0))
    for query in ("chisinau", "moldova", "employment", "romanian OR ukrainian"):
        assert [r["title"] for r in api(client, f"q={query}&area=event")["results"]] == [
            "Fair of the past"], query


def test_proposals_and_declined_events_are_not_found(client, make_event, search_backend):
    make_event("proposed", title="Waiting proposal", description="Zebrafish workshop.")
    make_event("declined", title="Declined idea", description="Zebrafish seminar.")
    assert titles(client.get("/search?q=zebrafish").get_data(as_text=True)) == []
    body = api(client, "q=zebrafish&area=event")
    assert body["results"] == []
    assert event_count(body) == 0


def test_an_edited_or_declined_event_drops_out(app, client, make_event, search_backend):
    from headstart.events import services
    from headstart.events.models import Event
    from tests.events.conftest import _Coordinator

    event = make_event(title="Orientation day", description="Bring your passport.")
    assert event_count(api(client, "q=passport")) == 1
    _change(app, event.id, description="Bring your diploma.")
    assert event_count(api(client, "q=passport")) == 0
    assert event_count(api(client, "q=diploma")) == 1
    _change(app, event.id, themes=["health"])
    assert [r["title"] for r in api(client, "q=health&area=event")["results"]] == [
        "Orientation day"]
    with app.test_request_context():
        services.decide(db.session.get(Event, event.id), "decline", actor=_Coordinator())
        db.session.commit()
    assert event_count(api(client, "q=diploma")) == 0
    assert titles(client.get("/search?q=diploma").get_data(as_text=True)) == []


def test_a_deleted_event_drops_out(app, client, make_event, search_backend):
    from headstart.events.models import Event

    event = make_event(title="Orientation day", description="Bring your passport.")
    with app.app_context():
        db.session.delete(db.session.get(Event, event.id))
        db.session.commit()
        assert reconcile.check().clean
    assert event_count(api(client, "q=passport")) == 0


def test_an_event_declined_behind_the_index_is_never_shown(app, client, make_event,
                                                            search_backend):
    event = make_event(title="Orientation day", description="Bring your passport.")
    with app.app_context():
        # As in the moment before the index follows (or while a rebuild holds its lock).
        db.session.execute(update(Event := type(event)).where(Event.id == event.id)
                           .values(status="declined"))
        db.session.commit()
    assert "Orientation day" not in client.get("/search?q=passport").get_data(as_text=True)
    assert api(client, "q=passport&area=event")["results"] == []


def test_reindex_and_reconcile_include_events(app, client, make_event, runner,
                                              search_backend):
    make_event(title="Orientation day", description="Bring your passport.")
    make_event("proposed", title="Waiting proposal", description="Bring your passport too.")
    with app.app_context():
        search_backend.clear()
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert [r["title"] for r in api(client, "q=passport")["results"]] == ["Orientation day"]
    result = runner.invoke(args=["search", "reconcile"])
    assert result.exit_code == 0, result.output
    assert "0 missing from the index, 0 in the index" in result.output


def test_each_hit_shows_a_snippet_of_its_own_event(client, make_event, search_backend):
    make_event(title="Orientation in Prague", description="Nurses meet employers in Prague.")
    make_event(title="Orientation in Brno", description="Nurses meet teachers in Brno.",
               place="Brno Centre")
    results = api(client, "q=nurses&area=event")["results"]
    assert sorted((r["title"], r["snippet"]) for r in results) == [
        ("Orientation in Brno", "<mark>Nurses</mark> meet teachers in Brno."),
        ("Orientation in Prague", "<mark>Nurses</mark> meet employers in Prague.")]
