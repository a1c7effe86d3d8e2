"""Searches that found nothing (issue 18, part 8), kept 90 days for the coordinators.

What is kept: the query (trimmed, whitespace collapsed, at most :data:`MAX_QUERY`
characters), the area (or every area), the reader's interface language, the other filters
as sorted JSON, the result count (0) and the UTC day, with a counter of how many times that
same search found nothing that day. What never is: a user id, an e-mail or IP address, a
session, a time of day finer than the day.

Recording is a side note of a search, never part of it: it runs on its own short
transaction (not the request's session, so it neither commits a request's work nor marks
the visitor pages' cache as changed), and a failure is logged and forgotten. At most
``SEARCH_MISSES_PER_DAY`` distinct misses are added per day (0: none at all); past that
only the counters of misses already kept go up, so a bot sending random words cannot fill
the table.
Rows older than ``SEARCH_MISSES_DAYS`` days are deleted by the first write of each day
(per process) and by ``flask search misses --purge``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from headstart.core.models import utcnow
from headstart.extensions import db
from headstart.search.models import SearchMiss

logger = logging.getLogger(__name__)

#: Longest query kept (longer ones are cut).
MAX_QUERY = 200
#: Longest filters JSON kept (longer filters are not kept at all: no real search has them).
MAX_FILTERS = 500
#: Defaults of the settings.
DAYS = 90
PER_DAY = 5_000

_PURGED = "search_misses_purged_on"


def normalise(query: str) -> str:
    """The query as kept: trimmed, runs of whitespace made one space, bounded."""
    return " ".join(str(query or "").split())[:MAX_QUERY].strip()


def _filters_json(filters: dict | None) -> str:
    kept = {str(k): str(v) for k, v in (filters or {}).items() if v not in (None, "")}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _digest(query: str, area: str, language: str, filters: str) -> str:
    return hashlib.sha256("\x1f".join((query, area, language, filters)).encode()).hexdigest()


def today() -> date:
    """The UTC day misses are counted under."""
    return utcnow().date()


def keep_days() -> int:
    """How many days misses are kept."""
    return int(current_app.config.get("SEARCH_MISSES_DAYS", DAYS))


def _per_day() -> int:
    return int(current_app.config.get("SEARCH_MISSES_PER_DAY", PER_DAY))


def record(query: str, *, results: int, language: str, area: str | None = None,
           filters: dict | None = None, page: int = 1) -> bool:
    """Keep a search that found nothing; True when it was counted.

    Not kept: searches with results, empty queries, pages after the first. Never raises:
    the reader's search must not fail because its note could not be written."""
    text = normalise(query)
    if results or not text or page > 1 or not _per_day():
        return False
    kept_filters = _filters_json(filters)
    if len(kept_filters) > MAX_FILTERS:
        return False
    area = (area or "")[:20]
    language = (language or "")[:8]
    try:
        return _write(text, area, language, kept_filters)
    except Exception:  # the search goes on; the database may be read-only or down
        logger.warning("search misses: could not record a search that found nothing",
                       exc_info=True)
        return False


def _write(query: str, area: str, language: str, filters: str) -> bool:
    table = SearchMiss.__table__
    day = today()
    digest = _digest(query, area, language, filters)
    counted = (update(table).where(table.c.day == day, table.c.digest == digest)
               .values(times=table.c.times + 1))
    engine = db.engine
    if current_app.extensions.get(_PURGED) != day:
        purge()
        current_app.extensions[_PURGED] = day
    with engine.begin() as connection:
        if connection.execute(counted).rowcount:
            return True
        distinct = connection.execute(select(func.count()).select_from(table)
                                      .where(table.c.day == day)).scalar_one()
        if distinct >= _per_day():
            return False  # only counters of misses already kept go up today
    try:
        with engine.begin() as connection:
            connection.execute(insert(table).values(
                day=day, query=query, area=area, language=language, filters=filters,
                results=0, times=1, digest=digest))
    except IntegrityError:  # another request added the same miss meanwhile
        with engine.begin() as connection:
            connection.execute(counted)
    return True


def purge() -> int:
    """Delete misses older than the kept days; the number deleted."""
    table = SearchMiss.__table__
    oldest = today() - timedelta(days=keep_days() - 1)
    with db.engine.begin() as connection:
        deleted = connection.execute(delete(table).where(table.c.day < oldest)).rowcount
    if deleted:
        logger.info("search misses: deleted %s rows older than %s", deleted, oldest)
    return deleted


@dataclass
class Miss:
    """One query's misses over the kept days, all areas and languages together."""

    query: str
    times: int
    last_day: date
    areas: list[str]
    languages: list[str]


@dataclass
class MissPage:
    items: list[Miss]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


SORTS = ("frequent", "newest")


def grouped(*, days: int | None = None, sort: str = "frequent", page: int = 1,
            per_page: int = 50) -> MissPage:
    """The misses of the last ``days`` days grouped by query: most frequent (or most
    recent) first."""
    days = min(days or keep_days(), keep_days())
    since = today() - timedelta(days=days - 1)
    times = func.sum(SearchMiss.times).label("times")
    last = func.max(SearchMiss.day).label("last_day")
    base = (select(SearchMiss.query, times, last).where(SearchMiss.day >= since)
            .group_by(SearchMiss.query))
    total = db.session.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    order = ((last.desc(), times.desc()) if sort == "newest" else (times.desc(), last.desc()))
    rows = db.session.execute(base.order_by(*order, SearchMiss.query)
                              .limit(per_page).offset((page - 1) * per_page)).all()
    details: dict[str, tuple[set, set]] = {row.query: (set(), set()) for row in rows}
    if details:
        for query, area, language in db.session.execute(
                select(SearchMiss.query, SearchMiss.area, SearchMiss.language).distinct()
                .where(SearchMiss.day >= since, SearchMiss.query.in_(list(details)))):
            details[query][0].add(area)
            details[query][1].add(language)
    items = [Miss(row.query, int(row.times), row.last_day, sorted(details[row.query][0]),
                  sorted(details[row.query][1])) for row in rows]
    return MissPage(items, page, per_page, total)


@dataclass
class LanguageMiss:
    """How often one query found nothing for readers of one interface language."""

    query: str
    language: str
    times: int


def by_language(first_day: date, last_day: date, *, limit: int = 20) -> list[LanguageMiss]:
    """The misses from ``first_day`` to ``last_day`` (both included) counted per query and
    interface language, most frequent first (the coordinators' dashboard). Only the kept
    days can count: older misses are deleted."""
    times = func.sum(SearchMiss.times).label("times")
    rows = db.session.execute(
        select(SearchMiss.query, SearchMiss.language, times)
        .where(SearchMiss.day >= first_day, SearchMiss.day <= last_day)
        .group_by(SearchMiss.query, SearchMiss.language)
        .order_by(times.desc(), SearchMiss.query, SearchMiss.language).limit(limit))
    return [LanguageMiss(row.query, row.language, int(row.times)) for row in rows]
