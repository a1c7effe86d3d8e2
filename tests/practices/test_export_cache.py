"""Exports under load (outside review, December 2026, finding 2): rendered once per filter
set and content generation and kept on disk for every worker, junk parameters ignored,
a bounded number of SQL statements whatever the number of practices, and a rate limit
per client address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import event

from headstart.extensions import db
from headstart.practices import views


@pytest.fixture
def renders(monkeypatch):
    """How many times an export was rendered."""
    count = {"n": 0}
    original = views._export_document

    def counting(fmt, filters):
        count["n"] += 1
        return original(fmt, filters)

    monkeypatch.setattr(views, "_export_document", counting)
    return count


def _export(client, url):
    response = client.get(url)
    body = response.get_data()
    response.close()
    return response, body


def test_junk_parameters_do_not_render_the_export_again(app, client, make_practice, renders):
    make_practice("published", title="Orientation in Chișinău")
    first, body = _export(client, "/practices/export.json?x=1")
    second, again = _export(client, "/practices/export.json?x=2&utm_source=feed")
    assert first.status_code == second.status_code == 200
    assert renders["n"] == 1
    assert again == body
    assert json.loads(again)["results"][0]["title"] == "Orientation in Chișinău"
    assert second.headers["Content-Disposition"].startswith("attachment;")
    _export(client, "/practices/export.csv?x=3")
    _export(client, "/practices/export.csv?x=4")
    assert renders["n"] == 2  # one CSV besides the JSON
    assert len(list((Path(app.config["FILE_CACHE_DIR"]) / "exports").glob("*/*.json"))) == 1


def test_other_filters_make_another_export(client, make_practice, renders):
    for title, code in (("In Japan", "JP"), ("In Austria", "AT")):
        make_practice("published", title=title, implementation_countries=[code],
                      origin_countries=[code], destination_countries=[code])
    _response, japan = _export(client, "/practices/export.json?country=JP")
    _response, austria = _export(client, "/practices/export.json?country=at")
    assert [r["title"] for r in json.loads(japan)["results"]] == ["In Japan"]
    assert [r["title"] for r in json.loads(austria)["results"]] == ["In Austria"]
    assert json.loads(austria)["filters"] == {"country": "AT"}
    assert renders["n"] == 2
    _export(client, "/practices/export.json?country=AT")  # the same filter, normalised
    assert renders["n"] == 2


def test_publishing_a_practice_changes_the_export(app, client, make_practice, renders):
    make_practice("published", title="First practice")
    _response, before = _export(client, "/practices/export.json")
    make_practice("published", title="Second practice")
    _response, after = _export(client, "/practices/export.json")
    assert renders["n"] == 2
    assert sorted(r["title"] for r in json.loads(after)["results"]) == [
        "First practice", "Second practice"]
    assert [r["title"] for r in json.loads(before)["results"]] == ["First practice"]
    # The old generation's file is gone: the cache does not grow with every change.
    assert len(list((Path(app.config["FILE_CACHE_DIR"]) / "exports").iterdir())) == 1


def _statements_of_export(app, client) -> tuple[int, int]:
    seen = []

    def count(*_args):
        seen.append(1)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        response, body = _export(client, "/practices/export.json")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert response.status_code == 200
    return len(seen), len(json.loads(body)["results"])


def test_the_export_query_count_does_not_grow_with_the_practices(
        app, client, make_practice, make_org):
    def add(n):
        for i in range(n):
            partner = make_org(f"Partner {i} of {n}")
            make_practice("published", title=f"Practice {i} of {n}",
                          partner_ids=[partner.id])

    add(3)
    few, exported = _statements_of_export(app, client)
    assert exported == 3
    add(27)
    many, exported = _statements_of_export(app, client)
    assert exported == 30
    assert many == few  # not one more statement per practice (or partner)
    assert many <= 15


def test_exports_beyond_the_limit_get_429_with_retry_after(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "EXPORT_LIMIT", "3 per minute")
    for query in ("?x=1", "?x=2", "?x=3"):
        assert _export(client, "/practices/export.csv" + query)[0].status_code == 200
    refused, _body = _export(client, "/practices/export.json?x=4")
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 61
    assert "Too many attempts" in refused.get_data(as_text=True)
    other = app.test_client()
    response = other.get("/practices/export.csv", environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert response.status_code == 200  # counted per client address
    response.close()


def test_an_export_listed_while_the_index_is_unavailable_is_not_kept(
        app, client, make_practice, renders, monkeypatch):
    from headstart.search import service
    from headstart.search.base import IndexUnavailable

    make_practice("published", title="Still listed")

    def unavailable(_request):
        raise IndexUnavailable("being rebuilt")

    monkeypatch.setattr(service, "search", unavailable)
    monkeypatch.setattr(service, "repair_soon", lambda: None)
    for query in ("?x=1", "?x=2"):
        response, body = _export(client, "/practices/export.json" + query)
        assert response.status_code == 200
        assert [r["title"] for r in json.loads(body)["results"]] == ["Still listed"]
    assert renders["n"] == 2
