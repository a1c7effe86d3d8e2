"""Organisations and membership: create, ask to join, approve or decline."""

from __future__ import annotations

import logging

from sqlalchemy import func, select

from headstart.core.auth import has_role
from headstart.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from headstart.core.i18n import _l
from headstart.core.mail import send_mail
from headstart.core.models import utcnow
from headstart.core.signals import account_export
from headstart.directory.models import Membership, Organisation
from headstart.directory.taxonomy import KINDS, SIDES
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


def list_organisations(*, country: str | None = None, side: str | None = None,
                       kind: str | None = None) -> list[Organisation]:
    """Organisations, filtered, sorted by name."""
    query = select(Organisation).order_by(func.lower(Organisation.name))
    if country:
        query = query.where(Organisation.country == country.upper())
    if side:
        sides = [side, "both"] if side in {"origin", "destination"} else [side]
        query = query.where(Organisation.side.in_(sides))
    if kind:
        query = query.where(Organisation.kind == kind)
    return list(db.session.scalars(query))


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


def create_organisation(values: dict, *, actor) -> Organisation:
    """Create an organisation; its creator becomes its first active member."""
    values = {key: values[key] for key in EDITABLE_FIELDS if key in values}
    _check_fields(values)
    organisation = Organisation(**values, created_by_id=actor.id)
    db.session.add(organisation)
    db.session.flush()
    db.session.add(Membership(user_id=actor.id, organisation_id=organisation.id, status="active",
                              decided_at=utcnow(), decided_by_id=actor.id))
    db.session.flush()
    logger.info("user %s created organisation %s", actor.id, organisation.id)
    return organisation


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
