"""The practice list page as a searcher uses it, on both backends: facet links whose
counts equal what clicking them shows, highlighted words, "did you mean", ordering,
pages, odd input, and a damaged index that the page survives."""

import re
from html import unescape

import pytest

from headstart.extensions import db
from headstart.practices import services
from headstart.practices.models import Practice


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def titles(html):
    return [unescape(re.sub(r"<[^>]+>", "", t)) for t in
            re.findall(r'<h2><a href="/practices/\d+[^"]*"[^>]*>(.*?)</a></h2>', html)]


def total(html):
    return int(re.search(r'class="result-count" role="status">(\d+)', html).group(1))


def facet_links(html, heading):
    """(href, label, count) of the links under a facet heading."""
    section = re.search(rf"<h3>{heading}</h3>(.*?)</section>", html, re.S).group(1)
    return [(unescape(href), unescape(label).strip(), int(count)) for href, label, count in
            re.findall(r'<a[^>]*href="([^"]+)"[^>]*>(?:<span[^>]*>[^<]*</span>)?([^<]+)'
                       r'<span class="count">\((\d+)\)</span>', section)]


def test_every_facet_count_equals_what_its_link_shows(client, corpus):
    html = page(client, "/practices/?q=workers+OR+centre+OR+german+OR+roma")
    assert total(html) == 4
    for heading in ("Country", "Theme", "Phase", "Corridor", "Language", "Start year"):
        links = facet_links(html, heading)
        assert links, heading
        for href, label, count in links:
            assert total(page(client, href)) == count, (heading, label)
    # Filters combine: employment and Poland leave the Roma cooperatives only.
    employment = dict((label, href) for href, label, _n in facet_links(html, "Theme"))
    narrowed = page(client, employment["Employment"])
    poland = dict((label, href) for href, label, _n in facet_links(narrowed, "Country"))
    assert titles(page(client, poland["Poland"])) == ["Roma cooperatives"]


def test_a_chosen_filter_is_shown_and_can_be_removed(client, corpus):
    html = page(client, "/practices/?theme=employment")
    assert sorted(titles(html)) == ["Roma cooperatives", "Vocational trainings for care workers"]
    chosen = re.search(r'<a aria-current="true" class="selected" href="([^"]+)"', html)
    assert chosen
    assert "Remove filter:" in html
    assert total(page(client, unescape(chosen.group(1)))) == 4


def test_search_words_are_marked_in_titles_and_snippets(client, corpus):
    html = page(client, "/practices/?q=brasov+questions")
    assert titles(html) == ["Information centre in Brașov"]
    assert "<mark>Brașov</mark>" in html
    assert "<mark>questions</mark>" in html
    stemmed = page(client, "/practices/?q=training")
    assert "<mark>trainings</mark>" in stemmed
    assert "<mark>trained</mark>" in stemmed


def test_a_misspelt_word_gets_a_suggestion_that_finds_something(client, corpus):
    html = page(client, "/practices/?q=cooperatves")
    # The misspelt word finds what its correction finds (issue 18, typo tolerance), and
    # the correction is still offered.
    assert titles(html) == ["Roma cooperatives"]
    assert "Did you mean:" in html
    link = re.search(r'Did you mean:</p>|Did you mean: <a href="([^"]+)"', html).group(1)
    assert titles(page(client, unescape(link))) == ["Roma cooperatives"]
    assert "Did you mean" not in page(client, "/practices/?q=cooperatives")
    assert "Did you mean" not in page(client, "/practices/?q=zzzzqqq")


def test_relevance_and_newest_order(app, client, corpus):
    relevance = titles(page(client, "/practices/?q=information"))
    assert relevance[0] == "Information centre in Brașov"  # title hit above body hits
    newest = titles(page(client, "/practices/?q=information&sort=newest"))
    assert sorted(newest) == sorted(relevance)
    with app.app_context():
        published = [p.title for p in db.session.scalars(
            db.select(Practice).where(Practice.title.in_(newest))
            .order_by(Practice.published_at.desc(), Practice.id.desc()))]
    assert newest == published
    # Without words the newest come first.
    assert titles(page(client, "/practices/"))[0] == "Roma cooperatives"


