"""Practices, their vocabulary terms and countries, the taxonomy table, and the history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from headstart.core.countries import register_source
from headstart.core.models import TimestampMixin, UTCDateTime, utcnow
from headstart.extensions import db

#: Multi-valued vocabularies kept in ``practice_terms``.
TERM_VOCABULARIES = ("theme", "target", "criterion", "criterion_confirmed", "gcm")
#: Roles of a country in a practice.
COUNTRY_ROLES = ("implementation", "origin", "destination")


class TaxonomyTerm(db.Model):
    """A term of a vocabulary (phase, theme, target group, criterion), managed by admins."""

    __tablename__ = "taxonomy_terms"
    __table_args__ = (UniqueConstraint("vocabulary", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: ``phase``, ``theme``, ``target`` or ``criterion``.
    vocabulary: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(40))
    #: The group a term belongs to (themes and target groups are grouped), or "".
    group: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: English label; built-in terms whose label was not changed use the translated default.
    label: Mapped[str] = mapped_column(String(200))
    #: Labels in other languages an admin gave, ``{locale: label}``.
    labels: Mapped[dict] = mapped_column(JSON, default=dict)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def __repr__(self) -> str:
        return f"<TaxonomyTerm {self.vocabulary}:{self.code}>"


class Practice(TimestampMixin, db.Model):
    """A good-practice record (European Website on Integration shape) in one language."""

    __tablename__ = "practices"
    __table_args__ = (Index("ix_practices_status_published", "status", "published_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Versions of the same practice in other languages share a group (the first one's id).
    group_id: Mapped[int | None] = mapped_column(Integer, index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    #: draft, submitted, returned, published or archived (``practices.workflow``).
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)

    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    challenge: Mapped[str] = mapped_column(Text, default="")
    approach: Mapped[str] = mapped_column(Text, default="")
    results: Mapped[str] = mapped_column(Text, default="")
    evaluation: Mapped[str] = mapped_column(Text, default="")
    beneficiaries: Mapped[str] = mapped_column(Text, default="")
    funding: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    city_region: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    #: A code of the ``phase`` vocabulary, "" while a draft has none.
    phase: Mapped[str] = mapped_column(String(40), default="")
    #: Shown to signed-in members only.
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_role: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")

    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: The reviewer's latest comments when the practice was returned.
    review_comment: Mapped[str] = mapped_column(Text, default="")
    #: The call for practices this practice answers, if any.
    call_id: Mapped[int | None] = mapped_column(
        ForeignKey("practice_calls.id", ondelete="SET NULL"), index=True)

    lead_organisation = relationship("Organisation", foreign_keys=[lead_organisation_id])
    author = relationship("User", foreign_keys=[author_id])
    terms: Mapped[list[PracticeTerm]] = relationship(
        back_populates="practice", cascade="all, delete-orphan", passive_deletes=True)
    countries: Mapped[list[PracticeCountry]] = relationship(
        back_populates="practice", cascade="all, delete-orphan", passive_deletes=True)
    partners: Mapped[list[PracticePartner]] = relationship(
        back_populates="practice", cascade="all, delete-orphan", passive_deletes=True,
        order_by="PracticePartner.position")
    events: Mapped[list[PracticeEvent]] = relationship(
        back_populates="practice", cascade="all, delete-orphan", passive_deletes=True,
        order_by="PracticeEvent.id")
    attachments: Mapped[list[PracticeAttachment]] = relationship(
        back_populates="practice", cascade="all, delete-orphan", passive_deletes=True,
        order_by="PracticeAttachment.id")
    call: Mapped[PracticeCall | None] = relationship(back_populates="practices")

    def __search_keys__(self) -> list[str]:
        """Search documents a change of this practice affects: every version of its
        translation group (which version a list shows depends on the others)."""
        from sqlalchemy import select
        from sqlalchemy.orm import object_session

        keys = [f"practice:{self.id}"]
        session = object_session(self)
        if session is not None and self.group_id:
            keys += [f"practice:{pid}" for pid in session.connection().execute(
                select(Practice.id).where(Practice.group_id == self.group_id)).scalars()]
        return keys

    def codes(self, vocabulary: str) -> list[str]:
        """The codes of a multi-valued vocabulary, in stored order."""
        return [t.code for t in self.terms if t.vocabulary == vocabulary]

    def country_codes(self, role: str) -> list[str]:
        """ISO codes of the countries with ``role``."""
        return [c.country for c in self.countries if c.role == role]

    def __repr__(self) -> str:
        return f"<Practice {self.id} {self.status} {self.language}>"


class _PartOfPractice:
    """Rows that belong to a practice: changing one changes the practice's document."""

    practice_id: int

    def __search_keys__(self) -> list[str]:
        return [f"practice:{self.practice_id}"] if self.practice_id else []


