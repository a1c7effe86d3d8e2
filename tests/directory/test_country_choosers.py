"""Country choosers and corridor selects as people use them: the network's countries first,
ticked countries stored and kept when the form has an error, corridors chosen (never
typed) and stored as ``MD-IT`` as before, filters offering only countries with
organisations, each with its count."""

import re

import pytest

from headstart.directory.models import Link, Organisation
from headstart.extensions import db
from headstart.practices.models import Practice
from tests.directory.test_directory_pages import ORG_FORM
from tests.forms_html import FormPage
from tests.helpers import post_form


@pytest.fixture
def network(make_org, make_user):
    """Organisations in Moldova (2), Italy and Czechia, and a member of the Moldovan one."""
    member = make_user(name="Ion")
    return {
        "member": member,
        "chisinau": make_org("Migrant Centre Chișinău", country="MD", members=[member],
                             corridors=["MD-IT"]),
        "balti": make_org("Info Point Bălți", country="MD"),
        "turin": make_org("Integration Desk Turin", side="destination", country="IT",
                          corridors=["MD-IT"]),
        "prague": make_org("Integration Centre Prague", side="destination", country="CZ"),
    }


def practice_page(client, url="/practices/new"):
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_practice_form_offers_the_networks_countries_first(client, login_as, network):
    body = practice_page(login_as("practitioner"))
    page = FormPage(body)
    for name in ("implementation_countries", "origin_countries", "destination_countries"):
        network_boxes = [b.value for b in page.boxes if b.name == name
                         and b.group == "network"]
        assert network_boxes == ["CZ", "IT", "MD"]  # Czechia, Italy, Moldova by name
        assert page.group_of(name, "FR") == "rest"
        assert not page.ticked(name)
    # The three choosers are checkbox lists in a fieldset named by its legend, not
    # multi-selects that need Ctrl-click.
    assert 'select multiple id="origin_countries"' not in body
    assert re.search(r'<fieldset class="country-chooser" id="origin_countries"[^>]*>\s*'
                     r'<legend>Countries of origin \(corridor\)</legend>', body)
    assert "js/country-chooser.js" in body


def test_country_names_are_in_the_readers_language_and_sorted_for_it(client, login_as,
                                                                      network):
    viewer = login_as("practitioner")
    viewer.set_cookie("headstart_lang", "cs")
    page = FormPage(practice_page(viewer))
    names = re.findall(r'value="(CZ|IT|MD)"> <span>([^<]+)</span>',
                       practice_page(viewer))[:3]
    assert [name for _code, name in names] == ["Česko", "Itálie", "Moldavsko"]
    assert [b.value for b in page.boxes if b.name == "origin_countries"
            and b.group == "network"] == ["CZ", "IT", "MD"]


def test_ticked_countries_are_stored(app, login_as, practice_form, network):
    client = login_as("practitioner")
    data = dict(practice_form, action="save", implementation_countries=["MD", "IT"],
                origin_countries=["MD", "UA"], destination_countries=["IT", "CZ"])
    response = post_form(client, "/practices/new", data, page="/practices/new")
    assert response.status_code == 302
    with app.app_context():
        practice = db.session.scalars(db.select(Practice)).one()
        assert sorted(practice.country_codes("implementation")) == ["IT", "MD"]
        assert sorted(practice.country_codes("origin")) == ["MD", "UA"]
        assert sorted(practice.country_codes("destination")) == ["CZ", "IT"]
        practice_id = practice.id
    # Editing shows them ticked, first, with Ukraine (now a practice country) in the network.
    page = FormPage(practice_page(client, f"/practices/{practice_id}/edit"))
    assert page.ticked("origin_countries") == ["MD", "UA"]
    assert {page.group_of("origin_countries", c) for c in ("MD", "UA")} == {"chosen"}
    assert page.group_of("destination_countries", "UA") == "network"


