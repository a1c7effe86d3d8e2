"""In a real browser: a visitor searches from the header box, narrows with a facet and
follows a suggestion; a member saves the search; the pages pass axe, fit a phone and lay
out right-to-left in Arabic."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from headstart.extensions import db
from tests.browser.test_journey import assert_accessible
from tests.browser.test_practices import PASSWORD, sign_in
from tests.conftest import COMPLETE

pytestmark = pytest.mark.browser


class _Coordinator:
    id = None
    role = "coordinator"
    is_authenticated = True


@pytest.fixture(scope="module")
def searchable(live_server):
    """Two published practices and a member (once for this module)."""
    from headstart.accounts import services as accounts
    from headstart.directory.models import Organisation
    from headstart.practices import services

    with live_server.app.app_context():
        member = accounts.create_user("searcher@example.org", PASSWORD,
                                      display_name="Sam Searcher", confirmed=True)
        organisation = Organisation(name="Skopje Employment Bridge", kind="employment_service",
                                    side="origin", country="MK")
        db.session.add(organisation)
        db.session.flush()
        for title, origin, destination in (
                ("Language courses before departure to Germany", "MK", "DE"),
                ("Language cafés for newcomers in Vienna", "XK", "AT")):
            practice = services.create_practice(dict(
                COMPLETE, title=title, summary="Learners start the language before leaving.",
                lead_organisation_id=organisation.id, city_region="",
                implementation_countries=[origin, destination], origin_countries=[origin],
                destination_countries=[destination], themes=["education_language"],
                start_date=date(2022, 1, 1), end_date=date(2023, 1, 1)), actor=member)
            services.transition(practice, "submit", actor=member)
            services.transition(practice, "publish", actor=_Coordinator())
        db.session.commit()
    return member


def test_search_narrow_and_save(browser, live_server, searchable):
    context = browser.new_context(base_url=live_server.base_url, locale="en-GB")
    page = context.new_page()
    try:
        page.goto("/")
        page.get_by_label("Search the portal").fill("langauge")
        page.get_by_label("Search the portal").press("Enter")
        expect(page).to_have_url(re.compile(r"/search\?q=langauge"))
        page.get_by_role("link", name="language", exact=True).click()  # did you mean
        # Both practices are found (other modules' records may say "language" too).
        expect(page.locator(".result-count")).to_contain_text("results for “language”")
        for title in ("Language courses before departure to Germany",
                      "Language cafés for newcomers in Vienna"):
            expect(page.get_by_role("link", name=title)).to_be_visible()
        assert_accessible(page)
        page.goto("/practices/?q=language")
        assert page.locator(".card h2 mark").count() == 2
        assert_accessible(page)
        page.locator("aside.facets").get_by_role("link", name="Austria (1)", exact=True).click()
        expect(page.locator(".result-count")).to_contain_text("1 practice matches")
        expect(page.locator(".card h2")).to_have_text("Language cafés for newcomers in Vienna")
        sign_in(page, "searcher@example.org")
        page.goto("/practices/?q=language&country=AT")
        page.get_by_text("Save this search").first.click()
        page.get_by_label("Name of this search").fill("Vienna language")
        page.get_by_role("button", name="Save this search").click()
        expect(page.locator(".flash")).to_contain_text("Search saved")
        page.goto("/search/saved")
        assert_accessible(page)
        page.goto("/notifications/")
        assert_accessible(page)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/practices/?q=language", "/search?q=language"])
def test_search_pages_on_a_phone_and_in_arabic(browser, live_server, searchable, path):
    context = browser.new_context(base_url=live_server.base_url,
                                  viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto("/?lang=ar")
        page.goto(path)
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert_accessible(page)
    finally:
        context.close()
