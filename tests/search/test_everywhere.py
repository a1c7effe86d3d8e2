"""The global search box finds practices and organisations together, narrows to one area
with counts that match, and explains an empty search."""

import re
from html import unescape

from headstart.extensions import db


def results(html):
    return [(area, unescape(re.sub("<[^>]+>", "", title))) for area, title in re.findall(
        r'<p class="meta">([^<]+)</p>\s*<h2><a href="[^"]+"[^>]*>(.*?)</a>', html)]


def test_one_box_finds_practices_and_organisations(app, client, corpus, make_org):
    make_org("Brașov Information Office", country="RO")
    html = client.get("/search?q=brasov").get_data(as_text=True)
    # (the practice's lead organisation is named after it by the fixture)
    assert sorted(results(html)) == [("Organisations", "Brașov Information Office"),
                                     ("Organisations", "Lead of Information centre in Brașov"),
                                     ("Practices", "Information centre in Brașov")]
    assert "<mark>" in html
    tab = re.search(r'<a href="([^"]+)">Organisations <span class="count">\((\d+)\)', html)
    assert tab.group(2) == "2"
    narrowed = client.get(unescape(tab.group(1))).get_data(as_text=True)
    assert {area for area, _title in results(narrowed)} == {"Organisations"}
    assert len(results(narrowed)) == 2
    # The other areas keep their counts, so the searcher can go back.
    assert re.search(r'Practices <span class="count">\(1\)', narrowed)


def test_an_organisation_rename_reaches_the_index(app, client, make_org, search_backend):
    organisation = make_org("Old Name Centre")
    with app.app_context():
        row = db.session.get(type(organisation), organisation.id)
        row.name = "Skopje Employment Bridge"
        db.session.commit()
    assert results(client.get("/search?q=skopje").get_data(as_text=True)) == [
        ("Organisations", "Skopje Employment Bridge")]
    assert results(client.get("/search?q=old+name").get_data(as_text=True)) == []


def test_an_empty_or_wordless_search_explains_itself(client, corpus):
    assert "Type one or more words" in client.get("/search").get_data(as_text=True)
    html = client.get('/search?q="%2B%2B"').get_data(as_text=True)
    assert "no words we can look for" in html
    assert client.get("/search?q=brasov&area=nonsense").status_code == 200


def test_each_practice_hit_shows_a_snippet_of_its_own_practice(client, make_practice,
                                                              search_backend):
    make_practice(title="Orientation in Prague", summary="Nurses meet employers in Prague.")
    make_practice(title="Orientation in Brno", summary="Nurses meet teachers in Brno.")
    results = client.get("/api/v1/search?q=nurses&area=practice").get_json()["results"]
    assert sorted((r["title"], r["snippet"]) for r in results) == [
        ("Orientation in Brno", "<mark>Nurses</mark> meet teachers in Brno."),
        ("Orientation in Prague", "<mark>Nurses</mark> meet employers in Prague.")]