def test_a_form_error_keeps_the_ticked_countries(app, login_as, practice_form, network):
    client = login_as("practitioner")
    data = dict(practice_form, action="save", title="x" * 400,
                origin_countries=["MD", "AF"], destination_countries=["IT"])
    response = post_form(client, "/practices/new", data, page="/practices/new")
    assert response.status_code == 422
    page = FormPage(response.get_data(as_text=True))
    assert page.ticked("origin_countries") == ["AF", "MD"]  # Afghanistan, Moldova
    assert page.group_of("origin_countries", "AF") == "chosen"  # not hidden in "all"
    assert page.ticked("destination_countries") == ["IT"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Practice.id))) == 0


def test_an_unknown_country_code_is_refused_with_a_message(app, login_as, practice_form):
    client = login_as("practitioner")
    data = dict(practice_form, action="save", origin_countries=["MD", "QQ"])
    response = post_form(client, "/practices/new", data, page="/practices/new")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(r'id="origin_countries-error">Choose countries from the list\.</p>',
                     body)
    assert "Care workers arrive **unprepared**" in body  # nothing typed is lost
    assert FormPage(body).ticked("origin_countries") == ["MD"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Practice.id))) == 0


def test_the_call_form_uses_the_chooser(login_as, network):
    body = login_as("coordinator").get("/practices/calls/new").get_data(as_text=True)
    page = FormPage(body)
    assert [b.value for b in page.boxes if b.name == "destination_countries"
            and b.group == "network"] == ["CZ", "IT", "MD"]


# --- corridors -----------------------------------------------------------------------


def corridor_rows(data: dict, pairs, name="corridors") -> dict:
    data = {k: v for k, v in data.items() if k != name}
    data[f"{name}-origin"] = [origin for origin, _d in pairs]
    data[f"{name}-destination"] = [destination for _o, destination in pairs]
    return data


def test_corridors_served_are_chosen_from_selects_and_stored_as_before(app, login_as,
                                                                       network):
    client = login_as("practitioner")
    body = client.get("/directory/new").get_data(as_text=True)
    page = FormPage(body)
    assert page.values("corridors-origin") == ["", "", ""]  # a few empty rows
    assert 'name="corridors"' not in body  # no box to type codes in
    first = page.select("corridors-1-origin")
    assert first.options[0] == ("", "")
    assert [v for v, group in first.options if group == "Countries in the network"] == [
        "CZ", "IT", "MD"]
    assert ("FR", "All other countries") in first.options
    data = corridor_rows(ORG_FORM, [("MK", "DE"), ("", ""), ("MK", "AT")])
    response = post_form(client, "/directory/new", data, page="/directory/new")
    assert response.status_code == 302
    with app.app_context():
        organisation = db.session.scalars(db.select(Organisation).where(
            Organisation.name == ORG_FORM["name"])).one()
        assert organisation.corridors == ["MK-DE", "MK-AT"]
        organisation_id = organisation.id
    edit = FormPage(client.get(f"/directory/{organisation_id}/edit").get_data(as_text=True))
    assert edit.values("corridors-origin") == ["MK", "MK", "", "", ""]
    assert edit.values("corridors-destination") == ["DE", "AT", "", "", ""]
    # The API shows them as before.
    api = client.get(f"/api/v1/organisations/{organisation_id}").get_json()
    assert "MK-DE" in str(api)


@pytest.mark.parametrize(("pairs", "message"), [
    ([("MK", "DE"), ("MK", "")], "Choose both countries of each corridor"),
    ([("MK", "DE"), ("MK", "MK")], "A corridor joins two different countries"),
    ([("MK", "DE"), ("MK", "QQ")], "Choose countries from the list."),
    ([("MK", "DE"), ("MK", "DEX")], "Choose countries from the list."),
])
def test_a_wrong_corridor_row_is_explained_and_nothing_is_lost(app, login_as, pairs,
                                                                message):
    client = login_as("practitioner")
    data = corridor_rows(ORG_FORM, pairs)
    response = post_form(client, "/directory/new", data, page="/directory/new")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(r'id="corridors-error">[^<]*' + re.escape(message), body)
    page = FormPage(body)
    assert page.values("corridors-origin")[:2] == ["MK", "MK"]
    assert page.values("corridors-destination")[0] == "DE"
    assert 'value="job_matching" checked' in body
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Organisation.id))) == 0


