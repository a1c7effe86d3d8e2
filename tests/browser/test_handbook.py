"""In a real browser: a coordinator edits a handbook section (with a preview), publishes
edition 2, and a visitor still reads edition 1 at its address; the handbook pages pass
axe-core, in English and in Arabic (right to left)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from headstart.extensions import db
from tests.browser.test_journey import assert_accessible

pytestmark = pytest.mark.browser
PASSWORD = "a long browser passphrase 8"


@pytest.fixture
def first_edition(live_server):
    """Edition 1 of a two-section handbook, and a coordinator to change it."""
    from headstart.accounts import services as accounts
    from headstart.handbook import editions, services

    with live_server.app.app_context():
        editor = accounts.create_user("editor@example.org", PASSWORD, display_name="Eda Editor",
                                      role="coordinator", confirmed=True)
        chapter = services.create_chapter("Arrival desk", actor=editor)
        services.create_section(chapter, title="Welcome desk", slug="welcome-desk",
                                body="Greet arrivals at the desk.\n\n# Checklist\n\n- A chair\n"
                                     "- Water", actor=editor)
        services.create_section(chapter, title="Follow-up calls", slug="follow-up-calls",
                                body="Call back within a week.", actor=editor)
        editions.publish("The very first edition.", actor=editor)
        db.session.commit()


def test_coordinator_edits_and_publishes_visitor_still_reads_edition_one(
        browser, live_server, first_edition):
    editor_context = browser.new_context(base_url=live_server.base_url)
    editor = editor_context.new_page()
    editor.goto("/auth/login?lang=en")
    editor.get_by_label("E-mail address").fill("editor@example.org")
    editor.get_by_label("Password").fill(PASSWORD)
    editor.get_by_role("main").get_by_role("button", name="Sign in").click()

    editor.goto("/handbook/edit/")
    assert_accessible(editor)
    editor.get_by_role("link", name="Welcome desk").click()
    assert_accessible(editor)
    editor.get_by_label("Text (Markdown)").fill(
        "Greet arrivals warmly at the desk.\n\n# Checklist\n\n- A chair\n- Water\n- A map")
    editor.get_by_label("Summary of your change").fill("Warmer welcome, and a map")
    editor.get_by_role("button", name="Preview").click()
    preview = editor.locator("#preview-heading + .prose")
    expect(preview).to_contain_text("Greet arrivals warmly")
    assert_accessible(editor)
    editor.get_by_role("button", name="Save revision").click()
    expect(editor.locator(".flashes")).to_contain_text("Revision saved")

    editor.get_by_role("link", name="History").click()
    assert_accessible(editor)
    editor.get_by_role("button", name="Compare").click()
    expect(editor.locator(".diff")).to_contain_text("A map")
    assert_accessible(editor)

    editor.goto("/handbook/edit/publish")
    assert_accessible(editor)
    editor.get_by_label("Release notes (Markdown)").fill("A warmer welcome.")
    editor.get_by_role("button", name="Publish edition 2").click()
    expect(editor.locator(".flashes")).to_contain_text("Edition 2 is published")
    editor_context.close()

    visitor_context = browser.new_context(base_url=live_server.base_url, locale="en-GB")
    visitor = visitor_context.new_page()
    visitor.goto("/handbook/")
    expect(visitor.locator("main")).to_contain_text("Edition 2")
    assert_accessible(visitor)
    visitor.get_by_role("link", name="Welcome desk").click()
    expect(visitor.locator("article")).to_contain_text("Greet arrivals warmly at the desk.")
    assert_accessible(visitor)
    visitor.get_by_role("link", name="Follow-up calls").click()
    expect(visitor).to_have_url(re.compile(re.escape("/handbook/editions/2/follow-up-calls") + "$"))

    visitor.goto("/handbook/editions/1/welcome-desk")
    article = visitor.locator("article").inner_text()
    assert "Greet arrivals at the desk." in article
    assert "A map" not in article
    expect(visitor.locator("main")).to_contain_text("older edition")
    assert_accessible(visitor)
    visitor.goto("/handbook/editions/1/diff/2")
    expect(visitor.locator(".diff")).to_contain_text("A map")
    assert_accessible(visitor)
    visitor.goto("/handbook/editions/2/print")
    assert_accessible(visitor)

    visitor.goto("/handbook/editions/2/welcome-desk?lang=ar")
    assert visitor.locator("html").get_attribute("dir") == "rtl"
    assert_accessible(visitor)
    visitor_context.close()
