"""Sending, listing and reading notifications, and what each member wants by e-mail.

Areas call :func:`notify`; the member sees it on ``/notifications/`` (with a count in the
header) and gets the same news by e-mail in their preferred language, after the
transaction commits: at once, in the daily digest (``notifications.digest``) or never, as
they chose for that kind on ``/notifications/settings``. Forum kinds follow the forum's own
choice instead (``forum.notices``).

Each area registers its kinds from a small ``notices`` module next to it (the sentence in
:data:`KINDS`, the settings label in :data:`SETTINGS`), so this module imports no feature.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from flask import has_request_context, url_for
from flask_babel import force_locale
from sqlalchemy import delete, func, select, update

from headstart.core.errors import DomainError
from headstart.core.i18n import _l, formatting_locale
from headstart.core.mail import external_url, link_context, send_mail
from headstart.core.models import utcnow
from headstart.core.signals import account_export
from headstart.extensions import db
from headstart.notifications.models import Notification, NotificationPreference

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

#: E-mail choices of the settings page, in the order shown.
EMAIL_CHOICES = ("immediately", "daily", "off")
EMAIL_LABELS = {"immediately": _l("Immediately, one e-mail per notification"),
                "daily": _l("Once a day, a digest of what happened"),
                "off": _l("Never (I read them on the portal)")}
#: Kinds a member chooses the e-mail of on ``/notifications/settings``: the label, and who
#: can receive it (``members``, or ``coordinators``: coordinators and admins only).
SETTINGS = {
    "saved_search": (_l("A newly published practice matches one of your saved searches"),
                     "members"),
    "link_proposed": (_l("Another organisation proposes a link with yours"), "members"),
    "link_accepted": (_l("Your organisation's link proposal is accepted"), "members"),
    "link_declined": (_l("Your organisation's link proposal is declined"), "members"),
    "link_withdrawn": (_l("A link proposal to your organisation is withdrawn"), "members"),
    "link_ended": (_l("A link of your organisation is ended"), "members"),
    "handbook_review_due": (_l("Handbook sections are due for review"), "coordinators"),
    "event_proposed": (_l("A member proposes an event"), "coordinators"),
}

#: Set while notifications are switched off (:func:`silenced`).
_silenced: ContextVar[bool] = ContextVar("notifications_silenced", default=False)


def register(kinds: dict, settings: dict) -> None:
    """Add an area's kinds: ``kinds`` maps each to its sentence, ``settings`` to its label
    and audience on the settings page (kinds missing there follow another choice)."""
    KINDS.update(kinds)
    SETTINGS.update(settings)


@contextmanager
def silenced():
    """Tell nobody about what happens inside (the demo content pretends to have been
    reviewed long ago: nobody should hear of it now)."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


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
           settings_endpoint: str = "notifications.settings",
           **url_values) -> Notification | None:
    """Tell ``user`` about something in the portal, and by e-mail now when ``email`` allows
    it and, for a kind of :data:`SETTINGS`, the member chose "immediately" (a "daily" kind
    comes in the digest instead). ``endpoint`` and ``url_values`` say where it leads; the
    e-mail ends with a link to ``settings_endpoint``, where the member changes what they
    are told. A disabled account is never told (returns None)."""
    if user is None or getattr(user, "disabled", False) or _silenced.get():
        return None
    if not has_request_context():  # a command or a thread: links on the public address
        with link_context():
            return notify(user, kind, details, endpoint=endpoint, email=email,
                          settings_endpoint=settings_endpoint, **url_values)
    notification = Notification(user_id=user.id, kind=kind, details=details,
                                url=url_for(endpoint, **url_values))
    db.session.add(notification)
    if email and (kind not in SETTINGS or email_choice(user, kind) == "immediately"):
        with force_locale(formatting_locale(user.preferred_language or "en")):
            sentence = text(notification)
        send_mail(user.email, sentence, "notification", locale=user.preferred_language or "en",
                  sentence=sentence, link=external_url(endpoint, **url_values),
                  settings=external_url(settings_endpoint))
    return notification


def coordinators(*, but=None) -> list:
    """Coordinators and admins who can be told (confirmed, not disabled), except the user
    with id ``but`` (whoever acted is never told of their own step)."""
    from headstart.accounts.models import User

    return [user for user in db.session.scalars(select(User).where(
        User.role.in_(("coordinator", "admin")), User.disabled.is_(False),
        User.confirmed_at.is_not(None)).order_by(User.id)) if user.id != but]


def kinds_for(user) -> list[str]:
    """The kinds of :data:`SETTINGS` ``user`` can receive, in the order registered."""
    from headstart.core.auth import has_role

    coordinator = has_role(user, "coordinator")
    return [kind for kind, (_label, audience) in SETTINGS.items()
            if audience == "members" or coordinator]


def email_choice(user, kind: str) -> str:
    """How ``user`` gets e-mails of ``kind``: ``immediately`` (the default), ``daily`` or
    ``off``."""
    preference = db.session.get(NotificationPreference, (user.id, kind))
    return preference.email if preference is not None else "immediately"


def email_choices(user) -> dict[str, str]:
    """Every kind ``user`` can receive, with their choice."""
    chosen = dict(db.session.execute(select(NotificationPreference.kind,
                                            NotificationPreference.email).where(
        NotificationPreference.user_id == user.id)).all())
    return {kind: chosen.get(kind, "immediately") for kind in kinds_for(user)}


def set_email_choices(user, choices: dict[str, str]) -> None:
    """Save ``user``'s choices (kinds they cannot receive, or unknown choices, are
    refused); "immediately" is the default and keeps no row."""
    allowed = set(kinds_for(user))
    for kind, choice in choices.items():
        if kind not in allowed or choice not in EMAIL_CHOICES:
            raise DomainError(str(_l("Please choose one of the options.")), field=kind)
    for kind, choice in choices.items():
        db.session.execute(delete(NotificationPreference).where(
            NotificationPreference.user_id == user.id, NotificationPreference.kind == kind))
        if choice != "immediately":
            db.session.add(NotificationPreference(user_id=user.id, kind=kind, email=choice))
    db.session.flush()


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


@account_export.connect
def _export_settings(user) -> tuple[str, list]:
    """The member's e-mail choices (those differing from "immediately") in their export."""
    return "notification_settings", [
        {"kind": kind, "email": email} for kind, email in db.session.execute(
            select(NotificationPreference.kind, NotificationPreference.email).where(
                NotificationPreference.user_id == user.id)
            .order_by(NotificationPreference.kind))]
