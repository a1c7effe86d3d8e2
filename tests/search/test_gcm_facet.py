"""The Global Compact for Migration objectives as a facet, on both backends: the list page,
the API, the feed and the exports filter by one or several objectives, every count equals
what its filter finds, names are in the reader's language, and odd values are dropped by
the pages and refused by the API."""

import csv
import io
import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest

from headstart.practices import services

from .test_practice_pages import facet_links, page, titles, total

HEADING = "Global Compact for Migration objectives"
OBJECTIVE_3 = "Objective 3: Provide accurate and timely information at all stages of migration"


@pytest.fixture
def objectives(app, make_practice, search_backend):
    """Five published practices serving different objectives, and a draft."""
    made = {
        "centre": make_practice("published", title="Information centre",
                                gcm_objectives=["3", "16"], themes=["employment"]),
        "courses": make_practice("published", title="Language courses",
                                 gcm_objectives=["16"], themes=["education_language"]),
        "data": make_practice("published", title="Data on recruitment",
                              gcm_objectives=["1", "3", "16", "17"], themes=["employment"]),
        "partners": make_practice("published", title="Global partnerships",
                                  gcm_objectives=["23"], themes=["employment"]),
        "none": make_practice("published", title="No objective given", gcm_objectives=[]),
        "draft": make_practice("draft", title="Draft on information",
                               gcm_objectives=["3"]),
    }
    return {name: practice.id for name, practice in made.items()}


def gcm_of(href: str) -> list[str]:
    return parse_qs(urlsplit(href).query).get("gcm", [])


def test_the_page_counts_each_objective_as_its_link_finds(client, objectives):
    html = page(client, "/practices/")
    assert total(html) == 5
    links = facet_links(html, HEADING)
    counts = {label: count for _href, label, count in links}
    assert counts == {
        "Objective 16: Empower migrants and societies to realize full inclusion and social "
        "cohesion": 3,
        OBJECTIVE_3: 2,
        "Objective 1: Collect and use accurate and disaggregated data": 1,
        "Objective 17: Eliminate discrimination and promote evidence-based public discourse": 1,
        "Objective 23: Strengthen international cooperation and global partnerships": 1,
    }
    for href, label, count in links:
        assert total(page(client, href)) == count, label
    three = dict((label, href) for href, label, _n in links)[OBJECTIVE_3]
    assert gcm_of(three) == ["3"]
    assert sorted(titles(page(client, three))) == ["Data on recruitment", "Information centre"]


def test_several_objectives_narrow_down_and_each_can_be_removed(client, objectives):
    html = page(client, "/practices/?gcm=3")
    assert "Remove filter:" in html
    links = facet_links(html, HEADING)
    # Within the practices serving objective 3, each other objective adds itself.
    by_label = {label: (href, count) for href, label, count in links}
    href, count = by_label["Objective 1: Collect and use accurate and disaggregated data"]
    assert gcm_of(href) == ["1,3"]
    both = page(client, href)
    assert total(both) == count == 1
    assert titles(both) == ["Data on recruitment"]
    # The chosen objectives are marked; following one of them keeps the other.
    chosen = re.findall(r'<a aria-current="true" class="selected" href="([^"]+)"', both)
    left = {gcm_of(unescape(h))[0]: total(page(client, unescape(h))) for h in chosen}
    assert left == {"3": 2, "1": 1}
    # Repeated parameters mean the same; order and duplicates do not matter.
    assert titles(page(client, "/practices/?gcm=3&gcm=1")) == ["Data on recruitment"]
    assert titles(page(client, "/practices/?gcm=16,1,16")) == ["Data on recruitment"]
    # No practice serves both 3 and 23: nothing found, both still shown to be removed.
    none = page(client, "/practices/?gcm=3,23")
    assert total(none) == 0
    assert len(re.findall(r'aria-current="true" class="selected"', none)) == 2


def test_objectives_combine_with_the_other_filters_and_words(client, objectives):
    html = page(client, "/practices/?theme=employment")
    for href, label, count in facet_links(html, HEADING):
        assert "theme=employment" in href
        assert total(page(client, href)) == count, label
    assert sorted(titles(page(client, "/practices/?theme=employment&gcm=16"))) == [
        "Data on recruitment", "Information centre"]
    narrowed = page(client, "/practices/?gcm=16")
    themes = {label: href for href, label, _n in facet_links(narrowed, "Theme")}
    assert titles(page(client, themes["Education and language"])) == ["Language courses"]
    assert titles(page(client, "/practices/?q=recruitment&gcm=3")) == ["Data on recruitment"]
    assert titles(page(client, "/practices/?q=recruitment&gcm=23")) == []


@pytest.mark.parametrize("value", ["99", "abc", "0", "-3", "3.5", "", "%", "9" * 5000,
                                   ",,,", "२"])
