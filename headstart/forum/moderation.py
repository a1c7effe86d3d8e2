"""Moderation: members flag posts; coordinators hide and restore posts, pin, lock and
move topics, and dismiss flags. Every action is written to the moderation log with who
did it and why."""

from __future__ import annotations

import logging

from sqlalchemy import func, select

from headstart.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from headstart.core.i18n import _
from headstart.core.models import utcnow
from headstart.extensions import db
from headstart.forum import access, notices
from headstart.forum.models import (
    ForumCategory,
    ForumFlag,
    ForumModerationEntry,
    ForumPost,
    ForumTopic,
)
from headstart.forum.services import lock, recount

logger = logging.getLogger(__name__)

LOG_PAGE = 50


def _require_moderator(actor) -> None:
    if not access.is_moderator(actor):
        raise PermissionDenied(_("Only coordinators moderate the forum."))


def _reason(reason: str, *, required: bool = True) -> str:
    reason = " ".join((reason or "").split())
    if required and not reason:
        raise DomainError(_("Please give a reason."), field="reason")
    return reason[:1000]


def _log(actor, action: str, *, topic: ForumTopic, post: ForumPost | None = None,
         reason: str = "", details: dict | None = None) -> ForumModerationEntry:
    entry = ForumModerationEntry(actor_id=actor.id, action=action, topic_id=topic.id,
                                 post_id=post.id if post else None, reason=reason,
                                 details=details or {})
    db.session.add(entry)
    logger.info("moderator %s: %s topic %s post %s (%s)", actor.id, action, topic.id,
                post.id if post else "-", reason)
    return entry


def flag(post: ForumPost, reason: str, *, actor) -> ForumFlag:
    """A member reports ``post``; coordinators are told. One open flag per member and post."""
    if not access.is_member(actor):
        raise PermissionDenied(_("Please sign in to flag a post."))
    if not access.can_read_post(actor, post):
        raise NotFound(_("There is no such post."))
    if post.author_id == actor.id:
        raise Conflict(_("You cannot flag your own post; edit it instead."))
    open_flag = db.session.scalar(select(ForumFlag.id).where(
        ForumFlag.post_id == post.id, ForumFlag.user_id == actor.id,
        ForumFlag.resolved_at.is_(None)))
    if open_flag is not None:
        raise Conflict(_("You have already flagged this post; the coordinators will look at it."))
    item = ForumFlag(post=post, user_id=actor.id, reason=_reason(reason)[:500])
    db.session.add(item)
    db.session.flush()
    logger.info("user %s flagged post %s", actor.id, post.id)
    notices.flag_raised(item)
    return item


def _resolve_flags(post: ForumPost, actor) -> int:
    flags = list(db.session.scalars(select(ForumFlag).where(
        ForumFlag.post_id == post.id, ForumFlag.resolved_at.is_(None))))
    for item in flags:
        item.resolved_at = utcnow()
        item.resolved_by_id = actor.id
    return len(flags)


def hide(post: ForumPost, reason: str, *, actor) -> None:
    """Hide a post (its author is told why); its open flags are resolved."""
    _require_moderator(actor)
    reason = _reason(reason)
    lock(post.topic)
    if post.hidden:
        raise Conflict(_("This post is already hidden."))
    post.hidden = True
    if post.held:  # refused: hidden from then on, and it never counts as approved
        post.held = False
        post.refused = True
    _resolve_flags(post, actor)
    recount(post.topic)
    _log(actor, "hide", topic=post.topic, post=post, reason=reason)
    db.session.flush()
    notices.post_hidden(post, reason)


def restore(post: ForumPost, reason: str, *, actor) -> None:
    """Show a hidden post again (a refused one goes back to wait for approval: approving
    it publishes it and tells followers and mentioned members)."""
    _require_moderator(actor)
    lock(post.topic)
    if not post.hidden:
        raise Conflict(_("This post is not hidden."))
    post.hidden = False
    if post.refused:
        post.refused = False
        post.held = True
    recount(post.topic)
    _log(actor, "restore", topic=post.topic, post=post, reason=_reason(reason, required=False))
    db.session.flush()


