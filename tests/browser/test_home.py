"""In a real browser, on a 360 px phone, in English and Arabic: the home page of a visitor
(the practice search and the corridor picker work without JavaScript) and of a member
(what waits for them, their corridors); axe finds no violations and nothing overflows
sideways."""

from datetime import UTC, date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from headstart.extensions import db
from tests.browser.test_journey import assert_accessible

pytestmark = pytest.mark.browser
PASSWORD = "a long browser passphrase 19"
MEMBER = "home-member@example.org"


class _Coordinator:
    id = None
    role = "coordinator"
    is_authenticated = True


@pytest.fixture(scope="module")
def home_content(live_server):
    """A Moldovan provider with a member, an Italian counterpart, a published practice, a
    practice returned to the member, an upcoming event and a link proposal (once)."""
    from headstart.accounts import services as accounts
    from headstart.directory.models import Link, Membership, Organisation
    from headstart.directory.services import set_terms
    from headstart.events import services as events
    from headstart.practices import services as practices
    from tests.conftest import COMPLETE

    with live_server.app.app_context(), live_server.app.test_request_context("/"):
        user = accounts.create_user(MEMBER, PASSWORD, display_name="Home Member",
                                    confirmed=True)
        made = {}
        for name, side, country in (("Home Centre Orhei", "origin", "MD"),
                                    ("Home Accoglienza Genova", "destination", "IT"),
                                    ("Home Benvenuti Napoli", "both", "IT")):
            organisation = Organisation(name=name, kind="ngo", side=side, country=country)
            db.session.add(organisation)
            set_terms(organisation, services=["language_training"], languages=["ro", "it"],
                      corridors=["MD-IT"])
            db.session.flush()
            made[side] = organisation
        db.session.add(Membership(user_id=user.id, organisation_id=made["origin"].id,
                                  status="active"))
        db.session.add(Link(proposer_id=made["destination"].id, partner_id=made["origin"].id,
                            origin="MD", destination="IT", services=[], status="proposed"))
        for title, action in (("Home orientation for carers", "publish"),
                              ("Home returned course", "return")):
            values = dict(COMPLETE, title=title, lead_organisation_id=made["origin"].id,
                          start_date=date(2023, 3, 1), end_date=date(2024, 6, 30))
            practice = practices.create_practice(values, actor=user)
            practices.transition(practice, "submit", actor=user)
            practices.transition(practice, action, actor=_Coordinator(),
                                 comment="Please add the number of participants.")
        start = (datetime.now(UTC) + timedelta(days=9)).replace(tzinfo=None, hour=10,
                                                                minute=0, second=0,
                                                                microsecond=0)
        events.propose_event({
            "title": "Home webinar on contracts", "description": "Contracts in Italy.",
            "starts": start, "ends": start + timedelta(hours=2), "timezone": "Europe/Rome",
            "place": "", "online_url": "https://meet.example.org/contracts",
            "languages": ["ro"], "corridors": "MD-IT", "themes": ["employment"],
            "practice_ids": [], "materials": ""}, actor=_Coordinator())
        db.session.commit()
    return made


def _phone(browser, live_server):
    return browser.new_context(base_url=live_server.base_url, locale="en-GB",
                               viewport={"width": 360, "height": 740})


def _fits_and_passes_axe(page, lang):
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_visitors_home_page_on_a_phone(browser, live_server, home_content, lang):
    context = _phone(browser, live_server)
    page = context.new_page()
    try:
        page.goto(f"/?lang={lang}")
        expect(page.locator("#newest-practices")).to_contain_text("Home orientation for carers")
        expect(page.locator("#upcoming-events")).to_contain_text("Home webinar on contracts")
        assert page.locator("#waiting").count() == 0
        _fits_and_passes_axe(page, lang)
        page.goto("/corridor?origin=MD&destination=MD")  # the picker's message (422)
        expect(page.locator("#corridor-error")).to_be_visible()
        _fits_and_passes_axe(page, lang)
    finally:
        context.close()


def test_the_search_box_and_the_picker_work_without_javascript(browser, live_server,
                                                               home_content):
    context = browser.new_context(base_url=live_server.base_url, locale="en-GB",
                                  java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto("/?lang=en")
        page.get_by_label("Search the good practices of the network").fill("carers")
        page.get_by_role("button", name="Search practices").click()
        assert "/practices/?q=carers" in page.url
        expect(page.locator("main")).to_contain_text("Home orientation for carers")

        page.goto("/")
        page.get_by_label("Country of origin").select_option("MD")
        page.get_by_label("Destination country").select_option("IT")
        page.get_by_role("button", name="Find counterparts").click()
        assert page.url.endswith("/directory/counterparts?origin=MD&destination=IT")
        expect(page.locator("main")).to_contain_text("Home Accoglienza Genova")

        page.goto("/")
        page.get_by_label("Country of origin").select_option("MD")
        page.get_by_label("Destination country").select_option("IT")
        page.get_by_role("button", name="See the corridor's practices").click()
        assert page.url.endswith("/practices/?corridor=MD-IT")
        expect(page.locator("main")).to_contain_text("Home orientation for carers")

        page.goto("/")
        page.get_by_role("button", name="Find counterparts").click()
        expect(page.get_by_role("alert")).to_contain_text("Choose two different countries")
        # (axe needs JavaScript: the visitor test above checks this page with it.)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_members_home_page_on_a_phone(browser, live_server, home_content, lang):
    context = _phone(browser, live_server)
    page = context.new_page()
    try:
        page.goto("/auth/login?lang=en")
        page.get_by_label("E-mail address").fill(MEMBER)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("main").get_by_role("button", name="Sign in").click()
        page.goto(f"/?lang={lang}")
        expect(page.locator("#waiting-links")).to_contain_text("Home Accoglienza Genova")
        expect(page.locator("#waiting-returned")).to_contain_text("Home returned course")
        # Genova proposed a link already: the finder suggests the other Italian one.
        expect(page.locator("#my-corridors")).to_contain_text("Home Benvenuti Napoli")
        _fits_and_passes_axe(page, lang)
        page.locator("#waiting-returned a").first.click()
        expect(page.locator("main")).to_contain_text("Please add the number of participants.")
    finally:
        context.close()
