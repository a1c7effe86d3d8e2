"""Form bodies with absurd numbers of fields (outside review, December 2026, finding 2):
refused with 413 before they are parsed; the largest real form still goes through."""

from __future__ import annotations

from headstart.core.i18n import country_choices
from headstart.extensions import db
from headstart.practices.models import Practice
from tests.helpers import csrf_token


def test_a_body_of_100k_empty_fields_gets_413_with_a_clear_message(client):
    body = "&" * 100_000
    response = client.post("/auth/login", data=body,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "more fields or text than any form of this portal holds" in page
    assert "attach smaller files" not in page


def test_too_many_multipart_fields_get_413(client):
    data = {f"f{i}": "" for i in range(3000)}
    response = client.post("/auth/login", data=data, content_type="multipart/form-data")
    assert response.status_code == 413


def test_an_api_client_gets_the_413_as_json(client):
    response = client.post("/api/v1/practices", data="a=&" * 5000,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == 413


def test_a_practice_with_every_country_in_all_three_lists_is_saved(
        app, login_as, practice_form):
    client = login_as("practitioner")
    with app.test_request_context("/"):
        every = [code for code, _name in country_choices()]
    assert len(every) >= 240
    data = dict(practice_form, implementation_countries=every, origin_countries=every,
                destination_countries=every, action="save",
                csrf_token=csrf_token(client, "/practices/new"))
    response = client.post("/practices/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    with app.app_context():
        practice = db.session.scalars(db.select(Practice)).one()
        assert len(practice.country_codes("destination")) == len(every)
