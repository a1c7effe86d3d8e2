"""Calendar months and the dashboard's date range, as plain values (no Flask, no
database), so reading ``?from=`` / ``?to=`` is tested directly."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

#: The longest range a page draws (ten years: past that the columns are too thin to read).
MAX_MONTHS = 120
#: The months a page shows when no range is asked for.
DEFAULT_MONTHS = 12
#: Years a range may name (older than the web, or past any plan, is a typing slip).
FIRST_YEAR, LAST_YEAR = 2000, 2100

_MONTH = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")


@dataclass(frozen=True, order=True)
class Month:
    """One calendar month (UTC)."""

    year: int
    month: int

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def key(self) -> str:
        """``YYYY-MM``, as the address and the CSV files write it."""
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def start(self) -> datetime:
        """Midnight UTC on the first day: the month holds the times from here to the
        next month's start."""
        return datetime(self.year, self.month, 1, tzinfo=UTC)

    def shifted(self, months: int) -> Month:
        """The month ``months`` later (earlier when negative)."""
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def __str__(self) -> str:
        return self.key


class RangeError(ValueError):
    """A range that cannot be read; ``reason`` says why (``unreadable``, ``reversed`` or
    ``too_long``) and ``value`` which text was wrong."""

    def __init__(self, reason: str, value: str = ""):
        super().__init__(reason)
        self.reason, self.value = reason, value


def parse_month(text: str) -> Month | None:
    """``YYYY-MM`` or a date ``YYYY-MM-DD`` (its month), or None when it is neither."""
    found = _MONTH.fullmatch((text or "").strip())
    if not found:
        return None
    year, month = int(found[1]), int(found[2])
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    if found[3] is not None:
        try:
            date(year, month, int(found[3]))
        except ValueError:
            return None
    return Month(year, month)


@dataclass(frozen=True)
class MonthRange:
    """From the first day of ``first`` to the last day of ``last``, both included."""

    first: Month
    last: Month

    @property
    def months(self) -> list[Month]:
        count = (self.last.year - self.first.year) * 12 + self.last.month - self.first.month
        return [self.first.shifted(i) for i in range(count + 1)]

    @property
    def start(self) -> datetime:
        return self.first.start

    @property
    def end(self) -> datetime:
        """The first moment after the range."""
        return self.last.shifted(1).start

    @property
    def last_day(self) -> date:
        return date.fromordinal(self.last.shifted(1).first_day.toordinal() - 1)

    def args(self) -> dict[str, str]:
        """The range as query parameters (kept by the CSV links)."""
        return {"from": self.first.key, "to": self.last.key}


def default_range(today: date) -> MonthRange:
    """The last twelve months, this one included."""
    last = Month.of(today)
    return MonthRange(last.shifted(1 - DEFAULT_MONTHS), last)


def read_range(first_text: str | None, last_text: str | None, today: date) -> MonthRange:
    """The range the address asks for: ``from`` and ``to`` as months or dates, either one
    missing taking the default's; raises :class:`RangeError`."""
    default = default_range(today)
    first_text, last_text = (first_text or "").strip(), (last_text or "").strip()
    first = parse_month(first_text) if first_text else None
    if first_text and first is None:
        raise RangeError("unreadable", first_text)
    last = parse_month(last_text) if last_text else None
    if last_text and last is None:
        raise RangeError("unreadable", last_text)
    if first is None and last is None:
        return default
    if last is None:
        last = max(default.last, first)
    if first is None:
        first = last.shifted(1 - DEFAULT_MONTHS)
    if first > last:
        raise RangeError("reversed")
    chosen = MonthRange(first, last)
    if len(chosen.months) > MAX_MONTHS:
        raise RangeError("too_long")
    return chosen
