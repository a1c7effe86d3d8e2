"""Subscribing with double opt-in, confirming and unsubscribing by signed links.

Nothing here tells whether an address is subscribed: subscribing answers the same for a
new, waiting, confirmed or unsubscribed address, and pages only ever show counts.
"""

from __future__ import annotations

import logging
import secrets

from flask import current_app
from sqlalchemy import func, select

from headstart.accounts.tokens import TokenError, make_token, read_token
from headstart.core.mail import external_url, send_mail
from headstart.core.models import utcnow
from headstart.extensions import db
from headstart.newsletter.models import Subscriber

logger = logging.getLogger(__name__)

CONFIRM = "newsletter-confirm"
UNSUBSCRIBE = "newsletter-unsubscribe"


def _normalise(email: str) -> str:
    return (email or "").strip().lower()


def subscribe(email: str, language: str) -> None:
    """Ask for the newsletter at ``email``: a new, waiting or unsubscribed address gets a
    confirmation link (nothing is sent to it before the link is used); a confirmed one
    gets nothing more. The caller answers the same in every case."""
    email = _normalise(email)
    subscriber = db.session.scalar(select(Subscriber).where(Subscriber.email == email))
    if subscriber is None:
        subscriber = Subscriber(email=email, language=language, status="pending",
                                key=secrets.token_hex(8))
        db.session.add(subscriber)
    elif subscriber.status == "confirmed":
        logger.info("subscribe request for confirmed subscriber %s: nothing sent",
                    subscriber.id)
        return
    else:
        subscriber.status, subscriber.language = "pending", language
    db.session.flush()
    if not _may_send_confirmation(email):
        logger.info("confirmation to subscriber %s held back (sent recently)", subscriber.id)
        return
    send_mail(email, _subject(language), "newsletter_confirm", locale=language,
              confirm_url=external_url("newsletter.confirm",
                                       token=make_token(CONFIRM, {"s": subscriber.id,
                                                                  "k": subscriber.key})))
    logger.info("confirmation sent to subscriber %s", subscriber.id)


def _may_send_confirmation(email: str) -> bool:
    """Confirmation mails to one address are limited (``CONFIRMATION_RESEND_LIMIT``), so
    the form cannot flood someone's inbox from many client addresses."""
    from limits import parse

    from headstart.extensions import limiter

    config = current_app.config
    return limiter.limiter.hit(parse(config["CONFIRMATION_RESEND_LIMIT"]),
                               f"{config['RATELIMIT_KEY_PREFIX']}:newsletter-confirm", email)


def _subject(language: str) -> str:
    from flask_babel import force_locale

    from headstart.core.i18n import _

    with force_locale(language):
        return _("Confirm your subscription to the HEADSTART newsletter")


def _subscriber(purpose: str, token: str, max_age: int | None) -> Subscriber:
    payload = read_token(purpose, token, max_age)
    subscriber_id, key = payload.get("s"), payload.get("k")
    subscriber = db.session.get(Subscriber, subscriber_id) if isinstance(subscriber_id,
                                                                          int) else None
    if subscriber is None or not isinstance(key, str) or not secrets.compare_digest(
            subscriber.key, key):
        raise TokenError()
    return subscriber


def check_confirm_token(token: str) -> Subscriber:
    """The subscriber a confirmation link is for, or :class:`TokenError`."""
    return _subscriber(CONFIRM, token, current_app.config["CONFIRM_TOKEN_MAX_AGE"])


def confirm(token: str) -> Subscriber:
    """Confirm the address of a confirmation link (using it again changes nothing)."""
    subscriber = check_confirm_token(token)
    if subscriber.status != "confirmed":
        subscriber.status, subscriber.confirmed_at = "confirmed", utcnow()
        subscriber.unsubscribed_at = None
        db.session.flush()
        logger.info("subscriber %s confirmed", subscriber.id)
    return subscriber


def unsubscribe_token(subscriber: Subscriber) -> str:
    """The token of a subscriber's unsubscribe link (it does not expire: old mails keep
    working)."""
    return make_token(UNSUBSCRIBE, {"s": subscriber.id, "k": subscriber.key})


def check_unsubscribe_token(token: str) -> Subscriber:
    """The subscriber an unsubscribe link is for, or :class:`TokenError`."""
    return _subscriber(UNSUBSCRIBE, token, None)


def unsubscribe(token: str) -> Subscriber:
    """Stop sending to the subscriber of ``token`` (again: changes nothing)."""
    subscriber = check_unsubscribe_token(token)
    if subscriber.status != "unsubscribed":
        subscriber.status, subscriber.unsubscribed_at = "unsubscribed", utcnow()
        db.session.flush()
        logger.info("subscriber %s unsubscribed", subscriber.id)
    return subscriber


def counts() -> dict:
    """How many addresses are confirmed (in all and by language) and waiting: numbers
    only, never an address."""
    by_status = dict(db.session.execute(select(Subscriber.status, func.count(Subscriber.id))
                                        .group_by(Subscriber.status)).all())
    by_language = dict(db.session.execute(
        select(Subscriber.language, func.count(Subscriber.id))
        .where(Subscriber.status == "confirmed").group_by(Subscriber.language)).all())
    return {"confirmed": by_status.get("confirmed", 0), "pending": by_status.get("pending", 0),
            "by_language": dict(sorted(by_language.items()))}
