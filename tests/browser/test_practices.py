"""In a real browser: a practitioner submits a practice, the coordinator sees it on the
dashboard and in the bell and returns it with comments, the practitioner sees the comment
from their home page and resubmits, the coordinator publishes, the practitioner is told,
and a visitor finds it."""

import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from headstart.extensions import db
from tests.browser.test_journey import assert_accessible

pytestmark = pytest.mark.browser
PASSWORD = "a long browser passphrase 8"


@pytest.fixture
def people(live_server):
    from headstart.accounts import services
    from headstart.directory.models import Membership, Organisation

    with live_server.app.app_context():
        author = services.create_user("author@example.org", PASSWORD, display_name="Ana Author",
                                      confirmed=True)
        coordinator = services.create_user("reviewer@example.org", PASSWORD,
                                           display_name="Rita Reviewer", role="coordinator",
                                           confirmed=True)
        organisation = Organisation(name="Centre for Departures Chișinău", kind="ngo",
                                    side="origin", country="MD")
        db.session.add(organisation)
        db.session.flush()
        db.session.add(Membership(user_id=author.id, organisation_id=organisation.id,
                                  status="active"))
        db.session.commit()
    return author, coordinator


def _mail_about(outbox, to: str, words: str, seconds: float = 10.0):
    """The mail to ``to`` whose subject holds ``words`` (mail leaves through the queue's
    worker thread, a moment after the request)."""
    deadline = time.monotonic() + seconds
    while True:
        found = [m for m in outbox.messages(to) if words in str(m["Subject"])]
        if found or time.monotonic() > deadline:
            assert found, f"no mail to {to} about {words!r}"
            return found[-1]
        time.sleep(0.2)


def sign_in(page, email):
    page.goto("/auth/login?lang=en")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()


def test_submit_return_resubmit_publish_and_find(browser, live_server, people):
    author_context = browser.new_context(base_url=live_server.base_url)
    page = author_context.new_page()
    sign_in(page, "author@example.org")
    page.goto("/practices/new")
    assert_accessible(page)
    page.get_by_label("Title", exact=True).fill("Orientation days for care workers bound for Italy")
    page.get_by_label("Summary", exact=True).fill("Two days of orientation before departure.")
    page.get_by_label("Phase", exact=True).select_option("pre_departure")
    page.get_by_role("group", name="Countries of implementation").get_by_label(
        "Moldova", exact=True).check()
    page.get_by_label("Challenge and objectives").fill("Workers arrive without knowing rights.")
    page.get_by_label("How it works").fill("- Contracts\n- Italian phrases")
    page.get_by_label("Lead organisation", exact=True).select_option(
        label="Centre for Departures Chișinău")
    page.get_by_label("Employment", exact=True).check()
    page.get_by_label("Women", exact=True).check()
    page.get_by_label("Add files").set_input_files(files=[{
        "name": "Orientation programme.pdf", "mimeType": "application/pdf",
        "buffer": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"}])
    # Results are missing: the draft is kept and the form says what to add.
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.locator(".form-errors")).to_contain_text("Your draft was saved")
    assert page.get_by_label("Title", exact=True).input_value().startswith("Orientation days")
    page.get_by_label("Results", exact=True).fill("120 workers prepared in 2024.")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.locator(".flashes")).to_contain_text("submitted for review")
    practice_url = page.url

    reviewer_context = browser.new_context(base_url=live_server.base_url)
    reviewer = reviewer_context.new_page()
    sign_in(reviewer, "reviewer@example.org")
    # The bell and the dashboard both say a practice waits.
    expect(reviewer.locator("header .badge")).to_contain_text("1")
    reviewer.get_by_role("link", name="Dashboard").click()
    waiting = reviewer.locator("li.waiting-practices")
    expect(waiting).not_to_contain_text("nothing waits")
    waiting.get_by_role("link").click()
    assert_accessible(reviewer)
    reviewer.get_by_role("link", name="Orientation days for care workers bound for Italy").click()
    assert_accessible(reviewer)
    reviewer.get_by_label("Comments for the author").fill("Please name the partner in Italy.")
    reviewer.get_by_role("button", name="Return to the author").click()

    # The author's home page says what waits: the practice, with the comment.
    page.goto("/")
    returned = page.locator("#waiting-returned")
    expect(returned).to_contain_text("Please name the partner in Italy.")
    assert_accessible(page)
    returned.get_by_role("link", name="Orientation days for care workers bound for Italy").click()
    expect(page.locator(".review-comment")).to_contain_text("Please name the partner in Italy.")
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("How it works").fill("- Contracts\n- Italian phrases\n- Partner: Caritas")
    page.get_by_role("button", name="Save and submit for review").click()

    reviewer.goto(practice_url)
    reviewer.get_by_label("Evaluated", exact=True).check()
    reviewer.get_by_role("button", name="Publish").click()
    expect(reviewer.locator(".flashes")).to_contain_text("published")

    # The author is told, in the bell and by e-mail with a link to the practice.
    page.goto("/notifications/")
    expect(page.locator(".notification-list")).to_contain_text(
        "The practice “Orientation days for care workers bound for Italy” is published.")
    mail = _mail_about(live_server.outbox, "author@example.org", "is published")
    assert f"{live_server.base_url}/practices/" in live_server.outbox.body(mail)

    visitor = browser.new_context(base_url=live_server.base_url).new_page()
    visitor.goto("/practices/?country=MD")
    visitor.get_by_role("link", name="Orientation days for care workers bound for Italy").click()
    expect(visitor.locator("article")).to_contain_text("Partner: Caritas")
    expect(visitor.locator("ul.criteria")).to_contain_text("Evaluated")
    assert_accessible(visitor)
    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name="Orientation programme.pdf").click()
    download = download_info.value
    assert download.suggested_filename == "Orientation programme.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF-1.4")
    visitor.get_by_role("link", name="Print view").click()
    expect(visitor.locator("article")).to_contain_text("How it works")
    assert_accessible(visitor)
    for context in (author_context, reviewer_context, visitor.context):
        context.close()
