"""The main page of every area, in English and in Arabic, passes the Nu Html Checker (the
W3C's validator, ``vnu-jar``, run with Java; ``make test`` installs it) — on the demo
content, so the pages carry real records, forms and dates."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from headstart import ROOT
from headstart.extensions import db
from tests.conftest import IN_CI, make_app

pytestmark = pytest.mark.browser

VNU_JAR = Path(os.environ.get(
    "HEADSTART_VNU_JAR", ROOT / ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))


def _checker() -> list[str]:
    java = shutil.which("java")
    problem = None
    if java is None:
        problem = "the HTML validity test needs Java (make test installs it)"
    elif not VNU_JAR.exists():
        problem = f"the HTML validity test needs vnu-jar at {VNU_JAR} (make test installs it)"
    if problem:
        if IN_CI:
            pytest.fail(f"CI must not skip: {problem}")
        pytest.skip(problem)
    return [java, "-Xss4m", "-jar", str(VNU_JAR)]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """The portal with the demo content, served on a free local port."""
    from headstart.demo.load import load_demo

    instance = tmp_path_factory.mktemp("validity")
    app = make_app(f"sqlite:///{instance / 'demo.sqlite3'}", instance)
    with app.app_context(), app.test_request_context("/"):
        load_demo()
        db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base_url = f"http://127.0.0.1:{server.server_port}"
    server.app = app
    yield server
    server.shutdown()
    thread.join(10)
    backend = app.extensions.get("search_backend")
    if backend is not None and hasattr(backend, "_reset"):
        backend._reset()


def _paths(app) -> list[str]:
    """One list page and one record page of every area."""
    from headstart.directory.models import Organisation
    from headstart.events.models import Event
    from headstart.forum.models import ForumCategory, ForumTopic
    from headstart.practices.models import Practice

    with app.app_context():
        first = {model: db.session.scalar(select(model.id).order_by(model.id).limit(1))
                 for model in (Organisation, Practice, ForumCategory, ForumTopic, Event)}
    assert all(first.values()), first  # the demo content has each
    return ["/", "/directory/", f"/directory/{first[Organisation]}", "/directory/corridors",
            "/practices/", f"/practices/{first[Practice]}", "/search?q=training",
            "/forum/", f"/forum/c/{first[ForumCategory]}", f"/forum/t/{first[ForumTopic]}",
            "/handbook/", "/handbook/editions/1", "/events/", f"/events/{first[Event]}",
            "/newsletter/", "/auth/login", "/auth/register", "/no-such-page"]


def test_main_pages_of_every_area_pass_the_nu_html_checker(demo_server, tmp_path):
    checker = _checker()
    files = []
    for path in _paths(demo_server.app):
        for lang in ("en", "ar"):
            url = f"{demo_server.base_url}{path}{'&' if '?' in path else '?'}lang={lang}"
            try:
                with urllib.request.urlopen(url) as response:  # noqa: S310 - our own server
                    html = response.read()
            except urllib.error.HTTPError as error:  # the 404 page is checked too
                html = error.read()
            file = tmp_path / f"{len(files):02d}-{lang}.html"
            file.write_bytes(html)
            files.append((file, url))
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [*checker, "--format", "json", "--stdout", "--errors-only",
         *[str(file) for file, _url in files]],
        capture_output=True, timeout=300, check=False)
    messages = json.loads(result.stdout or b'{"messages": []}')["messages"]
    by_name = {file.name: url for file, url in files}  # vnu writes file:/… addresses
    problems = [(by_name.get(str(m.get("url", "")).rsplit("/", 1)[-1], m.get("url")),
                 m.get("lastLine"), m["message"])
                for m in messages if m.get("type") in {"error", "non-document-error"}]
    assert problems == [], "\n".join(f"{url}:{line}: {text}" for url, line, text in problems)
