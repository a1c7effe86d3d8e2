"""Outside review, findings 5 and 9: search tells a reader nothing of posts they may not
read — not through "did you mean", not in the seconds before the index follows a change
of a category's access."""

from __future__ import annotations

from sqlalchemy import update

from headstart.extensions import db


def test_did_you_mean_never_offers_a_word_only_members_can_read(
        app, login_as, make_user, make_category, make_topic, search_backend):
    author = make_user()
    make_topic(make_category("Care work"), author, title="Nurses in Italy",
               body="Nurses need a recognised diploma.")
    make_topic(make_category("Partnerships", access="members"), author,
               title="Planning", body="The zygomorphic agreement stays between us.")
    # The attack: a public word keeps the corrected query finding something.
    query = "/search?q=nurses+OR+zygomorphik"
    visitor = login_as(None).get(query).get_data(as_text=True)
    assert "zygomorphic" not in visitor
    api = login_as(None).get("/api/v1/search?q=nurses+OR+zygomorphik").get_json()
    assert "zygomorphic" not in (api.get("suggestion") or "")
    # A member may read the post, and is offered the word.
    assert "zygomorphic" in login_as("practitioner").get(query).get_data(as_text=True)


def test_a_post_is_not_shown_once_its_category_is_closed_before_the_index_follows(
        app, login_as, make_user, make_category, make_topic, search_backend):
    category = make_category("Care work")
    make_topic(category, make_user(), title="Xylophone lessons for newcomers",
               body="Music as a way in.")
    visitor = login_as(None)
    assert "lessons for newcomers" in visitor.get("/search?q=xylophone").get_data(as_text=True)
    with app.app_context():
        from headstart.forum.models import ForumCategory

        # Closed behind the index's back (as in the seconds before it follows, or while a
        # rebuild holds its lock): the index still calls the post public.
        db.session.execute(update(ForumCategory).where(ForumCategory.id == category)
                           .values(access="members"))
        db.session.commit()
    page = visitor.get("/search?q=xylophone").get_data(as_text=True)
    assert "lessons for newcomers" not in page
    body = visitor.get("/api/v1/search?q=xylophone").get_json()
    assert body["results"] == []
    member = login_as("practitioner").get("/search?q=xylophone").get_data(as_text=True)
    assert "lessons for newcomers" in member