def test_a_link_proposal_takes_its_corridor_from_two_selects(app, login_as, network):
    ion = login_as(user=network["member"])
    turin, chisinau = network["turin"], network["chisinau"]
    form = ion.get(f"/directory/{turin.id}/link?corridor=MD-IT").get_data(as_text=True)
    page = FormPage(form)
    assert page.values("corridor-origin") == ["MD"]  # a finder suggestion comes chosen
    assert page.values("corridor-destination") == ["IT"]
    data = {"organisation": str(chisinau.id), "corridor-origin": "MD",
            "corridor-destination": "IT", "services": ["language_training"], "note": ""}
    response = post_form(ion, f"/directory/{turin.id}/link", data,
                         page=f"/directory/{turin.id}/link")
    assert response.status_code == 302
    with app.app_context():
        link = db.session.scalars(db.select(Link)).one()
        assert (link.origin, link.destination) == ("MD", "IT")


def test_a_link_proposal_without_a_corridor_is_refused_with_a_message(app, login_as,
                                                                       network):
    ion = login_as(user=network["member"])
    turin, chisinau = network["turin"], network["chisinau"]
    data = {"organisation": str(chisinau.id), "corridor-origin": "",
            "corridor-destination": "", "note": "Hello"}
    response = post_form(ion, f"/directory/{turin.id}/link", data,
                         page=f"/directory/{turin.id}/link")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Choose the corridor the link covers: two different countries." in body
    assert re.search(r">\s*Hello</textarea>", body)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Link.id))) == 0


# --- filters ---------------------------------------------------------------------------


def options(body: str, select_id: str) -> list[tuple[str, str]]:
    block = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', body, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', block)


def test_directory_filters_offer_only_countries_with_organisations_and_their_counts(
        client, network):
    body = client.get("/directory/").get_data(as_text=True)
    assert options(body, "filter-country") == [
        ("", "All countries"), ("CZ", "Czechia (1)"), ("IT", "Italy (1)"),
        ("MD", "Moldova (2)")]
    assert [code for code, _l in options(body, "filter-corridor-origin")] == [
        "", "CZ", "IT", "MD"]
    # A valid code in the address still filters, and is shown chosen.
    body = client.get("/directory/?country=FR").get_data(as_text=True)
    assert ("FR", "France (0)") in options(body, "filter-country")
    assert '<option value="FR" selected>' in body
    assert "0 organisations" in body


def test_the_corridor_filter_is_chosen_from_two_selects(client, network):
    body = client.get("/directory/?corridor-origin=MD&corridor-destination=IT").get_data(
        as_text=True)
    assert "Organisations serving the corridor Moldova → Italy" in body
    assert re.findall(r'<h2><a href="/directory/\d+[^"]*">([^<]+)</a>', body) == [
        "Integration Desk Turin", "Migrant Centre Chișinău"]
    assert 'href="/directory/export/hsds.json?corridor=MD-IT"' in body


def test_the_finder_offers_only_countries_with_organisations(client, network):
    body = client.get("/directory/counterparts").get_data(as_text=True)
    assert options(body, "finder-origin") == [
        ("", "Choose a country"), ("CZ", "Czechia (1)"), ("IT", "Italy (1)"),
        ("MD", "Moldova (2)")]
    body = client.get("/directory/counterparts?origin=UA&destination=IT").get_data(
        as_text=True)
    assert '<option value="UA" selected>Ukraine (0)</option>' in body


def test_a_finder_error_keeps_the_country_that_was_chosen(client, network):
    response = client.get("/directory/counterparts?origin=UA&destination=")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Choose two different countries" in body
    assert '<option value="UA" selected>Ukraine (0)</option>' in body
    assert not re.search(r'id="finder-destination".*?selected', body, re.S)
