"""``GET /api/v1/forum/…``: the forum as a visitor reads it (``headstart.forum.public``),
whoever asks — public categories, their topics and the posts anyone may read (none
hidden or waiting for approval). A topic or category a visitor may not see answers 404
exactly like one that does not exist. Authors are named as the forum page names them
(display name and @handle, ``null`` for a former member); e-mail addresses never appear."""

from __future__ import annotations

import math

from flask import jsonify, request

from headstart.api.views import _int, _paging, bp
from headstart.core import bounds
from headstart.core.errors import render_error
from headstart.core.mail import external_url
from headstart.core.markdown import render
from headstart.forum import mentions, public

#: Posts of a topic per page unless ``per_page`` says otherwise (as the forum page).
POSTS_PER_PAGE = 20


def _iso(moment) -> str | None:
    return moment.isoformat() if moment is not None else None


def _author(user) -> dict | None:
    if user is None:
        return None
    return {"name": user.display_name, "handle": "@" + mentions.handle(user.display_name)}


def _category_reference(category) -> dict:
    return {"id": category.id, "name": category.name}


def _topic_summary(topic) -> dict:
    return {
        "id": topic.id, "title": topic.title, "category": _category_reference(topic.category),
        "language": topic.language, "author": _author(topic.author),
        "created_at": _iso(topic.created_at), "last_post_at": _iso(topic.last_post_at),
        "reply_count": topic.reply_count, "pinned": bool(topic.pinned),
        "locked": bool(topic.locked),
        "url": external_url("forum.topic", topic_id=topic.id),
    }


def _beyond(page: int, total: int, per_page: int) -> bool:
    """A page after the last (page 1 always exists, if empty)."""
    return page > max(1, math.ceil(total / per_page))


@bp.route("/forum/categories")
def forum_categories():
    """Public categories in the forum's order, with topic counts and last activity."""
    found = public.categories()
    counts = public.stats(found)
    return jsonify({"total": len(found), "results": [{
        "id": c.id, "name": c.name, "description": c.description or "",
        "grouping": c.grouping, "topic_count": counts.get(c.id, (0, None))[0],
        "last_activity": _iso(counts.get(c.id, (0, None))[1]),
        "url": external_url("forum.category", category_id=c.id),
        "feed_url": external_url("forum.category_feed", category_id=c.id),
    } for c in found]})


@bp.route("/forum/topics")
def forum_topics():
    """Topics of public categories (``category=`` one of them), by last activity."""
    category_id = None
    if request.args.get("category"):
        category_id = _int("category", 0, 1, bounds.MAX_ID)
        if public.category(category_id) is None:
            return render_error(404, "No public category has this id.")
    page, per_page = _paging()
    topics, total = public.topics(category_id, page, per_page)
    if _beyond(page, total, per_page):
        return render_error(404, "There is no such page: the list has fewer topics.")
    return jsonify({"total": total, "page": page, "per_page": per_page,
                    "results": [_topic_summary(t) for t in topics]})


@bp.route("/forum/topics/<int:topic_id>")
def forum_topic(topic_id: int):
    """A topic with one page of its posts (Markdown and sanitised HTML)."""
    topic = public.topic(topic_id)
    if topic is None:
        return render_error(404, "No public topic has this id.")
    page, per_page = _paging(POSTS_PER_PAGE)
    posts, total = public.posts(topic, page, per_page)
    if _beyond(page, total, per_page):
        return render_error(404, "There is no such page: the topic has fewer posts.")
    body = _topic_summary(topic)
    body["posts"] = {"total": total, "page": page, "per_page": per_page, "results": [{
        "id": p.id, "author": _author(p.author), "created_at": _iso(p.created_at),
        "edited_at": _iso(p.edited_at), "markdown": p.body, "html": str(render(p.body)),
        "url": external_url("forum.post", post_id=p.id),
    } for p in posts]}
    return jsonify(body)

