"""The forum (SPEC §4): categories, topics, posts and their edit history, what each member
has read and follows, flags and the moderation log.

A topic may be about a *subject* of another area (a practice, a handbook section, an
event): it stores the subject's kind and id, with no foreign key, because those tables
belong to other features (see ``headstart.core.subjects``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    inspect,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, object_session, relationship

from headstart.core.i18n import current_locale_code
from headstart.core.models import UTCDateTime, utcnow
from headstart.extensions import db

#: Who may read a category: everyone, signed-in members, or coordinators (and admins).
ACCESS_LEVELS = ("public", "members", "coordinators")
#: How categories are grouped on the forum's front page.
GROUPINGS = ("theme", "corridor")


class ForumCategory(db.Model):
    """A category of topics, by theme or by corridor."""

    __tablename__ = "forum_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The name and description every reader sees unless ``names``/``descriptions`` have
    #: one in their language.
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    #: Interface language code → the name (and description) in that language.
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    descriptions: Mapped[dict] = mapped_column(JSON, default=dict)
    #: ``theme`` or ``corridor`` (:data:`GROUPINGS`).
    grouping: Mapped[str] = mapped_column(String(20), default="theme")
    #: Order on the front page, smallest first.
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: One of :data:`ACCESS_LEVELS`.
    access: Mapped[str] = mapped_column(String(20), default="public")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    topics: Mapped[list[ForumTopic]] = relationship(back_populates="category")

    @property
    def shown_name(self) -> str:
        """The name in the reader's language, or the main name."""
        return (self.names or {}).get(current_locale_code()) or self.name

    @property
    def shown_description(self) -> str:
        """The description in the reader's language, or the main one."""
        return (self.descriptions or {}).get(current_locale_code()) or self.description or ""

    def __search_keys__(self) -> list[str]:
        """Who may find its posts changes with the category's access."""
        if self.id is None or not inspect(self).attrs.access.history.has_changes():
            return []
        return _post_keys(self, ForumTopic.category_id == self.id)

    def __repr__(self) -> str:
        return f"<ForumCategory {self.id} {self.access}>"


