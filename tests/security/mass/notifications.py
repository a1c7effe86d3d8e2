"""Notifications: the e-mail choices of the settings page (members)."""

from __future__ import annotations

from tests.security.mass.harness import LONG_AGO, covers, injected


@covers("/notifications/settings")
def notification_settings_are_the_members_own_and_only_their_kinds(env):
    """Choices are saved for the signed-in member only, for the kinds their settings page
    offers: a practitioner cannot choose a coordinators' kind, nor write a digest time."""
    from headstart.core.auth import has_role
    from headstart.notifications.models import NotificationDigest, NotificationPreference
    from headstart.notifications.services import SETTINGS

    member = env.user("a")
    choices = {kind: "immediately" for kind, (_label, audience) in SETTINGS.items()
               if audience == "members"}
    choices["link_proposed"] = "off"
    forged = injected(env, kind="practice_submitted", email="daily", sent_at=LONG_AGO,
                      practice_submitted="daily", handbook_review_due="off")
    response = env.post("a", "/notifications/settings", {**forged, **choices})
    assert response.status_code == 302
    assert not has_role(member, "coordinator")
    assert [(p["user_id"], p["kind"], p["email"]) for p in env.rows(
        NotificationPreference, order_by=NotificationPreference.user_id)] == [
        (member.id, "link_proposed", "off")]
    assert env.rows(NotificationDigest, order_by=NotificationDigest.user_id) == []
