"""The demo forum (see ``forum_data``): written directly as rows, so loading the demo
sends no mail and no notification; authors follow their topics as they would."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from headstart.accounts import services as accounts
from headstart.core.models import utcnow
from headstart.demo.forum_data import CATEGORIES, PINNED, TOPICS
from headstart.extensions import db
from headstart.forum.models import ForumCategory, ForumPost, ForumSubscription, ForumTopic
from headstart.practices.models import Practice


def load_forum() -> int:
    """Add the missing demo categories and topics; returns how many topics were added."""
    categories = {}
    for name, grouping, access, position, description in CATEGORIES:
        category = db.session.scalar(select(ForumCategory).where(ForumCategory.name == name))
        if category is None:
            category = ForumCategory(name=name, grouping=grouping, access=access,
                                     position=position, description=description)
            db.session.add(category)
        categories[name] = category
    db.session.flush()
    added = 0
    now = utcnow()
    for category_name, title, subject_title, posts in TOPICS:
        if db.session.scalar(select(ForumTopic.id).where(ForumTopic.title == title)):
            continue
        subject_id = None
        if subject_title:
            subject_id = db.session.scalar(select(Practice.id).where(
                Practice.title == subject_title, Practice.language == "en",
                Practice.status == "published"))
        authors = [accounts.find_by_email(email) for email, _days, _body in posts]
        first_at = now - timedelta(days=posts[0][1])
        topic = ForumTopic(category=categories[category_name], title=title,
                           author_id=authors[0].id if authors[0] else None,
                           created_at=first_at, last_post_at=first_at,
                           pinned=title in PINNED,
                           subject_kind="practice" if subject_id else None,
                           subject_id=subject_id)
        db.session.add(topic)
        for author, (_email, days, body) in zip(authors, posts, strict=True):
            at = now - timedelta(days=days)
            post = ForumPost(topic=topic, author_id=author.id if author else None, body=body,
                             created_at=at)
            topic.posts.append(post)
            db.session.flush()
            topic.last_post_at, topic.last_post_id = at, post.id
        topic.reply_count = len(posts) - 1
        if authors[0] is not None:
            db.session.add(ForumSubscription(user_id=authors[0].id, topic=topic))
        db.session.flush()
        added += 1
    return added