def test_pages_of_results_and_a_page_past_the_end(app, client, make_practice, search_backend):
    for n in range(23):
        make_practice("published", title=f"Orientation session {n:02d}")
    first = page(client, "/practices/?q=orientation")
    assert total(first) == 23
    assert len(titles(first)) == 20
    assert 'rel="next"' in first
    assert "Page 1 of 2" in first
    second = page(client, "/practices/?q=orientation&page=2")
    assert len(titles(second)) == 3
    assert not set(titles(second)) & set(titles(first))
    past = client.get("/practices/?q=orientation&page=9")
    assert past.status_code == 404
    assert "Go to the last page" in past.get_data(as_text=True)
    assert client.get("/practices/?page=abc").status_code == 200


@pytest.mark.parametrize("q", [
    '"', '"""', "OR", "-", "- - -", "AND OR", "((", "*?", "%", "\\", "'; drop table", "<script>",
    "a" * 3000, "word " * 200, "\u202e\u200b", "🙂", "NOT", '"unfinished phrase', "-only"])
def test_any_query_string_gives_a_page(client, corpus, q):
    response = client.get("/practices/", query_string={"q": q})
    assert response.status_code == 200
    assert "<script>" not in response.get_data(as_text=True).split("<main", 1)[1].replace(
        "&lt;script&gt;", "")


def test_malformed_filters_are_ignored_not_errors(client, corpus):
    for query in ("year=abc", "year=99999", "corridor=XXXX", "country=%C3%A9", "sort=evil",
                  "lang=../../", "page=-4", "theme=" + "x" * 500):
        assert client.get(f"/practices/?{query}").status_code == 200, query
    assert client.get("/practices/?country=%00").status_code == 400  # NUL: refused


# Whoosh leaves the damaged table-of-contents file open when it fails to read it.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.whoosh_only  # only the embedded index lives in files that can be damaged
def test_a_damaged_index_leaves_the_page_working_with_a_notice(
        app, client, runner, corpus, search_backend):
    import os
    directory = app.config["INDEX_DIR"]
    for name in os.listdir(directory):
        if name.endswith((".seg", ".toc", ".trm", ".pst", ".fdt")):
            with open(os.path.join(directory, name), "wb") as handle:
                handle.write(b"\x00garbage")
    search_backend._reset()
    html = page(client, "/practices/?q=German")
    assert "Search is being repaired" in html
    assert titles(html) == ["German courses before departure"]  # from the database
    health = client.get("/healthz")
    assert health.get_json()["search"]["status"] == "corrupt"
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    html = page(client, "/practices/?q=German")
    assert "Search is being repaired" not in html
    assert titles(html) == ["German courses before departure"]
    assert client.get("/healthz").get_json()["search"]["status"] == "ok"


def test_unpublishing_removes_a_practice_from_the_page(app, client, corpus):
    assert "Roma cooperatives" in titles(page(client, "/practices/?q=roma"))
    with app.app_context():
        practice = db.session.get(Practice, corpus["roma"])
        services.transition(practice, "archive", actor=_Coordinator())
        db.session.commit()
    assert titles(page(client, "/practices/?q=roma")) == []


class _Coordinator:
    id = None
    role = "coordinator"
    is_authenticated = True


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.whoosh_only
def test_the_portal_rebuilds_a_damaged_index_by_itself(app, client, corpus, search_backend):
    import os
    import time

    from headstart.search import service

    directory = app.config["INDEX_DIR"]
    for name in os.listdir(directory):
        if name.endswith(".toc"):
            with open(os.path.join(directory, name), "wb") as handle:
                handle.write(b"\x00garbage")
    search_backend._reset()
    app.config["SEARCH_AUTO_REPAIR"] = True
    service._last_repair.clear()
    try:
        assert "Search is being repaired" in page(client, "/practices/?q=German")
        deadline = time.monotonic() + 30
        while "Search is being repaired" in page(client, "/practices/?q=German"):
            assert time.monotonic() < deadline, "the index was not rebuilt"
            time.sleep(0.2)
        assert titles(page(client, "/practices/?q=German")) == ["German courses before departure"]
        with app.test_request_context():
            assert service.repair_soon() is False  # not again within the cool-down
    finally:
        app.config["SEARCH_AUTO_REPAIR"] = False
        service._last_repair.clear()
