"""Organisations and membership (create, edit, verify, merge; ask to join, approve or
decline), links between organisations, the counterpart finder and the corridor matrix."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.orm import aliased, selectinload

from headstart.core.auth import has_role
from headstart.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from headstart.core.i18n import _l
from headstart.core.mail import send_mail
from headstart.core.models import utcnow
from headstart.core.signals import account_export
from headstart.directory import pairing
from headstart.directory.models import (
    Link,
    LinkEvent,
    Membership,
    Organisation,
    OrganisationTerm,
)
from headstart.directory.taxonomy import KINDS, LANGUAGES_SERVED, SERVICES, SIDES
from headstart.extensions import db

logger = logging.getLogger(__name__)

#: Organisation fields a member may set through the form (nothing else is mass-assigned).
EDITABLE_FIELDS = ("name", "acronym", "kind", "side", "country", "city", "website",
                   "description", "contact_email", "contact_phone")


def get_organisation(organisation_id: int) -> Organisation:
    """The organisation with this id, or :class:`NotFound`."""
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None:
        raise NotFound(str(_l("No such organisation.")))
    return organisation


def get_live_organisation(organisation_id: int) -> Organisation:
    """Like :func:`get_organisation`, but a merged duplicate is not found."""
    organisation = get_organisation(organisation_id)
    if organisation.merged_into_id is not None:
        raise NotFound(str(_l("No such organisation.")))
    return organisation


def _has_term(vocabulary: str, value: str):
    return exists().where(OrganisationTerm.organisation_id == Organisation.id,
                          OrganisationTerm.vocabulary == vocabulary,
                          OrganisationTerm.value == value)


def corridor_condition(origin: str, destination: str):
    """Organisations serving a corridor: they list it, or hold an accepted link on it."""
    linked = select(Link.proposer_id).where(
        Link.status == "accepted", Link.origin == origin, Link.destination == destination
    ).union(select(Link.partner_id).where(
        Link.status == "accepted", Link.origin == origin, Link.destination == destination))
    return or_(_has_term("corridor", f"{origin}-{destination}"), Organisation.id.in_(linked))


def list_organisations(*, country: str | None = None, side: str | None = None,
                       kind: str | None = None, service: str | None = None,
                       language: str | None = None, corridor: str | None = None,
                       ids: list[int] | None = None) -> list[Organisation]:
    """Organisations (merged duplicates left out), filtered, sorted by name; with ``ids``
    (search hits, best first) only those, in that order."""
    query = (select(Organisation).where(Organisation.merged_into_id.is_(None))
             .options(selectinload(Organisation.terms)).order_by(func.lower(Organisation.name)))
    if country:
        query = query.where(Organisation.country == country.upper())
    if side:
        sides = [side, "both"] if side in {"origin", "destination"} else [side]
        query = query.where(Organisation.side.in_(sides))
    if kind:
        query = query.where(Organisation.kind == kind)
    if service:
        query = query.where(_has_term("service", service))
    if language:
        query = query.where(_has_term("language", language))
    if corridor:
        origin, destination = corridor.split("-", 1)
        query = query.where(corridor_condition(origin, destination))
    if ids is not None:
        query = query.where(Organisation.id.in_(ids))
        found = {organisation.id: organisation for organisation in db.session.scalars(query)}
        return [found[i] for i in ids if i in found]
    return list(db.session.scalars(query))


#: How many organisations a directory search returns at most.
MAX_SEARCH_HITS = 1000


def search_ids(q: str) -> list[int] | None:
    """Ids of organisations matching the words ``q``, best first, through the search
    service; ``None`` when the index cannot answer (the caller falls back)."""
    from headstart.search import service as search_service
    from headstart.search.base import IndexUnavailable, SearchRequest
    from headstart.search.query import parse

    parsed = parse(q)
    if parsed.empty:
        return []
    request = SearchRequest(query=parsed, area="organisation", page=1,
                            per_page=MAX_SEARCH_HITS)
    try:
        result = search_service.search(request)
    except IndexUnavailable:
        return None
    return [hit.object_id for hit in result.hits]


def fallback_search_ids(q: str) -> list[int]:
    """Organisations whose name, acronym, city or description contains every word of
    ``q`` (used while the index is being rebuilt)."""
    words = [w for w in re.findall(r"\w+", q.lower()) if len(w) > 1][:8]
    if not words:
        return []
    query = select(Organisation.id).where(Organisation.merged_into_id.is_(None))
    for word in words:
        pattern = f"%{word}%"
        query = query.where(or_(func.lower(Organisation.name).like(pattern),
                                func.lower(Organisation.acronym).like(pattern),
                                func.lower(Organisation.city).like(pattern),
                                func.lower(Organisation.description).like(pattern)))
    return list(db.session.scalars(query.order_by(Organisation.id)))


_CORRIDOR_RE = re.compile(r"^([A-Za-z]{2})\s*(?:-|→|->|>|–)\s*([A-Za-z]{2})$")


def parse_corridor(text: str) -> tuple[str, str] | None:
    """``"md-it"``, ``"MD → IT"`` → ``("MD", "IT")``; ``None`` when it is not a corridor
    of two different known countries."""
    from headstart.core.i18n import country_choices

    match = _CORRIDOR_RE.match((text or "").strip())
    if not match:
        return None
    origin, destination = match.group(1).upper(), match.group(2).upper()
    known = {code for code, _name in country_choices("en")}
    if origin == destination or origin not in known or destination not in known:
        return None
    return origin, destination


def parse_corridors(text: str) -> list[str]:
    """Corridors typed as ``MD-IT, UA-CZ`` (commas, semicolons or new lines between
    them), as codes; :class:`DomainError` naming the first one that is not a corridor."""
    found: list[str] = []
    for piece in re.split(r"[,;\n]+", text or ""):
        if not piece.strip():
            continue
        pair = parse_corridor(piece)
        if pair is None:
            raise DomainError(str(_l("“%(value)s” is not a corridor. Write the two country "
                                     "codes, origin first, e.g. MD-IT.", value=piece.strip()[:40])),
                              field="corridors")
        code = "-".join(pair)
        if code not in found:
            found.append(code)
    if len(found) > 40:
        raise DomainError(str(_l("Please list at most 40 corridors.")), field="corridors")
    return found


def set_terms(organisation: Organisation, *, services=None, languages=None,
              corridors=None) -> None:
    """Replace the organisation's services, languages served and corridors (each only
    when given). Unknown codes are refused."""
    given = {"service": services, "language": languages, "corridor": corridors}
    if services is not None and any(code not in SERVICES for code in services):
        raise DomainError(str(_l("Choose services from the list.")), field="services")
    if languages is not None and any(code not in LANGUAGES_SERVED for code in languages):
        raise DomainError(str(_l("Choose languages from the list.")), field="languages")
    for vocabulary, values in given.items():
        if values is None:
            continue
        wanted = list(dict.fromkeys(values))
        for term in [t for t in organisation.terms if t.vocabulary == vocabulary]:
            if term.value not in wanted:
                organisation.terms.remove(term)
        have = set(organisation.codes(vocabulary))
        for value in wanted:
            if value not in have:
                organisation.terms.append(OrganisationTerm(vocabulary=vocabulary, value=value))


def _check_fields(values: dict) -> None:
    if values.get("kind") not in KINDS:
        raise DomainError(str(_l("Choose a kind of organisation.")), field="kind")
    if values.get("side") not in SIDES:
        raise DomainError(str(_l("Choose a side.")), field="side")
    if not values.get("name", "").strip():
        raise DomainError(str(_l("Please enter the organisation's name.")), field="name")
    website = values.get("website") or ""
    if website and not website.lower().startswith(("http://", "https://")):
        raise DomainError(str(_l("Please enter a full web address, e.g. https://example.org.")),
                          field="website")


def create_organisation(values: dict, *, actor, services=(), languages=(),
                        corridors=()) -> Organisation:
    """Create an organisation; its creator becomes its first active member."""
    values = {key: values[key] for key in EDITABLE_FIELDS if key in values}
    _check_fields(values)
    organisation = Organisation(**values, created_by_id=actor.id)
    db.session.add(organisation)
    set_terms(organisation, services=list(services), languages=list(languages),
              corridors=list(corridors))
    db.session.flush()
    db.session.add(Membership(user_id=actor.id, organisation_id=organisation.id, status="active",
                              decided_at=utcnow(), decided_by_id=actor.id))
    db.session.flush()
    logger.info("user %s created organisation %s", actor.id, organisation.id)
    return organisation


def can_edit(user, organisation: Organisation) -> bool:
    """Members of the organisation and coordinators edit its profile."""
    return bool(getattr(user, "is_authenticated", False)) and (
        has_role(user, "coordinator") or is_member(user, organisation))


def update_organisation(organisation: Organisation, values: dict, *, actor, services,
                        languages, corridors) -> None:
    """Change the profile (members of the organisation and coordinators)."""
    if not can_edit(actor, organisation):
        raise PermissionDenied(str(_l("Only members of this organisation or coordinators can "
                                      "edit its profile.")))
    values = {key: values[key] for key in EDITABLE_FIELDS if key in values}
    _check_fields(values)
    for key, value in values.items():
        setattr(organisation, key, value)
    set_terms(organisation, services=list(services), languages=list(languages),
              corridors=list(corridors))
    db.session.flush()
    logger.info("user %s edited organisation %s", actor.id, organisation.id)


def set_verified(organisation: Organisation, verified: bool, *, actor) -> None:
    """Coordinators verify an organisation (or take the badge away)."""
    if not has_role(actor, "coordinator"):
        raise PermissionDenied(str(_l("Only coordinators verify organisations.")))
    organisation.verified = verified
    organisation.verified_at = utcnow() if verified else None
    organisation.verified_by_id = actor.id if verified else None
    db.session.flush()
    logger.info("user %s set verified=%s on organisation %s", actor.id, verified,
                organisation.id)


def merge(duplicate: Organisation, target: Organisation, *, actor) -> dict:
    """Merge ``duplicate`` into ``target`` (coordinators): members, practices, links,
    services, languages, corridors and empty profile fields move over; the duplicate's
    address then leads to ``target``. Returns what moved."""
    from headstart.practices.models import Practice, PracticePartner

    if not has_role(actor, "coordinator"):
        raise PermissionDenied(str(_l("Only coordinators merge organisations.")))
    if duplicate.id == target.id:
        raise DomainError(str(_l("Choose another organisation to merge into.")),
                          field="target")
    if duplicate.merged_into_id is not None or target.merged_into_id is not None:
        raise Conflict(str(_l("One of these organisations was already merged.")))
    moved = {"members": 0, "practices": 0, "links": 0}
    members = {m.user_id: m for m in target.memberships}
    for membership in list(duplicate.memberships):
        mine = members.get(membership.user_id)
        if mine is None:
            membership.organisation_id = target.id
            moved["members"] += 1
        else:
            if membership.status == "active" and mine.status != "active":
                mine.status, mine.decided_at = "active", membership.decided_at
            db.session.delete(membership)
    db.session.flush()
    moved["practices"] = db.session.execute(
        update(Practice).where(Practice.lead_organisation_id == duplicate.id)
        .values(lead_organisation_id=target.id)).rowcount or 0
    partnered = set(db.session.scalars(select(PracticePartner.practice_id).where(
        PracticePartner.organisation_id == target.id)))
    for partner in db.session.scalars(select(PracticePartner).where(
            PracticePartner.organisation_id == duplicate.id)):
        if partner.practice_id in partnered:
            db.session.delete(partner)
        else:
            partner.organisation_id = target.id
            moved["practices"] += 1
    for link in db.session.scalars(select(Link).where(
            or_(Link.proposer_id == duplicate.id, Link.partner_id == duplicate.id))):
        if duplicate.id == link.proposer_id:
            link.proposer_id = target.id
        if duplicate.id == link.partner_id:
            link.partner_id = target.id
        if link.proposer_id == link.partner_id and link.status in {"proposed", "accepted"}:
            link.status, link.closed_at = "ended", utcnow()  # a link to itself means nothing
        moved["links"] += 1
    set_terms(target, services=_union(target.services, duplicate.services),
              languages=_union(target.languages, duplicate.languages),
              corridors=_union(target.corridors, duplicate.corridors))
    for key in EDITABLE_FIELDS:
        if not getattr(target, key) and getattr(duplicate, key):
            setattr(target, key, getattr(duplicate, key))
    duplicate.merged_into_id = target.id
    db.session.flush()
    # The practices that moved carry the target's name in their search documents.
    from headstart.search import service as search_service

    search_service.queue(target.__search_keys__() + [f"organisation:{duplicate.id}"])
    logger.info("user %s merged organisation %s into %s: %s", actor.id, duplicate.id,
                target.id, moved)
    return moved


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def membership_of(user, organisation: Organisation) -> Membership | None:
    """The membership row (any status) of ``user`` in ``organisation``."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(select(Membership).where(
        Membership.user_id == user.id, Membership.organisation_id == organisation.id))


