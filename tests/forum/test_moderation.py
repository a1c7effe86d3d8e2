"""Moderation: flags reach the queue; coordinators hide and restore posts, pin, lock and
move topics, dismiss flags; every action is in the log with who and why."""

from __future__ import annotations

from headstart.extensions import db
from tests.helpers import csrf_token


def _post(client, url, data=None, page="/forum/"):
    return client.post(url, data={"csrf_token": csrf_token(client, page), **(data or {})})


def test_flag_then_hide_with_a_reason_is_logged_and_the_author_told(
        app, login_as, make_user, make_category, make_topic, add_reply, outbox):
    from headstart.forum.models import ForumFlag, ForumModerationEntry
    from headstart.notifications.models import Notification

    author = make_user(name="Spammer", email="spam@example.org")
    topic, _ = make_topic(make_category(), make_user())
    reply = add_reply(topic, author, "Cheap visas, write to me")
    flagger = login_as("practitioner")
    assert _post(flagger, f"/forum/p/{reply}/flag", {"reason": "Selling visas"}).status_code \
        == 302
    again = _post(flagger, f"/forum/p/{reply}/flag", {"reason": "Again"})
    assert again.status_code == 409
    assert "already flagged" in again.get_data(as_text=True)

    coordinator = login_as("coordinator", user=make_user("coordinator", name="Clara Coord"))
    queue = coordinator.get("/forum/moderation").get_data(as_text=True)
    assert "Selling visas" in queue
    assert "Cheap visas" in queue
    response = _post(coordinator, f"/forum/p/{reply}/hide",
                     {"reason": "Illegal offer", "back": "queue"})
    assert response.headers["Location"].endswith("/forum/moderation")
    queue = coordinator.get("/forum/moderation").get_data(as_text=True)
    assert "No flag is waiting." in queue
    assert "Hid a post" in queue
    assert "Clara Coord" in queue
    assert "Illegal offer" in queue
    with app.app_context():
        entry = db.session.query(ForumModerationEntry).one()
        assert (entry.action, entry.post_id, entry.reason) == ("hide", reply, "Illegal offer")
        assert db.session.query(ForumFlag).one().resolved_at is not None
        told = db.session.query(Notification).filter_by(user_id=author.id).one()
        assert told.kind == "forum_hidden"
    assert "Illegal offer" in outbox.last(to="spam@example.org")["Subject"]
    # The author still reads it (marked hidden); others see only that it was hidden.
    author_client = login_as(user=author)
    assert "Cheap visas" in author_client.get(f"/forum/t/{topic}").get_data(as_text=True)
    assert "Cheap visas" not in flagger.get(f"/forum/t/{topic}").get_data(as_text=True)
    assert "0 replies" in login_as(None).get(f"/forum/t/{topic}").get_data(as_text=True)

    _post(coordinator, f"/forum/p/{reply}/restore", {"reason": "Checked: a real service"})
    assert "Cheap visas" in flagger.get(f"/forum/t/{topic}").get_data(as_text=True)
    with app.app_context():
        assert [e.action for e in db.session.query(ForumModerationEntry)
                .order_by(ForumModerationEntry.id)] == ["hide", "restore"]


def test_hiding_needs_a_reason(app, login_as, make_user, make_category, make_topic):
    from headstart.forum.models import ForumPost

    topic, post = make_topic(make_category(), make_user())
    coordinator = login_as("coordinator")
    response = _post(coordinator, f"/forum/p/{post}/hide", {"reason": ""})
    assert response.status_code == 302
    assert "Please give a reason." in coordinator.get(
        response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    with app.app_context():
        assert not db.session.get(ForumPost, post).hidden
    assert topic


def test_dismissed_flag_leaves_the_post_and_is_logged(app, login_as, make_user, make_category,
                                                      make_topic):
    from headstart.forum.models import ForumFlag, ForumModerationEntry

    topic, post = make_topic(make_category(), make_user())
    flagger = login_as("practitioner")
    _post(flagger, f"/forum/p/{post}/flag", {"reason": "I disagree"})
    coordinator = login_as("coordinator")
    with app.app_context():
        flag_id = db.session.query(ForumFlag.id).scalar()
    _post(coordinator, f"/forum/flags/{flag_id}/dismiss", {"reason": "Disagreement is fine"})
    with app.app_context():
        entry = db.session.query(ForumModerationEntry).one()
        assert entry.action == "dismiss_flag"
        assert entry.reason == "Disagreement is fine"
    assert "First post" in login_as(None).get(f"/forum/t/{topic}").get_data(as_text=True)


def test_pin_lock_and_move_are_logged(app, login_as, make_user, make_category, make_topic):
    from headstart.forum.models import ForumModerationEntry, ForumTopic

    first = make_category("General")
    second = make_category("Ukraine → Czech Republic", grouping="corridor")
    topic, _ = make_topic(first, make_user(), title="Nostrification")
    coordinator = login_as("coordinator")
    for action in ("pin", "lock", "unlock"):
        assert _post(coordinator, f"/forum/t/{topic}/{action}",
                     {"reason": f"why {action}"}).status_code == 302
    response = _post(coordinator, f"/forum/t/{topic}/move",
                     {"category_id": second, "reason": "Corridor question"},
                     page=f"/forum/t/{topic}/move")
    assert response.status_code == 302
    same = _post(coordinator, f"/forum/t/{topic}/move", {"category_id": second},
                 page=f"/forum/t/{topic}/move")
    assert same.status_code == 422
    assert "already in this category" in same.get_data(as_text=True)
    with app.app_context():
        moved = db.session.get(ForumTopic, topic)
        assert (moved.category_id, moved.pinned, moved.locked) == (second, True, False)
        entries = db.session.query(ForumModerationEntry).order_by(ForumModerationEntry.id).all()
        assert [(e.action, e.reason) for e in entries] == [
            ("pin", "why pin"), ("lock", "why lock"), ("unlock", "why unlock"),
            ("move", "Corridor question")]
        assert entries[-1].details == {"from": "General", "to": "Ukraine → Czech Republic"}
    log = coordinator.get("/forum/moderation").get_data(as_text=True)
    assert "General → Ukraine → Czech Republic" in log


def test_member_cannot_flag_own_post(app, login_as, make_category, make_topic):
    member = login_as("practitioner")
    _topic, post = make_topic(make_category(), member.user)
    response = _post(member, f"/forum/p/{post}/flag", {"reason": "test"})
    assert response.status_code == 409


def test_flags_count_against_the_posting_limit(app, login_as, make_user, make_category,
                                               make_topic, add_reply, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_POST_LIMIT", "1 per hour")
    topic, first = make_topic(make_category(), make_user())
    second = add_reply(topic, make_user())
    flagger = login_as("practitioner")
    assert _post(flagger, f"/forum/p/{first}/flag", {"reason": "One"}).status_code == 302
    refused = _post(flagger, f"/forum/p/{second}/flag", {"reason": "Two in a row"})
    assert refused.status_code == 429
    assert 'value="Two in a row"' in refused.get_data(as_text=True)
