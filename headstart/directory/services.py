"""Organisations (create, edit, verify, merge duplicates) and membership (ask to join,
approve or decline, leave). Links are in ``links``, the finder in ``finder``, the corridor
matrix in ``matrix``."""

from __future__ import annotations

import logging
import re

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import selectinload

from headstart.core.auth import has_role
from headstart.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from headstart.core.i18n import _l
from headstart.core.mail import send_mail
from headstart.core.models import utcnow
from headstart.core.signals import account_export
from headstart.directory import notices
from headstart.directory.models import Link, Membership, Organisation, OrganisationTerm
from headstart.directory.taxonomy import KINDS, LANGUAGES_SERVED, SERVICES, SIDES
from headstart.extensions import db

logger = logging.getLogger(__name__)

#: Organisation fields a member may set through the form (nothing else is mass-assigned).
EDITABLE_FIELDS = ("name", "acronym", "kind", "side", "country", "city", "website",
                   "description", "contact_email", "contact_phone")


#: Changing one of these (not as a coordinator) takes the verified badge away.
VERIFIED_FIELDS = ("name", "country", "website")


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
    notices.organisation_added(organisation, actor=actor)
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
    vouched = {key: getattr(organisation, key) for key in VERIFIED_FIELDS}
    for key, value in values.items():
        setattr(organisation, key, value)
    set_terms(organisation, services=list(services), languages=list(languages),
              corridors=list(corridors))
    if organisation.verified and not has_role(actor, "coordinator") and any(
            getattr(organisation, key) != value for key, value in vouched.items()):
        # The coordinators vouched for who the organisation is, not for a new identity.
        organisation.verified, organisation.verified_at = False, None
        organisation.verified_by_id = None
    db.session.flush()
    if any(getattr(organisation, key) != value for key, value in vouched.items()):
        notices.organisation_changed(organisation, vouched, actor=actor)
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
    """Merge ``duplicate`` into ``target`` (coordinators): practices, links, services,
    languages, corridors and empty profile fields move over, and the duplicate's address
    then leads to ``target``. The duplicate's members become requests to join ``target``
    (anyone can create an organisation and be its member, so membership of a duplicate
    proves nothing); people already in ``target`` keep their standing. Returns what
    moved."""
    from headstart.directory.links import settle_after_merge
    from headstart.practices.models import Practice, PracticePartner

    if not has_role(actor, "coordinator"):
        raise PermissionDenied(str(_l("Only coordinators merge organisations.")))
    if duplicate.id == target.id:
        raise DomainError(str(_l("Choose another organisation to merge into.")),
                          field="target")
    if duplicate.merged_into_id is not None or target.merged_into_id is not None:
        raise Conflict(str(_l("One of these organisations was already merged.")))
    moved = {"members": 0, "practices": 0, "links": 0}
    already = {m.user_id for m in target.memberships}
    for membership in list(duplicate.memberships):
        if membership.user_id in already or membership.status == "declined":
            db.session.delete(membership)
            continue
        membership.organisation_id = target.id
        membership.status, membership.requested_at = "pending", utcnow()
        membership.decided_at = membership.decided_by_id = None
        moved["members"] += 1
    for practice in db.session.scalars(select(Practice).where(
            Practice.lead_organisation_id == duplicate.id)):
        practice.lead_organisation_id = target.id
        moved["practices"] += 1
    partnered = set(db.session.scalars(select(PracticePartner.practice_id).where(
        PracticePartner.organisation_id == target.id)))
    for partner in db.session.scalars(select(PracticePartner).where(
            PracticePartner.organisation_id == duplicate.id)):
        if partner.practice_id in partnered:
            db.session.delete(partner)
        else:
            partner.organisation_id = target.id
            moved["practices"] += 1
    db.session.flush()
    moved["links"] = settle_after_merge(duplicate, target, actor=actor)
    set_terms(target, services=_union(target.services, duplicate.services),
              languages=_union(target.languages, duplicate.languages),
              corridors=_union(target.corridors, duplicate.corridors))
    for key in EDITABLE_FIELDS:
        if not getattr(target, key) and getattr(duplicate, key):
            setattr(target, key, getattr(duplicate, key))
    duplicate.merged_into_id = target.id
    db.session.flush()
    db.session.expire(target, ["memberships"])
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
    """Ask to join ``organisation``; its members (or, when it has none, the coordinators)
    are told."""
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
    notices.join_requested(membership, actor=actor)
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