def is_member(user, organisation: Organisation) -> bool:
    """True when ``user`` is an active member of ``organisation``."""
    membership = membership_of(user, organisation)
    return membership is not None and membership.status == "active"


def can_manage_members(user, organisation: Organisation) -> bool:
    """Active members and coordinators decide on join requests."""
    return has_role(user, "coordinator") or is_member(user, organisation)


def active_members(organisation: Organisation) -> list[Membership]:
    """Active memberships, oldest first."""
    return [m for m in sorted(organisation.memberships, key=lambda m: m.requested_at)
            if m.status == "active"]


def pending_requests(organisation: Organisation) -> list[Membership]:
    """Join requests waiting for a decision."""
    return [m for m in organisation.memberships if m.status == "pending"]


def request_membership(organisation: Organisation, *, actor) -> Membership:
    """Ask to join ``organisation``; its members are told by e-mail."""
    existing = membership_of(actor, organisation)
    if existing is not None and existing.status == "active":
        raise Conflict(str(_l("You are already a member of this organisation.")))
    if existing is not None and existing.status == "pending":
        raise Conflict(str(_l("Your request to join is already waiting for a decision.")))
    if existing is not None:  # declined before: ask again
        existing.status = "pending"
        existing.requested_at = utcnow()
        existing.decided_at = existing.decided_by_id = None
        membership = existing
    else:
        membership = Membership(user_id=actor.id, organisation_id=organisation.id)
        db.session.add(membership)
    db.session.flush()
    for member in active_members(organisation):
        send_mail(member.user.email, _l("Someone asks to join your organisation"), "join_request",
                  locale=member.user.preferred_language, requester=actor,
                  organisation=organisation)
    logger.info("user %s asked to join organisation %s", actor.id, organisation.id)
    return membership


