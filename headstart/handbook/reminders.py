"""Reminding coordinators of handbook sections due for review (SPEC §5): the editor's
overview lists them, and ``flask --app headstart handbook remind`` (run daily from cron)
sends each coordinator a notification, at most once a week."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from sqlalchemy import select

from headstart.accounts.models import User
from headstart.core.models import utcnow
from headstart.extensions import db
from headstart.handbook import services
from headstart.notifications.models import Notification
from headstart.notifications.services import notify

logger = logging.getLogger(__name__)

KIND = "handbook_review_due"
#: A coordinator reminded less than this long ago is not reminded again.
QUIET = timedelta(days=6)


def remind_coordinators(today: date | None = None) -> int:
    """Notify every active coordinator of the sections whose review-by date has passed or
    comes within ``services.REVIEW_NOTICE_DAYS``; returns how many were notified. Needs a
    request context (the notification links to the editor)."""
    due = services.due_for_review(today)
    if not due:
        return 0
    titles = []
    for section, _overdue in due:
        revision = services.current(section)
        titles.append(revision.title if revision else section.slug)
    shown = "; ".join(titles[:5]) + ("; …" if len(titles) > 5 else "")
    since = utcnow() - QUIET
    notified = 0
    for user in db.session.scalars(select(User).where(
            User.role == "coordinator", User.disabled.is_(False),
            User.confirmed_at.is_not(None)).order_by(User.id)):
        recent = db.session.scalar(select(Notification.id).where(
            Notification.user_id == user.id, Notification.kind == KIND,
            Notification.created_at >= since).limit(1))
        if recent is not None:
            continue
        notify(user, KIND, {"count": len(titles), "titles": shown},
               endpoint="handbook.edit_index")
        notified += 1
    logger.info("reminded %d coordinators of %d handbook sections due", notified, len(titles))
    return notified
