"""User accounts and their server-side sign-in sessions."""

from __future__ import annotations

import hashlib
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from headstart.core.models import TimestampMixin, UTCDateTime, utcnow
from headstart.extensions import db


class User(TimestampMixin, UserMixin, db.Model):
    """A member of the portal. Visitors have no row."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stored lower-cased; the unique key of an account.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    #: practitioner, coordinator or admin (see ``core.auth.ROLES``).
    role: Mapped[str] = mapped_column(String(20), default="practitioner")
    preferred_language: Mapped[str] = mapped_column(String(8), default="en")
    #: Set when the e-mail address was confirmed; an unconfirmed account cannot sign in.
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: A disabled account cannot sign in and its sessions are revoked.
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Nonce of the only password-reset token that may still be used (None: no live token).
    reset_nonce: Mapped[str | None] = mapped_column(String(64))

    sessions: Mapped[list[UserSession]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def is_active(self) -> bool:  # Flask-Login: inactive users cannot sign in
        """Disabled accounts are inactive."""
        return not self.disabled

    @property
    def is_confirmed(self) -> bool:
        """True once the e-mail address was confirmed."""
        return self.confirmed_at is not None

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


class UserSession(db.Model):
    """One signed-in browser. The cookie holds a random key; the row holds its hash.

    Signing out, disabling the account or changing the password revokes rows, which makes
    a copied or replayed session cookie useless.
    """

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    user_agent: Mapped[str] = mapped_column(String(200), default="")

    user: Mapped[User] = relationship(back_populates="sessions")

    @staticmethod
    def hash_key(key: str) -> str:
        """SHA-256 of a session key (the key itself is never stored)."""
        return hashlib.sha256(key.encode("ascii")).hexdigest()

    def __repr__(self) -> str:
        return f"<UserSession {self.id} user={self.user_id}>"
