"""Time zones of events: checking an IANA zone name, turning the wall-clock time typed in
the event's zone into an instant, and choosing the zone a reader sees times in. Pure: no
Flask, no database."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


class NoSuchTime(ValueError):
    """A wall-clock time the zone skips (clocks go forward over it)."""


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name the zone database knows, sorted (for the form's suggestions)."""
    return (*sorted(name for name in available_timezones()
                    if "/" in name and not name.startswith(("Etc/", "SystemV/"))), "UTC")


def zone(name: str | None) -> ZoneInfo | None:
    """The zone called ``name``, or None when there is no such IANA zone (never raises)."""
    if not name or len(name) > 64 or name.startswith(("/", ".")) or ".." in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def to_instant(wall: datetime, zone_name: str) -> datetime:
    """The UTC instant of wall-clock time ``wall`` (naive) in zone ``zone_name``.

    A time that occurs twice (clocks go back) is the first one; a time that never occurs
    (clocks go forward) raises :class:`NoSuchTime`.
    """
    tz = zone(zone_name)
    if tz is None:
        raise ValueError(f"unknown time zone {zone_name!r}")
    local = wall.replace(tzinfo=tz, fold=0)
    instant = local.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != wall.replace(tzinfo=None):
        raise NoSuchTime(str(wall))
    return instant


def in_zone(instant: datetime, zone_name: str) -> datetime:
    """``instant`` as wall-clock time in ``zone_name`` (aware)."""
    return instant.astimezone(zone(zone_name) or UTC)


def reader_zone(*candidates: str | None) -> str | None:
    """The first of ``candidates`` that is a known zone (the query parameter, the cookie,
    the member's setting…), or None. Unknown names are skipped, never an error."""
    for name in candidates:
        if zone(name) is not None:
            return name
    return None
