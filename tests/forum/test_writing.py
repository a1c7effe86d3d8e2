"""Writing in the forum: topics, preview, replies, quoting, editing with history, locked
topics, the posting limit, unread markers, pinned-first lists and pagination."""

from __future__ import annotations

import re

from headstart.extensions import db
from tests.helpers import csrf_token


def _post(client, url, data, page):
    return client.post(url, data={"csrf_token": csrf_token(client, page), **data})


def test_member_starts_a_topic_and_follows_it(app, login_as, make_category):
    category = make_category()
    member = login_as("practitioner")
    response = _post(member, f"/forum/c/{category}/new",
                     {"title": "Italian for care work", "body": "We teach **Italian**.",
                      "submit": "Post"}, f"/forum/c/{category}/new")
    assert response.status_code == 302
    page = member.get(response.headers["Location"]).get_data(as_text=True)
    assert "Italian for care work" in page
    assert "<strong>Italian</strong>" in page
    assert "Stop following this topic" in page


def test_preview_renders_the_text_without_saving_it(app, login_as, make_category):
    from headstart.forum.models import ForumPost

    category = make_category()
    member = login_as("practitioner")
    response = _post(member, f"/forum/c/{category}/new",
                     {"title": "Draft", "body": "Some *emphasis*", "preview": "Preview"},
                     f"/forum/c/{category}/new")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Preview (not posted yet)" in page
    assert "<em>emphasis</em>" in page
    assert "Some *emphasis*</textarea>" in page  # the text stays in the box
    with app.app_context():
        assert db.session.query(ForumPost).count() == 0


def test_empty_post_is_refused_with_a_message(app, login_as, make_category):
    category = make_category()
    member = login_as("practitioner")
    response = _post(member, f"/forum/c/{category}/new", {"title": "Empty", "body": "  ",
                                                          "submit": "Post"},
                     f"/forum/c/{category}/new")
    assert response.status_code == 422
    assert "Please write something." in response.get_data(as_text=True)


def test_quote_prefills_the_reply_with_a_blockquote_citing_the_author(
        app, login_as, make_user, make_category, make_topic):
    author = make_user(name="Ana Rusu")
    topic, post = make_topic(make_category(), author, body="Start with contracts.\nThen rights.")
    reader = login_as("practitioner")
    page = reader.get(f"/forum/t/{topic}?quote={post}").get_data(as_text=True)
    box = re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.DOTALL).group(1)
    assert f"&gt; [Ana Rusu wrote](/forum/p/{post}):" in box
    assert "&gt; Start with contracts.\n&gt; Then rights." in box
    assert f'href="/forum/t/{topic}?page=1&amp;quote={post}#reply"' in page


def test_reply_with_quote_renders_a_blockquote(app, login_as, make_user, make_category,
                                                make_topic):
    author = make_user(name="Ana Rusu")
    topic, post = make_topic(make_category(), author, body="Contracts first.")
    reader = login_as("practitioner")
    quoted = f"> [Ana Rusu wrote](/forum/p/{post}):\n>\n> Contracts first.\n\nAgreed."
    response = _post(reader, f"/forum/t/{topic}/reply", {"body": quoted, "submit": "Post"},
                     f"/forum/t/{topic}")
    assert response.status_code == 302
    page = reader.get(f"/forum/t/{topic}").get_data(as_text=True)
    assert "<blockquote>" in page
    assert "1 reply" in page


def test_edit_keeps_the_earlier_text_in_the_history(app, login_as, make_category, make_topic):
    author = login_as("practitioner")
    topic, post = make_topic(make_category(), author.user, body="Version one")
    response = _post(author, f"/forum/p/{post}/edit",
                     {"title": "New title", "body": "Version two", "submit": "Save"},
                     f"/forum/p/{post}/edit")
    assert response.status_code == 302
    history = login_as(None).get(f"/forum/p/{post}/history").get_data(as_text=True)
    assert "Version one" in history
    assert "Version two" in history
    assert "New title" in history
    assert "edited" in author.get(f"/forum/t/{topic}").get_data(as_text=True)


