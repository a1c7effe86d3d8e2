"""Who the directory tells about what: coordinators about a new organisation or a change
of the name, country or website they vouch for; an organisation's members about a request
to join it (the coordinators when it has no members to answer); the coordinators about a
link proposed to an organisation nobody can answer for. Whoever acted is never told of
their own step; notifications are rows in the same transaction, their e-mails leave
after the commit, as each member chose on ``/notifications/settings``."""

from __future__ import annotations

from headstart.core.i18n import _l
from headstart.notifications import services as notifications

KINDS = {
    "organisation_added": _l("%(actor)s added the organisation %(organisation)s "
                             "(%(country)s)."),
    "organisation_changed": _l("%(actor)s changed the name, country or website of "
                               "%(organisation)s. Before: %(before)s. Now: %(after)s."),
    "join_requested": _l("%(requester)s asks to join %(organisation)s."),
    "link_to_memberless": _l("%(organisation)s proposes a link with %(other)s on the "
                             "%(corridor)s corridor, but %(other)s has no members on "
                             "HEADSTART to answer it: please find its people."),
}
notifications.register(KINDS, {
    "organisation_added": (_l("An organisation is added to the directory"), "coordinators"),
    "organisation_changed": (_l("An organisation's name, country or website is changed"),
                             "coordinators"),
    "join_requested": (_l("Someone asks to join your organisation (coordinators: an "
                          "organisation with no members)"), "members"),
    "link_to_memberless": (_l("A link is proposed to an organisation with no members"),
                           "coordinators"),
})


def _identity(organisation, values: dict | None = None) -> str:
    """Name, country and website as one line of data (not a sentence)."""
    values = values or {key: getattr(organisation, key) for key in ("name", "country",
                                                                    "website")}
    return " · ".join(str(values[key]) for key in ("name", "country", "website")
                      if values.get(key))


def organisation_added(organisation, *, actor) -> None:
    """Tell the coordinators (not the creator) that an organisation waits to be checked."""
    details = {"actor": actor.display_name, "organisation": organisation.name,
               "country": organisation.country}
    for user in notifications.coordinators(but=actor.id):
        notifications.notify(user, "organisation_added", details, endpoint="directory.detail",
                             organisation_id=organisation.id)


def organisation_changed(organisation, before: dict, *, actor) -> None:
    """Tell the coordinators (not the editor) that what they vouch for changed."""
    details = {"actor": actor.display_name, "organisation": organisation.name,
               "before": _identity(organisation, before), "after": _identity(organisation)}
    for user in notifications.coordinators(but=actor.id):
        notifications.notify(user, "organisation_changed", details,
                             endpoint="directory.detail", organisation_id=organisation.id)


def _members(organisation, but: int) -> list:
    """Active members of ``organisation`` who can be told, without the user ``but``."""
    from headstart.directory.services import active_members

    return [m.user for m in active_members(organisation)
            if not m.user.disabled and m.user_id != but]


def has_people(organisation) -> bool:
    """Whether any active member (not disabled) can answer for ``organisation``."""
    return bool(_members(organisation, but=None))


def join_requested(membership, *, actor) -> None:
    """Tell the organisation's members (who decide on requests), or the coordinators when
    it has none, that ``actor`` asks to join; the link leads to the requests."""
    organisation = membership.organisation
    details = {"requester": actor.display_name, "organisation": organisation.name}
    people = _members(organisation, but=actor.id) or notifications.coordinators(but=actor.id)
    for user in people:
        notifications.notify(user, "join_requested", details, endpoint="directory.detail",
                             organisation_id=organisation.id, _anchor="requests-heading")


def link_to_memberless(link, *, actor) -> None:
    """Tell the coordinators that a link was proposed to an organisation with nobody to
    answer it; the link leads to that organisation, whose people they are asked to find."""
    partner, proposer = link.partner, link.proposer
    details = {"organisation": proposer.name, "other": partner.name,
               "corridor": f"{link.origin} → {link.destination}"}
    for user in notifications.coordinators(but=actor.id):
        notifications.notify(user, "link_to_memberless", details, endpoint="directory.detail",
                             organisation_id=partner.id)
