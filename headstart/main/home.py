"""What the home page gathers: for everyone, the countries the network covers (for the
corridor picker), the newest practices, upcoming events and the latest handbook edition;
for a signed-in member, what waits for them and their organisations' corridors with
suggested counterparts.

The public part is the same for every visitor in a language, so the page cache keeps it
(every commit that changes any of it raises the content generation, see
``core.page_cache``). The member's part reads the member's own rows and is only ever
built for a signed-in request, which the page cache neither serves nor keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, union

from headstart.core.auth import has_role
from headstart.core.i18n import machine_datetime
from headstart.directory import finder, links
from headstart.directory import services as directory
from headstart.directory.models import Link, Membership, Organisation, OrganisationTerm
from headstart.events import display
from headstart.events import listing as event_listing
from headstart.extensions import db
from headstart.forum import services as forum
from headstart.forum.models import ForumPost
from headstart.handbook import editions
from headstart.notifications import services as notifications
from headstart.practices import listing as practice_listing
from headstart.practices.models import Practice, PracticeCountry

#: How many of each list the page shows.
NEWEST_PRACTICES = 5
UPCOMING_EVENTS = 5
#: Suggested counterparts shown for each of a member's organisations.
SUGGESTIONS_PER_ORGANISATION = 3
#: Items listed under each "what waits" heading (the count says how many there are).
WAITING_SHOWN = 5


# --- for everyone ------------------------------------------------------------------------


def network_countries() -> tuple[list[str], list[str]]:
    """Country codes people leave from and go to in the network: origin countries are
    those of organisations on the origin side, the origin ends of the corridors
    organisations serve and the origin countries of published practices; destination
    countries likewise. Each list sorted by code (the template sorts by name)."""
    live = Organisation.merged_into_id.is_(None)
    sides = {"origin": ("origin", "both"), "destination": ("destination", "both")}
    corridors = list(db.session.scalars(
        select(OrganisationTerm.value).join(Organisation)
        .where(OrganisationTerm.vocabulary == "corridor", live).distinct()))
    found: dict[str, set[str]] = {}
    for role, index in (("origin", 0), ("destination", 1)):
        query = union(
            select(Organisation.country).where(live, Organisation.side.in_(sides[role])),
            select(PracticeCountry.country).join(Practice).where(
                PracticeCountry.role == role, Practice.status == "published"))
        codes = set(db.session.scalars(query))
        codes |= {code.split("-", 1)[index] for code in corridors if "-" in code}
        found[role] = {code for code in codes if code}
    return sorted(found["origin"]), sorted(found["destination"])


def figures() -> dict[str, int]:
    """The network in three numbers: providers on each side and countries."""
    organisations = directory.list_organisations()
    return {
        "origin": sum(1 for o in organisations if o.side in {"origin", "both"}),
        "destination": sum(1 for o in organisations if o.side in {"destination", "both"}),
        "countries": len({o.country for o in organisations}),
    }


def newest_practices(reader: str) -> list[Practice]:
    """The most recently published practices, one per translation group (the reader's
    language where that version exists), through the same search the practice list
    uses (it falls back to the database while the index is unavailable)."""
    filters = practice_listing.clean_filters({"sort": "newest"})
    found = practice_listing.find(filters, reader=reader, per_page=NEWEST_PRACTICES,
                         with_facets=False, with_snippets=False)
    return found.practices


@dataclass(frozen=True)
class Upcoming:
    """An upcoming event with its times in its own time zone, in the reader's language
    (not in the reader's zone: that comes from a cookie, and the page is kept for every
    visitor alike)."""

    event: object
    when: str
    zone: str
    start_iso: str


def upcoming_events() -> list[Upcoming]:
    """Approved events that have not ended yet, soonest first (as the event list)."""
    return [Upcoming(event, display.interval(event.starts_at, event.ends_at, event.timezone),
                     event.timezone, machine_datetime(event.starts_at))
            for event in event_listing.find({"when": "upcoming"})[:UPCOMING_EVENTS]]


def latest_edition():
    """The newest published handbook edition, or None."""
    return editions.latest()


# --- for a signed-in member --------------------------------------------------------------


@dataclass
class Waiting:
    """One kind of thing waiting for the member: how many, and the first few."""

    count: int
    items: list = field(default_factory=list)


@dataclass
class WaitingForMe:
    """Everything waiting for a member, by kind."""

    link_proposals: Waiting
    returned_practices: Waiting
    join_requests: Waiting
    unread_notifications: int
    followed_topics: Waiting

    @property
    def nothing(self) -> bool:
        """Nothing waits at all."""
        return not (self.link_proposals.count or self.returned_practices.count
                    or self.join_requests.count or self.unread_notifications
                    or self.followed_topics.count)


def _waiting(rows: list) -> Waiting:
    return Waiting(len(rows), rows[:WAITING_SHOWN])


def link_proposals_to_answer(organisations: list[Organisation]) -> list[Link]:
    """Links other organisations proposed to one of ``organisations``, oldest first
    (the longest waiting is answered first)."""
    if not organisations:
        return []
    return list(db.session.scalars(
        select(Link).where(Link.status == "proposed",
                           Link.partner_id.in_([o.id for o in organisations]))
        .order_by(Link.id)))


def returned_practices(user) -> list[Practice]:
    """The member's practices a reviewer returned with comments, latest first."""
    return list(db.session.scalars(
        select(Practice).where(Practice.author_id == user.id, Practice.status == "returned")
        .order_by(Practice.updated_at.desc(), Practice.id.desc())))