def decide_membership(membership: Membership, approve: bool, *, actor) -> None:
    """Approve or decline a pending request (members of the organisation or coordinators)."""
    organisation = membership.organisation
    if not can_manage_members(actor, organisation):
        raise PermissionDenied(str(_l("Only members of this organisation or coordinators can "
                                      "decide on join requests.")))
    if membership.status != "pending":
        raise Conflict(str(_l("This request was already decided.")))
    membership.status = "active" if approve else "declined"
    membership.decided_at = utcnow()
    membership.decided_by_id = actor.id
    requester = membership.user
    template = "join_approved" if approve else "join_declined"
    subject = (_l("You are now a member of %(name)s", name=organisation.name) if approve
               else _l("Your request to join %(name)s was declined", name=organisation.name))
    send_mail(requester.email, subject, template, locale=requester.preferred_language,
              organisation=organisation, user=requester)
    logger.info("user %s %s membership %s", actor.id, "approved" if approve else "declined",
                membership.id)


def leave(organisation: Organisation, *, actor) -> None:
    """End ``actor``'s own membership."""
    membership = membership_of(actor, organisation)
    if membership is None or membership.status != "active":
        raise NotFound(str(_l("You are not a member of this organisation.")))
    db.session.delete(membership)
    db.session.flush()