def approve(post: ForumPost, reason: str, *, actor) -> None:
    """Publish a new member's post that waited for approval (and its topic, for a first
    post): followers and mentioned members are told now."""
    from headstart.forum import mentions
    from headstart.forum.services import first_post, published

    _require_moderator(actor)
    topic = post.topic
    lock(topic)
    if not post.held:
        raise Conflict(_("This post does not wait for approval."))
    opening = first_post(topic).id == post.id
    post.held = False
    if opening:
        topic.held = False
    now = utcnow()
    published(post, now)
    _log(actor, "approve", topic=topic, post=post, reason=_reason(reason, required=False))
    db.session.flush()
    notices.post_approved(post)
    notices.post_added(post, new_topic=opening, mentioned=mentions.mentioned_users(post.body))


def held_posts(limit: int = 50) -> list[ForumPost]:
    """Posts waiting for approval, oldest first."""
    return list(db.session.scalars(select(ForumPost).where(ForumPost.held.is_(True))
                                   .order_by(ForumPost.id).limit(limit)))


def dismiss_flag(item: ForumFlag, reason: str, *, actor) -> None:
    """Close a flag without hiding the post."""
    _require_moderator(actor)
    if item.resolved_at is not None:
        raise Conflict(_("This flag was already dealt with."))
    item.resolved_at = utcnow()
    item.resolved_by_id = actor.id
    _log(actor, "dismiss_flag", topic=item.post.topic, post=item.post,
         reason=_reason(reason, required=False), details={"flag": item.reason})
    db.session.flush()


#: action → (attribute, new value)
SWITCHES = {"pin": ("pinned", True), "unpin": ("pinned", False),
            "lock": ("locked", True), "unlock": ("locked", False)}


def switch(topic: ForumTopic, action: str, reason: str, *, actor) -> None:
    """Pin, unpin, lock or unlock a topic."""
    _require_moderator(actor)
    attribute, value = SWITCHES[action]
    if getattr(topic, attribute) == value:
        raise Conflict(_("Nothing to change: the topic is already like that."))
    setattr(topic, attribute, value)
    _log(actor, action, topic=topic, reason=_reason(reason, required=False))
    db.session.flush()


def move(topic: ForumTopic, category: ForumCategory, reason: str, *, actor) -> None:
    """Move a topic to another category (followers who cannot read it are no longer told)."""
    _require_moderator(actor)
    if category.id == topic.category_id:
        raise DomainError(_("The topic is already in this category."), field="category_id")
    details = {"from": topic.category.name, "to": category.name}
    topic.category = category
    _log(actor, "move", topic=topic, reason=_reason(reason, required=False), details=details)
    db.session.flush()


def open_flags() -> list[ForumFlag]:
    """Flags waiting for a coordinator, oldest first."""
    return list(db.session.scalars(select(ForumFlag).where(ForumFlag.resolved_at.is_(None))
                                   .order_by(ForumFlag.id)))


def open_flag_count() -> int:
    return db.session.scalar(select(func.count(ForumFlag.id)).where(
        ForumFlag.resolved_at.is_(None))) or 0


def hidden_posts(limit: int = 50) -> list[ForumPost]:
    """Posts hidden by coordinators, newest first."""
    return list(db.session.scalars(select(ForumPost).where(ForumPost.hidden.is_(True))
                                   .order_by(ForumPost.id.desc()).limit(limit)))


def log_entries(limit: int = LOG_PAGE) -> list[ForumModerationEntry]:
    """The newest moderation actions."""
    return list(db.session.scalars(select(ForumModerationEntry)
                                   .order_by(ForumModerationEntry.id.desc()).limit(limit)))
