"""``flask demo load``: fill an empty portal with the demo network (idempotent)."""

from __future__ import annotations

import logging

from sqlalchemy import select

from headstart.accounts import services as accounts
from headstart.core.models import utcnow
from headstart.demo.data import ACCOUNTS, DEMO_PASSWORD, ORGANISATIONS
from headstart.directory.models import Membership, Organisation
from headstart.extensions import db

logger = logging.getLogger(__name__)


def load_demo() -> dict:
    """Create whatever part of the demo content is missing; return what was added."""
    added = {"users": 0, "organisations": 0, "memberships": 0}
    organisations = {}
    for name, acronym, kind, side, country, city, description in ORGANISATIONS:
        organisation = db.session.scalar(select(Organisation).where(Organisation.name == name))
        if organisation is None:
            slug = "".join(ch for ch in name.lower() if ch.isalnum())[:24]
            organisation = Organisation(
                name=name, acronym=acronym, kind=kind, side=side, country=country, city=city,
                description=description, verified=True, website=f"https://{slug}.example.org",
                contact_email=f"info@{slug}.example.org",
            )
            db.session.add(organisation)
            added["organisations"] += 1
        organisations[name] = organisation
    db.session.flush()
    for email, display_name, role, language, memberships in ACCOUNTS:
        user = accounts.find_by_email(email)
        if user is None:
            user = accounts.create_user(email, DEMO_PASSWORD, display_name=display_name,
                                        role=role, language=language, confirmed=True)
            added["users"] += 1
        for name in memberships:
            organisation = organisations[name]
            exists = db.session.scalar(select(Membership).where(
                Membership.user_id == user.id, Membership.organisation_id == organisation.id))
            if exists is None:
                db.session.add(Membership(user_id=user.id, organisation_id=organisation.id,
                                          status="active", decided_at=utcnow()))
                added["memberships"] += 1
    db.session.flush()
    logger.info("demo content added: %s", added)
    return added
