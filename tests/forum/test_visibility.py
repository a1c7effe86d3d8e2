"""Members-only and coordinators-only categories never leak: not on pages, not through
search (the page and the JSON API), not through notifications; hidden posts leave the
index."""

from __future__ import annotations

import pytest

from headstart.extensions import db
from tests.helpers import csrf_token


@pytest.fixture
def rooms(app, make_user, make_category, make_topic):
    """A topic in a public, a members-only and a coordinators-only category."""
    author = make_user("coordinator")
    made = {}
    for access, word in (("public", "tomatoes"), ("members", "zucchini"),
                         ("coordinators", "artichokes")):
        category = make_category(f"Room {access}", access=access)
        topic, post = make_topic(category, author, title=f"Topic about {word}",
                                 body=f"Secret {word} of the {access} room")
        made[access] = {"category": category, "topic": topic, "post": post, "word": word}
    return made


def test_visitor_sees_only_public_rooms_on_pages(app, login_as, rooms):
    visitor = login_as(None)
    front = visitor.get("/forum/").get_data(as_text=True)
    assert "Room public" in front
    assert "Topic about tomatoes" in front
    for access in ("members", "coordinators"):
        room = rooms[access]
        assert f"Room {access}" not in front
        assert room["word"] not in front
        for path in (f"/forum/c/{room['category']}", f"/forum/t/{room['topic']}",
                     f"/forum/p/{room['post']}", f"/forum/p/{room['post']}/history"):
            assert visitor.get(path).status_code == 404, path


def test_practitioner_sees_members_room_but_not_coordinators_room(app, login_as, rooms):
    member = login_as("practitioner")
    front = member.get("/forum/").get_data(as_text=True)
    assert "Room members" in front
    assert "zucchini" in front
    assert "Room coordinators" not in front
    assert "artichokes" not in front
    assert member.get(f"/forum/t/{rooms['coordinators']['topic']}").status_code == 404
    assert login_as("coordinator").get(
        f"/forum/t/{rooms['coordinators']['topic']}").status_code == 200


def test_search_respects_the_rooms(app, login_as, rooms, search_backend):
    with app.app_context():
        from headstart.search import service

        service.rebuild()

    posts = {room["word"]: room["post"] for room in rooms.values()}

    def finds(client, word):
        page = client.get(f"/search?q={word}").get_data(as_text=True)
        return f'href="/forum/p/{posts[word]}"' in page

    visitor, member, coordinator = login_as(None), login_as("practitioner"), \
        login_as("coordinator")
    assert finds(visitor, "tomatoes")
    assert not finds(visitor, "zucchini")
    assert not finds(visitor, "artichokes")
    assert finds(member, "zucchini")
    assert not finds(member, "artichokes")
    assert finds(coordinator, "artichokes")
    # The forum's own search box searches the forum area of the same page.
    forum_only = member.get("/search?q=zucchini&area=forum").get_data(as_text=True)
    assert f'href="/forum/p/{posts["zucchini"]}"' in forum_only
    assert 'name="area" value="forum"' in visitor.get("/forum/").get_data(as_text=True)
    # The JSON API is open to anyone and cookie-free: public posts only, whoever asks.
    for client in (visitor, coordinator):
        for word, expected in (("tomatoes", 1), ("zucchini", 0), ("artichokes", 0)):
            body = client.get(f"/api/v1/search?q={word}&area=forum").get_json()
            assert body["total"] == expected, (word, body)


def test_a_post_follows_its_topic_into_a_members_room_in_search(app, login_as, rooms,
                                                                search_backend):
    coordinator = login_as("coordinator")
    public = rooms["public"]
    response = coordinator.post(f"/forum/t/{public['topic']}/move", data={
        "csrf_token": csrf_token(coordinator, f"/forum/t/{public['topic']}/move"),
        "category_id": rooms["members"]["category"], "reason": "Internal matter"})
    assert response.status_code == 302
    body = login_as(None).get("/api/v1/search?q=tomatoes").get_json()
    assert body["total"] == 0
    assert login_as(None).get(f"/forum/t/{public['topic']}").status_code == 404


