"""Forum posts as search documents (see ``headstart.search.service``).

A post's audience is its category's access (``public``, ``members`` or
``coordinators``): the search service only finds documents of the audiences the
searcher holds, so a visitor's search, the global page and the JSON API never show a
post of a members-only category. Hidden posts have no document.
"""

from __future__ import annotations

from flask import url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from headstart.core.i18n import _l
from headstart.core.markdown import plain_text
from headstart.extensions import db
from headstart.forum import access
from headstart.forum.models import ForumPost, ForumTopic
from headstart.search.base import SearchDocument
from headstart.search.service import Provider, Shown, register


def document(post: ForumPost) -> SearchDocument | None:
    """The search document of a post (None for a hidden one, or one waiting for
    approval)."""
    if post.hidden or post.held or post.topic.held:
        return None
    topic = post.topic
    return SearchDocument(
        key=f"forum:{post.id}", area="forum", object_id=post.id, language=topic.language,
        title=topic.title, summary="", body=plain_text(post.body, 100_000),
        facets={"category": [str(topic.category_id)]}, published_at=post.created_at,
        audience=access.search_audience(topic.category))


def _posts(ids: list[int]) -> list[ForumPost]:
    return list(db.session.scalars(select(ForumPost).where(ForumPost.id.in_(ids)).options(
        selectinload(ForumPost.topic).selectinload(ForumTopic.category))))


def load(ids: list[int]) -> dict[int, SearchDocument | None]:
    found: dict[int, SearchDocument | None] = {i: None for i in ids}
    for post in _posts(ids):
        found[post.id] = document(post)
    return found


def all_ids():
    return db.session.scalars(select(ForumPost.id).where(ForumPost.hidden.is_(False),
                                                         ForumPost.held.is_(False))
                              .order_by(ForumPost.id))


def show(ids: list[int]) -> dict[int, Shown]:
    """Visible posts among ``ids`` as the global search page shows them."""
    shown = {}
    for post in _posts(ids):
        if post.hidden or post.held or post.topic.held:
            continue
        text = plain_text(post.body, 20_000)
        shown[post.id] = Shown(title=post.topic.title,
                               url=url_for("forum.post", post_id=post.id),
                               language=post.topic.language, summary=text[:280], texts=(text,),
                               audience=access.search_audience(post.topic.category))
    return shown


register(Provider("forum", load, all_ids, show, label=_l("Forum")))
