"""Subscribers, newsletter issues with their translations, and deliveries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from headstart.core.models import TimestampMixin, UTCDateTime, utcnow
from headstart.extensions import db

#: pending (waiting for the confirmation click), confirmed, unsubscribed.
SUBSCRIBER_STATES = ("pending", "confirmed", "unsubscribed")
#: draft (being written), sending (started, possibly interrupted), sent (everyone had it).
ISSUE_STATES = ("draft", "sending", "sent")


class Subscriber(TimestampMixin, db.Model):
    """An address that asked for the newsletter. Never shown to anyone, coordinators
    included: pages show counts only."""

    __tablename__ = "newsletter_subscribers"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Lower-cased.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    #: Interface language the subscriber reads (the issue's translation when there is one).
    language: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    #: Random, part of every link sent to this address; a new one makes old links fail.
    key: Mapped[str] = mapped_column(String(32))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    unsubscribed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def __repr__(self) -> str:
        return f"<Subscriber {self.id} {self.status}>"


class Issue(TimestampMixin, db.Model):
    """One newsletter, written in ``language``, with translations."""

    __tablename__ = "newsletter_issues"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(200))
    #: Markdown with block lines (``{{ practices 5 }}``).
    body: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id",
                                                                 ondelete="SET NULL"))
    #: When sending started and when the last subscriber had it.
    send_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    #: The body with its blocks filled in when sending started (what every mail and the
    #: archive show, whatever is published later).
    sent_body: Mapped[str] = mapped_column(Text, default="")
    #: The same as plain text (the blocks' items with bare addresses).
    sent_text: Mapped[str] = mapped_column(Text, default="")

    translations: Mapped[list[IssueTranslation]] = relationship(
        back_populates="issue", cascade="all, delete-orphan", passive_deletes=True,
        order_by="IssueTranslation.language")

    def translation(self, language: str) -> IssueTranslation | None:
        """The translation into ``language``, if any."""
        return next((t for t in self.translations if t.language == language), None)

    def __repr__(self) -> str:
        return f"<Issue {self.id} {self.status} {self.subject!r}>"


class IssueTranslation(TimestampMixin, db.Model):
    """An issue in another language."""

    __tablename__ = "newsletter_translations"
    __table_args__ = (UniqueConstraint("issue_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("newsletter_issues.id",
                                                     ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    sent_body: Mapped[str] = mapped_column(Text, default="")
    sent_text: Mapped[str] = mapped_column(Text, default="")

    issue: Mapped[Issue] = relationship(back_populates="translations")

    def __repr__(self) -> str:
        return f"<IssueTranslation {self.issue_id} {self.language}>"


class Delivery(db.Model):
    """An issue sent to a subscriber: written in the transaction that sends the mail, and
    unique, so a resumed run never sends the same issue to the same address twice."""

    __tablename__ = "newsletter_deliveries"
    __table_args__ = (UniqueConstraint("issue_id", "subscriber_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("newsletter_issues.id",
                                                     ondelete="CASCADE"), index=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("newsletter_subscribers.id",
                                                          ondelete="CASCADE"), index=True)
    #: The language of the version sent.
    language: Mapped[str] = mapped_column(String(8))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<Delivery {self.issue_id}->{self.subscriber_id}>"
