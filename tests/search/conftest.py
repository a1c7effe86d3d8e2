"""Every search test runs on each backend that fits the database: Whoosh everywhere, the
PostgreSQL backend on the PostgreSQL run."""

import pytest

from headstart.search.postgres_backend import PostgresBackend
from headstart.search.whoosh_backend import WhooshBackend


def pytest_collection_modifyitems(config, items):
    """The PostgreSQL backend needs the PostgreSQL database: drop the SQLite pairing."""
    keep, drop = [], []
    for item in items:
        (drop if "sqlite-postgres" in item.nodeid else keep).append(item)
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
