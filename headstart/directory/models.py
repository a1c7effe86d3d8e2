"""Organisations and membership of users in them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, Text, UniqueConstraint
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
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    verified_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    #: Set when a coordinator merged this duplicate into another organisation: the
    #: profile then redirects there and the organisation leaves every list.
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", passive_deletes=True
    )
    terms: Mapped[list[OrganisationTerm]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", passive_deletes=True,
        order_by="OrganisationTerm.id")

    def codes(self, vocabulary: str) -> list[str]:
        """The organisation's values of ``vocabulary`` (``service``, ``language`` or
        ``corridor``), in the order they were given."""
        return [term.value for term in self.terms if term.vocabulary == vocabulary]

    @property
    def services(self) -> list[str]:
        return self.codes("service")

    @property
    def languages(self) -> list[str]:
        return self.codes("language")

    @property
    def corridors(self) -> list[str]:
        """Corridors served, as ``"MD-IT"`` (origin country, destination country)."""
        return self.codes("corridor")

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


#: Multi-valued facts about an organisation kept in ``organisation_terms``.
TERM_VOCABULARIES = ("service", "language", "corridor")


class OrganisationTerm(db.Model):
    """One service offered, language served or corridor (``MD-IT``) served."""

    __tablename__ = "organisation_terms"
    __table_args__ = (UniqueConstraint("organisation_id", "vocabulary", "value"),
                      Index("ix_organisation_terms_lookup", "vocabulary", "value"))

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    vocabulary: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(40))

    organisation: Mapped[Organisation] = relationship(back_populates="terms")

    def __search_keys__(self) -> list[str]:
        return [f"organisation:{self.organisation_id}"] if self.organisation_id else []


#: States of a link: proposed, then accepted or declined (or withdrawn by the side that
#: proposed it); an accepted link can be ended by either side.
LINK_STATES = ("proposed", "accepted", "declined", "withdrawn", "ended")


class Link(TimestampMixin, db.Model):
    """A partnership between two organisations, usually an origin provider and a
    destination counterpart, covering one corridor and some services."""

    __tablename__ = "organisation_links"
    __table_args__ = (Index("ix_organisation_links_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The organisation whose member proposed the link.
    proposer_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    #: The organisation asked to accept it.
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    origin: Mapped[str] = mapped_column(String(2))
    destination: Mapped[str] = mapped_column(String(2))
    #: Service codes (``taxonomy.SERVICES``) the partnership covers.
    services: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    proposed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    proposer: Mapped[Organisation] = relationship(foreign_keys=[proposer_id])
    partner: Mapped[Organisation] = relationship(foreign_keys=[partner_id])
    events: Mapped[list[LinkEvent]] = relationship(
        back_populates="link", cascade="all, delete-orphan", passive_deletes=True,
        order_by="LinkEvent.id")

    @property
    def corridor(self) -> str:
        return f"{self.origin}-{self.destination}"

    def other_side(self, organisation_id: int) -> Organisation:
        """The organisation at the other end from ``organisation_id``."""
        return self.partner if organisation_id == self.proposer_id else self.proposer

    def __repr__(self) -> str:
        return f"<Link {self.id} {self.proposer_id}->{self.partner_id} {self.status}>"


class LinkEvent(db.Model):
    """One step in a link's history: who did what, when, on behalf of which side."""

    __tablename__ = "organisation_link_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(
        ForeignKey("organisation_links.id", ondelete="CASCADE"), index=True)
    #: proposed, accepted, declined, withdrawn or ended.
    action: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    link: Mapped[Link] = relationship(back_populates="events")
    actor = relationship("User")
    organisation = relationship("Organisation")
