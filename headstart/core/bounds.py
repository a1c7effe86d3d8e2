"""Whole numbers from requests, bounded in one place (outside review, finding 13).

A number past what the database stores (ids are 32-bit) or past what the calendar knows
(years 1–9998) must never reach a query or ``datetime``: there it is a 500. So:

- addresses: ``<int:…>`` is :class:`BoundedIntConverter` for every route (1 to
  :data:`MAX_ID`, else no route matches: 404); ``<year:…>`` and ``<month:…>`` are the
  calendar's;
- query strings: :func:`id_arg`, :func:`int_arg` and :func:`page_arg` instead of
  ``request.args.get(…, type=int)``;
- forms: :func:`form_id` as the ``coerce`` of every choice of a record by id (a number out
  of range is the field's error, the form is shown again with everything kept).
"""

from __future__ import annotations

from flask import request
from werkzeug.routing import IntegerConverter

#: The largest id (PostgreSQL ``integer``); also the largest page number asked for.
MAX_ID = 2**31 - 1
#: Years a calendar page may show (``date`` goes to 9999; the month after must exist too).
MIN_YEAR, MAX_YEAR = 1, 9998


class BoundedIntConverter(IntegerConverter):
    """``<int:…>`` limited to positive 32-bit ids: a huge id is a 404, not a database error."""

    def __init__(self, url_map, fixed_digits=0, min=1, max=MAX_ID, signed=False):
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class YearConverter(IntegerConverter):
    """``<year:…>``: four digits, :data:`MIN_YEAR` to :data:`MAX_YEAR`."""

    def __init__(self, url_map):
        super().__init__(url_map, fixed_digits=4, min=MIN_YEAR, max=MAX_YEAR)


class MonthConverter(IntegerConverter):
    """``<month:…>``: two digits, 01 to 12."""

    def __init__(self, url_map):
        super().__init__(url_map, fixed_digits=2, min=1, max=12)


CONVERTERS = {"int": BoundedIntConverter, "year": YearConverter, "month": MonthConverter}


def register(app) -> None:
    """Use the bounded converters for every route (before any blueprint is registered)."""
    app.url_map.converters.update(CONVERTERS)


def parse(value, low: int, high: int) -> int | None:
    """``value`` as a whole number from ``low`` to ``high`` (ASCII digits, an optional
    minus sign), or None."""
    if value is None:
        return None
    text = str(value).strip()
    digits = text[1:] if text.startswith("-") else text
    if not digits or len(digits) > 19 or not digits.isascii() or not digits.isdigit():
        return None
    number = int(text)
    return number if low <= number <= high else None


def int_arg(name: str, default: int | None = None, *, low: int = 1,
            high: int = MAX_ID) -> int | None:
    """Query parameter ``name`` as a whole number from ``low`` to ``high``; ``default``
    when it is missing, malformed or out of range (like ``type=int`` did for malformed)."""
    number = parse(request.args.get(name), low, high)
    return default if number is None else number


def id_arg(name: str) -> int | None:
    """Query parameter ``name`` as a record id, or None (an impossible id is no record)."""
    return int_arg(name)


def page_arg(name: str = "page") -> int:
    """The page asked for: 1 when missing or malformed; a number past :data:`MAX_ID` is
    :data:`MAX_ID`, past any page count, so the view answers it as it answers any page
    after the last (a 404), without asking the database for it."""
    raw = request.args.get(name)
    if raw and raw.isascii() and raw.isdigit() and (len(raw) > 10 or int(raw) > MAX_ID):
        return MAX_ID
    return int_arg(name, 1, low=1)


def form_id(value) -> int:
    """``coerce`` for a choice of a record by id: 0 (nothing chosen) to :data:`MAX_ID`.
    Anything else raises ValueError, which the form reports on the field."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value if 0 <= value <= MAX_ID else None
    else:
        number = parse(value, 0, MAX_ID)
    if number is None:
        raise ValueError(f"not an id: {str(value)[:30]!r}")
    return number
