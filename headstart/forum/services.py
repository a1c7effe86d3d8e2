"""Writing in the forum: categories, topics, replies, edits with their history, what a
member read and follows. Services take the acting user, only flush, and raise domain
errors; notifications are queued in the same transaction (their mail leaves after the
commit)."""

from __future__ import annotations

import logging
import math

from flask import current_app
from sqlalchemy import false, func, or_, select

from headstart.core import subjects
from headstart.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from headstart.core.i18n import LOCALES, _
from headstart.core.models import utcnow
from headstart.extensions import db
from headstart.forum import access, mentions, notices
from headstart.forum.models import (
    ACCESS_LEVELS,
    GROUPINGS,
    ForumCategory,
    ForumPost,
    ForumPostRevision,
    ForumPreference,
    ForumSubscription,
    ForumTopic,
    ForumTopicRead,
)

logger = logging.getLogger(__name__)

POSTS_PER_PAGE = 20
TOPICS_PER_PAGE = 30
MAX_BODY = 20_000
MAX_TITLE = 200


# --- reading ------------------------------------------------------------------------------

def categories_for(user) -> list[ForumCategory]:
    """Categories ``user`` may read, in their order."""
    return list(db.session.scalars(
        select(ForumCategory).where(ForumCategory.access.in_(access.readable_levels(user)))
        .order_by(ForumCategory.position, ForumCategory.name, ForumCategory.id)))


def category_for(user, category_id: int) -> ForumCategory:
    """The category, or NotFound when it does not exist or ``user`` may not read it."""
    category = db.session.get(ForumCategory, category_id)
    if not access.can_see_category(user, category):
        raise NotFound(_("There is no such category."))
    return category


def topic_for(user, topic_id: int) -> ForumTopic:
    """The topic, or NotFound when ``user`` may not read it."""
    topic = db.session.get(ForumTopic, topic_id)
    if not access.can_see_topic(user, topic):
        raise NotFound(_("There is no such topic."))
    return topic


def post_for(user, post_id: int) -> ForumPost:
    """The post, or NotFound when ``user`` may not read its topic (or it waits for
    approval and is not theirs)."""
    post = db.session.get(ForumPost, post_id)
    if post is None or not access.can_see_topic(user, post.topic) or (
            post.held and not access.can_read_post(user, post)):
        raise NotFound(_("There is no such post."))
    return post


def _shown(model, user):
    """The condition for rows of ``model`` (a topic or a post) that ``user`` sees among
    those waiting for approval."""
    author = access.sees_held(user)
    if author is None:
        return model.id.is_not(None)
    return or_(model.held.is_(False), model.author_id == author if author else false())


def topics_page(category: ForumCategory, page: int, user=None) -> tuple[list[ForumTopic], int]:
    """Topics of a category, pinned first then by last activity; and the page count."""
    where = [ForumTopic.category_id == category.id, _shown(ForumTopic, user)]
    total = db.session.scalar(select(func.count(ForumTopic.id)).where(*where)) or 0
    pages = max(1, math.ceil(total / TOPICS_PER_PAGE))
    topics = list(db.session.scalars(
        select(ForumTopic).where(*where)
        .order_by(ForumTopic.pinned.desc(), ForumTopic.last_post_at.desc(), ForumTopic.id.desc())
        .offset((page - 1) * TOPICS_PER_PAGE).limit(TOPICS_PER_PAGE)))
    return topics, pages


def latest_topics(user, limit: int = 10) -> list[ForumTopic]:
    """The most recently active topics ``user`` may read."""
    return list(db.session.scalars(
        select(ForumTopic).join(ForumCategory)
        .where(ForumCategory.access.in_(access.readable_levels(user)), _shown(ForumTopic, user))
        .order_by(ForumTopic.last_post_at.desc(), ForumTopic.id.desc()).limit(limit)))


def category_stats(categories: list[ForumCategory]) -> dict[int, tuple[int, object]]:
    """``{category id: (topic count, last activity)}`` (topics waiting for approval left
    out)."""
    if not categories:
        return {}
    rows = db.session.execute(
        select(ForumTopic.category_id, func.count(ForumTopic.id), func.max(ForumTopic.last_post_at))
        .where(ForumTopic.category_id.in_([c.id for c in categories]),
               ForumTopic.held.is_(False))
        .group_by(ForumTopic.category_id))
    return {row[0]: (row[1], row[2]) for row in rows}


