"""Daily and weekly digests: one e-mail with the forum notifications a member has not
read yet, for members who chose a digest instead of one e-mail per notification
(coordinators' notices of proposed events follow the same choice and come in it too).

``flask --app headstart forum digest daily`` (and ``weekly``) is meant for cron; each run
covers what came since the member's previous digest (at most one period back), so a
missed run is caught up by the next and nothing is sent twice.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from flask_babel import force_locale
from sqlalchemy import select

from headstart.core.i18n import _n
from headstart.core.mail import external_url, send_mail
from headstart.core.models import as_utc, utcnow
from headstart.extensions import db
from headstart.forum.models import ForumPreference
from headstart.notifications import services as notifications
from headstart.notifications.models import Notification

logger = logging.getLogger(__name__)

#: Notifications of other areas that follow the same e-mail choice: coordinators' notices
#: of proposed events (``events.services``).
OTHER_KINDS = ("event_proposed",)
PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
MAX_ITEMS = 50


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
        items = list(db.session.scalars(select(Notification).where(
            Notification.user_id == user.id,
            Notification.kind.like("forum\\_%", escape="\\") | Notification.kind.in_(
                OTHER_KINDS),
            Notification.read_at.is_(None), Notification.created_at > since)
            .order_by(Notification.id).limit(MAX_ITEMS)))
        preference.digest_sent_at = now
        if not items:
            continue
        language = user.preferred_language or "en"
        with force_locale(language):
            lines = [(notifications.text(n), _absolute(n.url)) for n in items]
            subject = _n("Your forum digest: %(num)d new notification",
                         "Your forum digest: %(num)d new notifications", len(items))
        send_mail(user.email, subject, "forum_digest", locale=language, items=lines,
                  settings=external_url("forum.settings"))
        sent += 1
    db.session.flush()
    logger.info("sent %d %s forum digests", sent, period)
    return sent


def _absolute(path: str) -> str:
    from headstart.core.mail import origin

    return origin() + path
