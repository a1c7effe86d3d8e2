"""Handbook sections of the latest edition are found by the global search; drafts and
older editions are not."""

from __future__ import annotations

import pytest

from headstart.extensions import db
from headstart.handbook import editions, services
from headstart.handbook.models import Section


@pytest.fixture
def handbook_world(app, make_user, search_backend):
    coordinator = make_user("coordinator")
    with app.app_context():
        actor = db.session.get(type(coordinator), coordinator.id)
        chapter = services.create_chapter("Procedures", actor=actor)
        section = services.create_section(
            chapter, title="Intake interview", slug="intake",
            body="Ask about the destination country and the employer.", actor=actor)
        db.session.commit()
        section_id = section.id
    return coordinator, section_id


def _edit(app, coordinator, section_id, body, language=None, title=None):
    with app.app_context():
        actor = db.session.get(type(coordinator), coordinator.id)
        section = db.session.get(Section, section_id)
        latest = services.current(section, language)
        services.save(section, title=title or (latest.title if latest else "Pohovor"),
                      body=body, summary="", language=language,
                      base_revision_id=latest.id if latest else None, actor=actor)
        db.session.commit()


def _publish(app, coordinator):
    with app.app_context():
        editions.publish("", actor=db.session.get(type(coordinator), coordinator.id))
        db.session.commit()


def _titles(client, q, lang="en"):
    data = client.get(f"/api/v1/search?q={q}&lang={lang}").get_json()
    return [(r["title"], r["url"].removeprefix("http://localhost")) for r in data["results"]]


def test_drafts_are_not_found_published_sections_are(app, client, handbook_world):
    coordinator, section_id = handbook_world
    assert _titles(client, "employer") == []
    _publish(app, coordinator)
    assert _titles(client, "employer") == [("Intake interview",
                                            "/handbook/editions/1/intake")]
    page = client.get("/search?q=employer").text
    assert "/handbook/editions/1/intake" in page


def test_only_the_latest_edition_is_indexed(app, client, handbook_world):
    coordinator, section_id = handbook_world
    _publish(app, coordinator)
    _edit(app, coordinator, section_id, "Ask about the contract and the recruiter.")
    assert [t for t, _u in _titles(client, "recruiter")] == []  # a draft
    _publish(app, coordinator)
    assert _titles(client, "recruiter") == [("Intake interview", "/handbook/editions/2/intake")]
    assert _titles(client, "employer") == []  # edition 1 left the index


def test_readers_find_their_translation(app, client, handbook_world):
    coordinator, section_id = handbook_world
    _edit(app, coordinator, section_id, "Zeptejte se na zaměstnavatele.", language="cs",
          title="Vstupní pohovor")
    _publish(app, coordinator)
    assert [t for t, _u in _titles(client, "pohovor", lang="cs")] == ["Vstupní pohovor"]
    # English words find the section for Czech readers too, once, in their version (the
    # words were found in the English source).
    assert [t for t, _u in _titles(client, "employer", lang="cs")] == ["Vstupní pohovor"]
    assert [t for t, _u in _titles(client, "employer", lang="en")] == ["Intake interview"]
