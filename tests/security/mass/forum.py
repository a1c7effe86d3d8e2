"""Forum: topics, replies, edits, flags and settings (members), moderation and
categories (coordinators). New members' first posts wait for approval
(``FORUM_HOLD_FIRST_POSTS`` is 1 here, as in production), so ``held`` is what the
workflow gives and ``held=0`` in a POST must not skip it."""

from __future__ import annotations

from headstart.forum.models import (
    ForumCategory,
    ForumFlag,
    ForumPost,
    ForumPreference,
    ForumTopic,
)
from tests.security.mass.harness import LONG_AGO, covers, injected

POST = {"title": "Contracts in Italy", "body": "What should a care worker check?",
        "submit": "Post"}


def _forum(env) -> dict:
    """Categories of each access level; a topic by practitioner A and one by ``other`` in
    the public category (posts not held)."""
    categories = {access: ForumCategory(name=f"Category {access}", access=access)
                  for access in ("public", "members", "coordinators")}
    ids = dict(zip(("public", "members", "coord"), env.add(*categories.values()),
                   strict=True))
    for name in ("a", "other"):
        topic = ForumTopic(category_id=ids["public"], title=f"Topic by {name}",
                           author_id=env.user(name).id)
        post = ForumPost(topic=topic, author_id=env.user(name).id, body=f"Hello from {name}")
        ids[f"topic_{name}"], ids[f"post_{name}"] = env.add(topic, post)
    return ids


def _forged(env, ids, **specific) -> dict:
    fields = {"category_id": str(ids["coord"]), "topic_id": str(ids["topic_other"]),
              "post_id": str(ids["post_other"]), "subject_kind": "practice",
              "subject_id": "999999", "last_post_id": str(ids["post_other"]),
              "edited_at": LONG_AGO, "resolved_at": LONG_AGO,
              "resolved_by_id": str(env.user("other").id)}
    return injected(env, **{**fields, **specific})


def _new_topic(env, ids) -> tuple[dict, dict]:
    (topic,) = env.rows(ForumTopic, ForumTopic.id.not_in((ids["topic_a"], ids["topic_other"])))
    (post,) = env.rows(ForumPost, ForumPost.topic_id == topic["id"])
    return topic, post


@covers("/forum/c/<int:category_id>/new")
def a_new_topic_is_the_authors_in_the_category_of_the_address_and_waits(env):
    ids = _forum(env)
    response = env.post("b", f"/forum/c/{ids['public']}/new", {**_forged(env, ids), **POST})
    assert response.status_code == 302
    topic, post = _new_topic(env, ids)
    author = env.user("b").id
    assert (topic["category_id"], topic["author_id"], topic["pinned"], topic["locked"],
            topic["held"], topic["subject_kind"], topic["reply_count"]) == (
        ids["public"], author, False, False, True, None, 0)
    assert (post["author_id"], post["held"], post["hidden"]) == (author, True, False)


@covers("/forum/discuss/<kind>/<int:subject_id>")
def a_discussion_opens_in_a_readable_category_about_the_subject_of_the_address(env):
    ids = _forum(env)
    practice = env.make_practice("published")
    url = f"/forum/discuss/practice/{practice.id}"
    forged = _forged(env, ids, subject_kind="handbook_section")
    refused = env.post("b", url, {**forged, **POST, "category_id": str(ids["coord"])})
    assert refused.status_code == 404  # a category B may not read
    assert len(env.rows(ForumTopic)) == 2
    response = env.post("b", url, {**forged, **POST, "category_id": str(ids["public"])})
    assert response.status_code == 302
    topic, _post = _new_topic(env, ids)
    assert (topic["category_id"], topic["subject_kind"], topic["subject_id"],
            topic["author_id"], topic["pinned"]) == (
        ids["public"], "practice", practice.id, env.user("b").id, False)


@covers("/forum/t/<int:topic_id>/reply")
def a_reply_joins_the_topic_of_the_address_as_the_authors_and_waits(env):
    ids = _forum(env)
    response = env.post("b", f"/forum/t/{ids['topic_a']}/reply",
                        {**_forged(env, ids), "body": "Check the hours.", "submit": "Post"})
    assert response.status_code == 302
    (reply,) = env.rows(ForumPost, ForumPost.author_id == env.user("b").id)
    assert (reply["topic_id"], reply["held"], reply["hidden"], reply["edited_at"]) == (
        ids["topic_a"], True, False, None)
    assert len(env.rows(ForumPost, ForumPost.topic_id == ids["topic_other"])) == 1


@covers("/forum/p/<int:post_id>/edit")
def an_edit_changes_the_text_and_title_only(env):
    ids = _forum(env)
    post_before = env.row(ForumPost, ids["post_a"])
    topic_before = env.row(ForumTopic, ids["topic_a"])
    response = env.post("a", f"/forum/p/{ids['post_a']}/edit", {
        **_forged(env, ids, hidden="1", held="1"), "title": "Renamed",
        "body": "Hello, edited", "submit": "Save changes"})
    assert response.status_code == 302
    assert env.changed(ForumPost, ids["post_a"], post_before) == {"body", "edited_at"}
    assert env.changed(ForumTopic, ids["topic_a"], topic_before) == {"title"}


