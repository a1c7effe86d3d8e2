"""Each kind's setting is respected: "immediately" mails now, "daily" only in the daily
digest (``flask --app headstart notifications digest``), "never" only the bell. The digest
is idempotent and catches up a missed run; the forum keeps its own digest."""

from datetime import timedelta

from headstart.core.models import utcnow
from headstart.extensions import db
from headstart.notifications.models import Notification, NotificationDigest
from tests.helpers import Outbox, post_form
from tests.notifications.conftest import BASE, choose


def _submit(login_as, make_practice, title: str):
    author = login_as("practitioner")
    practice = make_practice(status="draft", author=author.user, title=title)
    response = post_form(author, f"/practices/{practice.id}/submit",
                         page=f"/practices/{practice.id}")
    assert response.status_code == 302
    return practice


def test_immediately_daily_and_never_each_do_what_they_say(app, runner, login_as, make_user,
                                                           make_practice, outbox):
    at_once = login_as("coordinator")
    daily = login_as(user=make_user("coordinator", language="cs"))
    never = login_as("coordinator")
    assert choose(daily, practice_submitted="daily").status_code == 302
    assert choose(never, practice_submitted="off").status_code == 302

    first = _submit(login_as, make_practice, "Care work Italy")
    second = _submit(login_as, make_practice, "Seasonal work Spain")

    assert len(outbox.messages(to=at_once.user.email)) == 2
    assert outbox.messages(to=daily.user.email) == []
    assert outbox.messages(to=never.user.email) == []
    for client in (daily, never):  # the bell always shows them
        bell = client.get("/notifications/").get_data(as_text=True)
        assert "Care work Italy" in bell
        assert "Seasonal work Spain" in bell

    result = runner.invoke(args=["notifications", "digest"])
    assert result.exit_code == 0, result.output
    assert "1 notifications digests sent." in result.output
    [digest] = outbox.messages(to=daily.user.email)
    body = Outbox.body(digest)
    assert "Care work Italy" in body
    assert "Seasonal work Spain" in body
    assert f"{BASE}/practices/{first.id}#sec-actions" in body
    assert f"{BASE}/practices/{second.id}#sec-actions" in body
    assert f"{BASE}/notifications/settings" in body
    assert digest["Subject"] == "Váš přehled HEADSTART: 2 nová oznámení"  # in Czech
    assert outbox.messages(to=never.user.email) == []
    assert len(outbox.messages(to=at_once.user.email)) == 2  # nothing in a digest for them

    # Run again: nothing new, nothing sent twice.
    again = runner.invoke(args=["notifications", "digest"])
    assert "0 notifications digests sent." in again.output
    assert len(outbox.messages(to=daily.user.email)) == 1


def test_the_digest_is_in_the_members_language(app, runner, login_as, make_user,
                                               make_practice, outbox):
    from flask_babel import force_locale, ngettext

    daily = login_as(user=make_user("coordinator", language="cs"))
    assert choose(daily, practice_submitted="daily").status_code == 302
    _submit(login_as, make_practice, "Care work Italy")
    assert runner.invoke(args=["notifications", "digest"]).exit_code == 0
    digest = outbox.last(to=daily.user.email)
    with app.test_request_context("/"), force_locale("cs"):
        expected = ngettext("Your HEADSTART digest: %(num)d new notification",
                            "Your HEADSTART digest: %(num)d new notifications", 1)
    assert digest["Subject"] == expected
    # The catalogue is not translated yet: the item is in the digest, rendered for cs.
    assert "Care work Italy" in Outbox.body(digest)


def test_a_missed_run_is_caught_up_and_read_notifications_are_left_out(
        app, login_as, make_user, make_practice, outbox):
    from headstart.core.mail import link_context
    from headstart.notifications.digest import send_digests

    daily = login_as("coordinator")
    assert choose(daily, practice_submitted="daily").status_code == 302
    _submit(login_as, make_practice, "Care work Italy")
    _submit(login_as, make_practice, "Seasonal work Spain")
    with app.app_context():
        # The last digest went out three days ago; the runs since were missed.
        db.session.add(NotificationDigest(user_id=daily.user.id,
                                          sent_at=utcnow() - timedelta(days=3)))
        notices = list(db.session.scalars(db.select(Notification).where(
            Notification.user_id == daily.user.id).order_by(Notification.id)))
        notices[0].created_at = utcnow() - timedelta(days=2)
        notices[1].read_at = utcnow()  # read on the portal meanwhile
        db.session.commit()
        with link_context():
            assert send_digests() == 1
            db.session.commit()
    body = Outbox.body(outbox.last(to=daily.user.email))
    assert "Care work Italy" in body
    assert "Seasonal work Spain" not in body


def test_a_disabled_member_gets_no_digest(app, runner, login_as, make_user, make_practice,
                                          outbox, disable):
    daily = login_as("coordinator")
    assert choose(daily, practice_submitted="daily").status_code == 302
    _submit(login_as, make_practice, "Care work Italy")
    disable(daily.user)
    result = runner.invoke(args=["notifications", "digest"])
    assert "0 notifications digests sent." in result.output
    assert outbox.messages(to=daily.user.email) == []


def test_proposed_events_follow_the_per_kind_choice_not_the_forum(app, runner, login_as,
                                                                  make_user, outbox):
    from tests.notifications.test_kinds import _propose_event

    coordinator = login_as("coordinator")
    assert choose(coordinator, event_proposed="daily").status_code == 302
    _propose_event(app, make_user("practitioner"), "Orientation day")
    assert outbox.messages(to=coordinator.user.email) == []
    forum = runner.invoke(args=["forum", "digest", "daily"])
    assert "0 daily forum digests sent." in forum.output
    assert runner.invoke(args=["notifications", "digest"]).exit_code == 0
    assert "Orientation day" in Outbox.body(outbox.last(to=coordinator.user.email))
