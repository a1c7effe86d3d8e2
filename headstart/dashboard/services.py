"""What waits for the coordinators: counts of the work each area keeps, read through the
areas' own services where they have one, and the lists the dashboard shows itself (join
requests by organisation, organisations not yet verified)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from headstart.directory.models import Membership, Organisation
from headstart.events import services as events
from headstart.extensions import db
from headstart.forum import moderation
from headstart.forum.models import ForumPost
from headstart.handbook import services as handbook
from headstart.practices import services as practices

#: The kinds of waiting work, in the order the dashboard lists them.
KINDS = ("practices", "flags", "held_posts", "join_requests", "unverified", "handbook",
         "events")


@dataclass
class JoinRequests:
    """An organisation with join requests waiting for a decision."""

    organisation: Organisation
    count: int


def _live_organisations():
    return select(Organisation.id).where(Organisation.merged_into_id.is_(None))


def held_post_count() -> int:
    """Forum posts (a new member's first ones) waiting for approval, as the moderation
    queue lists them."""
    return db.session.scalar(select(func.count(ForumPost.id)).where(
        ForumPost.held.is_(True))) or 0


def join_requests() -> list[JoinRequests]:
    """Organisations with pending join requests, the most waiting first."""
    count = func.count(Membership.id).label("count")
    rows = db.session.execute(
        select(Organisation, count).join(Membership, Membership.organisation_id == Organisation.id)
        .where(Membership.status == "pending", Organisation.merged_into_id.is_(None))
        .group_by(Organisation.id).order_by(count.desc(), Organisation.name, Organisation.id))
    return [JoinRequests(organisation, int(n)) for organisation, n in rows]


def unverified_organisations() -> list[Organisation]:
    """Organisations no coordinator has verified yet (merged duplicates left out), the
    oldest first: they have waited longest."""
    return list(db.session.scalars(select(Organisation).where(
        Organisation.verified.is_(False), Organisation.merged_into_id.is_(None))
        .order_by(Organisation.created_at, Organisation.id)))


def waiting_counts(today: date | None = None) -> dict[str, int]:
    """How much of each kind of work waits: :data:`KINDS` → count."""
    unverified = db.session.scalar(select(func.count(Organisation.id)).where(
        Organisation.verified.is_(False), Organisation.merged_into_id.is_(None))) or 0
    pending = db.session.scalar(select(func.count(Membership.id)).where(
        Membership.status == "pending",
        Membership.organisation_id.in_(_live_organisations()))) or 0
    return {
        "practices": len(practices.review_queue()),
        "flags": moderation.open_flag_count(),
        "held_posts": held_post_count(),
        "join_requests": pending,
        "unverified": unverified,
        "handbook": len(handbook.due_for_review(today)),
        "events": len(events.waiting()),
    }
