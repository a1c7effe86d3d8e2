"""Every search test runs on each backend that fits the database: Whoosh everywhere, the
PostgreSQL backend on the PostgreSQL run."""

import pytest

from headstart.search.postgres_backend import PostgresBackend
from headstart.search.whoosh_backend import WhooshBackend


def pytest_collection_modifyitems(config, items):
    """The PostgreSQL backend needs the PostgreSQL database: drop the SQLite pairing; and
    tests of the embedded index's files (``@pytest.mark.whoosh_only``) skip the other
    backend."""
    keep, drop = [], []
    for item in items:
        whoosh_only = item.get_closest_marker("whoosh_only") is not None
        unfit = "sqlite-postgres" in item.nodeid or (whoosh_only and "-postgres]" in item.nodeid)
        (drop if unfit else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(params=["whoosh", "postgres"])
def search_backend(request, app):
    """The backend under test, installed as the app's backend for this test."""
    previous = app.extensions.get("search_backend")
    backend = (WhooshBackend(app.config["INDEX_DIR"]) if request.param == "whoosh"
               else PostgresBackend())
    app.extensions["search_backend"] = backend
    app.config["SEARCH_BACKEND"] = request.param
    with app.app_context():
        backend.clear()
    yield backend
    if hasattr(backend, "_reset"):
        backend._reset()
    app.extensions["search_backend"] = previous
    app.config["SEARCH_BACKEND"] = "whoosh"


@pytest.fixture
def corpus(app, make_practice, search_backend):
    """Four published practices and one draft."""
    made = {
        "brasov": make_practice(
            "published", title="Information centre in Brașov",
            summary="Migrant information centres in Romania answer questions.",
            implementation_countries=["RO"], origin_countries=["MD"],
            destination_countries=["RO"], themes=["information_orientation"]),
        "training": make_practice(
            "published", title="Vocational trainings for care workers",
            summary="Care workers from Moldova are trained before leaving for Italy.",
            themes=["vocational_training", "employment"]),
        "language": make_practice(
            "published", title="German courses before departure",
            summary="Learners in Kosovo start German and continue in Vienna.",
            implementation_countries=["XK", "AT"], origin_countries=["XK"],
            destination_countries=["AT"], themes=["education_language"],
            phase="continuum"),
        "roma": make_practice(
            "published", title="Roma cooperatives",
            summary="Social cooperatives employ Roma women; seasonal work is avoided.",
            implementation_countries=["PL"], origin_countries=[], destination_countries=[],
            themes=["employment", "social_inclusion"], target_groups=["women"]),
        "draft": make_practice("draft", title="Secret information draft"),
    }
    return {name: practice.id for name, practice in made.items()}
