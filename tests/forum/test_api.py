"""``/api/v1/forum/…``: what a visitor may read of the forum, whoever asks — public
categories, their topics and the readable posts, paged; members-only and coordinators'
rooms, held and hidden posts never; bad page numbers a JSON 400 or 404, never a 500."""

from __future__ import annotations

import pytest

from headstart.extensions import db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.get_data(as_text=True))
    assert response.headers["Content-Type"].startswith("application/json")
    return response.get_json()


@pytest.fixture
def forum(app, monkeypatch, make_user, make_category, make_topic, add_reply):
    """A public room with two readable topics (one with three replies, a reply waiting for
    approval and a hidden one) and a topic waiting for approval; a members' room and a
    coordinators' room."""
    from headstart.accounts.models import User
    from headstart.forum import moderation
    from headstart.forum.models import ForumPost

    author = make_user("coordinator", name="Ana Rusu", email="ana.rusu@example.org")
    public = make_category("Care work in Italy", position=1)
    members = make_category("Partnerships", access="members", position=2)
    staff = make_category("Coordination", access="coordinators", position=3)
    care, first = make_topic(public, author, title="Preparing care workers",
                             body="Contracts **first**.")
    replies = [add_reply(care, author, f"Reply number {n}") for n in range(1, 4)]
    hidden = add_reply(care, author, "A hidden reply about kumquats")
    with app.test_request_context():
        moderation.hide(db.session.get(ForumPost, hidden), "Off topic",
                        actor=db.session.get(User, author.id))
        db.session.commit()
    other, _post = make_topic(public, author, title="Language courses", body="Which level?")
    secret, _post = make_topic(members, author, title="Members planning", body="Zucchini.")
    staffroom, _post = make_topic(staff, author, title="Staff planning", body="Artichokes.")
    monkeypatch.setitem(app.config, "FORUM_HOLD_FIRST_POSTS", 1)  # newcomers wait
    newcomer = make_user(email="new.member@example.org")
    add_reply(care, newcomer, "A held reply about tangerines")
    waiting, _post = make_topic(public, newcomer, title="A topic waiting for approval")
    return {"public": public, "members": members, "staff": staff, "care": care,
            "first": first, "replies": replies, "other": other, "waiting": waiting,
            "secret": secret, "staffroom": staffroom}


def test_only_public_categories_are_listed(client, login_as, forum):
    for reader in (client, login_as("coordinator")):  # the same for everyone
        body = get(reader, "/api/v1/forum/categories")
        assert [c["name"] for c in body["results"]] == ["Care work in Italy"]
    category = body["results"][0]
    assert category["topic_count"] == 2  # the topic waiting for approval is left out
    assert category["url"] == f"http://localhost/forum/c/{forum['public']}"


def test_public_topics_without_held_or_members_only_ones(client, forum):
    body = get(client, "/api/v1/forum/topics")
    assert [t["title"] for t in body["results"]] == ["Language courses",
                                                     "Preparing care workers"]
    assert body["total"] == 2
    care = body["results"][1]
    assert care["author"] == {"name": "Ana Rusu", "handle": "@ana-rusu"}
    assert care["reply_count"] == 3
    assert care["category"] == {"id": forum["public"], "name": "Care work in Italy"}
    only = get(client, f"/api/v1/forum/topics?category={forum['public']}")
    assert only["total"] == 2
    for room in ("members", "staff"):
        error = get(client, f"/api/v1/forum/topics?category={forum[room]}", 404)["error"]
        assert error == get(client, "/api/v1/forum/topics?category=999999", 404)["error"]


def test_a_topic_with_its_readable_posts_and_no_email(client, login_as, forum):
    body = get(login_as("coordinator"), f"/api/v1/forum/topics/{forum['care']}")
    assert body["title"] == "Preparing care workers"
    posts = body["posts"]
    assert posts["total"] == 4
    assert [p["id"] for p in posts["results"]] == [forum["first"], *forum["replies"]]
    assert posts["results"][0]["markdown"] == "Contracts **first**."
    assert "<strong>first</strong>" in posts["results"][0]["html"]
    text = str(body)
    assert "tangerines" not in text  # held
    assert "kumquats" not in text  # hidden
    assert "@example.org" not in text  # no e-mail address


def test_topics_a_visitor_may_not_see_answer_like_missing_ones(client, forum):
    missing = get(client, "/api/v1/forum/topics/999999", 404)["error"]
    for name in ("secret", "staffroom", "waiting"):
        assert get(client, f"/api/v1/forum/topics/{forum[name]}", 404)["error"] == missing
    assert get(client, "/api/v1/forum/topics/99999999999", 404)["error"]["code"] == 404


def test_topics_and_posts_page(client, forum):
    first = get(client, "/api/v1/forum/topics?per_page=1")
    second = get(client, "/api/v1/forum/topics?per_page=1&page=2")
    assert (first["total"], first["page"], first["per_page"]) == (2, 1, 1)
    assert [t["title"] for t in first["results"] + second["results"]] == [
        "Language courses", "Preparing care workers"]
    url = f"/api/v1/forum/topics/{forum['care']}?per_page=3"
    assert [p["id"] for p in get(client, url + "&page=2")["posts"]["results"]] == [
        forum["replies"][-1]]
    assert get(client, url + "&page=3", 404)["error"]["code"] == 404
    assert get(client, "/api/v1/forum/topics?per_page=1&page=3", 404)["error"]["code"] == 404


@pytest.mark.parametrize("query", ["page=0", "page=x", "page=-1", "page=10001",
                                   "page=99999999999999999999", "per_page=0", "per_page=101",
                                   "category=abc", "category=0", "category=99999999999"])
def test_bad_parameters_are_a_json_400(client, forum, query):
    for path in ("/api/v1/forum/topics", f"/api/v1/forum/topics/{forum['care']}"):
        if query.startswith("category") and path != "/api/v1/forum/topics":
            continue
        error = get(client, f"{path}?{query}", 400)["error"]
        assert error["code"] == 400
        assert "Parameter" in error["message"]


def test_the_answers_match_the_openapi_document(client, forum):
    from jsonschema import Draft202012Validator

    document = get(client, "/api/v1/openapi.json")
    for url, schema in (("/api/v1/forum/categories", "ForumCategoryList"),
                        ("/api/v1/forum/topics", "ForumTopicList"),
                        (f"/api/v1/forum/topics/{forum['care']}", "ForumTopic"),
                        ("/api/v1/forum/topics/999999", "Error")):
        body = get(client, url, 404 if schema == "Error" else 200)
        validator = Draft202012Validator({**document, "$ref": f"#/components/schemas/{schema}"})
        assert not list(validator.iter_errors(body)), url
        assert document["paths"][url.removeprefix("/api/v1").replace(
            str(forum["care"]), "{id}").replace("999999", "{id}")]["get"]["responses"]
