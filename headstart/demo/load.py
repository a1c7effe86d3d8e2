"""``flask demo load``: fill an empty portal with the demo network (idempotent)."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from sqlalchemy import select

from headstart.accounts import services as accounts
from headstart.core.models import utcnow
from headstart.demo.data import ACCOUNTS, DEMO_PASSWORD, ORGANISATIONS
from headstart.demo.directory_data import LINKS, PROFILES, PROVIDERS
from headstart.demo.handbook import load_handbook
from headstart.demo.practices_data import NEW_ORGANISATIONS, PRACTICES
from headstart.directory.models import Link, LinkEvent, Membership, Organisation
from headstart.extensions import db
from headstart.notifications import services as notifications

logger = logging.getLogger(__name__)
#: The demo account that writes and publishes the demo handbook.
HANDBOOK_EDITOR = "coordinator@headstart.example"


def load_demo() -> dict:
    """Create whatever part of the demo content is missing; return what was added."""
    added = {"users": 0, "organisations": 0, "memberships": 0, "practices": 0, "calls": 0,
             "links": 0, "handbook sections": 0, "events": 0, "newsletters": 0}
    organisations = {}
    for name, acronym, kind, side, country, city, description in (
            ORGANISATIONS + NEW_ORGANISATIONS + PROVIDERS):
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
    _load_profiles(organisations)
    added["links"] = _load_links(organisations)
    with notifications.silenced():  # "reviewed" long ago: nobody hears of it now
        added["practices"] = _load_practices(organisations)
    added["calls"] = _load_calls()
    added["forum topics"] = _load_forum()
    added["handbook sections"] = load_handbook(accounts.find_by_email(HANDBOOK_EDITOR))
    from headstart.demo.events_load import load_events, load_newsletter

    added["events"] = load_events(organisations)
    added["newsletters"] = load_newsletter()
    logger.info("demo content added: %s", added)
    return added


def _load_forum() -> int:
    from headstart.demo.forum_load import load_forum

    return load_forum()


def _load_profiles(organisations: dict) -> None:
    """Services, languages and corridors of the demo organisations that have none yet."""
    from headstart.directory.services import set_terms

    for name, (services, languages, corridors) in PROFILES.items():
        organisation = organisations[name]
        if not organisation.terms:
            set_terms(organisation, services=services, languages=languages,
                      corridors=corridors)
    db.session.flush()


def _load_links(organisations: dict) -> int:
    """The demo links missing between demo organisations; returns how many were added."""
    count = 0
    practitioner = accounts.find_by_email("practitioner@headstart.example")
    for proposer_name, partner_name, corridor, services, note, state in LINKS:
        proposer, partner = organisations[proposer_name], organisations[partner_name]
        origin, destination = corridor.split("-")
        exists = db.session.scalar(select(Link.id).where(
            Link.proposer_id == proposer.id, Link.partner_id == partner.id,
            Link.origin == origin, Link.destination == destination))
        if exists is not None:
            continue
        # The demo practitioner speaks for the Chișinău centre; other demo organisations
        # have no member accounts, so their steps carry no person.
        actor = practitioner.id if practitioner is not None and any(
            m.user_id == practitioner.id for m in proposer.memberships) else None
        link = Link(proposer_id=proposer.id, partner_id=partner.id, origin=origin,
                    destination=destination, services=services, note=note, status=state,
                    proposed_by_id=actor,
                    accepted_at=utcnow() if state == "accepted" else None)
        link.events.append(LinkEvent(action="proposed", actor_id=actor,
                                     organisation_id=proposer.id, note=note))
        if state == "accepted":
            link.events.append(LinkEvent(action="accepted", organisation_id=partner.id))
        db.session.add(link)
        db.session.flush()
        if state == "proposed":
            _tell_demo_members(link, partner, proposer)
        count += 1
    db.session.flush()
    return count


def _tell_demo_members(link, partner, proposer) -> None:
    """The demo members of the organisation asked find the proposal in their notices."""
    from flask import current_app

    from headstart.notifications import services as notifications

    details = {"organisation": proposer.name, "other": partner.name,
               "corridor": f"{link.origin} → {link.destination}"}
    with current_app.test_request_context("/"):
        for membership in partner.memberships:
            if membership.status == "active":
                notifications.notify(membership.user, "link_proposed", details,
                                     endpoint="directory.link_detail", link_id=link.id,
                                     email=False)


class _DemoReviewer:
    """The coordinator who 'reviewed' the demo practices."""

    def __init__(self, user):
        self.id = user.id
        self.role = "coordinator"
        self.is_authenticated = True


def _load_practices(organisations: dict) -> int:
    """Published demo practices with their translations; returns how many were added."""
    from headstart.practices import services as practices
    from headstart.practices.models import Practice

    author = accounts.find_by_email("practitioner@headstart.example")
    reviewer = _DemoReviewer(accounts.find_by_email("coordinator@headstart.example"))
    count = 0
    for record in PRACTICES:
        original = db.session.scalar(select(Practice).where(Practice.title == record["title"]))
        if original is None:
            original = _create_practice(practices, record, record, organisations, author,
                                        reviewer)
            count += 1
        for translation in record["translations"]:
            exists = db.session.scalar(select(Practice).where(
                Practice.group_id == original.group_id,
                Practice.language == translation["language"]))
            if exists is None:
                version = _create_practice(practices, record, translation, organisations,
                                           author, reviewer)
                version.group_id = original.group_id
                count += 1
    db.session.flush()
    return count


def _create_practice(practices, record: dict, texts: dict, organisations: dict, author,
                     reviewer):
    """One published practice from a demo record (``texts`` gives the language's text)."""
    from datetime import date

    def day(value):
        return date.fromisoformat(value) if value else None

    values = {
        "title": texts["title"], "summary": texts["summary"], "challenge": texts["challenge"],
        "approach": texts["approach"], "results": texts["results"],
        "evaluation": texts["evaluation"], "beneficiaries": texts["beneficiaries"],
        "funding": texts["funding"], "language": texts.get("language", record["language"]),
        "start_date": day(record["start_date"]), "end_date": day(record["end_date"]),
        "implementation_countries": record["implementation_countries"],
        "origin_countries": record["origin_countries"],
        "destination_countries": record["destination_countries"],
        "city_region": record["city_region"], "website": record["website"],
        "phase": record["phase"], "themes": record["themes"],
        "target_groups": record["target_groups"],
        "gcm_objectives": [str(n) for n in record["gcm_objectives"]],
        "criteria": record["criteria"],
        "contact_name": record["contact"]["name"], "contact_role": record["contact"]["role"],
        "contact_email": record["contact"]["email"],
        "lead_organisation_id": organisations[record["lead_organisation"]].id,
        "partner_ids": [organisations[name].id for name in record["partners"]],
    }
    practice = practices.create_practice(values, actor=author)
    practices.transition(practice, "submit", actor=author)
    practices.transition(practice, "publish", actor=reviewer)
    return practice


#: Calls for practices: one open (its deadline set from the day of loading), one past.
CALLS = [
    {
        "title": "Pre-departure language training: Western Balkans → Austria",
        "description": (
            "Austria's integration agreement expects German at A1/A2 level soon after "
            "arrival. We are collecting practices that **start the language course before "
            "departure** (in Kosovo, North Macedonia, Albania or Serbia) and **continue it "
            "after arrival** without a gap: shared curricula, the same teacher online, "
            "certificates the Austrian side recognises.\n\n"
            "Tell us what worked, what it cost and how many learners finished."),
        "themes": ["education_language", "information_orientation"],
        "origin_countries": ["XK", "MK", "AL", "RS"], "destination_countries": ["AT"],
        "phase": "continuum", "days_open": 90,
    },
    {
        "title": "Recognising qualifications of people from Ukraine in the Czech Republic",
        "description": (
            "How do advice centres help nurses, teachers and engineers from Ukraine get "
            "their diplomas recognised in Czechia, and find work that matches them while "
            "they wait? Practices from both sides of the corridor were welcome."),
        "themes": ["employment", "vocational_training"],
        "origin_countries": ["UA"], "destination_countries": ["CZ"],
        "phase": "post_arrival", "deadline": "2026-06-30",
    },
]


def _load_calls() -> int:
    """The demo calls for practices that are missing; returns how many were added."""
    from headstart.practices.models import PracticeCall

    coordinator = accounts.find_by_email("coordinator@headstart.example")
    count = 0
    for item in CALLS:
        if db.session.scalar(select(PracticeCall).where(PracticeCall.title == item["title"])):
            continue
        deadline = (date.fromisoformat(item["deadline"]) if "deadline" in item
                    else date.today() + timedelta(days=item["days_open"]))
        db.session.add(PracticeCall(
            title=item["title"], description=item["description"], themes=item["themes"],
            origin_countries=item["origin_countries"],
            destination_countries=item["destination_countries"], phase=item["phase"],
            deadline=deadline, created_by_id=coordinator.id if coordinator else None))
        count += 1
    db.session.flush()
    return count
