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
