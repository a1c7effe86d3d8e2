"""The event list and month calendar: filters from the query string, the matching
approved events, and the weeks of a month with the events of each day in the reader's
time zone."""

from __future__ import annotations

import calendar as calendar_module
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import selectinload

from headstart.core.models import utcnow
from headstart.directory.services import parse_corridor
from headstart.directory.taxonomy import LANGUAGES_SERVED
from headstart.events import times
from headstart.events.models import Event, EventTerm
from headstart.extensions import db
from headstart.practices import terms

#: Query parameters of the list, the month and the feed.
PARAMETERS = ("corridor", "theme", "language", "mode", "when")
MODES = ("online", "in_person")
WHENS = ("upcoming", "past", "all")
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
#: Events one list or feed shows at most.
LIMIT = 500


def clean_filters(args) -> dict[str, str]:
    """The known filters of ``args`` with valid values; anything else is dropped, so a
    hand-edited address shows a wider list instead of an error."""
    filters: dict[str, str] = {}
    corridor = parse_corridor(args.get("corridor", "")[:20]) if args.get("corridor") else None
    if corridor:
        filters["corridor"] = "-".join(corridor)
    theme = args.get("theme", "")
    if theme and theme in terms.codes("theme"):
        filters["theme"] = theme
    language = args.get("language", "")
    if language in LANGUAGES_SERVED:
        filters["language"] = language
    if args.get("mode") in MODES:
        filters["mode"] = args["mode"]
    if args.get("when") in WHENS:
        filters["when"] = args["when"]
    return filters


def _filtered(filters: dict):
    query = select(Event).where(Event.status == "approved").options(
        selectinload(Event.terms), selectinload(Event.organisation))
    for vocabulary in ("corridor", "theme", "language"):
        if vocabulary in filters:
            query = query.where(exists().where(
                EventTerm.event_id == Event.id, EventTerm.vocabulary == vocabulary,
                EventTerm.code == filters[vocabulary]))
    if filters.get("mode") == "online":
        query = query.where(Event.online_url != "")
    elif filters.get("mode") == "in_person":
        query = query.where(Event.place != "")
    return query


def find(filters: dict, now: datetime | None = None, *,
         newest_first: bool = False) -> list[Event]:
    """Approved events matching ``filters``: upcoming (and running) ones soonest first by
    default, past ones latest first, or all of them in date order (latest first with
    ``newest_first``, as the feed wants when it has to leave some out)."""
    now = now or utcnow()
    query = _filtered(filters)
    when = filters.get("when", "upcoming")
    if when == "upcoming":
        query = query.where(Event.ends_at > now).order_by(Event.starts_at, Event.id)
    elif when == "past":
        query = query.where(Event.ends_at <= now).order_by(Event.starts_at.desc(),
                                                            Event.id.desc())
    elif newest_first:
        query = query.order_by(Event.starts_at.desc(), Event.id.desc())
    else:
        query = query.order_by(Event.starts_at, Event.id)
    return list(db.session.scalars(query.limit(LIMIT)))


def parse_month(value: str | None, today: date) -> tuple[int, int] | None:
    """``"2026-10"`` → ``(2026, 10)``; None when it is not a month between 1900 and 2999."""
    match = MONTH_RE.match(value or "")
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (1900 <= year <= 2999 and 1 <= month <= 12):
        return None
    return year, month


@dataclass
class Day:
    """A day of the month calendar."""

    day: date
    in_month: bool
    today: bool
    events: list[Event] = field(default_factory=list)


@dataclass
class Month:
    """A month calendar: weeks of days, and the neighbouring months."""

    year: int
    month: int
    weeks: list[list[Day]]
    previous: tuple[int, int]
    next: tuple[int, int]
    count: int


def month(year: int, month_number: int, filters: dict, zone_name: str, *,
          first_weekday: int = 0, today: date | None = None) -> Month:
    """The month ``year``-``month_number`` in zone ``zone_name``: each day lists the
    events that take place on it there (an event over several days is on each)."""
    tz = times.zone(zone_name)
    weeks_dates = calendar_module.Calendar(first_weekday).monthdatescalendar(year,
                                                                             month_number)
    first, last = weeks_dates[0][0], weeks_dates[-1][-1]
    start = datetime.combine(first, time(0), tzinfo=tz)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
    query = _filtered(filters).where(Event.starts_at < end, Event.ends_at > start).order_by(
        Event.starts_at, Event.id)
    events = list(db.session.scalars(query.limit(LIMIT)))
    today = today or utcnow().astimezone(tz).date()
    by_day: dict[date, list[Event]] = {}
    for event in events:
        day = event.starts_at.astimezone(tz).date()
        # An event ending at midnight does not take place on the next day.
        last_day = (event.ends_at.astimezone(tz) - timedelta(microseconds=1)).date()
        while day <= last_day:
            by_day.setdefault(day, []).append(event)
            day += timedelta(days=1)
    weeks = [[Day(d, d.month == month_number, d == today, by_day.get(d, [])) for d in week]
             for week in weeks_dates]
    previous = (year - 1, 12) if month_number == 1 else (year, month_number - 1)
    following = (year + 1, 1) if month_number == 12 else (year, month_number + 1)
    in_month = {e.id for week in weeks for d in week if d.in_month for e in d.events}
    return Month(year, month_number, weeks, previous, following, len(in_month))
