"""Members propose events, coordinators approve them; wrong values get clear messages."""

import pytest
from sqlalchemy import select

from headstart.events.models import Event
from headstart.extensions import db
from tests.helpers import post_form


def _events(app):
    with app.app_context():
        return list(db.session.scalars(select(Event)))


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"ends": "2026-10-24T13:00"}, "ends", "The event must end after it starts."),
    ({"timezone": "Europe/Atlantis"}, "timezone", "is not a time zone we know"),
    ({"timezone": "../../etc/passwd"}, "timezone", "is not a time zone we know"),
    ({"online_url": "javascript:alert(1)"}, "online_url", "Give a full web address"),
    ({"online_url": "ftp://files.example.org/"}, "online_url", "Give a full web address"),
    ({"place": "", "online_url": ""}, "place", "Give a place, an online link, or both."),
    ({"starts": "2026-03-29T02:30", "ends": "2026-03-29T05:00"}, "starts",
     "This time does not exist in Europe/Prague"),
    ({"starts": "tomorrow"}, "starts", "Not a valid datetime value"),
    ({"corridors": "Moldova to Italy"}, "corridors", "is not a corridor"),
])
def test_wrong_values_are_shown_next_to_the_field_and_nothing_is_saved(
        app, login_as, event_form, changes, field, message):
    client = login_as("practitioner")
    response = post_form(client, "/events/new", {**event_form, **changes})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    error = page.split(f'id="{field}-error"', 1)
    assert len(error) == 2, f"no error next to {field}"
    assert message in error[1].split("</p>", 1)[0]
    # What was typed is kept.
    assert 'value="Recognition of diplomas: advice afternoon"' in page
    assert _events(app) == []


def test_member_proposes_and_only_they_and_coordinators_see_it_before_approval(
        app, login_as, make_user, event_form, outbox):
    proposer = make_user("practitioner")
    reviewer = make_user("coordinator")
    client = login_as(user=proposer)
    response = post_form(client, "/events/new", event_form)
    assert response.status_code == 302
    [event] = _events(app)
    assert event.status == "proposed"
    assert client.get(f"/events/{event.id}").status_code == 200
    assert login_as(None).get(f"/events/{event.id}").status_code == 404
    assert login_as("practitioner").get(f"/events/{event.id}").status_code == 404
    assert login_as(None).get(f"/events/{event.id}.ics").status_code == 404
    assert "Recognition of diplomas" not in login_as(None).get(
        "/events/?when=all").get_data(as_text=True)

    # Coordinators are told (in the portal and by mail); the proposer is not.
    assert "Recognition of diplomas" in outbox.last(reviewer.email)["Subject"]
    assert outbox.messages(proposer.email) == []
    coordinator = login_as(user=reviewer)
    assert "Recognition of diplomas" in coordinator.get("/notifications/").get_data(
        as_text=True)
    assert "Recognition of diplomas" in coordinator.get("/events/").get_data(as_text=True)
    # A member cannot approve, not even their own event.
    assert post_form(client, f"/events/{event.id}/approve").status_code == 403
    assert post_form(login_as("practitioner"), f"/events/{event.id}/approve"
                     ).status_code == 403
    assert post_form(coordinator, f"/events/{event.id}/approve").status_code == 302
    assert login_as(None).get(f"/events/{event.id}").status_code == 200
    assert "Recognition of diplomas" in login_as(None).get(
        "/events/?when=all").get_data(as_text=True)
    # Once approved, the proposer no longer changes it alone.
    assert client.get(f"/events/{event.id}/edit").status_code == 403


def test_coordinator_declines_and_the_event_leaves_the_public_calendar(app, login_as,
                                                                      make_event):
    event = make_event("approved")
    coordinator = login_as("coordinator")
    assert post_form(coordinator, f"/events/{event.id}/decline").status_code == 302
    assert login_as(None).get(f"/events/{event.id}").status_code == 404
    assert "Orientation day" not in login_as(None).get("/events/calendar.ics").get_data(
        as_text=True)


def test_coordinators_events_are_published_at_once(app, login_as, event_form):
    response = post_form(login_as("coordinator"), "/events/new", event_form)
    assert response.status_code == 302
    [event] = _events(app)
    assert event.status == "approved"


def test_proposer_edits_while_waiting_and_the_values_come_back_in_the_form(
        app, login_as, make_user, make_event, event_form):
    proposer = make_user("practitioner")
    event = make_event("proposed", proposer=proposer)
    client = login_as(user=proposer)
    page = client.get(f"/events/{event.id}/edit").get_data(as_text=True)
    assert 'value="2026-10-24T10:00"' in page  # the wall-clock time in the event's zone
    assert 'value="Europe/Prague"' in page
    response = post_form(client, f"/events/{event.id}/edit",
                         {**event_form, "title": "Orientation day (moved)"})
    assert response.status_code == 302
    assert _events(app)[0].title == "Orientation day (moved)"


def test_materials_are_uploaded_and_downloaded_by_those_who_may_see_the_event(
        app, login_as, make_user, event_form):
    from io import BytesIO

    proposer = make_user("practitioner")
    client = login_as(user=proposer)
    data = {**event_form, "attachments": (BytesIO(b"%PDF-1.4\n%%EOF\n"), "programme.pdf")}
    response = post_form(client, "/events/new", data, content_type="multipart/form-data")
    assert response.status_code == 302
    [event] = _events(app)
    with app.app_context():
        attachment = db.session.get(Event, event.id).attachments[0]
    url = f"/events/{event.id}/materials/{attachment.id}/programme.pdf"
    download = client.get(url)
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment")
    download.close()
    assert login_as(None).get(url).status_code == 404  # not approved yet

    rejected = post_form(client, "/events/new", {
        **event_form, "attachments": (BytesIO(b"<script>alert(1)</script>"), "x.pdf")},
        content_type="multipart/form-data")
    assert rejected.status_code == 422
    assert "not accepted" in rejected.get_data(as_text=True)


def test_a_member_names_only_their_own_organisation_as_organiser(app, login_as, make_user,
                                                                 make_org, event_form):
    member = make_user("practitioner")
    mine = make_org("My centre", members=[member])
    other = make_org("Someone else's centre")
    client = login_as(user=member)
    refused = post_form(client, "/events/new", {**event_form, "organisation_id": str(other.id)})
    assert refused.status_code == 422
    assert _events(app) == []
    accepted = post_form(client, "/events/new", {**event_form, "organisation_id": str(mine.id)})
    assert accepted.status_code == 302
    assert _events(app)[0].organisation_id == mine.id


def test_the_service_itself_refuses_an_organiser_the_member_does_not_belong_to(
        app, make_user, make_org, make_event):
    """Not only the form's choices: a caller of the service gets the same refusal."""
    from headstart.events.services import InvalidEvent

    member = make_user("practitioner")
    other = make_org("Someone else's centre")
    with pytest.raises(InvalidEvent) as refused:
        make_event(proposer=member, organisation_id=other.id)
    assert set(refused.value.problems) == {"organisation_id"}
    assert _events(app) == []
    mine = make_org("My centre", members=[member])
    assert make_event(proposer=member, organisation_id=mine.id).organisation_id == mine.id