def posts_page(topic: ForumTopic, page: int, user=None) -> tuple[list[ForumPost], int]:
    """Posts of a topic in order, as ``user`` sees them (hidden ones included, the page
    shows them as hidden; posts waiting for approval only to their author and
    coordinators)."""
    where = [ForumPost.topic_id == topic.id, _shown(ForumPost, user)]
    total = db.session.scalar(select(func.count(ForumPost.id)).where(*where)) or 0
    pages = max(1, math.ceil(total / POSTS_PER_PAGE))
    posts = list(db.session.scalars(
        select(ForumPost).where(*where).order_by(ForumPost.id)
        .offset((page - 1) * POSTS_PER_PAGE).limit(POSTS_PER_PAGE)))
    return posts, pages


def page_of(post: ForumPost, user=None) -> int:
    """The page of its topic a post is on, for ``user``."""
    before = db.session.scalar(select(func.count(ForumPost.id)).where(
        ForumPost.topic_id == post.topic_id, ForumPost.id < post.id,
        _shown(ForumPost, user))) or 0
    return before // POSTS_PER_PAGE + 1


def first_post(topic: ForumTopic) -> ForumPost | None:
    """The post that opened ``topic``."""
    return db.session.scalar(select(ForumPost).where(ForumPost.topic_id == topic.id)
                             .order_by(ForumPost.id).limit(1))


def topic_about(kind: str, subject_id: int) -> ForumTopic | None:
    """The topic attached to a subject, if any."""
    return db.session.scalar(select(ForumTopic).where(
        ForumTopic.subject_kind == kind, ForumTopic.subject_id == subject_id))


# --- unread markers -----------------------------------------------------------------------

def last_read(user, topics: list[ForumTopic]) -> dict[int, int]:
    """``{topic id: newest post id user was shown}`` for signed-in members."""
    if not access.is_member(user) or not topics:
        return {}
    rows = db.session.execute(select(ForumTopicRead.topic_id, ForumTopicRead.last_read_post_id)
                              .where(ForumTopicRead.user_id == user.id,
                                     ForumTopicRead.topic_id.in_([t.id for t in topics])))
    return {row[0]: row[1] for row in rows}


def unread_ids(user, topics: list[ForumTopic]) -> set[int]:
    """Topics with posts ``user`` has not been shown yet (none for visitors)."""
    if not access.is_member(user):
        return set()
    read = last_read(user, topics)
    return {t.id for t in topics if (t.last_post_id or 0) > read.get(t.id, 0)}


def mark_read(user, topic: ForumTopic, post_id: int) -> None:
    """Remember that ``user`` was shown ``topic`` up to ``post_id`` (never backwards)."""
    row = db.session.get(ForumTopicRead, (user.id, topic.id))
    if row is None:
        db.session.add(ForumTopicRead(user_id=user.id, topic_id=topic.id,
                                      last_read_post_id=post_id))
    elif row.last_read_post_id < post_id:
        row.last_read_post_id = post_id
    db.session.flush()


# --- writing ------------------------------------------------------------------------------

def _require_member(actor) -> None:
    if not access.is_member(actor):
        raise PermissionDenied(_("Please sign in to write in the forum."))


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise DomainError(_("Please write something."), field="body")
    return body


def needs_approval(actor) -> bool:
    """Whether a post by ``actor`` waits for a coordinator: until a member has
    ``FORUM_HOLD_FIRST_POSTS`` approved posts (coordinators never wait). A post still
    waiting or refused never counts; one hidden after it was published still does (the
    member was approved, the hiding was about that post)."""
    held_first = int(current_app.config.get("FORUM_HOLD_FIRST_POSTS", 0) or 0)
    if held_first <= 0 or access.is_moderator(actor):
        return False
    approved = db.session.scalar(select(func.count(ForumPost.id)).where(
        ForumPost.author_id == actor.id, ForumPost.held.is_(False),
        ForumPost.refused.is_(False))) or 0
    return approved < held_first


