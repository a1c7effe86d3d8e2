"""Organisations and membership of users in them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from headstart.core.models import TimestampMixin, UTCDateTime, utcnow
from headstart.extensions import db


class Organisation(TimestampMixin, db.Model):
    """A service provider in a country of origin, a destination counterpart, or both."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    acronym: Mapped[str] = mapped_column(String(40), default="")
    #: A code from ``directory.taxonomy.KINDS``.
    kind: Mapped[str] = mapped_column(String(40))
    #: ``origin``, ``destination`` or ``both`` (``directory.taxonomy.SIDES``).
    side: Mapped[str] = mapped_column(String(20))
    #: ISO 3166-1 alpha-2 code.
    country: Mapped[str] = mapped_column(String(2), index=True)
    city: Mapped[str] = mapped_column(String(120), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    #: Public contact e-mail and phone, shown to signed-in members only.
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", passive_deletes=True
    )

    def __search_keys__(self) -> list[str]:
        """Search documents a change of this organisation affects: its own, and those of
        the practices it leads or partners in (they carry its name and kind)."""
        from sqlalchemy import or_, select
        from sqlalchemy.orm import object_session

        from headstart.practices.models import Practice, PracticePartner

        keys = [f"organisation:{self.id}"]
        session = object_session(self)
        if session is not None and self.id is not None:
            practices = select(Practice.id).where(or_(
                Practice.lead_organisation_id == self.id,
                Practice.id.in_(select(PracticePartner.practice_id).where(
                    PracticePartner.organisation_id == self.id))))
            keys += [f"practice:{pid}" for pid in session.connection().execute(practices)
                     .scalars()]
        return keys

    def __repr__(self) -> str:
        return f"<Organisation {self.id} {self.name!r}>"


class Membership(db.Model):
    """A user's membership of an organisation: requested, then approved or declined."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    #: ``pending``, ``active`` or ``declined``.
    status: Mapped[str] = mapped_column(String(20), default="pending")
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    organisation: Mapped[Organisation] = relationship(back_populates="memberships")
    user = relationship("User", foreign_keys=[user_id])
    decided_by = relationship("User", foreign_keys=[decided_by_id])

    def __repr__(self) -> str:
        return f"<Membership user={self.user_id} org={self.organisation_id} {self.status}>"
