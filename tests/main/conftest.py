"""Fixtures of the home page tests: the events, forum and handbook factories of those
areas' tests, and the page cache switched on for one test."""

import pytest

from headstart.core import page_cache
from tests.events.conftest import make_event  # noqa: F401 - the events tests' factory
from tests.forum.conftest import (  # noqa: F401 - the forum tests' factories
    _no_approval_by_default,
    add_reply,
    make_category,
    make_topic,
)
from tests.handbook.conftest import coordinator, handbook, publish  # noqa: F401


@pytest.fixture
def kept(app):
    """The page cache switched on for one test (the suite runs with it off)."""
    app.config["PAGE_CACHE_BYTES"] = 8 * 1024 * 1024
    store = page_cache.store(app)
    store.clear()
    yield store
    app.config["PAGE_CACHE_BYTES"] = 0
    store.clear()
