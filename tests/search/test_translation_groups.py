"""A translation group is one result, found through any of its language versions: the
reader gets their language's version, with the snippet of the version that matched,
labelled with its language (issue #18, part 2)."""

import re
from html import unescape

CZECH = {"summary": "Třídenní orientace v Kišiněvě pro pečovatelky, které odjíždějí do Itálie.",
         "challenge": "Pečovatelky přijíždějí nepřipravené na smlouvy a práva.",
         "approach": "Práva a smlouvy, italština pro péči, kontakty v Itálii.",
         "results": "Připraveno 240 žen.", "evaluation": "Telefonáty po třech měsících.",
         "beneficiaries": "Ženy ve věku 25–65 let.", "funding": "Rozpočet obce."}


def titles(html):
    return [unescape(re.sub("<[^>]+>", "", t)) for t in re.findall(
        r'<h2><a href="[^"]+"[^>]*>(.*?)</a>', html)]


def _group(make_practice):
    english = make_practice(title="Orientation for carers leaving for Italy",
                            summary="Three days of orientation about contracts, rights and "
                                    "the Italian language.")
    make_practice(title="Orientace pro pečovatelky", language="cs", group_of=english, **CZECH)
    return english


def test_a_czech_reader_finds_the_czech_version_through_english_words(client, make_practice,
                                                                      search_backend):
    _group(make_practice)
    html = client.get("/search?q=contracts+rights&lang=cs").get_data(as_text=True)
    assert titles(html) == ["Orientace pro pečovatelky"]
    # The words were found in the English version: its snippet, labelled.
    assert "(Angličtina):" in html
    assert re.search(r'<span lang="en" dir="auto">[^<]*<mark>contracts</mark>', html)


def test_an_english_reader_finds_the_english_version_through_czech_words(
        client, make_practice, search_backend):
    _group(make_practice)
    found = client.get("/api/v1/search?q=pečovatelky+smlouvy&area=practice&lang=en").get_json()
    assert [r["title"] for r in found["results"]] == ["Orientation for carers leaving for Italy"]


def test_the_group_counts_once_on_the_practice_list(client, make_practice, search_backend):
    _group(make_practice)
    html = client.get("/practices/?q=orientation").get_data(as_text=True)
    assert titles(html) == ["Orientation for carers leaving for Italy"]
    # Czech words: still one result, the reader's (English) version, its snippet labelled.
    html = client.get("/practices/?q=smlouvy").get_data(as_text=True)
    assert titles(html) == ["Orientation for carers leaving for Italy"]
    assert "Found in another language version (Czech):" in html
    assert "<mark>smlouvy</mark>" in html


def test_a_reader_whose_language_the_group_lacks_gets_the_original(client, make_practice,
                                                                   search_backend):
    _group(make_practice)
    html = client.get("/search?q=smlouvy&lang=de").get_data(as_text=True)
    assert titles(html) == ["Orientation for carers leaving for Italy"]


def test_words_of_an_unpublished_version_find_nothing(client, make_practice, search_backend):
    english = make_practice(title="Orientation for carers leaving for Italy")
    make_practice("draft", title="Orientace pro pečovatelky", language="cs", group_of=english,
                  **CZECH)
    assert titles(client.get("/search?q=smlouvy").get_data(as_text=True)) == []
