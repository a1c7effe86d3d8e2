"""Who the events area tells about what: coordinators about a proposed event, its
proposer about the decision. Notifications are rows in the same transaction; their
e-mails leave after the commit, as each member chose on ``/notifications/settings``."""

from __future__ import annotations

from headstart.core.i18n import _l
from headstart.notifications import services as notifications

KINDS = {
    "event_approved": _l("Your event “%(title)s” is approved: it is published in the "
                         "calendar."),
    "event_declined": _l("Your event “%(title)s” was declined by a coordinator."),
}
notifications.register(KINDS, {
    "event_approved": (_l("An event you proposed is approved"), "members"),
    "event_declined": (_l("An event you proposed is declined"), "members"),
})


def proposed(event, *, actor) -> None:
    """Tell every coordinator (not the proposer) that an event waits for approval."""
    for user in notifications.coordinators(but=actor.id):
        notifications.notify(user, "event_proposed", {"title": event.title},
                             endpoint="events.detail", event_id=event.id)


def decided(event, *, actor) -> None:
    """Tell the proposer that a coordinator approved or declined their event (unless the
    proposer decided it themself)."""
    proposer = event.proposed_by
    if proposer is None or proposer.id == actor.id:
        return
    kind = "event_approved" if event.status == "approved" else "event_declined"
    notifications.notify(proposer, kind, {"title": event.title}, endpoint="events.detail",
                         event_id=event.id)
