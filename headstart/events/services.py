"""Proposing, changing, approving and declining events, and who may see or change them."""

from __future__ import annotations

import logging
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import select

from headstart.core.auth import has_role
from headstart.core.errors import DomainError, NotFound, PermissionDenied
from headstart.core.i18n import _l
from headstart.core.models import utcnow
from headstart.directory.models import Membership
from headstart.directory.services import parse_corridors
from headstart.directory.taxonomy import LANGUAGES_SERVED
from headstart.events import notices, times
from headstart.events.models import Event, EventPractice, EventTerm
from headstart.extensions import db
from headstart.practices import terms
from headstart.practices.models import Practice

logger = logging.getLogger(__name__)

#: Fields whose change calendar programs should take over (raises SEQUENCE).
CALENDAR_FIELDS = ("title", "description", "starts_at", "ends_at", "timezone", "place",
                   "online_url")
#: An event lasting longer than this is most likely a typing error.
MAX_DAYS = 60


class InvalidEvent(DomainError):
    """The event's values are wrong; ``problems`` maps fields to messages."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(str(_l("Please correct the fields marked below.")))
        self.problems = problems


def is_web_address(value: str) -> bool:
    """An absolute http or https address with a host."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.hostname) and " " not in value


def _check(values: dict) -> tuple[dict[str, str], dict]:
    """Problems of ``values`` by field, and the cleaned values."""
    problems: dict[str, str] = {}
    clean = dict(values)
    clean["title"] = (values.get("title") or "").strip()
    if not clean["title"]:
        problems["title"] = str(_l("Give the event a title."))
    zone_name = (values.get("timezone") or "").strip()
    clean["timezone"] = zone_name
    if not zone_name:
        problems["timezone"] = str(_l("Choose the time zone the times are in."))
    elif times.zone(zone_name) is None:
        problems["timezone"] = str(_l("“%(value)s” is not a time zone we know. Choose one "
                                      "like Europe/Prague or America/Sao_Paulo.",
                                      value=zone_name[:64]))
    for field, message in (("starts", _l("Give the date and time the event starts.")),
                           ("ends", _l("Give the date and time the event ends."))):
        if values.get(field) is None:
            problems[field] = str(message)
    if "timezone" not in problems:
        for field in ("starts", "ends"):
            if values.get(field) is None:
                continue
            try:
                clean[f"{field}_at"] = times.to_instant(values[field], zone_name)
            except times.NoSuchTime:
                problems[field] = str(_l("This time does not exist in %(zone)s: the clocks "
                                         "move forward then. Choose a time an hour later.",
                                         zone=zone_name))
    start, end = clean.get("starts_at"), clean.get("ends_at")
    if start and end:
        if end <= start:
            problems["ends"] = str(_l("The event must end after it starts."))
        elif (end - start).days > MAX_DAYS:
            problems["ends"] = str(_l("An event can last at most %(n)d days.", n=MAX_DAYS))
    clean["place"] = (values.get("place") or "").strip()
    clean["online_url"] = (values.get("online_url") or "").strip()
    if clean["online_url"] and not is_web_address(clean["online_url"]):
        problems["online_url"] = str(_l("Give a full web address starting with https:// "
                                        "(or http://)."))
    if not clean["place"] and not clean["online_url"]:
        problems["place"] = str(_l("Give a place, an online link, or both."))
    try:
        clean["corridors"] = parse_corridors(values.get("corridors") or "")
    except DomainError as error:
        problems["corridors"] = error.message
    themes = list(dict.fromkeys(values.get("themes") or ()))
    if set(themes) - terms.codes("theme"):
        problems["themes"] = str(_l("Choose from the offered options."))
    clean["themes"] = themes
    languages = list(dict.fromkeys(values.get("languages") or ()))
    if set(languages) - set(LANGUAGES_SERVED):
        problems["languages"] = str(_l("Choose from the offered options."))
    clean["languages"] = languages
    wanted = {int(i) for i in values.get("practice_ids") or () if str(i).isdigit()}
    found = set(db.session.scalars(select(Practice.id).where(
        Practice.id.in_(wanted), Practice.status == "published"))) if wanted else set()
    if wanted - found:
        problems["practice_ids"] = str(_l("Choose from the offered options."))
    clean["practice_ids"] = sorted(found)
    return problems, clean


