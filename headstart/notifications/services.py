"""Sending, listing and reading notifications.

Areas call :func:`notify`; the member sees it on ``/notifications/`` (with a count in the
header) and gets the same news by e-mail in their preferred language, after the
transaction commits.
"""

from __future__ import annotations

from flask import url_for
from flask_babel import force_locale
from sqlalchemy import func, select, update

from headstart.core.i18n import _l
from headstart.core.mail import external_url, send_mail
from headstart.core.models import utcnow
from headstart.core.signals import account_export
from headstart.extensions import db
from headstart.notifications.models import Notification

#: Sentences of each kind of notification, filled with its details.
KINDS = {
    "saved_search": _l("A newly published practice matches your saved search "
                       "“%(search)s”: %(title)s"),
    "link_proposed": _l("%(organisation)s proposes a link with %(other)s on the "
                        "%(corridor)s corridor."),
    "link_accepted": _l("%(organisation)s accepted the link with %(other)s on the "
                        "%(corridor)s corridor."),
    "link_declined": _l("%(organisation)s declined the link with %(other)s on the "
                        "%(corridor)s corridor."),
    "link_withdrawn": _l("%(organisation)s withdrew its proposal of a link with %(other)s "
                         "on the %(corridor)s corridor."),
    "link_ended": _l("%(organisation)s ended the link with %(other)s on the %(corridor)s "
                     "corridor."),
    "handbook_review_due": _l("Handbook sections due for review: %(titles)s"),
    "event_proposed": _l("A member proposed the event “%(title)s”; it waits for your "
                         "approval."),
}
PAGE_SIZE = 50


def text(notification: Notification) -> str:
    """The notification's sentence in the current language."""
    sentence = KINDS.get(notification.kind)
    if sentence is None:
        return ""
    try:
        return str(sentence) % notification.details
    except (KeyError, TypeError, ValueError):
        return str(sentence).split("%(")[0].strip()


def notify(user, kind: str, details: dict, *, endpoint: str, email: bool = True,
           settings_endpoint: str = "notifications.index", **url_values) -> Notification:
    """Tell ``user`` about something (in the portal, and by e-mail unless ``email`` is
    false). ``endpoint`` and ``url_values`` say where it leads; the e-mail ends with a link
    to ``settings_endpoint``, where the member changes what they are told."""
    notification = Notification(user_id=user.id, kind=kind, details=details,
                                url=url_for(endpoint, **url_values))
    db.session.add(notification)
    if email:
        with force_locale(user.preferred_language or "en"):
            sentence = text(notification)
        send_mail(user.email, sentence, "notification", locale=user.preferred_language or "en",
                  sentence=sentence, link=external_url(endpoint, **url_values),
                  settings=external_url(settings_endpoint))
    return notification


def unread_count(user) -> int:
    return db.session.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


def recent(user, limit: int = PAGE_SIZE) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)
                                   .order_by(Notification.id.desc()).limit(limit)))


def mark_read(user, notification_id: int | None = None) -> int:
    """Mark one (or every) unread notification of ``user`` as read; returns how many."""
    query = update(Notification).where(Notification.user_id == user.id,
                                       Notification.read_at.is_(None))
    if notification_id is not None:
        query = query.where(Notification.id == notification_id)
    return db.session.execute(query.values(read_at=utcnow())).rowcount or 0


@account_export.connect
def _export(user) -> tuple[str, list]:
    """Notifications in the member's data export."""
    return "notifications", [
        {"text": text(n), "url": n.url, "created_at": n.created_at.isoformat(),
         "read": n.read_at is not None} for n in recent(user, limit=10_000)]