def test_hidden_post_leaves_the_index(app, login_as, make_user, make_category, make_topic,
                                      add_reply, search_backend):
    topic, _ = make_topic(make_category(), make_user())
    reply = add_reply(topic, make_user(), "Buy cheap watches at spam.example")
    visitor = login_as(None)
    assert visitor.get("/api/v1/search?q=watches").get_json()["total"] == 1
    coordinator = login_as("coordinator")
    coordinator.post(f"/forum/p/{reply}/hide", data={
        "csrf_token": csrf_token(coordinator, f"/forum/t/{topic}"), "reason": "Spam"})
    assert visitor.get("/api/v1/search?q=watches").get_json()["total"] == 0
    page = visitor.get(f"/forum/t/{topic}").get_data(as_text=True)
    assert "cheap watches" not in page
    assert "This post was hidden by a coordinator." in page


def test_followers_who_cannot_read_a_room_are_not_told(app, login_as, make_user,
                                                       make_category, make_topic, add_reply,
                                                       outbox):
    from headstart.accounts.models import User
    from headstart.forum import services
    from headstart.forum.models import ForumCategory
    from headstart.notifications.models import Notification

    category = make_category("Once public")
    practitioner = make_user(name="Petra Practitioner")
    coordinator = make_user("coordinator")
    with app.test_request_context():
        services.follow(db.session.get(User, practitioner.id),
                        category=db.session.get(ForumCategory, category))
        db.session.get(ForumCategory, category).access = "coordinators"
        db.session.commit()
    topic, _ = make_topic(category, coordinator, body="Budget talk, cc @petra-practitioner")
    add_reply(topic, coordinator, "More budget talk")
    with app.app_context():
        assert db.session.query(Notification).filter_by(user_id=practitioner.id).count() == 0
    assert outbox.messages(to=practitioner.email) == []


def test_discuss_link_does_not_reveal_a_members_only_topic(app, login_as, make_user,
                                                            make_practice, make_category,
                                                            make_topic):
    from headstart.core import subjects

    practice = make_practice("published", title="Path to Progress")
    category = make_category("Members", access="members")
    with app.test_request_context():
        subject = subjects.resolve("practice", practice.id)
    topic, _ = make_topic(category, make_user(), title="Inside story", subject=subject)
    visitor = login_as(None)
    page = visitor.get(f"/practices/{practice.id}").get_data(as_text=True)
    assert "No discussion yet" in page
    assert f"/forum/t/{topic}" not in page
    prompt = visitor.get(f"/forum/discuss/practice/{practice.id}")
    assert prompt.status_code == 200
    text = prompt.get_data(as_text=True)
    assert "Nobody has started a discussion of this page yet" in text  # as without a topic
    assert "Inside story" not in text
    member = login_as("practitioner")
    assert f'href="/forum/t/{topic}"' in member.get(
        f"/practices/{practice.id}").get_data(as_text=True)


def test_only_public_rooms_have_a_feed_and_it_lists_visible_posts(app, login_as, rooms,
                                                                  make_user, add_reply):
    import xml.etree.ElementTree as ET

    public = rooms["public"]
    hidden_reply = add_reply(public["topic"], make_user(), "Spam to be hidden")
    coordinator = login_as("coordinator")
    coordinator.post(f"/forum/p/{hidden_reply}/hide", data={
        "csrf_token": csrf_token(coordinator, f"/forum/t/{public['topic']}"), "reason": "Spam"})
    response = login_as(None).get(f"/forum/c/{public['category']}/feed.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    atom = "{http://www.w3.org/2005/Atom}"
    summaries = [e.find(f"{atom}summary").text for e in feed.findall(f"{atom}entry")]
    assert summaries == ["Secret tomatoes of the public room"]
    for access in ("members", "coordinators"):
        # Feed readers have no session: no feed, even for those who may read the room.
        assert coordinator.get(f"/forum/c/{rooms[access]['category']}/feed.atom") \
            .status_code == 404