def get_membership(membership_id: int) -> Membership:
    """The membership with this id, or :class:`NotFound`."""
    membership = db.session.get(Membership, membership_id)
    if membership is None:
        raise NotFound(str(_l("No such request.")))
    return membership


def user_organisations(user) -> list[Organisation]:
    """Organisations ``user`` is an active member of."""
    return list(db.session.scalars(
        select(Organisation).join(Membership).where(Membership.user_id == user.id,
                                                    Membership.status == "active")
        .order_by(Organisation.name)))


@account_export.connect
def _export_memberships(user):
    rows = db.session.scalars(select(Membership).where(Membership.user_id == user.id))
    return "memberships", [
        {"organisation_id": m.organisation_id, "organisation": m.organisation.name,
         "status": m.status, "requested_at": m.requested_at.isoformat()}
        for m in rows
    ]


def published_practices(organisation: Organisation, limit: int = 50) -> list:
    """Published practices the organisation leads or partners in, newest first."""
    from headstart.practices.models import Practice, PracticePartner

    partnered = select(PracticePartner.practice_id).where(
        PracticePartner.organisation_id == organisation.id)
    return list(db.session.scalars(
        select(Practice).where(Practice.status == "published",
                               or_(Practice.lead_organisation_id == organisation.id,
                                   Practice.id.in_(partnered)))
        .order_by(Practice.published_at.desc().nulls_last(), Practice.id.desc())
        .limit(limit)))


# --- links ------------------------------------------------------------------------------

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
                      corridor: tuple[str, str] | None = None) -> Link | None:
    """A proposed or accepted link between the two organisations (on ``corridor``)."""
    query = select(Link).where(
        Link.status.in_(("proposed", "accepted")),
        or_(and_(Link.proposer_id == first.id, Link.partner_id == second.id),
            and_(Link.proposer_id == second.id, Link.partner_id == first.id)))
    if corridor is not None:
        query = query.where(Link.origin == corridor[0], Link.destination == corridor[1])
    return db.session.scalars(query.order_by(Link.id)).first()


def _record(link: Link, action: str, actor, organisation: Organisation, note: str = "") -> None:
    link.events.append(LinkEvent(action=action, actor_id=actor.id,
                                 organisation_id=organisation.id, note=note))


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
    """A member of ``proposer`` proposes a partnership to ``partner``; its members are told."""
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