def join_requests_to_decide(user, organisations: list[Organisation]) -> list[Membership]:
    """Join requests ``user`` may decide: those to their organisations, and every one for
    a coordinator (coordinators decide for organisations nobody has joined yet)."""
    query = select(Membership).join(Organisation, Membership.organisation_id == Organisation.id
                                    ).where(Membership.status == "pending",
                                            Organisation.merged_into_id.is_(None),
                                            Membership.user_id != user.id)
    if not has_role(user, "coordinator"):
        if not organisations:
            return []
        query = query.where(Membership.organisation_id.in_([o.id for o in organisations]))
    return list(db.session.scalars(query.order_by(Membership.requested_at, Membership.id)))


def followed_topics_with_news(user) -> list:
    """Topics the member follows (and may still read) with posts they have not seen."""
    topics = [s.topic for s in forum.subscriptions_of(user) if s.topic is not None]
    unread = forum.unread_ids(user, topics)
    found = [topic for topic in topics if topic.id in unread]
    if found:
        # Writing a post does not mark the topic read: the member's own newest post is
        # not news to them.
        own = set(db.session.scalars(select(ForumPost.id).where(
            ForumPost.id.in_([topic.last_post_id for topic in found]),
            ForumPost.author_id == user.id)))
        found = [topic for topic in found if topic.last_post_id not in own]
    return sorted(found, key=lambda topic: topic.last_post_at, reverse=True)


def waiting_for(user) -> WaitingForMe:
    """What waits for ``user`` (a signed-in member) on their home page."""
    organisations = links.member_organisations(user)
    return WaitingForMe(
        link_proposals=_waiting(link_proposals_to_answer(organisations)),
        returned_practices=_waiting(returned_practices(user)),
        join_requests=_waiting(join_requests_to_decide(user, organisations)),
        unread_notifications=notifications.unread_count(user),
        followed_topics=_waiting(followed_topics_with_news(user)),
    )


@dataclass
class OrganisationCorridors:
    """One of the member's organisations: its corridors and the best suggestions."""

    organisation: Organisation
    corridors: list[str]
    suggestions: list
    total: int


def my_corridors(user) -> list[OrganisationCorridors]:
    """For each organisation ``user`` is a member of: the corridors it serves and the
    counterparts the finder suggests first (organisations already linked left out)."""
    found = []
    for organisation in links.member_organisations(user):
        suggestions = finder.counterparts_for_organisation(organisation)
        found.append(OrganisationCorridors(
            organisation, organisation.corridors,
            suggestions[:SUGGESTIONS_PER_ORGANISATION], len(suggestions)))
    return found