def test_a_value_that_is_no_objective_is_ignored_on_the_pages(client, objectives, value):
    for url in ("/practices/", "/practices/feed.atom", "/practices/export.csv",
                "/practices/export.json"):
        response = client.get(url, query_string={"gcm": value})
        assert response.status_code == 200, (url, value)
    assert total(client.get("/practices/", query_string={"gcm": value})
                 .get_data(as_text=True)) == 5
    # Next to a real objective, only the real one counts.
    mixed = client.get("/practices/", query_string={"gcm": f"3,{value}"})
    assert total(mixed.get_data(as_text=True)) == 2


def test_names_are_in_the_readers_language(client, objectives):
    html = client.get("/practices/", headers={"Accept-Language": "cs"}).get_data(as_text=True)
    assert "Poskytovat přesné a včasné informace ve všech fázích migrace" in html


def test_the_feed_and_the_exports_are_filtered_by_objective(client, objectives):
    entries = feedparser.parse(client.get("/practices/feed.atom?gcm=3").data).entries
    assert sorted(e.title for e in entries) == ["Data on recruitment", "Information centre"]
    feed = feedparser.parse(client.get("/practices/feed.atom?gcm=1&gcm=3").data)
    assert [e.title for e in feed.entries] == ["Data on recruitment"]
    assert "gcm=1,3" in feed.feed.id
    # The list page links its feed and exports with the objectives.
    html = page(client, "/practices/?gcm=3&gcm=1")
    for link in ("/practices/feed.atom?gcm=1,3", "/practices/export.csv?gcm=1,3",
                 "/practices/export.json?gcm=1,3"):
        assert link in html

    rows = list(csv.DictReader(io.StringIO(
        client.get("/practices/export.csv?gcm=23").data.decode("utf-8-sig"))))
    assert [r["title"] for r in rows] == ["Global partnerships"]
    assert rows[0]["gcm_objectives"] == ("Objective 23: Strengthen international cooperation "
                                         "and global partnerships")
    rows = list(csv.DictReader(io.StringIO(
        client.get("/practices/export.csv?gcm=1").data.decode("utf-8-sig"))))
    assert rows[0]["gcm_objectives"].split("; ")[:2] == [
        "Objective 1: Collect and use accurate and disaggregated data", OBJECTIVE_3]

    document = json.loads(client.get("/practices/export.json?gcm=16&gcm=3").data)
    assert document["total"] == 2
    assert document["filters"]["gcm"] == "3,16"
    assert "gcm=3,16" in document["source"]
    assert sorted(sorted(r["gcm_objectives"]) for r in document["results"]) == [
        [1, 3, 16, 17], [3, 16]]


def get(client, url, status=200, query=None, **headers):
    response = client.get(url, headers=headers, query_string=query)
    assert response.status_code == status, (url, response.get_data(as_text=True))
    return response.get_json()


def test_the_api_filters_by_objective_and_counts_them(client, objectives):
    body = get(client, "/api/v1/practices")
    facet = {v["value"]: v for v in body["facets"]["gcm"]}
    assert {value: v["count"] for value, v in facet.items()} == {
        "16": 3, "3": 2, "1": 1, "17": 1, "23": 1}
    assert facet["3"]["label"] == OBJECTIVE_3
    for value, v in facet.items():
        assert get(client, f"/api/v1/practices?gcm={value}")["total"] == v["count"], value
    by_title = {r["title"]: r for r in body["results"]}
    assert by_title["Data on recruitment"]["gcm_objectives"] == [1, 3, 16, 17]
    assert by_title["No objective given"]["gcm_objectives"] == []
    narrowed = get(client, "/api/v1/practices?gcm=3")
    for v in narrowed["facets"]["gcm"]:
        both = get(client, f"/api/v1/practices?gcm=3,{v['value']}")
        assert both["total"] == v["count"], v
    assert [r["title"] for r in get(client, "/api/v1/practices?gcm=3&gcm=17")["results"]] == [
        "Data on recruitment"]
    assert get(client, "/api/v1/practices?gcm=3&theme=employment&q=information")["total"] == 1
    czech = get(client, "/api/v1/practices?gcm=3", **{"Accept-Language": "cs"})
    assert {v["value"]: v["label"] for v in czech["facets"]["gcm"]}["3"].endswith(
        "Poskytovat přesné a včasné informace ve všech fázích migrace")


@pytest.mark.parametrize("value", ["99", "abc", "0", "3,abc", "3.5", "9" * 5000, "२"])
def test_the_api_refuses_a_value_that_is_no_objective(client, objectives, value):
    body = get(client, "/api/v1/practices", 400, query={"gcm": value})
    assert body["error"]["code"] == 400
    assert "gcm" in body["error"]["message"]


def test_the_database_listing_filters_by_objective_too(app, objectives):
    with app.app_context():
        found, count = services.list_published(gcm=("3", "16"))
        assert count == 2
        assert sorted(p.title for p in found) == ["Data on recruitment", "Information centre"]
        assert services.list_published(gcm=("3", "23"))[1] == 0
