"""Demo events, subscribers and one sent newsletter (part of ``flask demo load``)."""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import select

from headstart.accounts import services as accounts
from headstart.core.mail import link_context
from headstart.core.models import utcnow
from headstart.demo.events_data import (
    DEMO_SUBSCRIBERS,
    NEWSLETTER,
    PAST_EVENTS,
    UPCOMING_EVENTS,
)
from headstart.extensions import db


class _DemoCoordinator:
    def __init__(self, user):
        self.id = user.id if user else None
        self.role = "coordinator"
        self.is_authenticated = True


def _values(record: dict, organisations: dict, starts: datetime, ends: datetime) -> dict:
    from headstart.practices.models import Practice

    practice_ids = [pid for title in record["practices"] if (pid := db.session.scalar(
        select(Practice.id).where(Practice.title == title,
                                  Practice.status == "published"))) is not None]
    organisation = organisations.get(record["organisation"])
    return {
        "title": record["title"], "description": record["description"],
        "materials": record.get("materials", ""), "starts": starts, "ends": ends,
        "timezone": record["timezone"], "place": record["place"],
        "online_url": record["online_url"], "languages": record["languages"],
        "corridors": ", ".join(record["corridors"]), "themes": record["themes"],
        "practice_ids": practice_ids,
        "organisation_id": organisation.id if organisation is not None else None,
    }


def load_events(organisations: dict, today: date | None = None) -> int:
    """The demo events that are missing; returns how many were added."""
    from headstart.events import services
    from headstart.events.models import Event

    coordinator = _DemoCoordinator(accounts.find_by_email("coordinator@headstart.example"))
    today = today or date.today()
    count = 0
    records = [(r, datetime.fromisoformat(r["starts"]), datetime.fromisoformat(r["ends"]))
               for r in PAST_EVENTS]
    for record in UPCOMING_EVENTS:
        hour, minute = (int(part) for part in record["time"].split(":"))
        starts = datetime.combine(today + timedelta(days=record["days"]),
                                  datetime.min.time()).replace(hour=hour, minute=minute)
        records.append((record, starts, starts + timedelta(hours=record["hours"])))
    with current_app.test_request_context("/"):
        for record, starts, ends in records:
            if db.session.scalar(select(Event.id).where(Event.title == record["title"])):
                continue
            services.propose_event(_values(record, organisations, starts, ends),
                                   actor=coordinator)
            count += 1
    db.session.flush()
    return count


def load_newsletter() -> int:
    """Demo subscribers (confirmed, example.org addresses) and one sent newsletter with a
    Czech translation, recorded as delivered to them; returns how many issues were added."""
    from headstart.newsletter import composing
    from headstart.newsletter.models import Delivery, Issue, IssueTranslation, Subscriber

    subscribers = []
    for email, language in DEMO_SUBSCRIBERS:
        subscriber = db.session.scalar(select(Subscriber).where(Subscriber.email == email))
        if subscriber is None:
            subscriber = Subscriber(email=email, language=language, status="confirmed",
                                    key=secrets.token_hex(8), confirmed_at=utcnow())
            db.session.add(subscriber)
        subscribers.append(subscriber)
    db.session.flush()
    if db.session.scalar(select(Issue.id).where(Issue.subject == NEWSLETTER["subject"])):
        return 0
    coordinator = accounts.find_by_email("coordinator@headstart.example")
    issue = Issue(subject=NEWSLETTER["subject"], body=NEWSLETTER["body"],
                  language=NEWSLETTER["language"],
                  created_by_id=coordinator.id if coordinator else None)
    for item in NEWSLETTER["translations"]:
        issue.translations.append(IssueTranslation(language=item["language"],
                                                   subject=item["subject"], body=item["body"]))
    db.session.add(issue)
    with link_context():
        composing.freeze(issue)
    issue.status, issue.send_started_at = "sent", utcnow()
    issue.sent_at = issue.send_started_at
    db.session.flush()
    for subscriber in subscribers:
        shown = subscriber.language if issue.translation(subscriber.language) else issue.language
        db.session.add(Delivery(issue_id=issue.id, subscriber_id=subscriber.id,
                                language=shown))
    db.session.flush()
    return 1
