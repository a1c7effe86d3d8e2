"""Calls for practices: a coordinator asks the network for practices on a theme or corridor
before a deadline; submissions answer a call and the call page lists what came in."""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import select

from headstart.core.auth import has_role
from headstart.core.errors import DomainError, NotFound
from headstart.core.i18n import _l
from headstart.extensions import db
from headstart.practices import terms
from headstart.practices.models import Practice, PracticeCall

logger = logging.getLogger(__name__)

FIELDS = ("title", "description", "themes", "origin_countries", "destination_countries",
          "phase", "deadline")


def today() -> date:
    """The current date (a function so tests and the deadline rule agree)."""
    return date.today()


def open_calls() -> list[PracticeCall]:
    """Calls accepting answers, nearest deadline first."""
    return list(db.session.scalars(select(PracticeCall).where(
        PracticeCall.closed.is_(False), PracticeCall.deadline >= today())
        .order_by(PracticeCall.deadline, PracticeCall.id)))


def past_calls() -> list[PracticeCall]:
    """Calls closed or past their deadline, latest first."""
    return [call for call in db.session.scalars(select(PracticeCall).order_by(
        PracticeCall.deadline.desc(), PracticeCall.id.desc())) if not call.is_open(today())]


def get_call(call_id: int) -> PracticeCall:
    """The call or :class:`NotFound`."""
    call = db.session.get(PracticeCall, call_id)
    if call is None:
        raise NotFound(str(_l("No such call for practices.")))
    return call


def answers(call: PracticeCall, viewer) -> list[Practice]:
    """Practices answering ``call`` that ``viewer`` may see: published ones for everyone,
    every state but drafts for coordinators."""
    states = ("published",)
    if has_role(viewer, "coordinator"):
        states = ("submitted", "returned", "published", "archived")
    return list(db.session.scalars(select(Practice).where(
        Practice.call_id == call.id, Practice.status.in_(states))
        .order_by(Practice.submitted_at.desc(), Practice.id.desc())))


def _check(values: dict, *, existing: PracticeCall | None) -> dict[str, str]:
    problems = {}
    if not (values.get("title") or "").strip():
        problems["title"] = str(_l("Give the call a title."))
    deadline = values.get("deadline")
    if deadline is None:
        problems["deadline"] = str(_l("Give the call a deadline."))
    elif deadline < today() and (existing is None or deadline != existing.deadline):
        problems["deadline"] = str(_l("The deadline cannot be in the past."))
    unknown = set(values.get("themes") or ()) - terms.codes("theme")
    if unknown:
        problems["themes"] = str(_l("Choose from the offered options."))
    phase = values.get("phase") or ""
    if phase and phase not in terms.codes("phase"):
        problems["phase"] = str(_l("Choose one of the offered phases."))
    return problems


class InvalidCall(DomainError):
    """The call's values are wrong; ``problems`` maps fields to messages."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(str(_l("Please correct the fields marked below.")))
        self.problems = problems


def save_call(values: dict, *, actor, call: PracticeCall | None = None) -> PracticeCall:
    """Open a new call or change one (coordinators)."""
    problems = _check(values, existing=call)
    if problems:
        raise InvalidCall(problems)
    if call is None:
        call = PracticeCall(created_by_id=actor.id, title="", deadline=values["deadline"])
        db.session.add(call)
    call.title = values["title"].strip()
    call.description = (values.get("description") or "").strip()
    call.themes = list(dict.fromkeys(values.get("themes") or ()))
    call.origin_countries = list(dict.fromkeys(c.upper() for c in values.get("origin_countries")
                                               or ()))
    call.destination_countries = list(dict.fromkeys(
        c.upper() for c in values.get("destination_countries") or ()))
    call.phase = values.get("phase") or ""
    call.deadline = values["deadline"]
    db.session.flush()
    logger.info("user %s saved call %s", actor.id, call.id)
    return call


def set_closed(call: PracticeCall, closed: bool, *, actor) -> None:
    """Close a call before its deadline, or reopen it."""
    call.closed = closed
    db.session.flush()
    logger.info("user %s %s call %s", actor.id, "closed" if closed else "reopened", call.id)
