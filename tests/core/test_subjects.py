"""The subject registry that lets forum topics point at practices (and later handbook
sections and events) without the features importing each other."""

from headstart.core import subjects


def test_published_practice_resolves_as_public_subject(app, make_user):
    from headstart.extensions import db
    from headstart.practices.models import Practice

    author = make_user()
    with app.app_context(), app.test_request_context():
        practice = Practice(title="Path to Progress", language="en", status="published",
                            author_id=author.id)
        draft = Practice(title="Unfinished", language="en", status="draft",
                         author_id=author.id)
        db.session.add_all([practice, draft])
        db.session.commit()
        found = subjects.resolve("practice", practice.id)
        hidden = subjects.resolve("practice", draft.id)
        missing = subjects.resolve("practice", 999_999)
        unknown = subjects.resolve("no-such-kind", practice.id)
    assert found.title == "Path to Progress"
    assert found.url == f"/practices/{practice.id}"
    assert found.public is True
    assert hidden.public is False
    assert missing is None
    assert unknown is None


def test_practice_page_shows_discuss_once_a_forum_provides_it(app, client, make_user,
                                                               monkeypatch):
    from headstart.extensions import db
    from headstart.practices.models import Practice

    author = make_user()
    with app.app_context():
        practice = Practice(title="Path to Progress", language="en", status="published",
                            author_id=author.id)
        db.session.add(practice)
        db.session.commit()
        practice_id = practice.id
    monkeypatch.setattr(subjects, "_discussion_provider", None)  # no forum installed
    page = client.get(f"/practices/{practice_id}").get_data(as_text=True)
    assert 'class="discuss' not in page

    monkeypatch.setattr(subjects, "_discussion_provider",
                        lambda kind, sid: subjects.Discussion(url="/forum/t/7", reply_count=3,
                                                              exists=True))
    page = client.get(f"/practices/{practice_id}").get_data(as_text=True)
    assert 'href="/forum/t/7"' in page
    assert "3 replies" in page