# --- the counterpart finder ---------------------------------------------------------------

def _candidates() -> list[Organisation]:
    return list(db.session.scalars(
        select(Organisation).where(Organisation.merged_into_id.is_(None))
        .options(selectinload(Organisation.terms))))


def linked_ids(organisation: Organisation) -> set[int]:
    """Organisations with a proposed or accepted link to ``organisation``."""
    rows = db.session.execute(select(Link.proposer_id, Link.partner_id).where(
        Link.status.in_(("proposed", "accepted")),
        or_(Link.proposer_id == organisation.id, Link.partner_id == organisation.id)))
    return {i for row in rows for i in row} - {organisation.id}


def counterparts_for_organisation(organisation: Organisation) -> list[pairing.Suggestion]:
    """Ranked suggestions for ``organisation``: itself and the organisations it already
    has a link with (proposed or accepted) are left out."""
    best: dict[int, pairing.Suggestion] = {}
    candidates = _candidates()
    for need in pairing.need_of(organisation, linked_ids(organisation)):
        for suggestion in pairing.rank(candidates, need):
            known = best.get(suggestion.organisation.id)
            if known is None or suggestion.score > known.score:
                best[suggestion.organisation.id] = suggestion
    return sorted(best.values(), key=lambda s: (-s.score, s.organisation.name.casefold()))


def counterparts_for(origin: str, destination: str, *, service: str | None = None,
                     looking_for: str = "destination") -> list[pairing.Suggestion]:
    """Ranked suggestions for a corridor and a service a visitor chose: with
    ``looking_for="destination"`` the service is one offered before departure and the
    finder looks for counterparts after arrival; with ``"origin"`` the other way round."""
    need = pairing.Need(looking_for, ((origin, destination),),
                        frozenset([service] if service else []))
    return pairing.rank(_candidates(), need)


# --- the corridor matrix ------------------------------------------------------------------

@dataclass
class Matrix:
    """Origin countries (rows) × destination countries (columns): for each corridor, the
    organisations holding an accepted link on it and the published practices covering it
    (one per translation group)."""

    origins: list[str] = field(default_factory=list)
    destinations: list[str] = field(default_factory=list)
    providers: dict[tuple[str, str], int] = field(default_factory=dict)
    practices: dict[tuple[str, str], int] = field(default_factory=dict)

    def cell(self, origin: str, destination: str) -> tuple[int, int]:
        key = (origin, destination)
        return self.providers.get(key, 0), self.practices.get(key, 0)

    @property
    def largest(self) -> int:
        return max([sum(self.cell(o, d)) for o in self.origins for d in self.destinations]
                   or [0])


def corridor_matrix() -> Matrix:
    """Count, for every corridor anyone works on, linked providers and practices."""
    from headstart.practices.models import Practice, PracticeCountry

    providers: dict[tuple[str, str], set[int]] = defaultdict(set)
    live = select(Organisation.id).where(Organisation.merged_into_id.is_(None))
    for origin, destination, first, second in db.session.execute(
            select(Link.origin, Link.destination, Link.proposer_id, Link.partner_id).where(
                Link.status == "accepted", Link.proposer_id.in_(live),
                Link.partner_id.in_(live))):
        providers[(origin, destination)].update((first, second))
    source, target = aliased(PracticeCountry), aliased(PracticeCountry)
    group = func.coalesce(Practice.group_id, Practice.id)
    rows = db.session.execute(
        select(source.country, target.country, func.count(group.distinct()))
        .select_from(Practice)
        .join(source, and_(source.practice_id == Practice.id, source.role == "origin"))
        .join(target, and_(target.practice_id == Practice.id, target.role == "destination"))
        .where(Practice.status == "published", source.country != target.country)
        .group_by(source.country, target.country))
    practices = {(origin, destination): count for origin, destination, count in rows}
    listed = db.session.scalars(
        select(OrganisationTerm.value).join(Organisation).where(
            OrganisationTerm.vocabulary == "corridor", Organisation.merged_into_id.is_(None))
        .distinct())
    pairs = set(providers) | set(practices) | {tuple(code.split("-", 1)) for code in listed}
    from headstart.core.i18n import country_name

    matrix = Matrix(providers={key: len(ids) for key, ids in providers.items()},
                    practices=practices)
    matrix.origins = sorted({o for o, _d in pairs}, key=lambda c: country_name(c).casefold())
    matrix.destinations = sorted({d for _o, d in pairs},
                                 key=lambda c: country_name(c).casefold())
    return matrix
