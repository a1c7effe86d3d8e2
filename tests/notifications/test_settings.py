"""``/notifications/settings``: per kind, an e-mail at once, in the daily digest or never;
coordinators' kinds only for coordinators; the page is reached from the notifications and
from every notification e-mail."""

from headstart.extensions import db
from headstart.notifications.models import NotificationPreference
from tests.helpers import post_form
from tests.notifications.conftest import choose

MEMBER_KIND = "Another organisation proposes a link with yours"
COORDINATOR_KIND = "A practice is submitted for review"


def test_a_member_sees_their_kinds_and_not_the_coordinators(login_as):
    member = login_as("practitioner")
    assert 'href="/notifications/settings"' in member.get("/notifications/").get_data(
        as_text=True)
    page = member.get("/notifications/settings").get_data(as_text=True)
    assert MEMBER_KIND in page
    assert "A practice of yours or of your organisation is returned with comments" in page
    assert COORDINATOR_KIND not in page
    assert "An organisation is added to the directory" not in page
    for label in ("Immediately, one e-mail per notification",
                  "Once a day, a digest of what happened", "Never (I read them on the portal)"):
        assert label in page
    coordinator = login_as("coordinator")
    page = coordinator.get("/notifications/settings").get_data(as_text=True)
    assert COORDINATOR_KIND in page
    assert MEMBER_KIND in page


def test_choices_are_saved_and_shown_again(app, login_as):
    member = login_as("practitioner")
    response = choose(member, link_proposed="daily", practice_published="off")
    assert response.status_code == 302
    page = member.get("/notifications/settings").get_data(as_text=True)
    assert "Your notification settings are saved." in page
    assert '<input checked id="link_proposed-1" name="link_proposed"' in page
    assert '<input checked id="practice_published-2" name="practice_published"' in page
    assert '<input checked id="link_accepted-0" name="link_accepted"' in page
    with app.app_context():
        rows = dict(db.session.execute(db.select(
            NotificationPreference.kind, NotificationPreference.email).where(
            NotificationPreference.user_id == member.user.id)).all())
    assert rows == {"link_proposed": "daily", "practice_published": "off"}
    # Back to the default: no row kept.
    assert choose(member).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(
            NotificationPreference).where(
            NotificationPreference.user_id == member.user.id)) == 0


def test_a_bad_choice_is_refused_with_a_message(app, login_as):
    member = login_as("practitioner")
    refused = choose(member, link_proposed="hourly")
    assert refused.status_code == 422
    assert "Not a valid choice" in refused.get_data(as_text=True)
    missing = post_form(member, "/notifications/settings", {}, page="/notifications/settings")
    assert missing.status_code == 422
    assert "Please choose one of the options." in missing.get_data(as_text=True)
    # A member cannot choose for a coordinators' kind: the field is not theirs.
    assert choose(member, practice_submitted="daily").status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(NotificationPreference).where(
            NotificationPreference.user_id == member.user.id)) is None


def test_settings_need_signing_in_and_a_csrf_token(login_as):
    visitor = login_as(None)
    assert visitor.get("/notifications/settings").status_code == 302
    member = login_as("practitioner")
    assert member.post("/notifications/settings",
                       data={"link_proposed": "off"}).status_code in {400, 422}


def test_the_choices_are_in_the_members_data_export(login_as):
    import json

    member = login_as("practitioner")
    assert choose(member, link_proposed="daily").status_code == 302
    data = json.loads(member.get("/account/export").get_data(as_text=True))
    assert data["notification_settings"] == [{"kind": "link_proposed", "email": "daily"}]
