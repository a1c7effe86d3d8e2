"""Handbook fixtures: a coordinator and a small handbook (two chapters, three sections)."""

from __future__ import annotations

import pytest

from headstart.extensions import db
from headstart.handbook import editions, services
from headstart.handbook.models import Section


@pytest.fixture
def coordinator(make_user):
    """A coordinator account."""
    return make_user("coordinator")


@pytest.fixture
def handbook(app, coordinator):
    """Chapters "Procedures" (sections first-contact, referral) and "Training"
    (section induction); returns ``{slug: section id}``. Nothing is published."""
    with app.app_context():
        actor = db.session.get(type(coordinator), coordinator.id)
        procedures = services.create_chapter("Procedures", actor=actor)
        training = services.create_chapter("Training", actor=actor)
        ids = {}
        for chapter, slug, title, body in (
            (procedures, "first-contact", "First contact",
             "Greet the visitor.\n\n# What to ask\n\n- Where are you going?\n- When?"),
            (procedures, "referral", "Referral", "Refer to a counterpart."),
            (training, "induction", "Induction", "Two weeks of shadowing."),
        ):
            ids[slug] = services.create_section(chapter, title=title, slug=slug, body=body,
                                                actor=actor).id
        db.session.commit()
    return ids


@pytest.fixture
def publish(app, coordinator):
    """Publish an edition now: ``publish("notes")`` returns its number."""

    def factory(notes: str = "") -> int:
        with app.app_context():
            actor = db.session.get(type(coordinator), coordinator.id)
            edition = editions.publish(notes, actor=actor)
            db.session.commit()
            return edition.number

    return factory


@pytest.fixture
def edit(app, coordinator):
    """Save a new source revision of a section: ``edit(section_id, body, title=None)``."""

    def factory(section_id: int, body: str, title: str | None = None, language=None):
        with app.app_context():
            actor = db.session.get(type(coordinator), coordinator.id)
            section = db.session.get(Section, section_id)
            latest = services.current(section, language)
            revision = services.save(section, title=title or (latest.title if latest else "T"),
                                     body=body, summary="edit", language=language,
                                     base_revision_id=latest.id if latest else None,
                                     actor=actor)
            db.session.commit()
            return revision.id if revision else None

    return factory
