"""The Atom feed, CSV and JSON exports (published only, filtered like the list,
spreadsheet-safe), schema.org JSON-LD and the print view."""

import csv
import io
import json
import re

import feedparser
import pytest

from headstart.practices.feeds import spreadsheet_safe


def test_the_feed_parses_and_lists_newly_published_practices_only(app, client, make_practice):
    make_practice("published", title="Orientation days in Chișinău")
    make_practice("submitted", title="Not yet reviewed")
    make_practice("draft", title="Secret draft")
    response = client.get("/practices/feed.atom")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == ["Orientation days in Chișinău"]
    entry = feed.entries[0]
    assert re.match(r"^http://localhost/practices/\d+-orientation-days-in-chisinau$", entry.link)
    assert entry.published_parsed
    assert entry.updated_parsed
    assert "Three-day orientation" in entry.summary
    assert {t.term for t in entry.tags} == {"employment", "information_orientation"}
    assert feed.feed.links[0].rel == "self"


def test_the_feed_accepts_the_search_filters(client, make_practice):
    make_practice("published", title="In Italy", destination_countries=["IT"],
                  implementation_countries=["IT"])
    make_practice("published", title="In Austria", implementation_countries=["AT"],
                  themes=["health"])
    titles = lambda url: [e.title for e in feedparser.parse(client.get(url).data).entries]  # noqa: E731
    assert titles("/practices/feed.atom?country=AT") == ["In Austria"]
    assert titles("/practices/feed.atom?theme=health") == ["In Austria"]
    assert titles("/practices/feed.atom?theme=no_such_theme") == []
    feed = feedparser.parse(client.get("/practices/feed.atom?country=AT").data)
    assert "country=AT" in feed.feed.id


def test_the_list_page_links_its_feed_and_exports_with_the_filters(client, make_practice):
    make_practice("published")
    page = client.get("/practices/?theme=health").get_data(as_text=True)
    assert 'type="application/atom+xml"' in page
    assert "/practices/feed.atom?theme=health" in page
    assert "/practices/export.csv?theme=health" in page
    assert "/practices/export.json?theme=health" in page


def test_csv_export_is_utf8_has_every_published_match_and_no_contact_details(
        client, make_practice):
    make_practice("published", title="Vzdělávání v Brně", city_region="Brno")
    make_practice("draft", title="Hidden draft")
    response = client.get("/practices/export.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert [r["title"] for r in rows] == ["Vzdělávání v Brně"]
    assert rows[0]["themes"] == "Employment; Information and orientation"
    assert rows[0]["countries"] == "Moldova"
    assert "ana@centre.example.org" not in response.get_data(as_text=True)


@pytest.mark.parametrize("payload", ["=HYPERLINK(\"http://evil.example\",\"x\")",
                                     "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
                                     "\t=1+1", "＝1+1"])
def test_csv_cells_that_look_like_formulas_are_neutralised(client, make_practice, payload):
    make_practice("published", title=payload, city_region=payload)
    rows = list(csv.reader(io.StringIO(
        client.get("/practices/export.csv").data.decode("utf-8-sig"))))
    header, row = rows[0], rows[1]
    for column in ("title", "city_region"):
        cell = row[header.index(column)]
        assert cell.startswith("'"), cell
        assert cell[1:].strip() == payload.strip()


def test_spreadsheet_safe_leaves_ordinary_text_alone():
    assert spreadsheet_safe("Path to Progress") == "Path to Progress"
    assert spreadsheet_safe("2024") == "2024"
    assert spreadsheet_safe(None) == ""
    assert spreadsheet_safe("=1") == "'=1"


def test_json_export_carries_codes_labels_and_the_filters(client, make_practice):
    make_practice("published", title="Language courses", themes=["education_language"])
    make_practice("published", title="Jobs", themes=["employment"])
    response = client.get("/practices/export.json?theme=education_language")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    document = json.loads(response.data)
    assert document["total"] == 1
    assert document["filters"] == {"theme": "education_language"}
    [record] = document["results"]
    assert record["title"] == "Language courses"
    assert record["themes"] == [{"code": "education_language",
                                 "label": "Education and language"}]
    assert record["origin_countries"] == [{"code": "MD", "name": "Moldova"}]
    assert "contact_email" not in record
    assert "contact_name" not in record


def test_a_published_practice_describes_itself_in_json_ld(client, make_practice):
    practice = make_practice("published", title="Orientation <script>alert(1)</script>")
    page = client.get(f"/practices/{practice.id}").get_data(as_text=True)
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert match
    assert "<script>alert" not in match.group(1)  # escaped inside the JSON
    data = json.loads(match.group(1))
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Orientation <script>alert(1)</script>"
    assert data["inLanguage"] == "en"
    assert data["spatialCoverage"][0]["identifier"] == "MD"
    assert data["author"]["name"].startswith("Lead of")


def test_a_draft_has_no_json_ld(login_as, make_practice, make_user):
    author = make_user("practitioner")
    practice = make_practice("draft", author=author)
    page = login_as(user=author).get(f"/practices/{practice.id}").get_data(as_text=True)
    assert "application/ld+json" not in page


def test_the_print_view_has_every_section_and_the_source_address(client, make_practice):
    practice = make_practice("published", title="Printable practice")
    page = client.get(f"/practices/{practice.id}/print").get_data(as_text=True)
    for heading in ("Challenge and objectives", "How it works", "Results", "Evaluation",
                    "Who benefits", "Funding and resources", "Classification"):
        assert heading in page
    assert "Contact details are shown to signed-in members" in page
    assert f"/practices/{practice.id}-printable-practice" in page


def test_control_characters_never_break_the_feed_and_ids_survive_a_rename(
        app, client, make_practice):
    from headstart.extensions import db
    from headstart.practices.models import Practice

    practice = make_practice("published", title="Bad\x01title")
    feed = feedparser.parse(client.get("/practices/feed.atom").data)
    assert not feed.bozo
    entry_id = feed.entries[0].id
    assert entry_id.endswith(f"/practices/{practice.id}")
    with app.app_context():
        db.session.get(Practice, practice.id).title = "Renamed"
        db.session.commit()
    renamed = feedparser.parse(client.get("/practices/feed.atom").data)
    assert renamed.entries[0].id == entry_id
