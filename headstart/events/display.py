"""How an event's times read: in the reader's zone, with the event's own zone stated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from babel.dates import format_date, format_time

from headstart.core.i18n import _, current_locale_code, formatting_locale, machine_datetime
from headstart.events import times


@dataclass(frozen=True)
class Times:
    """An event's times as the page shows them."""

    #: In the reader's zone (the event's when the reader's is unknown).
    reader_text: str
    reader_zone: str
    #: In the event's own zone.
    own_text: str
    own_zone: str
    #: The two zones give the same wall-clock times.
    same: bool
    start_iso: str
    end_iso: str


def interval(start: datetime, end: datetime, zone_name: str, locale: str | None = None) -> str:
    """``27 Oct 2026, 10:00 – 17:00`` (one day) or a range over days, in ``zone_name``."""
    locale = formatting_locale(locale or current_locale_code())
    tz = times.zone(zone_name)
    first, last = start.astimezone(tz), end.astimezone(tz)
    values = {"date": format_date(first, format="medium", locale=locale),
              "start": format_time(first, format="short", tzinfo=tz, locale=locale),
              "end": format_time(last, format="short", tzinfo=tz, locale=locale)}
    if first.date() == last.date():
        # TRANSLATORS: an event on one day: its date, then the start and end times.
        return _("%(date)s, %(start)s – %(end)s", **values)
    values["end_date"] = format_date(last, format="medium", locale=locale)
    # TRANSLATORS: an event over several days: start date and time, end date and time.
    return _("%(date)s, %(start)s – %(end_date)s, %(end)s", **values)


def event_times(event, reader_zone: str | None) -> Times:
    """The event's times for a reader in ``reader_zone`` (None: not known)."""
    zone_name = reader_zone or event.timezone
    reader_text = interval(event.starts_at, event.ends_at, zone_name)
    own_text = interval(event.starts_at, event.ends_at, event.timezone)
    start_here = times.in_zone(event.starts_at, zone_name)
    start_there = times.in_zone(event.starts_at, event.timezone)
    same = (start_here.utcoffset() == start_there.utcoffset()
            and times.in_zone(event.ends_at, zone_name).utcoffset()
            == times.in_zone(event.ends_at, event.timezone).utcoffset())
    return Times(reader_text, zone_name, own_text, event.timezone, same,
                 machine_datetime(event.starts_at), machine_datetime(event.ends_at))


def day_label(value, locale: str | None = None) -> str:
    """A day as the month calendar names it in full (``Tuesday 27 October 2026``)."""
    return format_date(value, format="full",
                       locale=formatting_locale(locale or current_locale_code()))


def time_label(instant: datetime, zone_name: str, locale: str | None = None) -> str:
    """A time of day in ``zone_name`` (``10:00``)."""
    return format_time(instant, format="short", tzinfo=times.zone(zone_name),
                       locale=formatting_locale(locale or current_locale_code()))
