"""In a real browser: a member of a Moldovan provider finds an Italian counterpart with the
finder, proposes a link, and a member of that counterpart accepts it from the notice; the
directory pages pass axe and the corridor matrix lays out right-to-left in Arabic on a
phone."""

import re

import pytest
from playwright.sync_api import expect

from headstart.extensions import db
from tests.browser.test_journey import AXE, assert_accessible
from tests.browser.test_practices import PASSWORD, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corridor(live_server):
    """A Moldovan provider and an Italian counterpart with one member each (once). Their
    services leave out language courses: the search tests count what "language" finds in
    the same portal."""
    from headstart.accounts import services as accounts
    from headstart.directory.models import Membership, Organisation
    from headstart.directory.services import set_terms

    with live_server.app.app_context():
        people = {}
        for email, name, organisation_name, side, country, services in (
                ("ion@moldova.example.org", "Ion", "Care Preparation Centre Bălți", "origin",
                 "MD", ["labour_market_information", "vocational_training"]),
                ("giulia@italy.example.org", "Giulia", "Accoglienza Torino", "destination",
                 "IT", ["job_matching", "housing_information"])):
            user = accounts.create_user(email, PASSWORD, display_name=name, confirmed=True)
            organisation = Organisation(name=organisation_name, kind="ngo", side=side,
                                        country=country, city="")
            db.session.add(organisation)
            set_terms(organisation, services=services, languages=["ro", "it"],
                      corridors=["MD-IT"])
            db.session.flush()
            db.session.add(Membership(user_id=user.id, organisation_id=organisation.id,
                                      status="active"))
            people[email] = organisation.id
        db.session.commit()
    return people


def test_find_a_counterpart_propose_and_accept(browser, live_server, corridor):
    moldova = browser.new_context(base_url=live_server.base_url, locale="en-GB")
    italy = browser.new_context(base_url=live_server.base_url, locale="en-GB")
    try:
        page = moldova.new_page()
        sign_in(page, "ion@moldova.example.org")
        page.goto("/directory/counterparts")
        assert_accessible(page)
        card = page.locator(".suggestions .card").filter(has_text="Accoglienza Torino")
        expect(card).to_contain_text("Serves the same corridor: Moldova → Italy.")
        card.get_by_role("link", name="Propose a link").click()
        corridor_chosen = page.get_by_role("group", name="Corridor the link covers")
        assert corridor_chosen.get_by_label("Country of origin").input_value() == "MD"
        assert corridor_chosen.get_by_label("Destination country").input_value() == "IT"
        # The services that made the match come ticked (not the unrelated one).
        assert page.get_by_label("Job matching and recruitment").is_checked()
        assert not page.get_by_label("Housing information").is_checked()
        assert_accessible(page)
        page.get_by_label("Vocational training").check()
        page.get_by_label("Note to the other organisation").fill(
            "Our trainees could find work through you.")
        page.get_by_role("button", name="Send the proposal").click()
        expect(page.locator(".flash")).to_contain_text("Your proposal was sent")
        assert_accessible(page)

        other = italy.new_page()
        sign_in(other, "giulia@italy.example.org")
        other.goto("/notifications/")
        other.get_by_role("button", name="Care Preparation Centre Bălți proposes a link"
                          ).click()
        expect(other.locator("main")).to_contain_text("Proposed, waiting for an answer")
        other.get_by_label("Note (kept in the history)").fill("Welcome, let us start in May.")
        other.get_by_role("button", name="Accept the link").click()
        expect(other.locator(".flash")).to_contain_text("The link is accepted")
        expect(other.locator(".history")).to_contain_text("Welcome, let us start in May.")

        # Anyone now sees the partnership on the Moldovan profile.
        visitor = browser.new_page(base_url=live_server.base_url)
        visitor.goto(f"/directory/{corridor['ion@moldova.example.org']}")
        links = visitor.locator("section[aria-labelledby=links-heading]").inner_text()
        assert "Accoglienza Torino" in links
        assert "Moldova → Italy" in links
        assert_accessible(visitor)
        visitor.goto("/directory/?corridor=MD-IT")
        assert_accessible(visitor)
        visitor.close()
    finally:
        moldova.close()
        italy.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_corridor_matrix_on_a_phone(browser, live_server, corridor, lang):
    context = browser.new_context(base_url=live_server.base_url,
                                  viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(f"/?lang={lang}")
        page.goto("/directory/corridors")
        assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar"
                                                                 else "ltr")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert page.locator("svg a").count() >= 1
        assert page.locator("#matrix-table td").count() >= 1
        assert_accessible(page)
        # Each corridor is one keyboard stop (the table's link; the picture's are for the
        # mouse), and a link's accessible name starts with the numbers it shows.
        assert page.locator("svg a:not([tabindex='-1'])").count() == 0
        links = page.locator("#matrix-table td a")
        assert links.count() >= 1
        for index in range(links.count()):
            link = links.nth(index)
            shown = link.evaluate("e => e.firstChild.textContent").strip()  # the visible part
            name = link.evaluate("e => e.textContent").strip()
            assert re.fullmatch(r"\d+ · \d+", shown), shown
            assert name.startswith(shown), (shown, name)
        results = AXE.run(page, options={"runOnly": ["label-content-name-mismatch"]})
        assert results.response["violations"] == []
    finally:
        context.close()