class ForumTopic(db.Model):
    """A discussion: its first post opens it, the others reply."""

    __tablename__ = "forum_topics"
    __table_args__ = (
        UniqueConstraint("subject_kind", "subject_id"),
        Index("ix_forum_topics_category_activity", "category_id", "pinned", "last_post_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(
        ForeignKey("forum_categories.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(200))
    #: Language the topic is written in (content language, for search stemming).
    language: Mapped[str] = mapped_column(String(8), default="en")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: Time of the newest post (the order of topic lists).
    last_post_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: Id of the newest post (unread markers compare it with what a member read).
    last_post_id: Mapped[int | None] = mapped_column(Integer)
    #: Visible posts after the first one.
    reply_count: Mapped[int] = mapped_column(Integer, default=0)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Its first post waits for a coordinator's approval: only its author and coordinators
    #: see the topic.
    held: Mapped[bool] = mapped_column(Boolean, default=False)
    #: A kind registered in ``core.subjects`` ("practice", "handbook_section", "event").
    subject_kind: Mapped[str | None] = mapped_column(String(40))
    subject_id: Mapped[int | None] = mapped_column(Integer)

    category: Mapped[ForumCategory] = relationship(back_populates="topics")
    author = relationship("User")
    posts: Mapped[list[ForumPost]] = relationship(
        back_populates="topic", order_by="ForumPost.id", cascade="all, delete-orphan",
        passive_deletes=True)

    def __search_keys__(self) -> list[str]:
        """Every post's document shows the title and follows the category."""
        if self.id is None:
            return []
        state = inspect(self).attrs
        if not (state.title.history.has_changes() or state.category_id.history.has_changes()):
            return []
        return _post_keys(self, ForumPost.topic_id == self.id)

    def __repr__(self) -> str:
        return f"<ForumTopic {self.id} in {self.category_id}>"


def _post_keys(obj, condition) -> list[str]:
    session = object_session(obj)
    if session is None:
        return []
    query = select(ForumPost.id).join(ForumTopic).where(condition)
    return [f"forum:{pid}" for pid in session.connection().execute(query).scalars()]


class ForumPost(db.Model):
    """A post in a topic, written in Markdown."""

    __tablename__ = "forum_posts"
    __table_args__ = (Index("ix_forum_posts_topic_order", "topic_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("forum_topics.id", ondelete="CASCADE"))
    #: None once the author deleted their account (shown as "a former member").
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Hidden by a coordinator: only its author and coordinators read it; not searchable.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    #: A new member's post waiting for a coordinator's approval (seen like a hidden one).
    held: Mapped[bool] = mapped_column(Boolean, default=False)
    #: A held post a coordinator refused (hid instead of approving): it never counts
    #: towards the posts that let a new member write without approval.
    refused: Mapped[bool] = mapped_column(Boolean, default=False)

    topic: Mapped[ForumTopic] = relationship(back_populates="posts")
    author = relationship("User")
    revisions: Mapped[list[ForumPostRevision]] = relationship(
        back_populates="post", order_by="ForumPostRevision.id", cascade="all, delete-orphan",
        passive_deletes=True)

    def __search_keys__(self) -> list[str]:
        return [f"forum:{self.id}"] if self.id else []

    def __repr__(self) -> str:
        return f"<ForumPost {self.id} in {self.topic_id}>"


class ForumPostRevision(db.Model):
    """A body a post had before an edit replaced it."""

    __tablename__ = "forum_post_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        ForeignKey("forum_posts.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    #: When this body was written (the post's creation or an earlier edit).
    written_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: Who replaced it, and when.
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    post: Mapped[ForumPost] = relationship(back_populates="revisions")
    editor = relationship("User")

    def __repr__(self) -> str:
        return f"<ForumPostRevision {self.id} of {self.post_id}>"


class ForumTopicRead(db.Model):
    """How far a member has read a topic (the newest post id they were shown)."""

    __tablename__ = "forum_topic_reads"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("forum_topics.id", ondelete="CASCADE"), primary_key=True, index=True)
    last_read_post_id: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<ForumTopicRead user={self.user_id} topic={self.topic_id}>"


class ForumSubscription(db.Model):
    """A member follows a topic or a whole category (exactly one of the two is set)."""

    __tablename__ = "forum_subscriptions"
    __table_args__ = (
        UniqueConstraint("user_id", "topic_id", name="uq_forum_subscriptions_user_topic"),
        UniqueConstraint("user_id", "category_id", name="uq_forum_subscriptions_user_category"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_topics.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_categories.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    topic = relationship("ForumTopic")
    category = relationship("ForumCategory")

    def __repr__(self) -> str:
        return f"<ForumSubscription user={self.user_id} t={self.topic_id} c={self.category_id}>"


class ForumPreference(db.Model):
    """A member's forum settings (no row: the defaults)."""

    __tablename__ = "forum_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    #: E-mail copies of forum notifications: ``immediately``, ``daily`` or ``weekly``
    #: (a digest, see ``forum.digest``) or ``off``.
    email: Mapped[str] = mapped_column(String(20), default="immediately")
    #: When the last digest went out (its next one covers what came after).
    digest_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def __repr__(self) -> str:
        return f"<ForumPreference user={self.user_id} {self.email}>"


class ForumFlag(db.Model):
    """A member reports a post to the coordinators, with a reason."""

    __tablename__ = "forum_flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        ForeignKey("forum_posts.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: Set when a coordinator dealt with it (hid the post or dismissed the flag).
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    resolved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    post = relationship("ForumPost")
    user = relationship("User", foreign_keys=[user_id])

    def __repr__(self) -> str:
        return f"<ForumFlag {self.id} on {self.post_id}>"


class ForumModerationEntry(db.Model):
    """One moderation action: who did what to which topic or post, and why."""

    __tablename__ = "forum_moderation_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    #: hide, restore, approve, pin, unpin, lock, unlock, move, dismiss_flag.
    action: Mapped[str] = mapped_column(String(20))
    topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_topics.id", ondelete="SET NULL"), index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("forum_posts.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    #: What changed, e.g. ``{"from": "Theme", "to": "Corridor"}`` for a move.
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    actor = relationship("User")
    topic = relationship("ForumTopic")

    def __repr__(self) -> str:
        return f"<ForumModerationEntry {self.id} {self.action}>"
