"""Events, their terms (themes, corridors, languages), related practices and materials."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from headstart.core.models import TimestampMixin, UTCDateTime
from headstart.extensions import db

#: proposed (by a member, waiting), approved (public) or declined (by a coordinator).
STATES = ("proposed", "approved", "declined")
#: Multi-valued fields kept in ``event_terms``.
TERM_VOCABULARIES = ("theme", "corridor", "language")


class Event(TimestampMixin, db.Model):
    """A seminar, fair, webinar or training of the network."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_status_starts", "status", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    #: Markdown.
    description: Mapped[str] = mapped_column(Text, default="")
    #: Start and end as UTC instants; ``timezone`` says where the times were set.
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: The event's IANA time zone (``Europe/Prague``).
    timezone: Mapped[str] = mapped_column(String(64))
    #: Venue and city, "" for an online-only event.
    place: Mapped[str] = mapped_column(String(300), default="")
    #: http(s) address of the online meeting, "" for an event in person only.
    online_url: Mapped[str] = mapped_column(String(500), default="")
    #: Text about the materials (recordings, slides) kept after the event (Markdown).
    materials: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="proposed", index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    proposed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id",
                                                                 ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: iCalendar SEQUENCE: raised by every change calendar programs should take over.
    sequence: Mapped[int] = mapped_column(Integer, default=0)

    organisation = relationship("Organisation")
    proposed_by = relationship("User", foreign_keys=[proposed_by_id])
    terms: Mapped[list[EventTerm]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True)
    practices: Mapped[list[EventPractice]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True)
    attachments: Mapped[list[EventAttachment]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True,
        order_by="EventAttachment.id")

    def __search_keys__(self) -> list[str]:
        """Its search document (which exists while it is approved)."""
        return [f"event:{self.id}"] if self.id else []

    def codes(self, vocabulary: str) -> list[str]:
        """The codes of ``vocabulary`` (theme, corridor as ``MD-IT``, language)."""
        return [t.code for t in self.terms if t.vocabulary == vocabulary]

    @property
    def is_online(self) -> bool:
        """Has an online link."""
        return bool(self.online_url)

    @property
    def in_person(self) -> bool:
        """Has a place to go to."""
        return bool(self.place)

    def __repr__(self) -> str:
        return f"<Event {self.id} {self.status} {self.title!r}>"


class EventTerm(db.Model):
    """A theme, corridor or language of an event."""

    __tablename__ = "event_terms"
    __table_args__ = (UniqueConstraint("event_id", "vocabulary", "code"),
                      Index("ix_event_terms_lookup", "vocabulary", "code"))

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    vocabulary: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(40))

    event: Mapped[Event] = relationship(back_populates="terms")

    def __search_keys__(self) -> list[str]:
        """Themes, corridors and languages are part of the event's document."""
        return [f"event:{self.event_id}"] if self.event_id else []

    def __repr__(self) -> str:
        return f"<EventTerm {self.vocabulary}:{self.code}>"


class EventPractice(db.Model):
    """A practice presented at or related to an event."""

    __tablename__ = "event_practices"
    __table_args__ = (UniqueConstraint("event_id", "practice_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id", ondelete="CASCADE"),
                                             index=True)

    event: Mapped[Event] = relationship(back_populates="practices")
    practice = relationship("Practice")

    def __repr__(self) -> str:
        return f"<EventPractice {self.event_id}->{self.practice_id}>"


class EventAttachment(TimestampMixin, db.Model):
    """Material of an event (slides, programme), stored by ``core.uploads``."""

    __tablename__ = "event_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          index=True)
    #: The generated file name under the upload directory (never the uploader's name).
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(200))
    #: The type found by reading the content.
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    event: Mapped[Event] = relationship(back_populates="attachments")

    def __repr__(self) -> str:
        return f"<EventAttachment {self.id} {self.filename!r}>"
