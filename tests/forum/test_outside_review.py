"""Findings 3, 4 and 10 of the outside security review (December 2026), each performed
as the attacker would: a refused first post must not approve its author; held or hidden
posts tell nobody, and edits adding mentions count against the posting limit; the
discuss address answers for a topic the reader cannot see exactly as for no topic."""

from __future__ import annotations

import pytest

from headstart.extensions import db
from tests.helpers import csrf_token


def _post(client, url, data, page="/forum/"):
    return client.post(url, data={"csrf_token": csrf_token(client, page), **data})


def _edit(client, post_id, body):
    return _post(client, f"/forum/p/{post_id}/edit", {"body": body, "submit": "Save"},
                 f"/forum/p/{post_id}/edit")


def _held_post_id(app):
    from headstart.forum.models import ForumPost

    with app.app_context():
        return db.session.query(ForumPost.id).filter_by(held=True).scalar()


@pytest.fixture
def _hold_first_post(app, monkeypatch):
    monkeypatch.setitem(app.config, "FORUM_HOLD_FIRST_POSTS", 1)


# --- finding 3 ----------------------------------------------------------------------------

@pytest.mark.usefixtures("_hold_first_post")
def test_refusing_the_first_post_does_not_approve_the_member(app, login_as, make_user,
                                                             make_category, make_topic):
    topic, _ = make_topic(make_category(), make_user("coordinator"))
    topic_url = f"/forum/t/{topic}"
    newcomer = login_as("practitioner")
    assert _post(newcomer, f"{topic_url}/reply", {"body": "Visit my shop", "submit": "Post"},
                 topic_url).status_code == 302
    coordinator = login_as("coordinator")
    assert _post(coordinator, f"/forum/p/{_held_post_id(app)}/hide",
                 {"reason": "Advertising"}).status_code == 302
    again = _post(newcomer, f"{topic_url}/reply", {"body": "Cheap visas here",
                                                   "submit": "Post"}, topic_url)
    assert again.status_code == 302
    visitor = login_as(None)
    assert "Cheap visas here" not in visitor.get(topic_url).get_data(as_text=True)
    assert _held_post_id(app) is not None  # it waits in the queue


@pytest.mark.usefixtures("_hold_first_post")
def test_restoring_a_refused_post_puts_it_back_in_the_queue(app, login_as, make_user,
                                                           make_category, make_topic):
    from headstart.forum.models import ForumPost

    topic, _ = make_topic(make_category(), make_user("coordinator"))
    newcomer = login_as("practitioner")
    _post(newcomer, f"/forum/t/{topic}/reply", {"body": "Mistaken refusal",
                                                "submit": "Post"}, f"/forum/t/{topic}")
    post_id = _held_post_id(app)
    coordinator = login_as("coordinator")
    _post(coordinator, f"/forum/p/{post_id}/hide", {"reason": "Oops"})
    _post(coordinator, f"/forum/p/{post_id}/restore", {"reason": ""})
    with app.app_context():
        post = db.session.get(ForumPost, post_id)
        assert (post.held, post.hidden, post.refused) == (True, False, False)
    assert "Mistaken refusal" not in login_as(None).get(f"/forum/t/{topic}").get_data(
        as_text=True)


@pytest.mark.usefixtures("_hold_first_post")
def test_a_post_hidden_after_approval_still_counts_as_approved(app, login_as, make_user,
                                                               make_category, make_topic):
    topic, _ = make_topic(make_category(), make_user("coordinator"))
    topic_url = f"/forum/t/{topic}"
    member = login_as("practitioner")
    _post(member, f"{topic_url}/reply", {"body": "Fine first post", "submit": "Post"},
          topic_url)
    coordinator = login_as("coordinator")
    first = _held_post_id(app)
    _post(coordinator, f"/forum/p/{first}/approve", {"back": "queue"})
    _post(coordinator, f"/forum/p/{first}/hide", {"reason": "Off topic after all"})
    _post(member, f"{topic_url}/reply", {"body": "Second post", "submit": "Post"}, topic_url)
    assert "Second post" in login_as(None).get(topic_url).get_data(as_text=True)


# --- finding 4 ----------------------------------------------------------------------------

def _members(make_user, count):
    return [make_user(name=f"Target {n}", email=f"target{n}@example.org")
            for n in range(count)]


@pytest.mark.usefixtures("_hold_first_post")
def test_edits_of_a_held_post_tell_nobody_until_it_is_approved(app, login_as, make_user,
                                                              make_category, make_topic,
                                                              outbox):
    targets = _members(make_user, 3)
    topic, _ = make_topic(make_category(), make_user("coordinator"))
    newcomer = login_as("practitioner")
    _post(newcomer, f"/forum/t/{topic}/reply", {"body": "Hello", "submit": "Post"},
          f"/forum/t/{topic}")
    post_id = _held_post_id(app)
    body = "Hello"
    for n in range(3):
        body += f" @target-{n}"
        assert _edit(newcomer, post_id, body).status_code == 302
        assert _edit(newcomer, post_id, "Hello").status_code == 302  # and off again
    assert _edit(newcomer, post_id, body).status_code == 302
    for target in targets:
        assert outbox.messages(to=target.email) == []
    coordinator = login_as("coordinator")
    assert _post(coordinator, f"/forum/p/{post_id}/approve",
                 {"back": "queue"}).status_code == 302
    for target in targets:
        assert len(outbox.messages(to=target.email)) == 1


