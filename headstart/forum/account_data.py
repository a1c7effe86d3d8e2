"""The forum's part of a member's data export (``core.signals.account_export``): their
posts (the posts stay after an account is deleted, attributed to "a former member"),
what they follow and their forum settings."""

from __future__ import annotations

from sqlalchemy import select

from headstart.core.signals import account_export
from headstart.extensions import db
from headstart.forum import notices
from headstart.forum.models import ForumPost, ForumSubscription


@account_export.connect
def _export(user) -> tuple[str, dict]:
    posts = db.session.scalars(select(ForumPost).where(ForumPost.author_id == user.id)
                               .order_by(ForumPost.id))
    follows = db.session.scalars(select(ForumSubscription).where(
        ForumSubscription.user_id == user.id).order_by(ForumSubscription.id))
    return "forum", {
        "posts": [{"id": p.id, "topic": p.topic.title, "body": p.body,
                   "created_at": p.created_at.isoformat(),
                   "edited_at": p.edited_at.isoformat() if p.edited_at else None,
                   "hidden": p.hidden} for p in posts],
        "following": [{"topic_id": s.topic_id, "category_id": s.category_id} for s in follows],
        "email": notices.email_preference(user),
    }