def test_other_member_cannot_edit_a_post(app, login_as, make_user, make_category, make_topic):
    topic, post = make_topic(make_category(), make_user())
    other = login_as("practitioner")
    response = _post(other, f"/forum/p/{post}/edit", {"body": "Vandalised", "submit": "Save"},
                     f"/forum/t/{topic}")
    assert response.status_code == 403
    assert "Vandalised" not in login_as(None).get(f"/forum/t/{topic}").get_data(as_text=True)


def test_locked_topic_refuses_a_reply_and_keeps_the_text(app, login_as, make_user,
                                                         make_category, make_topic):
    from headstart.forum.models import ForumPost, ForumTopic

    topic, _post_id = make_topic(make_category(), make_user())
    coordinator = login_as("coordinator")
    assert _post(coordinator, f"/forum/t/{topic}/lock", {}, f"/forum/t/{topic}").status_code \
        == 302
    member = login_as("practitioner")
    page = member.get(f"/forum/t/{topic}").get_data(as_text=True)
    assert "This topic is locked: it takes no more replies." in page
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    response = member.post(f"/forum/t/{topic}/reply", data={
        "csrf_token": token, "body": "My long careful answer", "submit": "Post"})
    assert response.status_code == 409
    refused = response.get_data(as_text=True)
    assert "This topic is locked" in refused
    assert "My long careful answer</textarea>" in refused
    with app.app_context():
        assert db.session.query(ForumPost).count() == 1
        assert db.session.get(ForumTopic, topic).locked


