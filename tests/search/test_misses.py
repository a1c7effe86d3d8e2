"""Searches that found nothing are kept for the coordinators (issue 18, part 8): what was
asked, where, in which interface language and with which filters, counted per day; never
who asked; kept 90 days; bounded per day; never in the way of the search itself."""

import json
import re
from datetime import timedelta
from html import unescape

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from headstart.extensions import db
from headstart.search import misses
from headstart.search.models import SearchMiss


def rows(app) -> list[SearchMiss]:
    with app.app_context():
        found = db.session.scalars(sa.select(SearchMiss).order_by(SearchMiss.id)).all()
        db.session.expunge_all()
        return found


@pytest.fixture(autouse=True)
def _fresh_day(app):
    """Each test starts as the first write of a day (the purge runs again)."""
    app.extensions.pop(misses._PURGED, None)
    yield
    app.config["SEARCH_MISSES_PER_DAY"] = misses.PER_DAY


def test_a_search_that_found_nothing_is_kept_without_knowing_who(app, login_as, corpus):
    member = login_as("practitioner")
    response = member.get("/search?q=++Zebra+++crossings+&area=practice&lang=cs")
    assert response.status_code == 200
    [miss] = rows(app)
    assert (miss.query, miss.area, miss.language, miss.results, miss.times) == (
        "Zebra crossings", "practice", "cs", 0, 1)
    assert json.loads(miss.filters) == {}
    assert miss.day == misses.today()
    with app.app_context():
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("search_misses")}
    assert columns == {"id", "day", "query", "area", "language", "filters", "results",
                       "times", "digest"}
    assert not columns & {"user_id", "ip", "address", "session", "session_id", "email"}


def test_the_practice_list_keeps_its_filters(app, client, corpus):
    assert client.get("/practices/?q=zebra&theme=employment&lang=en").status_code == 200
    [miss] = rows(app)
    assert (miss.query, miss.area) == ("zebra", "practice")
    assert json.loads(miss.filters) == {"lang": "en", "theme": "employment"}


def test_the_json_search_keeps_a_miss_too(app, client, corpus):
    assert client.get("/api/v1/search?q=zebra").get_json()["total"] == 0
    assert client.get("/api/v1/practices?q=zebra&country=RO").get_json()["total"] == 0
    kept = {(m.query, m.area, m.filters) for m in rows(app)}
    assert kept == {("zebra", "", "{}"), ("zebra", "practice", '{"country":"RO"}')}


def test_the_same_miss_twice_a_day_is_one_row_counted_twice(app, client, corpus):
    client.get("/search?q=zebra")
    client.get("/search?q=+zebra+")
    [miss] = rows(app)
    assert miss.times == 2
    client.get("/search?q=zebra&area=practice")  # another area: another row
    assert [m.times for m in rows(app)] == [2, 1]


def test_searches_with_results_empty_queries_and_later_pages_are_not_kept(app, client,
                                                                         corpus):
    assert "Brașov" in client.get("/search?q=brasov").get_data(as_text=True)
    client.get("/search?q=")
    client.get("/search?q=+++")
    client.get("/practices/?q=&theme=employment")
    client.get("/search?q=zebra&page=2")
    client.get("/api/v1/practices?q=zebra&page=2")
    assert rows(app) == []


def test_a_failing_write_does_not_break_the_search(app, client, corpus, monkeypatch, caplog):
    def broken(*_args):
        raise OperationalError("INSERT", {}, Exception("database is read-only"))

    monkeypatch.setattr(misses, "_write", broken)
    response = client.get("/search?q=zebra")
    assert response.status_code == 200
    assert "Nothing matches your search" in response.get_data(as_text=True)
    assert client.get("/practices/?q=zebra").status_code == 200
    assert client.get("/api/v1/search?q=zebra").status_code == 200
    assert "could not record a search that found nothing" in caplog.text
    assert rows(app) == []


def test_misses_older_than_90_days_are_deleted(app, client, corpus):
    with app.app_context(), db.engine.begin() as connection:
        for age in (89, 90, 200):
            connection.execute(sa.insert(SearchMiss.__table__).values(
                day=misses.today() - timedelta(days=age), query=f"old {age}", area="",
                language="en", filters="{}", results=0, times=1, digest=str(age)))
    client.get("/search?q=zebra")
    assert sorted(m.query for m in rows(app)) == ["old 89", "zebra"]


