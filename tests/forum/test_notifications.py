"""Mentions and follows reach members in the portal and by e-mail (the outbox); a member
can turn forum e-mail off; coordinators hear of new flags."""

from __future__ import annotations

from headstart.extensions import db
from tests.helpers import Outbox, csrf_token


def _notices(app, user) -> list[str]:
    from headstart.notifications import services
    from headstart.notifications.models import Notification

    with app.test_request_context():
        return [services.text(n) for n in db.session.query(Notification)
                .filter_by(user_id=user.id).order_by(Notification.id)]


def test_mentioned_member_is_told_in_the_portal_and_by_mail(app, make_user, make_category,
                                                            make_topic, add_reply, outbox):
    ana = make_user(name="Ana Rusu")
    jan = make_user(name="Jan Novák", email="jan@example.org")
    topic, _ = make_topic(make_category(), ana, title="Recognition of nursing diplomas")
    add_reply(topic, make_user(name="Olena"), "@jan-novák knows the Czech procedure. "
                                              "`@ana-rusu` in code does not count.")
    assert _notices(app, jan) == ["Olena mentioned you in “Recognition of nursing diplomas”"]
    mail = outbox.last(to="jan@example.org")
    assert mail["Subject"] == "Olena mentioned you in “Recognition of nursing diplomas”"
    assert "/forum/p/" in Outbox.body(mail)
    # Ana follows her own topic: told of the reply, once (not also as a mention).
    assert _notices(app, ana) == ["Olena replied in “Recognition of nursing diplomas”"]


def test_topic_author_follows_and_gets_replies_by_mail(app, make_user, make_category,
                                                       make_topic, add_reply, outbox):
    author = make_user(name="Ana Rusu", email="ana@example.org")
    topic, _ = make_topic(make_category(), author, title="Care contracts")
    reply = add_reply(topic, make_user(name="Marco"), "In Italy the CCNL applies.")
    mail = outbox.last(to="ana@example.org")
    assert mail["Subject"] == "Marco replied in “Care contracts”"
    assert outbox.link(mail, "/forum/p/") == f"/forum/p/{reply}"
    assert outbox.link(mail, "/forum/settings") == "/forum/settings"  # where to turn it off
    # The replier is not told of their own post.
    assert [m["To"] for m in outbox.messages()] == ["ana@example.org"]


def test_category_follower_hears_of_new_topics(app, login_as, make_user, make_category,
                                               make_topic, outbox):
    category = make_category("Moldova → Italy", grouping="corridor")
    follower = login_as("practitioner")
    response = follower.post(f"/forum/c/{category}/follow", data={
        "csrf_token": csrf_token(follower, f"/forum/c/{category}")})
    assert response.status_code == 302
    make_topic(category, make_user(name="Ion"), title="Pre-departure Italian")
    assert _notices(app, follower.user) == [
        "Ion started the topic “Pre-departure Italian” in Moldova → Italy"]
    assert outbox.last(to=follower.user.email)["Subject"].startswith("Ion started the topic")


def test_member_turns_forum_mail_off_and_still_sees_notifications(app, login_as, make_user,
                                                                  make_category, make_topic,
                                                                  add_reply, outbox):
    author = login_as("practitioner")
    response = author.post("/forum/settings", data={
        "csrf_token": csrf_token(author, "/forum/settings"), "email": "off"})
    assert response.status_code == 302
    topic, _ = make_topic(make_category(), author.user, title="Quiet please")
    add_reply(topic, make_user(name="Marco"), "Hello @nobody-here")
    assert outbox.messages(to=author.user.email) == []
    assert _notices(app, author.user) == ["Marco replied in “Quiet please”"]
    page = author.get("/notifications/").get_data(as_text=True)
    assert "Marco replied in “Quiet please”" in page


def test_unfollowing_a_topic_stops_the_notices(app, login_as, make_user, make_category,
                                               make_topic, add_reply):
    author = login_as("practitioner")
    topic, _ = make_topic(make_category(), author.user)
    author.post(f"/forum/t/{topic}/unfollow",
                data={"csrf_token": csrf_token(author, f"/forum/t/{topic}")})
    add_reply(topic, make_user())
    assert _notices(app, author.user) == []


def test_edit_adding_a_mention_tells_only_the_new_member(app, login_as, make_user,
                                                         make_category, make_topic):
    make_user(name="Ana Rusu")
    jan = make_user(name="Jan Novák")
    author = login_as("practitioner")
    topic, post = make_topic(make_category(), author.user, body="Hi @ana-rusu")
    author.post(f"/forum/p/{post}/edit", data={
        "csrf_token": csrf_token(author, f"/forum/p/{post}/edit"),
        "body": "Hi @ana-rusu and @jan-novák", "submit": "Save"})
    assert len(_notices(app, jan)) == 1
    assert topic


def test_coordinators_are_told_of_a_new_flag(app, login_as, make_user, make_category,
                                             make_topic, outbox):
    coordinator = make_user("coordinator", email="coord@example.org")
    topic, post = make_topic(make_category(), make_user(), title="Job offers")
    flagger = login_as("practitioner")
    response = flagger.post(f"/forum/p/{post}/flag", data={
        "csrf_token": csrf_token(flagger, f"/forum/p/{post}/flag"),
        "reason": "Looks like a recruitment scam"})
    assert response.status_code == 302
    assert _notices(app, coordinator) == [
        "A post in “Job offers” was flagged: Looks like a recruitment scam"]
    assert outbox.last(to="coord@example.org")["Subject"].startswith("A post in “Job offers”")
    assert topic
