"""In a real browser: a coordinator opens the dashboard from the header, narrows the range
with the form (no script needed), downloads a figure's CSV, and the page passes axe in
English and in Arabic, fits a phone, and its chart labels do not overlap."""

from datetime import UTC, date, datetime

import pytest
from playwright.sync_api import expect

from headstart.extensions import db
from tests.browser.test_journey import assert_accessible
from tests.browser.test_practices import PASSWORD, sign_in
from tests.conftest import COMPLETE

pytestmark = pytest.mark.browser

COORDINATOR = "dashboard-coordinator@example.org"

#: Label boxes of one chart's texts that overlap (each pair once), in the page.
OVERLAPS = """(id) => {
  const svg = document.getElementById(id).closest('svg');
  const boxes = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect());
  const hits = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right - 1 && b.left < a.right - 1
        && a.top < b.bottom - 1 && b.top < a.bottom - 1) hits.push([i, j]);
  }
  return hits;
}"""


class _Coordinator:
    id = None
    role = "coordinator"
    is_authenticated = True


@pytest.fixture(scope="module")
def network(live_server):
    """A coordinator, a practice published and one waiting, and a search that found
    nothing (once for this module)."""
    from headstart.accounts import services as accounts
    from headstart.directory.models import Organisation
    from headstart.practices import services
    from headstart.search.models import SearchMiss

    with live_server.app.app_context():
        accounts.create_user(COORDINATOR, PASSWORD, display_name="Cora Coordinator",
                             role="coordinator", confirmed=True)
        member = accounts.create_user("dashboard-member@example.org", PASSWORD,
                                      display_name="Mo Member", confirmed=True)
        organisation = Organisation(name="Tirana Departures", kind="ngo", side="origin",
                                    country="AL")
        db.session.add(organisation)
        db.session.flush()
        for title, publish in (("Job fairs before leaving", True), ("Waiting one", False)):
            practice = services.create_practice(dict(
                COMPLETE, title=title, lead_organisation_id=organisation.id,
                start_date=date(2022, 1, 1), end_date=date(2023, 1, 1)), actor=member)
            services.transition(practice, "submit", actor=member)
            if publish:
                services.transition(practice, "publish", actor=_Coordinator())
        db.session.add(SearchMiss(day=datetime.now(UTC).date(), query="seasonal work permits",
                                  area="", language="ar", filters="{}", results=0, times=2,
                                  digest="dashboard-browser"))
        db.session.commit()


def test_dashboard_in_english_and_arabic(browser, live_server, network):
    context = browser.new_context(base_url=live_server.base_url, locale="en-GB")
    page = context.new_page()
    try:
        sign_in(page, COORDINATOR)
        page.goto("/")
        page.get_by_role("link", name="Dashboard").click()
        expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
        expect(page.get_by_role("link", name="1 practice is waiting for review.")).to_be_visible()
        expect(page.get_by_role("img", name="Practices published per month, by phase"))\
            .to_be_visible()
        assert_accessible(page)

        this_month = datetime.now(UTC).strftime("%Y-%m")
        page.get_by_label("From (month)").fill(this_month)
        page.get_by_label("To (month)").fill(this_month)
        page.get_by_role("button", name="Show").click()
        expect(page.locator("#figure-practices ~ .figure-pair tbody tr")).to_have_count(1)
        with page.expect_download() as download:
            page.get_by_role("link", name="Download these numbers (CSV) — Searches that "
                             "found nothing, most frequent first").click()
        with open(download.value.path(), encoding="utf-8-sig") as file:
            assert "seasonal work permits,ar,2" in file.read()

        page.goto("/dashboard/?from=2025-13")
        expect(page.locator(".form-errors")).to_contain_text("is not a month")
        assert_accessible(page)

        page.goto("/dashboard/?lang=ar")
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert_accessible(page)
        for chart in ("practices", "corridors", "misses", "organisations", "forum"):
            assert page.evaluate(OVERLAPS, f"chart-{chart}-title") == [], chart
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_dashboard_on_a_phone(browser, live_server, network, lang):
    context = browser.new_context(base_url=live_server.base_url,
                                  viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        sign_in(page, COORDINATOR)
        page.goto(f"/dashboard/?lang={lang}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert_accessible(page)
    finally:
        context.close()
