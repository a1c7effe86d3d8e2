"""In a real browser: a practitioner ticks the practice's countries through the chooser's
filter box (the network's countries first, a ticked one moves up to the chosen) and adds
an organisation whose corridors are chosen from two selects; axe checks the practice and
organisation forms in English and Arabic, and Arabic lays them out right-to-left."""

import pytest
from playwright.sync_api import expect

from headstart.extensions import db
from tests.browser.test_journey import assert_accessible
from tests.browser.test_practices import PASSWORD, sign_in

pytestmark = pytest.mark.browser
EMAIL = "chooser@example.org"


@pytest.fixture(scope="module")
def chooser_member(live_server):
    """A member of a Moldovan centre, and an Italian counterpart (made once)."""
    from headstart.accounts import services
    from headstart.directory.models import Membership, Organisation

    with live_server.app.app_context():
        user = services.create_user(EMAIL, PASSWORD, display_name="Chooser", confirmed=True)
        centre = Organisation(name="Chooser Centre Cahul", kind="ngo", side="origin",
                              country="MD")
        db.session.add_all([centre, Organisation(name="Chooser Desk Bologna", kind="ngo",
                                                 side="destination", country="IT")])
        db.session.flush()
        db.session.add(Membership(user_id=user.id, organisation_id=centre.id,
                                  status="active"))
        db.session.commit()
    return EMAIL


def test_practice_countries_are_ticked_with_the_filter_box(page, live_server,
                                                          chooser_member):
    from headstart.practices.models import Practice

    sign_in(page, chooser_member)
    page.goto("/practices/new")
    implementation = page.get_by_role("group", name="Countries of implementation")
    # The network's countries come first, the others are folded away.
    network = implementation.get_by_role("group", name="Countries in the network")
    expect(network.get_by_label("Moldova", exact=True)).to_be_visible()
    expect(implementation.get_by_label("Ukraine", exact=True)).to_be_hidden()

    implementation.get_by_label("Filter the list of countries").fill("mold")
    expect(implementation.get_by_label("Italy", exact=True)).to_be_hidden()
    implementation.get_by_label("Moldova", exact=True).check()
    chosen = implementation.get_by_role("group", name="Chosen")
    expect(chosen.get_by_label("Moldova", exact=True)).to_be_checked()

    origins = page.get_by_role("group", name="Countries of origin (corridor)")
    origins.get_by_label("Filter the list of countries").fill("ukr")  # not in the network
    # No network country matches: that group (and its heading) gives way to the rest.
    expect(origins.get_by_role("group", name="Countries in the network")).to_be_hidden()
    origins.get_by_label("Ukraine", exact=True).check()  # the folded list opened
    expect(origins.get_by_role("group", name="Chosen").get_by_label("Ukraine")).to_be_checked()
    filter_box = origins.get_by_label("Filter the list of countries")
    filter_box.fill("atlantis")
    expect(origins.locator("[data-chooser-matches]")).to_have_text("No country matches.")
    filter_box.press("Enter")  # filtering never submits the form
    assert page.url.endswith("/practices/new")
    filter_box.fill("")

    destinations = page.get_by_role("group", name="Destination countries (corridor)")
    destinations.get_by_label("Filter the list of countries").fill("ITA")
    destinations.get_by_label("Italy", exact=True).check()

    page.get_by_label("Title", exact=True).fill("Chooser orientation for Ukrainian nurses")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".flashes")).to_contain_text("Your draft was saved")
    with live_server.app.app_context():
        practice = db.session.scalars(db.select(Practice).where(
            Practice.title == "Chooser orientation for Ukrainian nurses")).one()
        assert practice.country_codes("implementation") == ["MD"]
        assert practice.country_codes("origin") == ["UA"]
        assert practice.country_codes("destination") == ["IT"]


def test_corridors_served_are_chosen_from_two_selects(page, live_server, chooser_member):
    from headstart.directory.models import Organisation

    sign_in(page, chooser_member)
    page.goto("/directory/new")
    page.get_by_label("Name", exact=True).fill("Chooser Employment Office Ungheni")
    page.get_by_label("Country", exact=True).select_option("MD")
    corridors = page.get_by_role("group", name="Corridors served")
    first = corridors.get_by_role("group", name="Corridor 1")
    first.get_by_label("Country of origin").select_option(label="Moldova")
    first.get_by_label("Destination country").select_option(label="Italy")
    second = corridors.get_by_role("group", name="Corridor 2")
    second.get_by_label("Country of origin").select_option("MD")
    second.get_by_label("Destination country").select_option("DE")
    page.get_by_role("button", name="Add the organisation").click()
    expect(page.locator(".flashes")).to_contain_text("The organisation was added")
    with live_server.app.app_context():
        organisation = db.session.scalars(db.select(Organisation).where(
            Organisation.name == "Chooser Employment Office Ungheni")).one()
        assert organisation.corridors == ["MD-IT", "MD-DE"]
    page.get_by_role("link", name="Edit the profile").click()
    first = page.get_by_role("group", name="Corridor 1")
    assert first.get_by_label("Country of origin").input_value() == "MD"
    assert first.get_by_label("Destination country").input_value() == "IT"


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("path", ["/practices/new", "/directory/new"])
def test_the_forms_pass_axe_and_follow_the_reading_direction(page, chooser_member, lang,
                                                             path):
    sign_in(page, chooser_member)
    page.goto(f"{path}?lang={lang}")
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar"
                                                             else "ltr")
    assert_accessible(page)
    if path == "/practices/new":
        chooser = page.locator("#origin_countries")
        first_box = chooser.locator("label.checkbox").first
        # In Arabic the box stands to the right of its name, and the grid starts right.
        box, name = first_box.locator("input"), first_box.locator("span")
        box_x, name_x = box.bounding_box()["x"], name.bounding_box()["x"]
        assert (box_x > name_x) if lang == "ar" else (box_x < name_x)
    else:
        row = page.locator(".corridor-row").first
        origin = row.locator("select").nth(0).bounding_box()["x"]
        destination = row.locator("select").nth(1).bounding_box()["x"]
        assert (origin > destination) if lang == "ar" else (origin < destination)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")
