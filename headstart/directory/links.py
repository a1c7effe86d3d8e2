"""Links between organisations: proposed by a member of one, accepted or declined by a
member of the other, withdrawn by the proposing side or ended by either; every step is a
:class:`LinkEvent` and tells the other side's members (portal and e-mail)."""

from __future__ import annotations

import logging

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from headstart.core.auth import has_role
from headstart.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from headstart.core.i18n import _l
from headstart.core.models import utcnow
from headstart.directory import notices
from headstart.directory.models import Link, LinkEvent, Organisation
from headstart.directory.services import (
    active_members,
    is_member,
    parse_corridor,
    user_organisations,
)
from headstart.directory.taxonomy import SERVICES
from headstart.extensions import db

logger = logging.getLogger(__name__)

#: Notification kinds of the link workflow (sentences in ``notifications.services.KINDS``).
LINK_NOTICES = {"proposed": "link_proposed", "accepted": "link_accepted",
                "declined": "link_declined", "withdrawn": "link_withdrawn",
                "ended": "link_ended"}


def get_link(link_id: int) -> Link:
    link = db.session.get(Link, link_id)
    if link is None:
        raise NotFound(str(_l("No such link.")))
    return link


def can_see_link(user, link: Link) -> bool:
    """Members of either organisation and coordinators see a link's page and history."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (has_role(user, "coordinator") or is_member(user, link.proposer)
            or is_member(user, link.partner))


def member_organisations(user, *, exclude: int | None = None) -> list[Organisation]:
    """Organisations (not merged away) ``user`` can act for, by name."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [o for o in user_organisations(user)
            if o.merged_into_id is None and o.id != exclude]


def open_link_between(first: Organisation, second: Organisation,
                      corridor: tuple[str, str] | None = None, *,
                      other_than: int | None = None) -> Link | None:
    """A proposed or accepted link between the two organisations (on ``corridor``), other
    than the link ``other_than``."""
    query = select(Link).where(
        Link.status.in_(("proposed", "accepted")),
        or_(and_(Link.proposer_id == first.id, Link.partner_id == second.id),
            and_(Link.proposer_id == second.id, Link.partner_id == first.id)))
    if corridor is not None:
        query = query.where(Link.origin == corridor[0], Link.destination == corridor[1])
    if other_than is not None:
        query = query.where(Link.id != other_than)
    return db.session.scalars(query.order_by(Link.id)).first()


def _record(link: Link, action: str, actor, organisation: Organisation | None,
            note: str = "") -> None:
    link.events.append(LinkEvent(action=action, actor_id=actor.id,
                                 organisation_id=organisation.id if organisation else None,
                                 note=note))


def _tell_other_side(link: Link, action: str, acting: Organisation, actor) -> None:
    """Notify every active member of the other organisation (portal and e-mail)."""
    from headstart.notifications import services as notifications

    other = link.other_side(acting.id)
    details = {"organisation": acting.name, "other": other.name,
               "corridor": f"{link.origin} → {link.destination}"}
    for membership in active_members(other):
        if membership.user_id == actor.id or membership.user.disabled:
            continue
        notifications.notify(membership.user, LINK_NOTICES[action], details,
                             endpoint="directory.link_detail", link_id=link.id)


def propose_link(proposer: Organisation, partner: Organisation, *, origin: str,
                 destination: str, services: list[str], note: str, actor) -> Link:
    """A member of ``proposer`` proposes a partnership to ``partner``; its members are told
    (the coordinators, asked to find its people, when it has none)."""
    if not is_member(actor, proposer):
        raise PermissionDenied(str(_l("You can only propose links for an organisation you "
                                      "are a member of.")))
    if proposer.id == partner.id:
        raise DomainError(str(_l("Choose another organisation to link with.")),
                          field="organisation")
    if proposer.merged_into_id is not None or partner.merged_into_id is not None:
        raise NotFound(str(_l("No such organisation.")))
    if parse_corridor(f"{origin}-{destination}") is None:
        raise DomainError(str(_l("Choose the corridor the link covers: two different "
                                 "countries.")), field="corridor")
    if not services or any(code not in SERVICES for code in services):
        raise DomainError(str(_l("Choose at least one service the link covers.")),
                          field="services")
    if open_link_between(proposer, partner, (origin, destination)) is not None:
        raise Conflict(str(_l("These organisations already have a link on this corridor, "
                              "proposed or accepted.")))
    link = Link(proposer_id=proposer.id, partner_id=partner.id, origin=origin,
                destination=destination, services=list(dict.fromkeys(services)),
                note=note.strip(), proposed_by_id=actor.id)
    link.proposer, link.partner = proposer, partner
    db.session.add(link)
    _record(link, "proposed", actor, proposer, link.note)
    db.session.flush()
    _tell_other_side(link, "proposed", proposer, actor)
    if not notices.has_people(partner):
        notices.link_to_memberless(link, actor=actor)
    logger.info("user %s proposed link %s (%s -> %s)", actor.id, link.id, proposer.id,
                partner.id)
    return link