def create_topic(category: ForumCategory, title: str, body: str, *, actor,
                 language: str = "en", subject: subjects.Subject | None = None) -> ForumPost:
    """Open a topic in ``category`` with its first post; the author follows it. A new
    member's topic waits for a coordinator's approval before anyone else sees it."""
    _require_member(actor)
    if not access.can_see_category(actor, category):
        raise NotFound(_("There is no such category."))
    if subject is not None and topic_about(subject.kind, subject.id) is not None:
        raise Conflict(_("This already has a discussion."))
    now = utcnow()
    held = needs_approval(actor)
    topic = ForumTopic(category=category, title=title.strip(), author_id=actor.id,
                       language=language, created_at=now, last_post_at=now, held=held,
                       subject_kind=subject.kind if subject else None,
                       subject_id=subject.id if subject else None)
    post = ForumPost(topic=topic, author_id=actor.id, body=_clean_body(body), created_at=now,
                     held=held)
    db.session.add_all([topic, post])
    db.session.flush()
    topic.last_post_id = post.id
    follow(actor, topic=topic)
    db.session.flush()
    logger.info("user %s opened topic %s in category %s%s", actor.id, topic.id, category.id,
                " (held for approval)" if held else "")
    if held:
        notices.held_for_approval(post)
    else:
        notices.post_added(post, new_topic=True, mentioned=mentions.mentioned_users(post.body))
    return post


def reply(topic: ForumTopic, body: str, *, actor) -> ForumPost:
    """Add a reply to ``topic``; refused with Conflict while the topic is locked."""
    _require_member(actor)
    if not access.can_see_category(actor, topic.category):
        raise NotFound(_("There is no such topic."))
    lock(topic)
    if topic.locked:
        raise Conflict(_("This topic is locked: it takes no more replies. Your text was not "
                         "posted; it is kept below so you can copy it."))
    now = utcnow()
    held = needs_approval(actor)
    post = ForumPost(topic=topic, author_id=actor.id, body=_clean_body(body), created_at=now,
                     held=held)
    db.session.add(post)
    db.session.flush()
    if held:
        logger.info("user %s replied in topic %s (post %s, held for approval)", actor.id,
                    topic.id, post.id)
        notices.held_for_approval(post)
        return post
    published(post, now)
    mark_read(actor, topic, post.id)
    logger.info("user %s replied in topic %s (post %s)", actor.id, topic.id, post.id)
    notices.post_added(post, new_topic=False, mentioned=mentions.mentioned_users(post.body))
    return post


def published(post: ForumPost, when) -> None:
    """A post became visible: its topic's activity and count follow."""
    topic = post.topic
    topic.last_post_at = max(topic.last_post_at, when) if topic.last_post_at else when
    topic.last_post_id = max(topic.last_post_id or 0, post.id)
    recount(topic)


def edit_post(post: ForumPost, body: str, *, actor, title: str | None = None) -> bool:
    """Change a post's body (and the topic's title, for its first post); the previous
    body is kept as a revision. Returns False when nothing changed."""
    _require_member(actor)
    if not access.can_edit_post(actor, post):
        if post.topic.locked and post.author_id == actor.id:
            raise Conflict(_("This topic is locked: its posts can no longer be edited."))
        raise PermissionDenied(_("You may not edit this post."))
    body = _clean_body(body)
    changed = False
    if title is not None and title.strip() and title.strip() != post.topic.title:
        post.topic.title = title.strip()
        changed = True
    if body != post.body:
        before = mentions.mentioned_users(post.body)
        db.session.add(ForumPostRevision(post=post, body=post.body,
                                         written_at=post.edited_at or post.created_at,
                                         editor_id=actor.id))
        post.body = body
        post.edited_at = utcnow()
        changed = True
        db.session.flush()
        notices.post_edited(post, before=before, mentioned=mentions.mentioned_users(body))
    if changed:
        db.session.flush()
        logger.info("user %s edited post %s", actor.id, post.id)
    return changed


def lock(topic: ForumTopic) -> None:
    """Take the topic's row lock for the rest of the transaction (PostgreSQL; SQLite
    writers already take turns) and read its current state: replies to one topic then
    count one after the other, and a topic locked meanwhile refuses the reply. Taken
    before a post row points at the topic (its foreign-key share lock would otherwise
    deadlock with another writer's)."""
    db.session.execute(select(ForumTopic.id).where(ForumTopic.id == topic.id)
                       .with_for_update())
    db.session.refresh(topic)


def recount(topic: ForumTopic) -> None:
    """Set the topic's reply count and newest post from its visible posts (the caller
    holds the topic's lock, see :func:`lock`)."""
    db.session.flush()
    visible, newest = db.session.execute(select(func.count(ForumPost.id), func.max(ForumPost.id))
                                         .where(ForumPost.topic_id == topic.id,
                                                ForumPost.hidden.is_(False),
                                                ForumPost.held.is_(False))).one()
    topic.reply_count = max((visible or 0) - 1, 0)
    topic.last_post_id = max(topic.last_post_id or 0, newest or 0)


