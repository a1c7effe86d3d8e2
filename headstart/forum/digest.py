"""Daily and weekly digests: one e-mail with the forum notifications a member has not
read yet, for members who chose a digest instead of one e-mail per notification. The
gathering and the mail are shared with the notifications digest
(``notifications.digest``); the choice and the timing are the forum's own.

``flask --app headstart forum digest daily`` (and ``weekly``) is meant for cron; each run
covers what came since the member's previous digest (at most one period back), so a
missed run is caught up by the next and nothing is sent twice.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select

from headstart.core.i18n import _n
from headstart.core.models import as_utc, utcnow
from headstart.extensions import db
from headstart.forum.models import ForumPreference
from headstart.notifications.digest import mail_digest, unread_since
from headstart.notifications.models import Notification

logger = logging.getLogger(__name__)

PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


def _subject(count: int) -> str:
    return _n("Your forum digest: %(num)d new notification",
              "Your forum digest: %(num)d new notifications", count)


def send_digests(period: str) -> int:
    """Send the ``period`` digests that have something in them; returns how many."""
    from headstart.accounts.models import User

    now = utcnow()
    sent = 0
    rows = db.session.execute(select(ForumPreference, User).join(
        User, User.id == ForumPreference.user_id).where(
        ForumPreference.email == period, User.disabled.is_(False)))
    for preference, user in rows:
        since = max(as_utc(preference.digest_sent_at) or now - PERIODS[period],
                    now - PERIODS[period])
        items = unread_since(user, Notification.kind.like("forum\\_%", escape="\\"), since)
        preference.digest_sent_at = now
        if not items:
            continue
        mail_digest(user, items, subject=_subject, template="forum_digest",
                    settings_endpoint="forum.settings")
        sent += 1
    db.session.flush()
    logger.info("sent %d %s forum digests", sent, period)
    return sent