def test_posting_limit_answers_429_and_keeps_the_text(app, login_as, make_category,
                                                      make_topic, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_POST_LIMIT", "2 per hour")
    member = login_as("practitioner")
    topic, _post_id = make_topic(make_category(), member.user)
    for n in range(2):
        assert _post(member, f"/forum/t/{topic}/reply", {"body": f"Reply {n}", "submit": "Post"},
                     f"/forum/t/{topic}").status_code == 302
    response = _post(member, f"/forum/t/{topic}/reply", {"body": "One too many",
                                                        "submit": "Post"}, f"/forum/t/{topic}")
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "You have posted a lot in a short time" in page
    assert "One too many</textarea>" in page
    # Another member is not held back by it.
    other = login_as("practitioner")
    assert _post(other, f"/forum/t/{topic}/reply", {"body": "Mine", "submit": "Post"},
                 f"/forum/t/{topic}").status_code == 302


def test_topics_with_new_posts_are_marked_until_read(app, login_as, make_user, make_category,
                                                     make_topic, add_reply):
    category = make_category()
    reader = login_as("practitioner")
    topic, _post_id = make_topic(category, make_user(), title="Recognition in Czechia")
    assert "New posts" in reader.get(f"/forum/c/{category}").get_data(as_text=True)
    reader.get(f"/forum/t/{topic}")
    assert "New posts" not in reader.get(f"/forum/c/{category}").get_data(as_text=True)
    add_reply(topic, make_user(), "Nostrification takes months.")
    assert "New posts" in reader.get(f"/forum/c/{category}").get_data(as_text=True)
    assert "New posts" not in login_as(None).get(f"/forum/c/{category}").get_data(as_text=True)


def test_pinned_topics_come_first_then_last_activity(app, login_as, make_user, make_category,
                                                     make_topic, add_reply):
    category = make_category()
    author = make_user()
    old, _ = make_topic(category, author, title="Old pinned rules")
    quiet, _ = make_topic(category, author, title="Quiet topic")
    busy, _ = make_topic(category, author, title="Busy topic")
    add_reply(quiet, author)  # now the most recently active
    coordinator = login_as("coordinator")
    _post(coordinator, f"/forum/t/{old}/pin", {}, f"/forum/t/{old}")
    page = login_as(None).get(f"/forum/c/{category}").get_data(as_text=True)
    order = [page.index(t) for t in ("Old pinned rules", "Quiet topic", "Busy topic")]
    assert order == sorted(order)
    assert busy


def test_long_topics_are_paged_and_a_post_link_finds_its_page(app, login_as, make_user,
                                                              make_category, make_topic,
                                                              add_reply):
    author = make_user()
    topic, _ = make_topic(make_category(), author)
    last = None
    for n in range(21):
        last = add_reply(topic, author, f"Reply number {n}")
    visitor = login_as(None)
    assert "Reply number 20" not in visitor.get(f"/forum/t/{topic}").get_data(as_text=True)
    response = visitor.get(f"/forum/p/{last}")
    assert response.headers["Location"].endswith(f"/forum/t/{topic}?page=2#post-{last}")
    assert "Reply number 20" in visitor.get(f"/forum/t/{topic}?page=2").get_data(as_text=True)
    assert visitor.get(f"/forum/t/{topic}?page=3").status_code == 404


def test_coordinator_creates_a_members_only_category(app, login_as):
    from headstart.forum.models import ForumCategory

    coordinator = login_as("coordinator")
    response = _post(coordinator, "/forum/categories/new", {
        "name": "Moldova → Italy", "description": "The corridor's practitioners",
        "grouping": "corridor", "access": "members", "position": "3"}, "/forum/categories/new")
    assert response.status_code == 302
    with app.app_context():
        category = db.session.query(ForumCategory).one()
        assert (category.grouping, category.access, category.position) == \
            ("corridor", "members", 3)
    assert "Moldova → Italy" not in login_as(None).get("/forum/").get_data(as_text=True)
    assert "Moldova → Italy" in login_as("practitioner").get("/forum/").get_data(as_text=True)


def test_export_has_the_members_posts_and_deleting_the_account_keeps_them(
        app, login_as, make_category, make_topic):
    import json

    from tests.helpers import PASSWORD, post_form

    member = login_as("practitioner")
    topic, _post_id = make_topic(make_category(), member.user, title="Kept after me",
                                 body="My experience with work permits")
    data = json.loads(member.get("/account/export").get_data(as_text=True))
    assert data["forum"]["posts"][0]["body"] == "My experience with work permits"
    assert data["forum"]["following"] == [{"topic_id": topic, "category_id": None}]
    assert post_form(member, "/account/delete", {"password": PASSWORD, "understood": "y"},
                     page="/account/").status_code == 302
    page = login_as(None).get(f"/forum/t/{topic}").get_data(as_text=True)
    assert "My experience with work permits" in page
    assert "a former member" in page


def test_a_quote_of_another_topic_or_a_missing_post_is_ignored(app, login_as, make_user,
                                                               make_category, make_topic):
    category = make_category()
    topic, _ = make_topic(category, make_user())
    _other, elsewhere = make_topic(category, make_user(), body="Elsewhere text")
    reader = login_as("practitioner")
    for quoted in (elsewhere, 999_999, "x", 2**40):
        response = reader.get(f"/forum/t/{topic}?quote={quoted}")
        assert response.status_code == 200
        assert "Elsewhere text" not in response.get_data(as_text=True).split("<textarea")[1]


def test_posts_since_the_last_visit_are_marked_new_on_the_topic_page(
        app, login_as, make_user, make_category, make_topic, add_reply):
    topic, _ = make_topic(make_category(), make_user())
    reader = login_as("practitioner")
    first_visit = reader.get(f"/forum/t/{topic}").get_data(as_text=True)
    assert '<strong class="badge">New</strong>' not in first_visit
    add_reply(topic, make_user(), "Fresh news")
    page = reader.get(f"/forum/t/{topic}").get_data(as_text=True)
    assert page.count('<strong class="badge">New</strong>') == 1
    assert page.index("Fresh news") > page.index('<strong class="badge">New</strong>')
