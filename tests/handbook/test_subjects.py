"""Handbook sections as forum subjects, and the "Discuss" link on section pages."""

from __future__ import annotations

from headstart.core import subjects


def test_section_is_a_public_subject_once_published(app, handbook, publish):
    section_id = handbook["referral"]
    with app.test_request_context():
        draft = subjects.resolve("handbook_section", section_id)
    assert draft.title == "Referral"
    assert draft.public is False
    publish()
    with app.test_request_context():
        found = subjects.resolve("handbook_section", section_id)
        missing = subjects.resolve("handbook_section", 999_999)
    assert found.public is True
    assert found.url == f"/handbook/sections/{section_id}"
    assert missing is None


def test_section_page_shows_discuss_once_a_forum_provides_it(client, handbook, publish,
                                                              monkeypatch):
    publish()
    monkeypatch.setattr(subjects, "_discussion_provider", None)  # no forum installed
    page = client.get("/handbook/editions/1/referral").text
    assert 'class="discuss' not in page
    asked = []

    def provider(kind, subject_id):
        asked.append((kind, subject_id))
        return subjects.Discussion(url="/forum/t/9", reply_count=0, exists=False)

    monkeypatch.setattr(subjects, "_discussion_provider", provider)
    page = client.get("/handbook/editions/1/referral").text
    assert 'href="/forum/t/9"' in page
    assert asked == [("handbook_section", handbook["referral"])]


def test_with_the_forum_a_section_offers_to_start_its_discussion(client, handbook, publish):
    publish()
    page = client.get("/handbook/editions/1/referral").text
    assert f'href="/forum/discuss/handbook_section/{handbook["referral"]}"' in page
    assert "No discussion yet" in page


def test_draft_title_never_reaches_visitors_or_practitioners(app, login_as, handbook, publish,
                                                            edit, make_user, monkeypatch):
    """Outside review, finding 6: a draft revision saved after publishing must not lend
    its (secret) title to the discuss page, the new-topic form or the topic's "About"."""
    from headstart.accounts.models import User
    from headstart.extensions import db
    from headstart.forum import services as forum
    from headstart.forum.models import ForumCategory

    section_id = handbook["referral"]
    publish()
    edit(section_id, "Not ready yet.", title="Secret merger plan")
    discuss = f"/forum/discuss/handbook_section/{section_id}"
    visitor, member = login_as(None), login_as("practitioner")
    for reader in (visitor, member):
        page = reader.get(discuss)
        assert page.status_code == 200
        assert "Secret merger plan" not in page.text
    form = member.get(discuss).text
    assert 'value="Referral"' in form  # the published title is suggested
    monkeypatch.setitem(app.config, "FORUM_HOLD_FIRST_POSTS", 0)
    writer = make_user()
    with app.test_request_context():
        category = ForumCategory(name="Handbook", access="public", grouping="theme")
        db.session.add(category)
        db.session.flush()
        author = db.session.get(User, writer.id)
        post = forum.create_topic(category, "About referral", "Questions",
                                  actor=author,
                                  subject=subjects.resolve("handbook_section", section_id))
        db.session.commit()
        topic_id = post.topic_id
    for reader in (visitor, member):
        page = reader.get(f"/forum/t/{topic_id}").text
        assert f'href="/handbook/sections/{section_id}"' in page
        assert "Referral" in page
        assert "Secret merger plan" not in page


def test_never_published_section_is_not_a_subject_for_non_coordinators(login_as, handbook):
    discuss = f"/forum/discuss/handbook_section/{handbook['referral']}"
    assert login_as(None).get(discuss).status_code == 404
    assert login_as("practitioner").get(discuss).status_code == 404
    assert login_as("coordinator").get(discuss).status_code == 200
