"""Digests: one e-mail gathering the unread notifications a member chose to receive that
way, instead of one e-mail each.

Two digests share this code: the forum's (daily or weekly, by the member's forum setting,
``forum.digest``) and the notifications digest of the other kinds set to "daily" on
``/notifications/settings`` (:func:`send_digests`, ``flask --app headstart notifications
digest``, meant for cron once a day). Each run covers what came since the member's
previous digest, so a missed run is caught up by the next one and nothing is sent twice;
a notification read on the portal meanwhile is left out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from flask_babel import force_locale
from sqlalchemy import select

from headstart.core.i18n import _n, formatting_locale
from headstart.core.mail import absolute_url, external_url, send_mail
from headstart.core.models import as_utc, utcnow
from headstart.extensions import db
from headstart.notifications import services as notifications
from headstart.notifications.models import (
    Notification,
    NotificationDigest,
    NotificationPreference,
)

logger = logging.getLogger(__name__)

#: At most this many notifications in one digest (the portal lists them all).
MAX_ITEMS = 50
#: How far back a member's first digest looks.
FIRST_PERIOD = timedelta(days=1)
#: How far back any digest looks, however long the runs were missed.
LONGEST_PERIOD = timedelta(days=31)


def unread_since(user, condition, since: datetime) -> list[Notification]:
    """``user``'s unread notifications matching ``condition`` (on :class:`Notification`)
    that came after ``since``, oldest first."""
    return list(db.session.scalars(select(Notification).where(
        Notification.user_id == user.id, condition, Notification.read_at.is_(None),
        Notification.created_at > since).order_by(Notification.id).limit(MAX_ITEMS)))


def mail_digest(user, items: list[Notification], *, subject: Callable[[int], str],
                template: str, settings_endpoint: str) -> None:
    """Queue one digest e-mail to ``user`` in their language: each notification's sentence
    with its absolute link, and a link to where they change what they are told.
    ``subject(count)`` is called in the member's language."""
    language = user.preferred_language or "en"
    with force_locale(formatting_locale(language)):
        lines = [(notifications.text(n), absolute_url(n.url)) for n in items]
        title = subject(len(items))
    send_mail(user.email, title, template, locale=language, items=lines,
              settings=external_url(settings_endpoint))


def _subject(count: int) -> str:
    return _n("Your HEADSTART digest: %(num)d new notification",
              "Your HEADSTART digest: %(num)d new notifications", count)


def send_digests(now: datetime | None = None) -> int:
    """Send the notifications digests that have something in them (kinds set to "daily"
    by each member, not disabled); returns how many went out. Needs a request context on
    the public address (``core.mail.link_context``)."""
    from headstart.accounts.models import User

    now = now or utcnow()
    daily: dict[int, list[str]] = {}
    for user_id, kind in db.session.execute(select(
            NotificationPreference.user_id, NotificationPreference.kind).where(
            NotificationPreference.email == "daily").order_by(NotificationPreference.user_id)):
        daily.setdefault(user_id, []).append(kind)
    sent = 0
    for user in db.session.scalars(select(User).where(
            User.id.in_(daily), User.disabled.is_(False)).order_by(User.id)):
        kinds = [kind for kind in daily[user.id] if kind in notifications.kinds_for(user)]
        row = db.session.get(NotificationDigest, user.id)
        if row is None:
            row = NotificationDigest(user_id=user.id)
            db.session.add(row)
        since = max(as_utc(row.sent_at) or now - FIRST_PERIOD, now - LONGEST_PERIOD)
        items = unread_since(user, Notification.kind.in_(kinds), since) if kinds else []
        row.sent_at = now
        if not items:
            continue
        mail_digest(user, items, subject=_subject, template="notification_digest",
                    settings_endpoint="notifications.settings")
        sent += 1
    db.session.flush()
    logger.info("sent %d notifications digests", sent)
    return sent
