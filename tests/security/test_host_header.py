"""Outside review, finding 1 (High): mailed links never follow the request's Host header.

The attack: ask for a password reset of someone else's account with ``Host: evil.example``;
before the fix the mail carried ``http://evil.example/auth/reset/<token>`` and the token
worked on the real portal. A forum reply with a forged Host put the attacker's host into
other members' notification mails the same way.
"""

from __future__ import annotations

import pytest

from headstart.extensions import db
from tests.helpers import CSRF_RE, Outbox, csrf_token, sign_in

EVIL = {"Host": "evil.example"}


def _reset_with_forged_host(client, email):
    page = client.get("/auth/reset", headers=EVIL)
    token = CSRF_RE.search(page.get_data(as_text=True)).group(1)
    return client.post("/auth/reset", data={"csrf_token": token, "email": email},
                       headers=EVIL)


@pytest.mark.parametrize("base_url", [None, "https://portal.example.org"])
def test_a_reset_asked_for_with_a_forged_host_mails_a_link_to_the_portal(
        app, client, make_user, outbox, monkeypatch, base_url):
    victim = make_user()
    monkeypatch.setitem(app.config, "BASE_URL", base_url)
    _reset_with_forged_host(client, victim.email)
    mail = outbox.last(to=victim.email)
    body = Outbox.body(mail)
    assert "evil.example" not in mail.as_string()
    expected = base_url or "http://localhost"
    assert f"{expected}/auth/reset/" in body


def test_a_reply_with_a_forged_host_mails_followers_links_to_the_portal(
        app, make_user, make_topic_with_follower, outbox, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", None)  # the default configuration
    monkeypatch.setitem(app.config, "FORUM_HOLD_FIRST_POSTS", 0)
    topic_id, follower = make_topic_with_follower()
    # The attacker talks to the portal under the forged name from sign-in on.
    replier = app.test_client()
    replier.environ_base["HTTP_HOST"] = "evil.example"
    assert sign_in(replier, make_user().email).status_code == 302
    page = f"/forum/t/{topic_id}"
    response = replier.post(f"{page}/reply", data={
        "csrf_token": csrf_token(replier, page), "body": "The Czech procedure takes weeks.",
        "submit": "Post"})
    assert response.status_code == 302
    mail = outbox.last(to=follower.email)
    assert "evil.example" not in mail.as_string()
    assert "http://localhost/forum/p/" in Outbox.body(mail)


@pytest.fixture
def make_topic_with_follower(app, make_user):
    """A public topic whose author follows it (and so is mailed about replies)."""

    def factory():
        from headstart.accounts.models import User
        from headstart.forum import services
        from headstart.forum.models import ForumCategory

        author = make_user(email="follower@example.org")
        with app.test_request_context():
            category = ForumCategory(name="Recognition", access="public", grouping="theme")
            db.session.add(category)
            db.session.flush()
            post = services.create_topic(category, "Recognising diplomas", "How long?",
                                         actor=db.session.get(User, author.id))
            db.session.commit()
            return post.topic_id, author

    return factory


def test_with_trusted_hosts_set_another_host_is_refused(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "TRUSTED_HOSTS", ["portal.example.org"])
    assert client.get("/auth/reset", headers=EVIL).status_code == 400
    assert client.post("/auth/reset", headers=EVIL).status_code == 400
    assert client.get("/auth/reset", headers={"Host": "portal.example.org"}).status_code == 200