def quote(post: ForumPost, post_url: str) -> str:
    """A Markdown blockquote of ``post`` citing its author, to start a reply with."""
    name = post.author.display_name if post.author is not None else _("a former member")
    lines = [_("[%(name)s wrote](%(url)s):", name=name.replace("]", ")"), url=post_url), ""]
    lines += post.body.splitlines()
    return "\n".join("> " + line if line else ">" for line in lines) + "\n\n"


# --- following ----------------------------------------------------------------------------

def is_following(user, *, topic: ForumTopic | None = None,
                 category: ForumCategory | None = None) -> bool:
    """Whether ``user`` follows the topic (or category)."""
    if not access.is_member(user):
        return False
    query = select(ForumSubscription.id).where(ForumSubscription.user_id == user.id)
    if topic is not None:
        query = query.where(ForumSubscription.topic_id == topic.id)
    else:
        query = query.where(ForumSubscription.category_id == category.id)
    return db.session.scalar(query) is not None


def follow(user, *, topic: ForumTopic | None = None,
           category: ForumCategory | None = None) -> None:
    """Follow a topic or a category (again is harmless)."""
    _require_member(user)
    if is_following(user, topic=topic, category=category):
        return
    db.session.add(ForumSubscription(user_id=user.id, topic_id=topic.id if topic else None,
                                     category_id=category.id if category else None))
    db.session.flush()


def unfollow(user, *, topic: ForumTopic | None = None,
             category: ForumCategory | None = None) -> None:
    """Stop following a topic or a category."""
    query = select(ForumSubscription).where(ForumSubscription.user_id == user.id)
    if topic is not None:
        query = query.where(ForumSubscription.topic_id == topic.id)
    else:
        query = query.where(ForumSubscription.category_id == category.id)
    for row in db.session.scalars(query):
        db.session.delete(row)
    db.session.flush()


def subscriptions_of(user) -> list[ForumSubscription]:
    """What ``user`` follows (topics and categories they may still read)."""
    rows = db.session.scalars(select(ForumSubscription).where(
        ForumSubscription.user_id == user.id).order_by(ForumSubscription.id))
    return [s for s in rows if (access.can_see_category(user, s.category)
                                if s.category is not None
                                else access.can_see_topic(user, s.topic))]


def set_email_preference(user, choice: str) -> None:
    """Forum e-mails ``immediately`` or ``off``."""
    if choice not in notices.EMAIL_CHOICES:
        raise DomainError(_("Please choose one of the options."))
    preference = db.session.get(ForumPreference, user.id)
    if preference is None:
        db.session.add(ForumPreference(user_id=user.id, email=choice))
    else:
        preference.email = choice
    db.session.flush()


# --- categories ---------------------------------------------------------------------------

def _translations(texts: dict[str, str] | None, *, limit: int,
                  single_line: bool = False) -> dict[str, str]:
    kept = {}
    for code, text in (texts or {}).items():
        if code not in LOCALES:
            continue
        text = " ".join(str(text or "").split()) if single_line else str(text or "").strip()
        if text:
            kept[code] = text[:limit]
    return kept


def save_category(category: ForumCategory | None, *, actor, name: str, description: str,
                  grouping: str, position: int, access_level: str,
                  names: dict[str, str] | None = None,
                  descriptions: dict[str, str] | None = None) -> ForumCategory:
    """Create (``category`` None) or change a category; coordinators only. ``names`` and
    ``descriptions`` give them in other interface languages (language code → text; an
    empty text, or a code that is no interface language, is dropped)."""
    if not access.is_moderator(actor):
        raise PermissionDenied(_("Only coordinators manage categories."))
    if grouping not in GROUPINGS or access_level not in ACCESS_LEVELS:
        raise DomainError(_("Please choose one of the options."))
    if category is None:
        category = ForumCategory()
        db.session.add(category)
    category.name = name.strip()
    category.description = description.strip()
    category.names = _translations(names, limit=120, single_line=True)
    category.descriptions = _translations(descriptions, limit=2000)
    category.grouping = grouping
    category.position = position
    category.access = access_level
    db.session.flush()
    logger.info("user %s saved forum category %s (%s)", actor.id, category.id, access_level)
    return category
