"""What anyone may read of the forum, for the JSON API: public categories, their topics
that wait for nobody's approval, and the posts of those topics that are neither hidden
nor waiting for approval. The same for every caller (signed in or not), so answers can
be kept by any cache."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from headstart.extensions import db
from headstart.forum import services
from headstart.forum.models import ForumCategory, ForumPost, ForumTopic


def categories() -> list[ForumCategory]:
    """Public categories in the forum's order."""
    return [c for c in services.categories_for(None) if c.access == "public"]


def category(category_id: int) -> ForumCategory | None:
    """The category when it is public (None also when it does not exist)."""
    found = db.session.get(ForumCategory, category_id)
    return found if found is not None and found.access == "public" else None


def stats(found: list[ForumCategory]) -> dict[int, tuple[int, object]]:
    """``{category id: (topic count, last activity)}`` over topics anyone may read."""
    return services.category_stats(found)


def _topics_where(category_id: int | None) -> list:
    where = [ForumTopic.held.is_(False), ForumCategory.access == "public"]
    if category_id is not None:
        where.append(ForumTopic.category_id == category_id)
    return where


def topics(category_id: int | None, page: int, per_page: int) -> tuple[list[ForumTopic], int]:
    """One page of readable topics (of one category, pinned ones first, or of all public
    categories), by last activity; and how many there are in all."""
    where = _topics_where(category_id)
    total = db.session.scalar(select(func.count(ForumTopic.id)).join(ForumCategory)
                              .where(*where)) or 0
    order = [ForumTopic.last_post_at.desc(), ForumTopic.id.desc()]
    if category_id is not None:
        order.insert(0, ForumTopic.pinned.desc())
    found = list(db.session.scalars(
        select(ForumTopic).join(ForumCategory).where(*where)
        .options(selectinload(ForumTopic.category), selectinload(ForumTopic.author))
        .order_by(*order).offset((page - 1) * per_page).limit(per_page)))
    return found, total


def topic(topic_id: int) -> ForumTopic | None:
    """The topic when anyone may read it (None also when it does not exist)."""
    found = db.session.get(ForumTopic, topic_id)
    if found is None or found.held or found.category.access != "public":
        return None
    return found


def posts(found: ForumTopic, page: int, per_page: int) -> tuple[list[ForumPost], int]:
    """One page of the topic's readable posts in order, and how many there are."""
    where = [ForumPost.topic_id == found.id, ForumPost.hidden.is_(False),
             ForumPost.held.is_(False)]
    total = db.session.scalar(select(func.count(ForumPost.id)).where(*where)) or 0
    shown = list(db.session.scalars(
        select(ForumPost).where(*where).options(selectinload(ForumPost.author))
        .order_by(ForumPost.id).offset((page - 1) * per_page).limit(per_page)))
    return shown, total
