"""A live server and one shared headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import os
import threading

import pytest
from werkzeug.serving import make_server

from tests.conftest import IN_CI, make_app
from tests.helpers import Outbox

CHROMIUM = os.environ.get("HEADSTART_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The portal served on a free local port, on its own SQLite database."""
    instance = tmp_path_factory.mktemp("live")
    app = make_app(f"sqlite:///{instance / 'live.sqlite3'}", instance)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base_url = f"http://127.0.0.1:{server.server_port}"
    app.config["BASE_URL"] = server.base_url  # mailed links, as make run sets them
    server.app = app
    server.outbox = Outbox(app.config["OUTBOX_DIR"])
    yield server
    server.shutdown()
    thread.join(10)
    # Close the index files its searcher holds, as the suite's app teardown does; left to
    # the garbage collector at exit they surface as warnings after the last test.
    search_backend = app.extensions.get("search_backend")
    if search_backend is not None and hasattr(search_backend, "_reset"):
        search_backend._reset()


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run."""
    if not os.path.exists(CHROMIUM):
        message = f"browser tests need Debian's chromium at {CHROMIUM} (make test installs it)"
        if IN_CI:
            pytest.fail(f"CI must not skip: {message}")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context (no cookies) with a page, closed after the test."""
    context = browser.new_context(base_url=live_server.base_url, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()