class PracticeTerm(_PartOfPractice, db.Model):
    """One code of a multi-valued vocabulary on a practice (themes, target groups, …)."""

    __tablename__ = "practice_terms"
    __table_args__ = (UniqueConstraint("practice_id", "vocabulary", "code"),
                      Index("ix_practice_terms_lookup", "vocabulary", "code"))

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    vocabulary: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(40))

    practice: Mapped[Practice] = relationship(back_populates="terms")

    def __repr__(self) -> str:
        return f"<PracticeTerm {self.vocabulary}:{self.code}>"


class PracticeCountry(_PartOfPractice, db.Model):
    """A country where a practice is implemented, or its corridor's origin or destination."""

    __tablename__ = "practice_countries"
    __table_args__ = (UniqueConstraint("practice_id", "role", "country"),
                      Index("ix_practice_countries_lookup", "role", "country"))

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    #: implementation, origin or destination.
    role: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2))

    practice: Mapped[Practice] = relationship(back_populates="countries")

    def __repr__(self) -> str:
        return f"<PracticeCountry {self.role}:{self.country}>"


class PracticePartner(_PartOfPractice, db.Model):
    """A partner organisation of a practice (a directory entry)."""

    __tablename__ = "practice_partners"
    __table_args__ = (UniqueConstraint("practice_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    practice: Mapped[Practice] = relationship(back_populates="partners")
    organisation = relationship("Organisation")

    def __repr__(self) -> str:
        return f"<PracticePartner {self.practice_id}->{self.organisation_id}>"


class PracticeEvent(db.Model):
    """One entry of a practice's history: who did what when, and which fields changed."""

    __tablename__ = "practice_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: created, edited, submit, publish, return, archive, restore.
    action: Mapped[str] = mapped_column(String(20))
    #: ``{field: [old, new]}`` for edits.
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
    comment: Mapped[str] = mapped_column(Text, default="")

    practice: Mapped[Practice] = relationship(back_populates="events")
    actor = relationship("User")

    def __repr__(self) -> str:
        return f"<PracticeEvent {self.practice_id} {self.action}>"


class PracticeAttachment(TimestampMixin, db.Model):
    """A file attached to a practice, stored outside the web root under a generated name."""

    __tablename__ = "practice_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practices.id", ondelete="CASCADE"), index=True)
    #: The generated file name under the upload directory (never the uploader's name).
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    #: The uploader's file name, cleaned, offered as the download name.
    filename: Mapped[str] = mapped_column(String(200))
    #: The type found by reading the content (``core.uploads``), not the one the browser sent.
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    practice: Mapped[Practice] = relationship(back_populates="attachments")

    def __repr__(self) -> str:
        return f"<PracticeAttachment {self.id} {self.filename!r}>"


class PracticeCall(TimestampMixin, db.Model):
    """A themed call for practices opened by a coordinator, with a deadline."""

    __tablename__ = "practice_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    #: Theme codes, origin and destination ISO codes the call asks about (may be empty).
    themes: Mapped[list] = mapped_column(JSON, default=list)
    origin_countries: Mapped[list] = mapped_column(JSON, default=list)
    destination_countries: Mapped[list] = mapped_column(JSON, default=list)
    phase: Mapped[str] = mapped_column(String(40), default="")
    #: The last day answers are accepted (inclusive).
    deadline: Mapped[date] = mapped_column(Date)
    #: Closed early by a coordinator.
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    practices: Mapped[list[Practice]] = relationship(back_populates="call")

    def is_open(self, today: date) -> bool:
        """Whether answers are still accepted on ``today``."""
        return not self.closed and today <= self.deadline

    def __repr__(self) -> str:
        return f"<PracticeCall {self.id} {self.title!r}>"


def _practice_countries():
    return select(PracticeCountry.country)


# Country choosers offer the countries practices are in first (see core.countries).
register_source("practices", _practice_countries)
