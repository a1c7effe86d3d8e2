"""A new practitioner's first visit, in a real browser: register, confirm through the
outbox, sign in, switch to Czech and to Arabic, with axe-core checking every page."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = Axe()
PASSWORD = "a long browser passphrase 7"


def assert_accessible(page):
    """axe-core finds no violations on the current page."""
    results = AXE.run(page)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                  for v in results.response["violations"]]
    assert violations == [], f"{page.url}: {violations}"


def test_register_confirm_sign_in_and_switch_languages(page, live_server):
    page.goto("/")
    assert_accessible(page)

    # Keyboard users get a skip link first.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"

    page.get_by_role("link", name="Register").click()
    assert_accessible(page)
    page.get_by_label("Display name").fill("Mariana Ceban")
    page.get_by_label("E-mail address").fill("mariana@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    assert_accessible(page)

    message = live_server.outbox.last(to="mariana@example.org")
    page.goto(live_server.outbox.link(message, "/auth/confirm/"))
    assert_accessible(page)
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.locator(".flashes")).to_contain_text("confirmed")

    page.get_by_label("E-mail address").fill("mariana@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="Mariana Ceban")).to_be_visible()
    assert_accessible(page)

    page.goto("/directory/")
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="čeština").click()
    expect(page).to_have_url(re.compile(r"/directory/\?lang=cs$"))
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    expect(page.get_by_role("heading", name="Adresář organizací")).to_be_visible()
    assert_accessible(page)

    page.goto("/account/")  # the choice is remembered without ?lang=
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    assert_accessible(page)

    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page)
    # Right-to-left: the brand sits at the right edge, the account tools at the left.
    width = page.viewport_size["width"]
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] + brand["width"] > width / 2
    assert page.locator("main h1").evaluate("e => getComputedStyle(e).direction") == "rtl"


@pytest.mark.parametrize("path", ["/", "/directory/", "/auth/login", "/auth/register",
                                  "/no-such-page"])
def test_pages_fit_a_360_pixel_phone_and_pass_axe(browser, live_server, path):
    context = browser.new_context(base_url=live_server.base_url,
                                  viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert_accessible(page)
        # The header leaves the screen to the page (it took a third before), and every
        # menu entry is still there (the menu scrolls sideways).
        assert page.locator(".site-header").bounding_box()["height"] <= 740 * 0.2
        assert page.locator(".main-nav a").count() == 7
        page.locator(".main-nav a").last.scroll_into_view_if_needed()
        assert page.locator(".main-nav a").last.is_visible()
    finally:
        context.close()


def test_pages_make_no_request_outside_the_site(browser, live_server):
    context = browser.new_context(base_url=live_server.base_url)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        for path in ["/", "/directory/", "/auth/login", "/?lang=ar"]:
            page.goto(path)
    finally:
        context.close()
    outside = [url for url in requested if not url.startswith(live_server.base_url)
               and not url.startswith("data:")]
    assert outside == []


def test_the_pages_work_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.base_url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/")
        page.locator(".language-switcher summary").click()
        page.get_by_role("link", name="čeština").click()
        expect(page).to_have_url(re.compile(r"lang=cs"))
        expect(page.locator("html")).to_have_attribute("lang", "cs")
        page.goto("/auth/login?lang=en")
        page.get_by_label("E-mail address").fill("nobody@example.org")
        page.get_by_label("Password").fill("wrong password here")
        page.get_by_role("main").get_by_role("button", name="Sign in").click()
        expect(page.locator(".form-errors")).to_contain_text("not correct")
    finally:
        context.close()
