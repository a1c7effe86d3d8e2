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
