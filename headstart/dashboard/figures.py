"""How the network is doing, month by month over a :class:`~periods.MonthRange`: the
numbers behind the dashboard's charts, tables and CSV files.

Each function says exactly what it counts (docs/dashboard.md repeats it for readers).
Times are bucketed by UTC month in Python rather than with each database's date
functions, so SQLite and PostgreSQL give the same figures; the rows read are the range's
(a few per practice, link or post).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from headstart.dashboard.periods import Month, MonthRange
from headstart.directory.models import Link, Membership, Organisation
from headstart.extensions import db
from headstart.forum.models import ForumPost, ForumTopic
from headstart.practices import terms
from headstart.practices.models import Practice, PracticeCountry, PracticePartner


@dataclass
class PhaseMonth:
    month: Month
    #: Phase code → practices first published that month.
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def phases() -> list[str]:
    """The phase codes in the vocabulary's order (retired ones too: old practices have
    them)."""
    rows = terms.terms("phase", include_retired=True)
    return [row.code for row in rows]


def practices_by_phase(period: MonthRange) -> tuple[list[str], list[PhaseMonth]]:
    """Practices published per month and phase.

    A practice counts once, in the month its first published language version was
    published (translations are the same practice); only practices published now count
    (drafts, submitted, returned and archived ones do not). Returns the phase codes (those
    of the vocabulary, then any other met) and one row per month."""
    group = func.coalesce(Practice.group_id, Practice.id)
    first: dict[int, tuple] = {}
    for key, published_at, phase, pid in db.session.execute(
            select(group, Practice.published_at, Practice.phase, Practice.id)
            .where(Practice.status == "published", Practice.published_at.is_not(None),
                   Practice.published_at < period.end)):
        if key not in first or (published_at, pid) < first[key][:2]:
            first[key] = (published_at, pid, phase)
    counts: dict[Month, Counter] = defaultdict(Counter)
    for published_at, _pid, phase in first.values():
        if published_at >= period.start:
            counts[Month.of(published_at)][phase or ""] += 1
    codes = phases()
    codes += sorted({code for c in counts.values() for code in c} - set(codes))
    return codes, [PhaseMonth(month, {code: counts[month][code] for code in codes})
                   for month in period.months]


@dataclass
class CoverageMonth:
    month: Month
    #: Corridors (origin, destination) with an accepted link at the month's end.
    linked: int
    #: Corridors covered by a published practice at the month's end.
    with_practices: int
    #: Corridors with both.
    both: int


def corridor_coverage(period: MonthRange) -> list[CoverageMonth]:
    """Cells of the corridor matrix covered at the end of each month.

    A corridor is *linked* when an accepted link between two organisations (neither
    merged away) covers it: accepted before the month's end and not ended by then. It
    *has practices* when a practice published now, first published before the month's
    end, names it (an origin country and a different destination country)."""
    live = select(Organisation.id).where(Organisation.merged_into_id.is_(None))
    links = db.session.execute(
        select(Link.origin, Link.destination, Link.accepted_at, Link.status, Link.closed_at)
        .where(Link.status.in_(("accepted", "ended")), Link.accepted_at.is_not(None),
               Link.accepted_at < period.end, Link.proposer_id.in_(live),
               Link.partner_id.in_(live), Link.origin != Link.destination)).all()
    source, target = aliased(PracticeCountry), aliased(PracticeCountry)
    practice_rows = db.session.execute(
        select(source.country, target.country, func.min(Practice.published_at))
        .select_from(Practice)
        .join(source, and_(source.practice_id == Practice.id, source.role == "origin"))
        .join(target, and_(target.practice_id == Practice.id, target.role == "destination"))
        .where(Practice.status == "published", Practice.published_at.is_not(None),
               Practice.published_at < period.end, source.country != target.country)
        .group_by(source.country, target.country)).all()
    rows = []
    for month in period.months:
        end = month.shifted(1).start
        linked = {(origin, destination)
                  for origin, destination, accepted_at, status, closed_at in links
                  if accepted_at < end
                  and (status == "accepted" or (closed_at is not None and closed_at >= end))}
        covered = {(origin, destination) for origin, destination, since in practice_rows
                   if since < end}
        rows.append(CoverageMonth(month, len(linked), len(covered), len(linked & covered)))
    return rows


@dataclass
class CountryActivity:
    country: str
    #: Organisations active in the range.
    active: int
    #: Organisations in the directory (merged duplicates left out).
    listed: int


def active_organisation_ids(period: MonthRange) -> set[int]:
    """Organisations active in the range: one that, within it, first published a
    practice it leads or partners in (published now), had a link accepted, or whose active
    member wrote a forum post others can read (not held, not hidden)."""
    within = and_(Practice.published_at >= period.start, Practice.published_at < period.end,
                  Practice.status == "published")
    ids = set(db.session.scalars(select(Practice.lead_organisation_id).where(
        within, Practice.lead_organisation_id.is_not(None))))
    ids |= set(db.session.scalars(select(PracticePartner.organisation_id).join(
        Practice, Practice.id == PracticePartner.practice_id).where(within)))
    for proposer, partner in db.session.execute(select(Link.proposer_id, Link.partner_id).where(
            Link.accepted_at >= period.start, Link.accepted_at < period.end,
            or_(Link.status == "accepted", Link.status == "ended"))):
        ids.update((proposer, partner))
    ids |= set(db.session.scalars(
        select(Membership.organisation_id).distinct()
        .join(ForumPost, ForumPost.author_id == Membership.user_id)
        .where(Membership.status == "active", ForumPost.hidden.is_(False),
               ForumPost.held.is_(False), ForumPost.created_at >= period.start,
               ForumPost.created_at < period.end)))
    return ids


def active_organisations(period: MonthRange) -> list[CountryActivity]:
    """Active organisations (:func:`active_organisation_ids`) per country, beside the
    organisations listed there; the most active countries first, then by code."""
    active = active_organisation_ids(period)
    per_country: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for organisation_id, country in db.session.execute(
            select(Organisation.id, Organisation.country)
            .where(Organisation.merged_into_id.is_(None))):
        per_country[country][1] += 1
        if organisation_id in active:
            per_country[country][0] += 1
    rows = [CountryActivity(country, a, n) for country, (a, n) in per_country.items() if a]
    return sorted(rows, key=lambda row: (-row.active, row.country))


@dataclass
class ForumMonth:
    month: Month
    #: Topics opened that month (not held for approval).
    topics: int
    #: Replies written that month: readable posts after a topic's first one.
    replies: int


def forum_activity(period: MonthRange) -> list[ForumMonth]:
    """Topics opened and replies written per month. A held topic (its first post waits
    for approval) does not count, nor do held or hidden replies."""
    topics = Counter(Month.of(created) for created in db.session.scalars(
        select(ForumTopic.created_at).where(
            ForumTopic.held.is_(False), ForumTopic.created_at >= period.start,
            ForumTopic.created_at < period.end)))
    first_posts = select(func.min(ForumPost.id)).group_by(ForumPost.topic_id)
    replies = Counter(Month.of(created) for created in db.session.scalars(
        select(ForumPost.created_at).where(
            ForumPost.hidden.is_(False), ForumPost.held.is_(False),
            ForumPost.created_at >= period.start, ForumPost.created_at < period.end,
            ForumPost.id.not_in(first_posts))))
    return [ForumMonth(month, topics[month], replies[month]) for month in period.months]
