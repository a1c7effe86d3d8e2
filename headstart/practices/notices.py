"""Who the practices area tells about the review of a practice: coordinators when it is
submitted; its author and the active members of its lead organisation when it is returned
with comments or published. Whoever acted is never told of their own step.
Notifications are rows in the same transaction; their e-mails leave after the commit, as
each member chose on ``/notifications/settings``."""

from __future__ import annotations

from headstart.core.i18n import _l
from headstart.core.markdown import plain_text
from headstart.notifications import services as notifications

KINDS = {
    "practice_submitted": _l("%(author)s submitted the practice “%(title)s” for review."),
    "practice_returned": _l("The practice “%(title)s” was returned with comments from "
                            "the reviewer: %(comment)s"),
    "practice_published": _l("The practice “%(title)s” is published."),
}
notifications.register(KINDS, {
    "practice_submitted": (_l("A practice is submitted for review"), "coordinators"),
    "practice_returned": (_l("A practice of yours or of your organisation is returned with "
                             "comments"), "members"),
    "practice_published": (_l("A practice of yours or of your organisation is published"),
                           "members"),
})


def _actor_id(actor):
    return getattr(actor, "id", None)


def submitted(practice, *, actor) -> None:
    """Tell the coordinators that ``practice`` waits for review; the link leads to its
    review buttons."""
    details = {"title": practice.title,
               "author": practice.author.display_name if practice.author else ""}
    for user in notifications.coordinators(but=_actor_id(actor)):
        notifications.notify(user, "practice_submitted", details, endpoint="practices.detail",
                             practice_id=practice.id, _anchor="sec-actions")


def _people(practice, actor) -> list:
    """The author and the active members of the lead organisation, once each, without
    the actor."""
    from headstart.directory.services import active_members

    people = [practice.author] if practice.author is not None else []
    if practice.lead_organisation is not None:
        people += [m.user for m in active_members(practice.lead_organisation)]
    seen, result = {_actor_id(actor)}, []
    for user in people:
        if user is not None and user.id not in seen:
            seen.add(user.id)
            result.append(user)
    return result


def returned(practice, *, actor, comment: str) -> None:
    """Tell the practice's people it came back, with the reviewer's comment (in the
    notification itself). The author's link leads to the practice, where they edit and
    resubmit it; a returned practice is hidden from the other members of its organisation
    (``workflow.can_view``), so theirs leads to the organisation's page."""
    details = {"title": practice.title, "comment": plain_text(comment, 300)}
    for user in _people(practice, actor):
        if user.id == practice.author_id or practice.lead_organisation_id is None:
            notifications.notify(user, "practice_returned", details,
                                 endpoint="practices.detail", practice_id=practice.id)
        else:
            notifications.notify(user, "practice_returned", details,
                                 endpoint="directory.detail",
                                 organisation_id=practice.lead_organisation_id)


def published(practice, *, actor) -> None:
    """Tell the practice's people it is public now."""
    for user in _people(practice, actor):
        notifications.notify(user, "practice_published", {"title": practice.title},
                             endpoint="practices.detail", practice_id=practice.id)
