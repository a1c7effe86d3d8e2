"""In a real browser: a member writes a topic, previews it, posts it; another member
replies quoting it; the first member finds the notification. Forum pages pass axe, fit a
360-pixel phone and lay out right-to-left in Arabic."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from headstart.extensions import db
from tests.browser.test_journey import assert_accessible

pytestmark = pytest.mark.browser
PASSWORD = "a long browser passphrase 9"


@pytest.fixture(scope="module")
def forum_world(live_server):
    """Two members and a corridor category (made once: the live server is shared)."""
    from headstart.accounts import services
    from headstart.forum.models import ForumCategory, ForumPost, ForumTopic

    # New members' first posts wait for approval (tests/forum/test_approval.py); not here.
    live_server.app.config["FORUM_HOLD_FIRST_POSTS"] = 0
    with live_server.app.app_context():
        for email, name in (("olga@example.org", "Olga Writer"),
                            ("marco@example.org", "Marco Replier")):
            services.create_user(email, PASSWORD, display_name=name, confirmed=True)
        services.create_user("clara@example.org", PASSWORD, display_name="Clara Coordinator",
                             role="coordinator", confirmed=True)
        category = ForumCategory(name="Moldova → Italy (browser)", grouping="corridor")
        long_one = ForumTopic(category=category, title="Links that do not break easily")
        db.session.add_all([category, long_one, ForumPost(topic=long_one, body=(
            "# A heading\n\nSee https://example.org/" + "a-very-long-path-segment" * 8
            + "\n\n```\n" + "unbroken_code_line_" * 12 + "\n```"))])
        db.session.commit()
        return category.id, long_one.id


def sign_in(page, email):
    page.goto("/auth/login?lang=en")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()


def test_write_preview_post_reply_with_quote_and_notification(browser, live_server,
                                                              forum_world):
    olga = browser.new_context(base_url=live_server.base_url).new_page()
    sign_in(olga, "olga@example.org")
    olga.goto("/forum/")
    assert_accessible(olga)
    olga.get_by_role("link", name="Moldova → Italy (browser)").first.click()
    olga.get_by_role("link", name="Start a topic").wait_for()
    assert_accessible(olga)
    olga.get_by_role("link", name="Start a topic").click()
    olga.get_by_label("Title").fill("Contracts for live-in carers")
    olga.get_by_label("Your message").fill("Always ask for a **written** contract.")
    olga.get_by_role("button", name="Preview").click()
    preview = olga.locator(".preview")
    expect(preview.locator("strong")).to_have_text("written")
    assert olga.get_by_label("Your message").input_value() == \
        "Always ask for a **written** contract."
    assert_accessible(olga)
    olga.get_by_role("button", name="Post").click()
    expect(olga.get_by_role("heading", name="Contracts for live-in carers")).to_be_visible()
    expect(olga.locator(".flashes")).to_contain_text("Your topic is posted.")
    assert_accessible(olga)

    marco = browser.new_context(base_url=live_server.base_url).new_page()
    sign_in(marco, "marco@example.org")
    marco.goto(olga.url)
    marco.get_by_role("link", name="Quote").first.click()
    box = marco.get_by_label("Your message")
    assert box.input_value().startswith("> [Olga Writer wrote](/forum/p/")
    box.press("End")
    box.type("\nAnd keep a copy at home, @olga-writer.")
    # With JavaScript the preview appears in place (no page load: the address stays).
    topic_url = marco.url
    marco.get_by_role("button", name="Preview").click()
    expect(marco.locator(".preview")).to_contain_text("And keep a copy at home")
    assert marco.url == topic_url
    expect(marco.locator(".preview blockquote")).to_be_visible()
    marco.get_by_role("button", name="Post").click()
    expect(marco.locator(".flashes")).to_contain_text("Your reply is posted.")
    reply = marco.locator(".post").nth(1)
    expect(reply.locator("blockquote")).to_be_visible()
    expect(reply.locator("blockquote")).to_contain_text("Always ask for a")
    assert_accessible(marco)

    olga.goto("/")
    badge = olga.locator(".header-tools .badge")
    assert badge.inner_text().startswith("1")  # mentioned and following: told once
    olga.get_by_role("link", name="Notifications").click()
    assert_accessible(olga)
    olga.get_by_role("button", name="Marco Replier mentioned you in “Contracts for live-in "
                                    "carers”").click()
    expect(olga.get_by_text("And keep a copy at home")).to_be_visible()
    mail = live_server.outbox.last(to="olga@example.org")
    assert mail["Subject"] == "Marco Replier mentioned you in “Contracts for live-in carers”"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_forum_pages_fit_a_phone_and_read_right_to_left(browser, live_server, forum_world,
                                                        lang):
    context = browser.new_context(base_url=live_server.base_url,
                                  viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, "olga@example.org")
    category, long_topic = forum_world
    for path in ("/forum/", f"/forum/c/{category}", f"/forum/c/{category}/new",
                 f"/forum/t/{long_topic}", "/forum/settings", "/notifications/"):
        page.goto(f"{path}?lang={lang}")
        assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar"
                                                                  else "ltr")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert_accessible(page)
    context.close()


def test_coordinator_hides_a_post_from_the_topic_page(browser, live_server, forum_world):
    _category, long_topic = forum_world
    page = browser.new_context(base_url=live_server.base_url).new_page()
    sign_in(page, "clara@example.org")
    page.goto(f"/forum/t/{long_topic}")
    page.locator(".moderate summary").first.click()
    assert_accessible(page)
    page.get_by_label("Reason").first.fill("Test of hiding")
    page.get_by_role("button", name="Hide the post").first.click()
    expect(page.locator(".flashes")).to_contain_text("The post is hidden.")
    expect(page.get_by_text("Hidden by a coordinator")).to_be_visible()
    assert_accessible(page)
    page.goto("/forum/moderation")
    expect(page.locator("table")).to_contain_text("Test of hiding")
    assert_accessible(page)


def test_a_form_left_open_past_its_session_keeps_the_text(browser, live_server, forum_world):
    """The page's token went stale (as when the session ends while someone writes): the
    browser's own Origin header lets the 400 page offer the text back to send again."""
    category, _ = forum_world
    olga = browser.new_context(base_url=live_server.base_url).new_page()
    sign_in(olga, "olga@example.org")
    olga.goto(f"/forum/c/{category}/new?lang=en")
    olga.get_by_label("Title").fill("Written after a long lunch")
    olga.get_by_label("Your message").fill("Line one of a long answer.\nLine two.")
    olga.locator(f"form[action='/forum/c/{category}/new'] input[name=csrf_token]") \
        .evaluate("input => input.value = 'stale'")
    olga.get_by_role("button", name="Post").click()
    expect(olga.get_by_role("heading", name="Your form had expired")).to_be_visible()
    assert olga.locator("textarea[name=body]").input_value() == \
        "Line one of a long answer.\nLine two."
    assert_accessible(olga)
    olga.get_by_role("button", name="Send again").click()
    expect(olga.get_by_role("heading", name="Written after a long lunch")).to_be_visible()
    olga.context.close()
