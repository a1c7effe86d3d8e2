"""iCalendar (RFC 5545) writing, by hand and pure (no Flask, no database).

Times are written in UTC (``DTSTART:20261024T080000Z``): every calendar program reads them
and they stay right across daylight-saving changes without VTIMEZONE tables; the event's
own zone goes into ``X-HEADSTART-TZID`` and the description for people. Lines end in CRLF
and are folded at 75 octets without splitting a UTF-8 character; text values escape
backslashes, semicolons, commas and line breaks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

PRODID = "-//HEADSTART//Events//EN"


@dataclass(frozen=True)
class CalendarEvent:
    """What a VEVENT says."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    created: datetime
    last_modified: datetime
    sequence: int = 0
    description: str = ""
    location: str = ""
    url: str = ""
    #: IANA zone the organiser set the times in.
    tzid: str = ""
    categories: tuple[str, ...] = ()
    #: CONFIRMED or CANCELLED.
    status: str = "CONFIRMED"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): ``\\``, ``;``, ``,`` escaped, line breaks as ``\\n``."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\n", "\\n")
    return "".join(ch for ch in value if ch >= " " or ch == "\t")


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded so no physical line exceeds 75 octets (§3.1)."""
    out: list[bytes] = []
    current = b""
    limit = 75
    for ch in line:
        encoded = ch.encode("utf-8")
        if len(current) + len(encoded) > limit:
            out.append(current)
            current = b" "  # the continuation's leading space counts toward its 75
            limit = 75
        current += encoded
    out.append(current)
    return b"\r\n".join(out) + b"\r\n"


def utc_stamp(value: datetime) -> str:
    """``YYYYMMDDTHHMMSSZ`` of an aware datetime."""
    if value.tzinfo is None:
        raise ValueError("naive datetime")
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(event: CalendarEvent, stamp: datetime) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{utc_stamp(stamp)}",
        f"DTSTART:{utc_stamp(event.start)}",
        f"DTEND:{utc_stamp(event.end)}",
        f"CREATED:{utc_stamp(event.created)}",
        f"LAST-MODIFIED:{utc_stamp(event.last_modified)}",
        f"SEQUENCE:{int(event.sequence)}",
        f"STATUS:{event.status}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.url:
        # URL is a URI value, not TEXT: no escaping, but never a line break.
        lines.append(f"URL:{''.join(event.url.split())}")
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in event.categories))
    if event.tzid:
        lines.append(f"X-HEADSTART-TZID:{escape_text(event.tzid)}")
    lines.append("END:VEVENT")
    return lines


def calendar(events: Iterable[CalendarEvent], *, name: str = "", stamp: datetime | None = None,
             ) -> bytes:
    """A VCALENDAR with ``events``, ready to serve as ``text/calendar``."""
    stamp = stamp or datetime.now(UTC)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines.extend(_event_lines(event, stamp))
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)
