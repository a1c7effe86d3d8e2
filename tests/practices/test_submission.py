"""Submitting practices: drafts, validation messages, nothing lost, review round trip."""

import re

import pytest

from headstart.extensions import db
from headstart.practices.models import Practice, PracticeEvent
from tests.helpers import post_form


def errors(response) -> list[str]:
    return re.findall(r'class="error"[^>]*>([^<]*)', response.get_data(as_text=True))


def submit(client, data, url="/practices/new", action="submit"):
    return post_form(client, url, dict(data, action=action), page="/practices/new")


def test_a_complete_practice_is_submitted_and_waits_for_review(app, login_as, practice_form):
    client = login_as("practitioner")
    response = submit(client, practice_form)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Waiting for review" in page
    assert "<strong>unprepared</strong>" in page  # Markdown rendered
    with app.app_context():
        practice = db.session.scalars(db.select(Practice)).one()
        assert practice.status == "submitted"
        assert practice.codes("theme") == ["employment", "information_orientation"]
        assert practice.country_codes("destination") == ["IT"]
        assert [p.organisation.name for p in practice.partners] == ["Care Network Italy"]


def test_a_draft_can_be_saved_with_only_a_title(app, login_as):
    client = login_as("practitioner")
    response = submit(client, {"title": "Half an idea", "language": "en"}, action="save")
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalars(db.select(Practice)).one().status == "draft"


def test_submitting_an_incomplete_practice_saves_it_and_explains_what_is_missing(
        app, login_as, practice_form):
    client = login_as("practitioner")
    data = dict(practice_form, themes=[], target_groups=[], results="", summary="")
    response = submit(client, data)
    assert response.status_code == 422
    messages = errors(response)
    assert "Choose at least one theme." in messages
    assert "Choose at least one target group." in messages
    assert "This field is required before submitting." in messages
    body = response.get_data(as_text=True)
    assert "Your draft was saved" in body
    assert "Care workers arrive **unprepared**" in body  # what was typed is still there
    with app.app_context():
        practice = db.session.scalars(db.select(Practice)).one()
        assert practice.status == "draft"
    # Completing the form now edits the saved draft instead of creating a second one.
    assert f'action="/practices/{practice.id}/edit"' in body


@pytest.mark.parametrize(("change", "message"), [
    ({"end_date": "2020-01-01"}, "The end date cannot be before the start date."),
    ({"contact_email": "not-an-address"}, "Please enter a valid e-mail address."),
    ({"website": "javascript:alert(1)"}, "Please enter a full web address"),
    ({"start_date": "31/31/2023"}, "Not a valid date value."),
    ({"themes": ["not_a_theme"]}, "Choose from the offered options."),
    ({"phase": "sometime"}, "Choose one of the offered phases."),
    ({"title": "x" * 301}, "Field cannot be longer than 300 characters."),
])
def test_bad_values_get_their_message_a_422_and_keep_the_input(login_as, practice_form,
                                                                change, message):
    client = login_as("practitioner")
    response = submit(client, dict(practice_form, **change))
    assert response.status_code == 422
    assert any(message in text for text in errors(response)), errors(response)
    assert "Care workers arrive **unprepared**" in response.get_data(as_text=True)


def test_review_round_trip_return_resubmit_publish(app, login_as, practice_form):
    author = login_as("practitioner")
    location = submit(author, practice_form).headers["Location"]
    practice_id = int(re.search(r"/practices/(\d+)", location).group(1))
    coordinator = login_as("coordinator")
    assert practice_form["title"] in coordinator.get("/practices/review").get_data(as_text=True)

    refused = post_form(coordinator, f"/practices/{practice_id}/return", {"comment": ""},
                        page="/practices/review", follow_redirects=True)
    assert "Please write comments for the author." in refused.get_data(as_text=True)

    post_form(coordinator, f"/practices/{practice_id}/return",
              {"comment": "Please add how many people took part."}, page="/practices/review")
    page = author.get(location).get_data(as_text=True)
    assert "Please add how many people took part." in page
    assert "Returned for changes" in page

    edited = submit(author, dict(practice_form, results="240 women took part."),
                    url=f"/practices/{practice_id}/edit")
    assert edited.status_code == 302
    post_form(coordinator, f"/practices/{practice_id}/publish", page="/practices/review")
    visitor = login_as(None)
    assert visitor.get(location).status_code == 200
    assert practice_form["title"] in visitor.get("/practices/").get_data(as_text=True)

    with app.app_context():
        actions = [e.action for e in db.session.scalars(
            db.select(PracticeEvent).where(PracticeEvent.practice_id == practice_id)
            .order_by(PracticeEvent.id))]
        edit = db.session.scalars(db.select(PracticeEvent).where(
            PracticeEvent.action == "edited")).one()
    assert actions == ["created", "submit", "return", "edited", "submit", "publish"]
    assert edit.changes["results"][1] == "240 women took part."
    history = coordinator.get(f"/practices/{practice_id}/history").get_data(as_text=True)
    assert "Returned to the author" in history
    assert "Please add how many people took part." in history
    # What changed is named by its form label, old and new value side by side.
    assert "<dt>Results</dt>" in history
    assert "<ins dir=\"auto\">240 women took part.</ins>" in history


def test_saving_without_changes_records_no_edit(app, login_as, make_practice):
    client = login_as("practitioner")
    practice = make_practice("draft", author=client.user)
    with app.app_context():
        from headstart.practices import services
        from headstart.practices.models import Practice as P

        fresh = db.session.get(P, practice.id)
        actor = db.session.get(type(client.user), client.user.id)
        assert services.update_practice(fresh, {"title": fresh.title}, actor=actor) is False


def test_authors_cannot_publish_their_own_practice(login_as, make_practice):
    author = login_as("practitioner")
    practice = make_practice("submitted", author=author.user)
    response = post_form(author, f"/practices/{practice.id}/publish", page="/practices/")
    assert response.status_code == 403


def test_drafts_are_invisible_to_visitors_and_other_members(login_as, make_practice):
    author = login_as("practitioner")
    practice = make_practice("draft", author=author.user, title="Secret draft")
    assert author.get(f"/practices/{practice.id}").status_code == 200
    assert login_as(None).get(f"/practices/{practice.id}").status_code == 404
    assert login_as("practitioner").get(f"/practices/{practice.id}").status_code == 404
    assert "Secret draft" not in login_as(None).get("/practices/").get_data(as_text=True)


def test_contact_details_only_for_members(login_as, make_practice):
    practice = make_practice("published", title="With contact")
    assert "ana@centre.example.org" not in login_as(None).get(
        f"/practices/{practice.id}").get_data(as_text=True)
    assert "ana@centre.example.org" in login_as("practitioner").get(
        f"/practices/{practice.id}").get_data(as_text=True)


def test_markdown_is_sanitised(login_as, make_practice):
    practice = make_practice("published", title="XSS attempt", challenge=(
        "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>"))
    body = login_as(None).get(f"/practices/{practice.id}").get_data(as_text=True)
    assert "<script>alert(1)" not in body
    assert 'href="javascript:' not in body
    assert "<img src=x" not in body
