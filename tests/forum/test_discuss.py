"""Topics attached to subjects of other areas (a practice here): the subject's page shows
"Discuss" with the reply count, and /forum/discuss/<kind>/<id> leads to the topic or
starts one."""

from __future__ import annotations

from headstart.extensions import db
from tests.helpers import csrf_token


def test_member_starts_the_discussion_of_a_practice(app, login_as, make_practice,
                                                     make_category):
    from headstart.forum.models import ForumTopic

    practice = make_practice("published", title="Path to Progress")
    category = make_category("Practices")
    member = login_as("practitioner")
    page = member.get(f"/practices/{practice.id}").get_data(as_text=True)
    assert "No discussion yet" in page
    form = member.get(f"/forum/discuss/practice/{practice.id}")
    text = form.get_data(as_text=True)
    assert form.status_code == 200
    assert 'value="Path to Progress"' in text  # the title is suggested
    response = member.post(f"/forum/discuss/practice/{practice.id}", data={
        "csrf_token": csrf_token(member, f"/forum/discuss/practice/{practice.id}"),
        "category_id": category, "title": "Path to Progress", "body": "How did you start?",
        "submit": "Post"})
    assert response.status_code == 302
    with app.app_context():
        topic = db.session.query(ForumTopic).one()
        assert (topic.subject_kind, topic.subject_id) == ("practice", practice.id)
    # The discuss address now leads to the topic, which links back to the practice.
    again = member.get(f"/forum/discuss/practice/{practice.id}")
    assert again.headers["Location"].endswith(f"/forum/t/{topic.id}")
    topic_page = member.get(f"/forum/t/{topic.id}").get_data(as_text=True)
    assert f'href="/practices/{practice.id}"' in topic_page


def test_practice_page_shows_the_reply_count(app, login_as, make_user, make_practice,
                                             make_category, make_topic, add_reply):
    from headstart.core import subjects

    practice = make_practice("published", title="Path to Progress")
    with app.test_request_context():
        subject = subjects.resolve("practice", practice.id)
    topic, _ = make_topic(make_category(), make_user(), subject=subject)
    for n in range(2):
        add_reply(topic, make_user(), f"Reply {n}")
    page = login_as(None).get(f"/practices/{practice.id}").get_data(as_text=True)
    assert f'href="/forum/t/{topic}"' in page
    assert "2 replies" in page


def test_visitor_is_asked_to_sign_in_and_cannot_post(app, login_as, make_practice,
                                                     make_category):
    practice = make_practice("published")
    visitor = login_as(None)
    page = visitor.get(f"/forum/discuss/practice/{practice.id}").get_data(as_text=True)
    assert "Nobody has started a discussion of this page yet" in page
    assert "/auth/login" in page


def test_unpublished_or_unknown_subjects_are_404(app, login_as, make_practice):
    draft = make_practice("draft")
    member = login_as("practitioner")
    assert member.get(f"/forum/discuss/practice/{draft.id}").status_code == 404
    assert member.get("/forum/discuss/handbook_section/1").status_code == 404
    assert member.get("/forum/discuss/practice/999999").status_code == 404


def test_a_second_topic_for_the_same_subject_is_refused(app, make_user, make_practice,
                                                        make_category, make_topic):
    import pytest

    from headstart.core import subjects
    from headstart.core.errors import Conflict

    practice = make_practice("published")
    category = make_category()
    with app.test_request_context():
        subject = subjects.resolve("practice", practice.id)
    make_topic(category, make_user(), subject=subject)
    with pytest.raises(Conflict):
        make_topic(category, make_user(), subject=subject)
