"""What outside checkers read in a page's markup (issue 21): every page has a meta
description (a record's own where it has one), and alternate-language links are absolute
URLs. (``<time datetime>`` values: ``tests/forum/test_time_elements.py``.)"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from headstart.extensions import db

#: HTML's valid date string or valid global date and time string (what we write).
MACHINE_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?")


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.times: list[str] = []
        self.descriptions: list[str] = []
        self.alternates: list[dict] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "time" and "datetime" in found:
            self.times.append(found["datetime"])
        if tag == "meta" and found.get("name") == "description":
            self.descriptions.append(found.get("content") or "")
        if tag == "link" and found.get("rel") == "alternate" and "hreflang" in found:
            self.alternates.append(found)


def _read(client, path, language="en") -> _Markup:
    response = client.get(path, headers={"Accept-Language": language})
    assert response.status_code == 200, path
    markup = _Markup()
    markup.feed(response.get_data(as_text=True))
    return markup


@pytest.mark.parametrize("path", ["/", "/directory/", "/practices/", "/forum/", "/handbook/",
                                  "/events/", "/search?q=training", "/auth/login"])
def test_every_page_has_a_meta_description_in_the_readers_language(client, path):
    # The browser's language (``?lang=`` filters records on the practice list).
    english = _read(client, path).descriptions
    czech = _read(client, path, "cs").descriptions
    assert len(english) == 1
    assert len(english[0]) > 50
    assert czech[0] != english[0]  # translated


def test_a_practice_is_described_by_its_summary_and_links_its_versions_absolutely(
        app, client, make_practice):
    original = make_practice(title="Pre-departure language course",
                             summary="Evening **Italian** classes for carers before they leave.")
    czech = make_practice(title="Jazykový kurz před odjezdem", language="cs",
                          summary="Večerní kurzy italštiny.", group_of=original)
    markup = _read(client, f"/practices/{original.id}")
    assert markup.descriptions == ["Evening Italian classes for carers before they leave."]
    hrefs = {link["hreflang"]: link["href"] for link in markup.alternates}
    assert hrefs, "no alternate-language links"
    assert re.fullmatch(r"https?://[^/\s]+/practices/\S+", hrefs["cs"]), hrefs
    with app.app_context():
        assert db.session.get(type(czech), czech.id).language == "cs"