def decide_link(link: Link, accept: bool, *, actor, note: str = "") -> None:
    """A member of the organisation asked accepts or declines. Nobody else can, not even a
    coordinator: only an organisation's own members speak for it."""
    if not is_member(actor, link.partner):
        raise PermissionDenied(str(_l("Only members of %(name)s can answer this proposal.",
                                      name=link.partner.name)))
    if link.status != "proposed":
        raise Conflict(str(_l("This proposal was already answered.")))
    action = "accepted" if accept else "declined"
    link.status = action
    if accept:
        link.accepted_at = utcnow()
    else:
        link.closed_at = utcnow()
    _record(link, action, actor, link.partner, note.strip())
    db.session.flush()
    _tell_other_side(link, action, link.partner, actor)
    logger.info("user %s %s link %s", actor.id, action, link.id)


def withdraw_link(link: Link, *, actor, note: str = "") -> None:
    """The proposing side takes back a proposal not yet answered."""
    if not is_member(actor, link.proposer):
        raise PermissionDenied(str(_l("Only members of %(name)s can withdraw this proposal.",
                                      name=link.proposer.name)))
    if link.status != "proposed":
        raise Conflict(str(_l("Only a proposal waiting for an answer can be withdrawn.")))
    link.status, link.closed_at = "withdrawn", utcnow()
    _record(link, "withdrawn", actor, link.proposer, note.strip())
    db.session.flush()
    _tell_other_side(link, "withdrawn", link.proposer, actor)


def end_link(link: Link, *, actor, note: str = "") -> None:
    """Either side ends an accepted link; the history stays."""
    if is_member(actor, link.proposer):
        acting = link.proposer
    elif is_member(actor, link.partner):
        acting = link.partner
    else:
        raise PermissionDenied(str(_l("Only members of the two organisations can end this "
                                      "link.")))
    if link.status != "accepted":
        raise Conflict(str(_l("Only an accepted link can be ended.")))
    link.status, link.closed_at = "ended", utcnow()
    _record(link, "ended", actor, acting, note.strip())
    db.session.flush()
    _tell_other_side(link, "ended", acting, actor)


def links_of(organisation: Organisation, statuses=("accepted",)) -> list[Link]:
    """The organisation's links in these states, newest first."""
    return list(db.session.scalars(
        select(Link).where(or_(Link.proposer_id == organisation.id,
                               Link.partner_id == organisation.id),
                           Link.status.in_(statuses))
        .options(selectinload(Link.proposer), selectinload(Link.partner))
        .order_by(Link.id.desc())))


def settle_after_merge(duplicate: Organisation, target: Organisation, *, actor) -> int:
    """Move the duplicate's links to ``target`` (coordinators merging). A link that would
    join ``target`` to itself, or repeat an open link ``target`` already has on the same
    corridor, is closed (withdrawn if proposed, ended if accepted) with a step in its
    history saying why. Returns how many links moved."""
    moved = 0
    note = str(_l("Closed when %(duplicate)s was merged into %(name)s.",
                  duplicate=duplicate.name, name=target.name))
    for link in db.session.scalars(select(Link).where(
            or_(Link.proposer_id == duplicate.id, Link.partner_id == duplicate.id))
            .order_by(Link.id)):
        if link.proposer_id == duplicate.id:
            link.proposer_id, link.proposer = target.id, target
        if link.partner_id == duplicate.id:
            link.partner_id, link.partner = target.id, target
        moved += 1
        if link.status not in {"proposed", "accepted"}:
            continue
        db.session.flush()
        if link.proposer_id == link.partner_id or open_link_between(
                link.proposer, link.partner, (link.origin, link.destination),
                other_than=link.id) is not None:
            action = "withdrawn" if link.status == "proposed" else "ended"
            link.status, link.closed_at = action, utcnow()
            _record(link, action, actor, None, note)
    db.session.flush()
    return moved
