"""The event form's corridors: chosen as origin and destination countries, stored as
``UA-CZ`` as before, shown chosen when the event is edited."""

import re

from sqlalchemy import select

from headstart.events.models import Event
from headstart.extensions import db
from tests.forms_html import FormPage
from tests.helpers import post_form


def with_rows(event_form, pairs):
    data = {k: v for k, v in event_form.items() if k != "corridors"}
    data["corridors-origin"] = [origin for origin, _d in pairs]
    data["corridors-destination"] = [destination for _o, destination in pairs]
    return data


def test_event_corridors_are_chosen_and_shown_again_when_editing(app, login_as,
                                                                 event_form):
    client = login_as("practitioner")
    page = client.get("/events/new").get_data(as_text=True)
    assert 'name="corridors"' not in page
    assert FormPage(page).values("corridors-origin") == ["", "", ""]
    response = post_form(client, "/events/new",
                         with_rows(event_form, [("UA", "CZ"), ("", ""), ("MD", "IT")]))
    assert response.status_code == 302
    with app.app_context():
        event = db.session.scalars(select(Event)).one()
        assert sorted(event.codes("corridor")) == ["MD-IT", "UA-CZ"]
        event_id = event.id
    edit = FormPage(client.get(f"/events/{event_id}/edit").get_data(as_text=True))
    assert sorted(zip(edit.values("corridors-origin")[:2],
                      edit.values("corridors-destination")[:2], strict=True)) == [
        ("MD", "IT"), ("UA", "CZ")]


def test_a_half_chosen_corridor_is_explained_and_nothing_is_saved(app, login_as,
                                                                  event_form):
    client = login_as("practitioner")
    response = post_form(client, "/events/new", with_rows(event_form, [("UA", "")]))
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(r'id="corridors-error">Choose both countries of each corridor', body)
    assert FormPage(body).values("corridors-origin")[0] == "UA"
    assert 'value="Recognition of diplomas: advice afternoon"' in body
    with app.app_context():
        assert db.session.scalars(select(Event)).first() is None
