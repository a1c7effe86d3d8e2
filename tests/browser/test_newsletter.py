"""In a real browser: a visitor subscribes to the newsletter, confirms through the link in
the outbox, gets a newsletter and unsubscribes with its link without signing in; event
pages show times in the browser's own time zone (set by the small script), and the month
calendar passes axe and lays out right-to-left in Arabic on a phone."""

from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from headstart.extensions import db
from tests.browser.test_journey import assert_accessible

pytestmark = pytest.mark.browser

EMAIL = "browser.reader@example.org"


def _status(live_server, email):
    from sqlalchemy import select

    from headstart.newsletter.models import Subscriber

    with live_server.app.app_context():
        return db.session.scalar(select(Subscriber.status).where(Subscriber.email == email))


def _send_a_newsletter(live_server, base_url):
    from headstart.newsletter import sending
    from headstart.newsletter.models import Issue

    app = live_server.app
    with app.app_context(), app.test_request_context("/", base_url=base_url):
        issue = Issue(subject="Browser news", body="Hello from the **network**.",
                      language="en")
        db.session.add(issue)
        db.session.commit()
        sending.start(issue)
        db.session.commit()
        return sending.send(issue.id)


def test_subscribe_confirm_through_the_outbox_and_unsubscribe(page, live_server):
    page.goto("/newsletter/?lang=en")
    assert_accessible(page)
    page.get_by_label("E-mail address").fill(EMAIL)
    page.get_by_role("main").get_by_role("button", name="Subscribe").click()
    page.wait_for_selector("h1:has-text('Check your inbox')")
    assert_accessible(page)
    assert _status(live_server, EMAIL) == "pending"

    confirm = live_server.outbox.link(live_server.outbox.last(EMAIL), "/newsletter/confirm/")
    page.goto(confirm)
    assert_accessible(page)
    assert _status(live_server, EMAIL) == "pending"  # opening the link is not enough
    page.get_by_role("button", name="Yes, send me the newsletter").click()
    page.wait_for_selector("h1:has-text('Subscription confirmed')")
    assert_accessible(page)
    assert _status(live_server, EMAIL) == "confirmed"

    assert _send_a_newsletter(live_server, live_server.base_url) >= 1
    mail = live_server.outbox.last(EMAIL)
    assert mail["Subject"] == "Browser news"
    unsubscribe = mail["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(live_server.base_url + "/newsletter/unsubscribe/")
    page.goto(unsubscribe)  # a fresh context: nobody is signed in
    assert_accessible(page)
    page.get_by_role("main").get_by_role("button", name="Unsubscribe").click()
    page.wait_for_selector("h1:has-text('Unsubscribed')")
    assert_accessible(page)
    assert _status(live_server, EMAIL) == "unsubscribed"


@pytest.fixture(scope="module")
def prague_event(live_server):
    """An approved event in Prague on 26 October 2026, 10:00–12:00 there (09:00 UTC)."""
    from headstart.events.models import Event
    from headstart.events.times import to_instant

    with live_server.app.app_context():
        event = Event(title="Advice afternoon in Prague", status="approved",
                      starts_at=to_instant(datetime(2026, 10, 26, 10), "Europe/Prague"),
                      ends_at=to_instant(datetime(2026, 10, 26, 12), "Europe/Prague"),
                      timezone="Europe/Prague", place="Integration Centre Prague")
        db.session.add(event)
        db.session.commit()
        return event.id


def test_event_times_follow_the_browsers_time_zone(browser, live_server, prague_event):
    context = browser.new_context(base_url=live_server.base_url, locale="en-GB",
                                  timezone_id="America/New_York")
    try:
        page = context.new_page()
        page.goto(f"/events/{prague_event}?lang=en")
        # The script stores the browser's zone and shows the page again in it.
        page.wait_for_selector("dl.facts[data-reader-zone='America/New_York']")
        facts = page.locator("dl.facts").inner_text()
        assert "5:00" in facts
        assert "America/New_York" in facts
        assert "Event time:" in facts
        assert "Europe/Prague" in facts
        assert_accessible(page)
        page.goto("/events/2026/10?lang=en")
        expect(page.locator("table")).to_contain_text("Advice afternoon in Prague")
        assert_accessible(page)
    finally:
        context.close()


def test_month_calendar_in_arabic_on_a_phone(browser, live_server, prague_event):
    context = browser.new_context(base_url=live_server.base_url, locale="ar",
                                  viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto("/events/2026/10?lang=ar")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.evaluate("getComputedStyle(document.querySelector('table')).direction"
                             ) == "rtl"
        # The calendar scrolls in its own box; the page itself does not get wider.
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert_accessible(page)
        page.goto("/newsletter/?lang=ar")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert_accessible(page)
    finally:
        context.close()


def test_proposing_an_event_and_composing_a_newsletter_pass_axe(browser, live_server,
                                                                prague_event):
    from headstart.accounts import services as accounts
    from tests.browser.test_practices import PASSWORD, sign_in

    with live_server.app.app_context():
        accounts.create_user("events.coordinator@example.org", PASSWORD,
                             display_name="Events Coordinator", role="coordinator",
                             confirmed=True)
        db.session.commit()
    context = browser.new_context(base_url=live_server.base_url, locale="en-GB")
    try:
        page = context.new_page()
        sign_in(page, "events.coordinator@example.org")
        page.goto("/events/?when=all&lang=en")
        expect(page.locator("main")).to_contain_text("Advice afternoon in Prague")
        assert_accessible(page)
        page.goto("/events/new")
        assert_accessible(page)
        # A wrong end is shown beside its field, what was typed is kept.
        page.get_by_label("Title").fill("Job fair for nurses")
        day = (date.today() + timedelta(days=60)).isoformat()  # upcoming: in the block
        page.get_by_label("Starts").fill(f"{day}T10:00")
        page.get_by_label("Ends").fill(f"{day}T09:00")
        page.get_by_label("Time zone of these times").fill("Europe/Prague")
        page.get_by_label("Place (venue and city)").fill("Prague")
        page.get_by_role("button", name="Propose the event").click()
        expect(page.locator("#ends-error")).to_contain_text("The event must end after it starts.")
        assert page.get_by_label("Title").input_value() == "Job fair for nurses"
        assert_accessible(page)
        page.get_by_label("Ends").fill(f"{day}T16:00")
        page.get_by_role("button", name="Propose the event").click()
        expect(page.locator(".flash")).to_contain_text("The event is published.")
        assert_accessible(page)

        page.goto("/newsletter/compose/new")
        assert_accessible(page)
        page.get_by_label("Subject").fill("November news")
        page.get_by_label("Text", exact=True).fill("Coming up:\n\n{{ events 3 }}\n")
        page.get_by_role("button", name="Save and preview").click()
        frame = page.frame_locator("iframe")
        expect(frame.locator("body")).to_contain_text("Job fair for nurses")
        expect(page.locator("pre")).to_contain_text("Job fair for nurses")
        assert_accessible(page)
    finally:
        context.close()