def test_a_bot_cannot_add_more_than_the_daily_bound(app, client, corpus):
    app.config["SEARCH_MISSES_PER_DAY"] = 3
    for word in ("alpha", "bravo", "charlie", "delta", "echo"):
        client.get(f"/search?q={word}")
    client.get("/search?q=alpha")  # a miss already kept still counts
    assert {m.query: m.times for m in rows(app)} == {"alpha": 2, "bravo": 1, "charlie": 1}


def test_keeping_a_miss_leaves_the_visitor_pages_cache_alone(app, client, corpus):
    from headstart.core import page_cache

    app.config["PAGE_CACHE_BYTES"] = 1_000_000
    try:
        with app.app_context():
            page_cache.store(app).clear()
            before = page_cache.generation()
        first = client.get("/practices/?q=zebra")
        with app.app_context():
            assert page_cache.generation() == before  # kept pages stay valid
        second = client.get("/practices/?q=zebra")
        assert first.get_data() == second.get_data()
        assert "Set-Cookie" not in first.headers
        # The second one came from the cache: kept once, which the docs accept.
        assert [m.times for m in rows(app)] == [1]
    finally:
        app.config["PAGE_CACHE_BYTES"] = 0
        with app.app_context():
            page_cache.store(app).clear()


def _listed(html: str) -> list[tuple[str, str]]:
    return [(unescape(query), times) for query, times in re.findall(
        r'<td><a href="[^"]+" rel="nofollow" dir="auto">([^<]+)</a></td>\s*<td>([^<]+)</td>',
        html)]


def test_coordinators_see_the_misses_grouped_by_query(app, login_as, client, corpus):
    for _ in range(3):
        client.get("/search?q=zebra")
    client.get("/practices/?q=zebra", headers={"Accept-Language": "ro"})
    client.get("/search?q=unicorn")
    coordinator = login_as("coordinator")
    html = coordinator.get("/search/misses").get_data(as_text=True)
    assert _listed(html) == [("zebra", "4"), ("unicorn", "1")]
    row = html[html.index(">zebra<"):html.index(">unicorn<")]
    assert "Everything, Practices" in row
    assert "English, Română" in row
    assert 'href="/search?q=zebra"' in html  # runs the search again
    assert "Searches that found nothing" in coordinator.get("/search").get_data(as_text=True)
    newest = coordinator.get("/search/misses?sort=newest").get_data(as_text=True)
    assert {q for q, _t in _listed(newest)} == {"zebra", "unicorn"}
    assert coordinator.get("/search/misses?page=9").status_code == 404


def test_only_coordinators_open_the_misses_page(app, login_as, client):
    assert client.get("/search/misses").status_code == 302
    assert login_as("practitioner").get("/search/misses").status_code == 403
    member = login_as("practitioner")
    assert "/search/misses" not in member.get("/search").get_data(as_text=True)
    assert login_as("admin").get("/search/misses").status_code == 200


def test_the_command_lists_the_top_misses(app, client, runner, corpus):
    client.get("/search?q=zebra")
    client.get("/search?q=zebra")
    result = runner.invoke(args=["search", "misses", "--days", "7", "--purge"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^\s+2\s+\S+\s+zebra\s+\[all; en\]$", result.output, re.M)
    assert "1 distinct searches found nothing" in result.output


def test_the_kept_query_is_normalised_and_bounded():
    assert misses.normalise("  a \t b\n\nc ") == "a b c"
    assert len(misses.normalise("x" * 1000)) == misses.MAX_QUERY


def test_a_bound_of_zero_keeps_nothing(app, client, corpus):
    app.config["SEARCH_MISSES_PER_DAY"] = 0
    client.get("/search?q=zebra")
    assert rows(app) == []


def test_the_directory_keeps_its_misses(app, client, corpus):
    assert client.get("/directory/?q=zebra&side=origin").status_code == 200
    [miss] = rows(app)
    assert (miss.query, miss.area, miss.filters) == ("zebra", "organisation",
                                                     '{"side":"origin"}')
