"""A new member's first post waits for a coordinator's approval: nobody else sees it, it
is not searchable and nobody is told, until a coordinator approves it (or refuses it,
which hides it with a reason)."""

from __future__ import annotations

import pytest

from headstart.extensions import db
from tests.helpers import csrf_token


@pytest.fixture(autouse=True)
def _hold_first_post(app, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_HOLD_FIRST_POSTS", 1)


def _post(client, url, data, page="/forum/"):
    return client.post(url, data={"csrf_token": csrf_token(client, page), **data})


def test_first_topic_waits_for_approval_then_is_published(app, login_as, make_user,
                                                          make_category, search_backend,
                                                          outbox):
    from headstart.forum.models import ForumModerationEntry, ForumSubscription
    from headstart.notifications.models import Notification

    category = make_category()
    follower = make_user(name="Fiona Follower")
    coordinator_user = make_user("coordinator", email="coord@example.org")
    with app.app_context():
        db.session.add(ForumSubscription(user_id=follower.id, category_id=category))
        db.session.commit()
    newcomer = login_as("practitioner")
    response = _post(newcomer, f"/forum/c/{category}/new", {
        "title": "Hello from Skopje", "body": "Our employment office prepares jobseekers.",
        "submit": "Post"}, f"/forum/c/{category}/new")
    assert response.status_code == 302
    topic_url = response.headers["Location"]
    page = newcomer.get(topic_url).get_data(as_text=True)
    assert "read by a coordinator before they appear" in page
    assert "Waiting for a coordinator" in page

    visitor = login_as(None)
    assert visitor.get(topic_url).status_code == 404
    assert "Hello from Skopje" not in visitor.get(f"/forum/c/{category}").get_data(as_text=True)
    assert visitor.get("/api/v1/search?q=jobseekers").get_json()["total"] == 0
    with app.app_context():
        kinds = {n.user_id: n.kind for n in db.session.query(Notification)}
    assert kinds == {coordinator_user.id: "forum_held"}
    assert outbox.last(to="coord@example.org")["Subject"].startswith("A new member's post")

    coordinator = login_as(user=coordinator_user)
    queue = coordinator.get("/forum/moderation").get_data(as_text=True)
    assert "Our employment office prepares jobseekers." in queue
    with app.app_context():
        from headstart.forum.models import ForumPost

        post_id = db.session.query(ForumPost.id).scalar()
    assert _post(coordinator, f"/forum/p/{post_id}/approve", {"back": "queue"}).status_code \
        == 302
    assert visitor.get(topic_url).status_code == 200
    assert visitor.get("/api/v1/search?q=jobseekers").get_json()["total"] == 1
    with app.app_context():
        told = {(n.user_id, n.kind) for n in db.session.query(Notification)}
        assert (follower.id, "forum_topic") in told
        assert (newcomer.user.id, "forum_approved") in told
        assert db.session.query(ForumModerationEntry).one().action == "approve"

    # Approved once: the next post appears at once.
    reply = _post(newcomer, f"{topic_url}/reply", {"body": "And a second thing.",
                                                   "submit": "Post"}, topic_url)
    assert reply.status_code == 302
    assert "And a second thing." in visitor.get(topic_url).get_data(as_text=True)


def test_refused_reply_is_hidden_with_a_reason(app, login_as, make_user, make_category,
                                                make_topic):
    from headstart.forum.models import ForumPost

    author = make_user("coordinator")  # coordinators never wait
    topic, _ = make_topic(make_category(), author)
    newcomer = login_as("practitioner")
    _post(newcomer, f"/forum/t/{topic}/reply", {"body": "Visit my shop", "submit": "Post"},
          f"/forum/t/{topic}")
    other = login_as("practitioner")
    page = other.get(f"/forum/t/{topic}").get_data(as_text=True)
    assert "Visit my shop" not in page
    assert "0 replies" in page
    with app.app_context():
        post_id = db.session.query(ForumPost.id).filter_by(held=True).scalar()
    coordinator = login_as("coordinator")
    _post(coordinator, f"/forum/p/{post_id}/hide", {"reason": "Advertising"})
    with app.app_context():
        post = db.session.get(ForumPost, post_id)
        assert (post.held, post.hidden) == (False, True)
    assert "Visit my shop" not in other.get(f"/forum/t/{topic}").get_data(as_text=True)