def _apply(event: Event, clean: dict) -> bool:
    """Put ``clean`` values on ``event``; True when a calendar field changed."""
    before = {field: getattr(event, field) for field in CALENDAR_FIELDS}
    event.title = clean["title"]
    event.description = (clean.get("description") or "").strip()
    event.materials = (clean.get("materials") or "").strip()
    event.starts_at = clean["starts_at"]
    event.ends_at = clean["ends_at"]
    event.timezone = clean["timezone"]
    event.place = clean["place"]
    event.online_url = clean["online_url"]
    event.organisation_id = clean.get("organisation_id") or None
    wanted = ([("theme", c) for c in clean["themes"]]
              + [("corridor", c) for c in clean["corridors"]]
              + [("language", c) for c in clean["languages"]])
    keep = [t for t in event.terms if (t.vocabulary, t.code) in wanted]
    have = {(t.vocabulary, t.code) for t in keep}
    event.terms = keep + [EventTerm(vocabulary=v, code=c) for v, c in wanted
                          if (v, c) not in have]
    keep_links = [p for p in event.practices if p.practice_id in clean["practice_ids"]]
    linked = {p.practice_id for p in keep_links}
    event.practices = keep_links + [EventPractice(practice_id=i) for i in clean["practice_ids"]
                                    if i not in linked]
    return any(getattr(event, field) != value for field, value in before.items())


def _organiser_problems(clean: dict, actor, current: int | None = None) -> dict[str, str]:
    """A member names only an organisation they belong to (coordinators any); an organiser
    already on the event may stay. The form offers only these, this is the second line."""
    wanted = clean.get("organisation_id") or None
    if wanted is None or wanted == current or has_role(actor, "coordinator"):
        return {}
    member = db.session.scalar(select(Membership.id).where(
        Membership.user_id == actor.id, Membership.organisation_id == wanted,
        Membership.status == "active"))
    return {} if member else {"organisation_id": str(_l("Choose from the offered options."))}


def propose_event(values: dict, *, actor) -> Event:
    """A member proposes an event; a coordinator's own event is approved at once."""
    problems, clean = _check(values)
    problems.update(_organiser_problems(clean, actor))
    if problems:
        raise InvalidEvent(problems)
    event = Event(proposed_by_id=actor.id, status="proposed", title="")
    db.session.add(event)
    _apply(event, clean)
    if has_role(actor, "coordinator"):
        event.status = "approved"
        event.decided_by_id, event.decided_at = actor.id, utcnow()
    db.session.flush()
    if event.status == "proposed":
        notices.proposed(event, actor=actor)
    logger.info("user %s proposed event %s (%s)", actor.id, event.id, event.status)
    return event


def update_event(event: Event, values: dict, *, actor) -> Event:
    """Change an event (its proposer while it waits; coordinators always)."""
    if not can_edit(event, actor):
        raise PermissionDenied(str(_l("You cannot change this event.")))
    problems, clean = _check(values)
    problems.update(_organiser_problems(clean, actor, event.organisation_id))
    if problems:
        raise InvalidEvent(problems)
    if _apply(event, clean) and event.status == "approved":
        event.sequence += 1  # calendar programs replace their copy
    event.updated_at = utcnow()
    db.session.flush()
    logger.info("user %s changed event %s", actor.id, event.id)
    return event


def decide(event: Event, decision: str, *, actor) -> None:
    """A coordinator approves (publishes) or declines a proposed event."""
    if not has_role(actor, "coordinator"):
        raise PermissionDenied(str(_l("Only coordinators approve events.")))
    if decision not in {"approve", "decline"}:
        raise DomainError(str(_l("Unknown action.")))
    new = "approved" if decision == "approve" else "declined"
    if event.status == new:
        return
    if event.status == "approved":
        event.sequence += 1  # a declined event disappears from calendars
    event.status = new
    event.decided_by_id, event.decided_at = actor.id, utcnow()
    db.session.flush()
    notices.decided(event, actor=actor)
    logger.info("user %s %sd event %s", actor.id, decision, event.id)


def can_see(event: Event, viewer) -> bool:
    """Approved events are public; others only for their proposer and coordinators."""
    if event.status == "approved":
        return True
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return False
    return has_role(viewer, "coordinator") or event.proposed_by_id == viewer.id


def can_edit(event: Event, viewer) -> bool:
    """Coordinators change any event; the proposer changes it while it waits."""
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return False
    return has_role(viewer, "coordinator") or (
        event.proposed_by_id == viewer.id and event.status == "proposed")


def get_event(event_id: int, *, viewer) -> Event:
    """The event, or :class:`NotFound` when it does not exist or ``viewer`` may not see it."""
    event = db.session.get(Event, event_id)
    if event is None or not can_see(event, viewer):
        raise NotFound(str(_l("No such event.")))
    return event


def waiting() -> list[Event]:
    """Proposed events, soonest first (for coordinators)."""
    return list(db.session.scalars(select(Event).where(Event.status == "proposed")
                                   .order_by(Event.starts_at, Event.id)))


def proposed_by(user) -> list[Event]:
    """The member's events that are not approved (waiting or declined)."""
    return list(db.session.scalars(select(Event).where(
        Event.proposed_by_id == user.id, Event.status != "approved")
        .order_by(Event.starts_at.desc())))


def is_past(event: Event, now: datetime | None = None) -> bool:
    """The event has ended."""
    return event.ends_at <= (now or utcnow())
