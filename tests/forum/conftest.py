"""Forum fixtures: categories, topics written through the services, and the search
backends (forum search tests run on Whoosh and, on PostgreSQL, on its backend too)."""

from __future__ import annotations

import pytest

from headstart.extensions import db
from tests.search.conftest import (  # noqa: F401 - the same backends as the search tests
    pytest_collection_modifyitems,
    search_backend,
)


@pytest.fixture
def make_category(app):
    """``make_category("Care work", access="members")`` → the category's id."""

    def factory(name="Care work in Italy", *, access="public", grouping="theme", position=0):
        from headstart.forum.models import ForumCategory

        with app.app_context():
            category = ForumCategory(name=name, access=access, grouping=grouping,
                                     position=position)
            db.session.add(category)
            db.session.commit()
            return category.id

    return factory


@pytest.fixture
def make_topic(app):
    """``make_topic(category_id, author, "Title", "Body")`` → ``(topic id, post id)``,
    written through the service (the author follows it, followers are told)."""

    def factory(category_id, author, title="Preparing care workers", body="First post",
                subject=None):
        from headstart.accounts.models import User
        from headstart.forum import services
        from headstart.forum.models import ForumCategory

        with app.test_request_context():
            post = services.create_topic(db.session.get(ForumCategory, category_id), title,
                                         body, actor=db.session.get(User, author.id),
                                         subject=subject)
            db.session.commit()
            return post.topic_id, post.id

    return factory


@pytest.fixture
def add_reply(app):
    """``add_reply(topic_id, author, "Body")`` → the post id."""

    def factory(topic_id, author, body="A reply"):
        from headstart.accounts.models import User
        from headstart.forum import services
        from headstart.forum.models import ForumTopic

        with app.test_request_context():
            post = services.reply(db.session.get(ForumTopic, topic_id), body,
                                  actor=db.session.get(User, author.id))
            db.session.commit()
            return post.id

    return factory


@pytest.fixture(autouse=True)
def _no_approval_by_default(app, monkeypatch):
    """Tests write as members whose posts appear at once; the approval of new members'
    first posts has its own tests (which set ``FORUM_HOLD_FIRST_POSTS`` again)."""
    monkeypatch.setitem(app.config, "FORUM_HOLD_FIRST_POSTS", 0)