@covers("/forum/p/<int:post_id>/flag")
def a_flag_is_the_flaggers_on_the_post_of_the_address_and_open(env):
    ids = _forum(env)
    response = env.post("b", f"/forum/p/{ids['post_a']}/flag",
                        {**_forged(env, ids), "reason": "Advertising"})
    assert response.status_code == 302
    (flag,) = env.rows(ForumFlag)
    assert (flag["post_id"], flag["user_id"], flag["resolved_at"], flag["resolved_by_id"]) == (
        ids["post_a"], env.user("b").id, None, None)


@covers("/forum/settings")
def settings_are_the_members_own(env):
    ids = _forum(env)
    response = env.post("a", "/forum/settings",
                        {**_forged(env, ids, digest_sent_at=LONG_AGO), "email": "off"})
    assert response.status_code == 302
    assert [(p["user_id"], p["email"], p["digest_sent_at"]) for p in env.rows(
        ForumPreference, order_by=ForumPreference.user_id)] == [(env.user("a").id, "off", None)]


@covers("/forum/p/<int:post_id>/<any(hide, restore, approve):action>")
def approving_publishes_the_post_as_written(env):
    ids = _forum(env)
    (held,) = env.add(ForumPost(topic_id=ids["topic_a"], author_id=env.user("b").id,
                                body="Waiting", held=True))
    before = env.row(ForumPost, held)
    response = env.post("coordinator", f"/forum/p/{held}/approve",
                        {**_forged(env, ids, hidden="1", body="Forged")})
    assert response.status_code == 302
    assert env.changed(ForumPost, held, before) == {"held"}


@covers("/forum/t/<int:topic_id>/<any(pin, unpin, lock, unlock):action>")
def pinning_pins_and_does_nothing_else(env):
    ids = _forum(env)
    before = env.row(ForumTopic, ids["topic_a"])
    response = env.post("coordinator", f"/forum/t/{ids['topic_a']}/pin",
                        {**_forged(env, ids, title="Forged")})
    assert response.status_code == 302
    assert env.changed(ForumTopic, ids["topic_a"], before) == {"pinned"}


@covers("/forum/t/<int:topic_id>/move")
def moving_changes_the_category_only(env):
    ids = _forum(env)
    before = env.row(ForumTopic, ids["topic_a"])
    response = env.post("coordinator", f"/forum/t/{ids['topic_a']}/move", {
        **_forged(env, ids, title="Forged"), "category_id": str(ids["members"])})
    assert response.status_code == 302
    assert env.changed(ForumTopic, ids["topic_a"], before) == {"category_id"}
    assert env.row(ForumTopic, ids["topic_a"])["category_id"] == ids["members"]


@covers("/forum/flags/<int:flag_id>/dismiss")
def dismissing_closes_the_flag_in_the_coordinators_name(env):
    ids = _forum(env)
    (flag_id,) = env.add(ForumFlag(post_id=ids["post_a"], user_id=env.user("b").id,
                                   reason="Advertising"))
    before = env.row(ForumFlag, flag_id)
    post_before = env.row(ForumPost, ids["post_a"])
    response = env.post("coordinator", f"/forum/flags/{flag_id}/dismiss", _forged(env, ids))
    assert response.status_code == 302
    assert env.changed(ForumFlag, flag_id, before) == {"resolved_at", "resolved_by_id"}
    assert env.row(ForumFlag, flag_id)["resolved_by_id"] == env.user("coordinator").id
    assert env.changed(ForumPost, ids["post_a"], post_before) == set()


CATEGORY = {"name": "Care work", "description": "Italy.", "grouping": "corridor",
            "access": "members", "position": "3"}


@covers("/forum/categories/new")
def a_new_category_is_new(env):
    ids = _forum(env)
    before = env.row(ForumCategory, ids["public"])
    response = env.post("coordinator", "/forum/categories/new",
                        {**_forged(env, ids, id=str(ids["public"])), **CATEGORY})
    assert response.status_code == 302
    (created,) = env.rows(ForumCategory, ForumCategory.name == "Care work")
    assert created["id"] not in ids.values()
    assert env.changed(ForumCategory, ids["public"], before) == set()


@covers("/forum/c/<int:category_id>/edit")
def editing_a_category_changes_that_one_only(env):
    ids = _forum(env)
    before = env.row(ForumCategory, ids["members"])
    response = env.post("coordinator", f"/forum/c/{ids['public']}/edit",
                        {**_forged(env, ids, id=str(ids["members"])), **CATEGORY})
    assert response.status_code == 302
    assert env.row(ForumCategory, ids["public"])["name"] == "Care work"
    assert env.changed(ForumCategory, ids["members"], before) == set()
