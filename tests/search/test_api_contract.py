"""The API keeps its published contract: the OpenAPI document is valid, and every response
to generated requests (schemathesis) matches it — status codes, content types, bodies."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate


@pytest.fixture
def published(app, make_practice, make_org, make_user):
    """A few published practices and organisations for the generated requests to find."""
    make_practice("published", title="Information centre in Brașov",
                  implementation_countries=["RO"], origin_countries=["MD"],
                  destination_countries=["RO"], themes=["information_orientation"])
    make_practice("published", title="German courses before departure", language="de")
    make_practice("draft", title="Unpublished draft")
    make_org("Skopje Employment Office", country="MK", services=["job_matching"],
             languages=["mk"], corridors=["MK-DE"])
    make_org("Welcome Centre Munich", side="destination", country="DE",
             services=["skills_recognition"], languages=["de", "mk"], corridors=["MK-DE"],
             verified=True)
    coordinator = make_user("coordinator")
    _handbook(app, coordinator)
    _forum(app, coordinator)


def _handbook(app, coordinator):
    """Two published editions of a small handbook, one section translated into Czech."""
    from headstart.extensions import db
    from headstart.handbook import editions, services

    with app.app_context():
        actor = db.session.get(type(coordinator), coordinator.id)
        chapter = services.create_chapter("Procedures", actor=actor)
        section = services.create_section(chapter, title="First contact", slug="first-contact",
                                          body="# Ask\n\n- Where to?", actor=actor)
        services.save(section, title="První kontakt", body="Kam?", summary="", language="cs",
                      base_revision_id=None, actor=actor)
        editions.publish("First", actor=actor)
        editions.publish("Second", actor=actor)
        db.session.commit()


def _forum(app, coordinator):
    """A public and a members-only category, each with a topic and a reply."""
    from headstart.extensions import db
    from headstart.forum import services
    from headstart.forum.models import ForumCategory

    with app.test_request_context():
        actor = db.session.get(type(coordinator), coordinator.id)
        for name, access in (("Care work", "public"), ("Partnerships", "members")):
            category = ForumCategory(name=name, access=access)
            db.session.add(category)
            db.session.flush()
            post = services.create_topic(category, f"About {name}", "First *post*",
                                         actor=actor)
            services.reply(post.topic, "A reply", actor=actor)
        db.session.commit()


def test_the_document_is_valid_openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    validate(document)
    assert set(document["paths"]) == set(PATHS)


PATHS = ["/practices", "/practices/{id}", "/search", "/organisations", "/organisations/{id}",
         "/organisations/{id}/counterparts", "/handbook", "/forum/categories", "/forum/topics",
         "/forum/topics/{id}"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_matches_the_document(app, published, path):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operation = schema[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate()

    check()