def test_edits_of_a_hidden_post_tell_nobody(app, login_as, make_user, make_category,
                                            make_topic, outbox):
    targets = _members(make_user, 2)
    author = login_as("practitioner")
    topic, post_id = make_topic(make_category(), author.user, body="Plain text")
    coordinator = login_as("coordinator")
    _post(coordinator, f"/forum/p/{post_id}/hide", {"reason": "Spam"})
    assert _edit(author, post_id, "Plain @target-0").status_code == 302
    assert _edit(author, post_id, "Plain @target-0 @target-1").status_code == 302
    for target in targets:
        assert outbox.messages(to=target.email) == []
    assert topic


def test_edits_adding_mentions_count_against_the_posting_limit(app, login_as, make_user,
                                                               make_category, make_topic,
                                                               outbox, monkeypatch):
    from headstart.forum.models import ForumPost

    monkeypatch.setitem(app.config, "FORUM_POST_LIMIT", "3 per hour")
    targets = _members(make_user, 4)
    author = login_as("practitioner")
    topic, post_id = make_topic(make_category(), make_user(), body="Opening")
    reply = _post(author, f"/forum/t/{topic}/reply", {"body": "Mine", "submit": "Post"},
                  f"/forum/t/{topic}")
    reply_id = int(reply.headers["Location"].rsplit("/", 1)[1])
    # An edit adding no mention is not counted.
    assert _edit(author, reply_id, "Mine, corrected").status_code == 302
    assert _edit(author, reply_id, "Mine @target-0").status_code == 302
    assert _edit(author, reply_id, "Mine @target-0 @target-1").status_code == 302
    refused = _edit(author, reply_id, "Mine @target-0 @target-1 @target-2")
    assert refused.status_code == 429
    page = refused.get_data(as_text=True)
    assert "You have posted a lot in a short time" in page
    assert "Mine @target-0 @target-1 @target-2</textarea>" in page
    with app.app_context():
        assert db.session.get(ForumPost, reply_id).body == "Mine @target-0 @target-1"
    assert outbox.messages(to=targets[2].email) == []
    assert [len(outbox.messages(to=t.email)) for t in targets[:2]] == [1, 1]
    assert post_id


# --- finding 10 ---------------------------------------------------------------------------

def _discuss_pages(app, client, practices):
    client.get("/forum/")  # the welcome flash after signing in goes there
    answers = []
    for practice in practices:
        response = client.get(f"/forum/discuss/practice/{practice.id}")
        text = response.get_data(as_text=True).replace(practice.title, "TITLE")
        text = text.replace(f"/practice/{practice.id}", "/practice/ID").replace(
            f"/practices/{practice.id}", "/practices/ID")
        answers.append((response.status_code, text))
    return answers


@pytest.mark.parametrize("access_level", ["members", "coordinators"])
def test_discuss_answers_alike_for_an_unreadable_topic_and_none(app, login_as, make_user,
                                                                make_practice,
                                                                make_category, make_topic,
                                                                access_level):
    from headstart.core import subjects

    with_topic = make_practice("published", title="Practice A")
    without = make_practice("published", title="Practice B")
    with app.test_request_context():
        subject = subjects.resolve("practice", with_topic.id)
    make_topic(make_category("Closed", access=access_level), make_user("coordinator"),
               title="Inside story", subject=subject)
    make_category("Open")
    readers = [login_as(None)]
    if access_level == "coordinators":
        readers.append(login_as("practitioner"))
    for reader in readers:
        (status_a, page_a), (status_b, page_b) = _discuss_pages(app, reader,
                                                                [with_topic, without])
        assert status_a == status_b == 200
        strip = _csrf_free
        assert strip(page_a) == strip(page_b)
        assert "Inside story" not in page_a
        if getattr(reader, "user", None) is None:
            assert "Nobody has started a discussion of this page yet" in page_a
        else:
            assert 'name="body"' in page_a  # the form that starts the discussion


def _csrf_free(text: str) -> str:
    import re

    return re.sub(r'(name="csrf_token"[^>]*value=|value=)"[^"]*"(?=[^>]*csrf)', "", re.sub(
        r'<input[^>]*csrf_token[^>]*>', "", text))


def test_starting_a_second_discussion_is_refused_with_the_text_kept(app, login_as, make_user,
                                                                    make_practice,
                                                                    make_category,
                                                                    make_topic):
    from headstart.core import subjects

    practice = make_practice("published")
    with app.test_request_context():
        subject = subjects.resolve("practice", practice.id)
    make_topic(make_category("Closed", access="coordinators"), make_user("coordinator"),
               subject=subject)
    open_room = make_category("Open")
    member = login_as("practitioner")
    url = f"/forum/discuss/practice/{practice.id}"
    response = _post(member, url, {"category_id": open_room, "title": "My question",
                                   "body": "My careful question", "submit": "Post"}, url)
    assert response.status_code == 409
    assert "My careful question</textarea>" in response.get_data(as_text=True)
