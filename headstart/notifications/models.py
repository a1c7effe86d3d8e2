"""A notification: what happened (a kind and its details), for whom, and whether it was
read. The text is written when it is shown, in the reader's language."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from headstart.core.models import UTCDateTime, utcnow
from headstart.extensions import db


class Notification(db.Model):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    #: A key of ``notifications.services.KINDS``.
    kind: Mapped[str] = mapped_column(String(40))
    #: Values for the kind's sentence (names, titles).
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Where the notification leads (a path inside the portal).
    url: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class NotificationPreference(db.Model):
    """How a member wants the e-mail copy of one kind of notification (no row: at once).
    The portal always shows the notification; this governs only the e-mail."""

    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    #: A kind offered on the settings page (``notifications.services.SETTINGS``).
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    #: ``immediately``, ``daily`` (in the digest, ``notifications.digest``) or ``off``.
    email: Mapped[str] = mapped_column(String(20), default="immediately")

    def __repr__(self) -> str:
        return f"<NotificationPreference user={self.user_id} {self.kind}={self.email}>"


class NotificationDigest(db.Model):
    """When a member's last notifications digest went out: the next one covers what came
    after, so a missed run is caught up and nothing is sent twice."""

    __tablename__ = "notification_digests"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<NotificationDigest user={self.user_id} {self.sent_at}>"
