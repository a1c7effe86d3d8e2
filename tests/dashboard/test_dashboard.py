"""The coordinators' dashboard: what waits (counts that link where the work is done) and
the network's figures, on the page and in each CSV file, equal to what the database holds."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta
from html import unescape

import pytest

from headstart.directory.models import Link, Membership, Organisation
from headstart.extensions import db
from headstart.forum.models import ForumCategory, ForumFlag, ForumPost, ForumTopic
from headstart.practices.models import Practice
from headstart.search.models import SearchMiss

RANGE = "?from=2025-01&to=2025-06"


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


def table_of(html: str, name: str) -> list[list[str]]:
    """The rows (heading row first) of the table of figure ``name`` as the reader sees it."""
    section = html.split(f'id="figure-{name}"', 1)[1].split("</section>", 1)[0]
    table = section.split("<table", 1)[1].split("</table>", 1)[0]
    return [[unescape(re.sub(r"<[^>]+>", "", cell)).strip()
             for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]


def csv_of(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def _published(app, practice, day: str, status: str | None = None):
    with app.app_context():
        row = db.session.get(Practice, practice.id)
        row.published_at = at(day)
        if status:
            row.status = status
        db.session.commit()


@pytest.fixture
def network(app, make_practice, make_org, make_user):
    """Practices published in February and April 2025 (one archived, one still under
    review, one translation), links accepted and ended, forum posts, search misses."""
    first = make_practice(title="Orientation for care workers", phase="pre_departure")
    second = make_practice(title="Arrival desk", phase="post_arrival")
    third = make_practice(title="Language before leaving", phase="pre_departure")
    translation = make_practice(title="Orientation (Italian)", language="it",
                                phase="pre_departure", group_of=first)
    archived = make_practice(title="An archived one", phase="continuum")
    make_practice("submitted", title="Waiting for review", phase="continuum")
    _published(app, first, "2025-02-10T09:00:00")
    _published(app, second, "2025-02-20T09:00:00")
    _published(app, third, "2025-04-05T09:00:00")
    _published(app, translation, "2025-04-10T09:00:00")
    _published(app, archived, "2025-02-15T09:00:00", status="archived")

    chisinau = make_org("Chișinău Centre", country="MD")
    vienna = make_org("Vienna Welcome", country="AT", side="destination")
    kyiv = make_org("Kyiv Bridge", country="UA")
    prague = make_org("Prague Arrivals", country="CZ", side="destination")
    rome = make_org("Rome Care", country="IT", side="destination")
    bucharest, berlin = make_org("Bucharest Info", country="RO"), make_org("Berlin", country="DE")
    writer, hidden_writer = make_user(), make_user()
    with app.app_context():
        db.session.add_all([
            Link(proposer_id=chisinau.id, partner_id=vienna.id, origin="MD", destination="AT",
                 status="accepted", accepted_at=at("2025-03-01T10:00:00")),
            Link(proposer_id=kyiv.id, partner_id=prague.id, origin="UA", destination="CZ",
                 status="ended", accepted_at=at("2025-01-15T10:00:00"),
                 closed_at=at("2025-03-10T10:00:00")),
            Link(proposer_id=chisinau.id, partner_id=rome.id, origin="MD", destination="IT",
                 status="accepted", accepted_at=at("2025-05-01T10:00:00")),
            Link(proposer_id=kyiv.id, partner_id=rome.id, origin="UA", destination="IT",
                 status="proposed"),
            Membership(user_id=writer.id, organisation_id=bucharest.id, status="active"),
            Membership(user_id=hidden_writer.id, organisation_id=berlin.id, status="active"),
        ])
        category = ForumCategory(name="Care work")
        db.session.add(category)
        db.session.flush()
        topic = ForumTopic(category_id=category.id, title="Contracts", author_id=writer.id,
                           created_at=at("2025-02-03T08:00:00"))
        held_topic = ForumTopic(category_id=category.id, title="Held", held=True,
                                created_at=at("2025-03-09T08:00:00"))
        db.session.add_all([topic, held_topic])
        db.session.flush()
        db.session.add_all([
            ForumPost(topic_id=topic.id, author_id=writer.id, body="First",
                      created_at=at("2025-02-03T08:00:00")),
            ForumPost(topic_id=topic.id, body="A reply", created_at=at("2025-02-05T08:00:00")),
            ForumPost(topic_id=topic.id, author_id=writer.id, body="Another reply",
                      created_at=at("2025-03-07T08:00:00")),
            ForumPost(topic_id=topic.id, author_id=hidden_writer.id, body="Hidden", hidden=True,
                      created_at=at("2025-03-08T08:00:00")),
            ForumPost(topic_id=held_topic.id, body="Held first post", held=True,
                      created_at=at("2025-03-09T08:00:00")),
        ])
        for day, query, language, times in (
                ("2025-03-02", "seasonal visas", "en", 3),
                ("2025-03-03", "seasonal visas", "en", 2),
                ("2025-03-03", "seasonal visas", "ar", 1),
                ("2025-03-04", "=HYPERLINK(1)", "en", 4),
                ("2024-12-31", "before the range", "en", 9)):
            db.session.add(SearchMiss(day=date.fromisoformat(day), query=query, area="",
                                      language=language, filters="{}", results=0, times=times,
                                      digest=f"{day}{query}{language}"))
        db.session.commit()


def test_practices_per_month_by_phase_count_each_published_practice_once(login_as, network):
    client = login_as("coordinator")
    rows = table_of(client.get("/dashboard/" + RANGE).get_data(as_text=True), "practices")
    assert rows[0] == ["Month", "Pre-departure", "Post-arrival", "Continuum (before and after)",
                       "Total"]
    assert rows[1:] == [
        ["January 2025", "0", "0", "0", "0"], ["February 2025", "1", "1", "0", "2"],
        ["March 2025", "0", "0", "0", "0"], ["April 2025", "1", "0", "0", "1"],
        ["May 2025", "0", "0", "0", "0"], ["June 2025", "0", "0", "0", "0"]]
    assert csv_of(client.get("/dashboard/practices.csv" + RANGE))[1:] == [
        ["2025-01", "0", "0", "0", "0"], ["2025-02", "1", "1", "0", "2"],
        ["2025-03", "0", "0", "0", "0"], ["2025-04", "1", "0", "0", "1"],
        ["2025-05", "0", "0", "0", "0"], ["2025-06", "0", "0", "0", "0"]]


def test_corridor_coverage_follows_links_and_practices_month_by_month(login_as, network):
    client = login_as("coordinator")
    expected = [["2025-01", "1", "0", "0"], ["2025-02", "1", "1", "0"],
                ["2025-03", "1", "1", "0"], ["2025-04", "1", "1", "0"],
                ["2025-05", "2", "1", "1"], ["2025-06", "2", "1", "1"]]
    rows = csv_of(client.get("/dashboard/corridors.csv" + RANGE))
    assert rows[1:] == expected
    page = table_of(client.get("/dashboard/" + RANGE).get_data(as_text=True), "corridors")
    assert page[5] == ["May 2025", "2", "1", "1"]


def test_searches_that_found_nothing_most_frequent_first_by_language(login_as, network):
    client = login_as("coordinator")
    rows = table_of(client.get("/dashboard/" + RANGE).get_data(as_text=True), "misses")
    assert rows[1:] == [["seasonal visas", "English", "5"], ["=HYPERLINK(1)", "English", "4"],
                        ["seasonal visas", "العربية", "1"]]
    # A search typed by anyone cannot become a formula in the coordinator's spreadsheet.
    assert csv_of(client.get("/dashboard/misses.csv" + RANGE))[1:] == [
        ["seasonal visas", "en", "5"], ["'=HYPERLINK(1)", "en", "4"], ["seasonal visas", "ar", "1"]]


def test_active_organisations_per_country(login_as, network):
    client = login_as("coordinator")
    rows = csv_of(client.get("/dashboard/organisations.csv" + RANGE))
    # Moldova: the leads of the 3 practices and of the translation published in the range,
    # and the centre holding links; not the leads of the archived and the submitted ones.
    assert rows[1:] == [["MD", "Moldova", "5", "7"], ["AT", "Austria", "1", "1"],
                        ["CZ", "Czechia", "1", "1"], ["IT", "Italy", "1", "1"],
                        ["RO", "Romania", "1", "1"], ["UA", "Ukraine", "1", "1"]]
    page = table_of(client.get("/dashboard/" + RANGE).get_data(as_text=True), "organisations")
    assert page[1] == ["Moldova", "5", "7"]
    assert "Germany" not in [row[0] for row in page]  # its only post is hidden


def test_forum_activity_leaves_out_held_and_hidden_posts(login_as, network):
    client = login_as("coordinator")
    assert csv_of(client.get("/dashboard/forum.csv" + RANGE))[1:3] == [
        ["2025-01", "0", "0"], ["2025-02", "1", "1"]]
    rows = table_of(client.get("/dashboard/" + RANGE).get_data(as_text=True), "forum")
    assert rows[3] == ["March 2025", "0", "1"]


def test_the_range_narrows_every_figure_and_the_csv_links_keep_it(login_as, network):
    client = login_as("coordinator")
    html = client.get("/dashboard/?from=2025-04&to=2025-04").get_data(as_text=True)
    assert table_of(html, "practices")[1:] == [["April 2025", "1", "0", "0", "1"]]
    misses = html.split('id="figure-misses"', 1)[1].split("</section>", 1)[0]
    assert "No search came back empty in this range." in misses
    assert 'href="/dashboard/practices.csv?from=2025-04&amp;to=2025-04"' in html
    # Dates are taken as their month.
    html = client.get("/dashboard/?from=2025-02-14&to=2025-02-28").get_data(as_text=True)
    assert table_of(html, "practices")[1:] == [["February 2025", "1", "1", "0", "2"]]


def test_the_default_range_is_the_last_twelve_months(app, login_as, make_practice):
    make_practice(title="Just published")
    client = login_as("coordinator")
    rows = table_of(client.get("/dashboard/").get_data(as_text=True), "practices")
    assert len(rows) == 13
    assert rows[-1][-1] == "1"
    today = datetime.now(UTC)
    assert rows[-1][0] == f"{today:%B} {today.year}"


@pytest.mark.parametrize(("query", "message"), [
    ("?from=2025-13", "is not a month"), ("?from=abc", "is not a month"),
    ("?to=2025-02-30", "is not a month"), ("?from=2025-06&to=2025-01", "starts after it ends"),
    ("?from=2001-01&to=2025-01", "at most 120 months")])
def test_a_range_that_cannot_be_read_is_refused_with_the_reason(login_as, query, message):
    client = login_as("coordinator")
    response = client.get("/dashboard/" + query)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert 'name="from"' in html  # the form is shown again, with what waits
    assert "What waits" in html
    response = client.get("/dashboard/forum.csv" + query)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_nothing_waits_when_nothing_waits(login_as):
    html = login_as("coordinator").get("/dashboard/").get_data(as_text=True)
    waiting = html.split('id="waiting-heading"', 1)[1].split("</section>", 1)[0]
    assert waiting.count("nothing waits") == 7


def test_what_waits_counts_and_links_to_where_it_is_handled(app, login_as, make_practice,
                                                             make_org, make_user, make_event):
    from headstart.handbook.models import Chapter, Section

    make_practice("submitted", title="Please review me")
    make_practice("submitted", title="And me")
    organisation = make_org("Unverified Centre")
    make_org("Verified Centre", verified=True)
    applicant, poster = make_user(), make_user()
    make_event("proposed", title="A fair")
    with app.app_context():
        db.session.add(Membership(user_id=applicant.id, organisation_id=organisation.id,
                                  status="pending"))
        category = ForumCategory(name="General")
        db.session.add(category)
        db.session.flush()
        topic = ForumTopic(category_id=category.id, title="Hello", author_id=poster.id)
        db.session.add(topic)
        db.session.flush()
        post = ForumPost(topic_id=topic.id, author_id=poster.id, body="Hello")
        db.session.add_all([post, ForumPost(topic_id=topic.id, body="Held", held=True)])
        db.session.flush()
        db.session.add(ForumFlag(post_id=post.id, user_id=applicant.id, reason="Spam"))
        chapter = Chapter(title="Procedures")
        db.session.add(chapter)
        db.session.flush()
        db.session.add(Section(chapter_id=chapter.id, slug="intake",
                               review_by=date.today() - timedelta(days=1)))
        db.session.commit()
    html = login_as("coordinator").get("/dashboard/").get_data(as_text=True)
    waiting = unescape(html.split('id="waiting-heading"', 1)[1].split('id="network-heading"')[0])
    # Every organisation made above is unverified, but one: the practices' leads too.
    with app.app_context():
        unverified = db.session.query(Organisation).filter_by(verified=False).count()
    for href, text in (
            ("/practices/review", "2 practices are waiting for review."),
            ("/forum/moderation", "1 open flag."),
            ("/forum/moderation", "1 post is waiting for approval."),
            ("#join-requests", "1 request to join an organisation."),
            ("/dashboard/organisations-to-verify",
             f"{unverified} organisations are not verified yet."),
            ("/handbook/edit/", "1 section is due for review."),
            ("/events/#waiting-title", "1 event is waiting for approval.")):
        assert f'<a href="{href}">{text}</a>' in waiting
    assert "nothing waits" not in waiting
    assert re.search(r'<a href="/directory/\d+-unverified-centre#requests-heading"', waiting)


def test_the_organisations_to_verify_are_listed_oldest_first(app, login_as, make_org):
    make_org("First Unverified")
    make_org("Second Unverified")
    make_org("Verified One", verified=True)
    html = login_as("coordinator").get("/dashboard/organisations-to-verify").get_data(
        as_text=True)
    assert html.index("First Unverified") < html.index("Second Unverified")
    assert "Verified One" not in html
    html = login_as("admin").get("/dashboard/organisations-to-verify").get_data(as_text=True)
    assert "2 organisations" in html


def test_the_header_links_the_dashboard_for_coordinators_only(login_as):
    assert 'href="/dashboard/"' in login_as("coordinator").get("/").get_data(as_text=True)
    assert 'href="/dashboard/"' in login_as("admin").get("/").get_data(as_text=True)
    assert 'href="/dashboard/"' not in login_as("practitioner").get("/").get_data(as_text=True)
    assert 'href="/dashboard/"' not in login_as(None).get("/").get_data(as_text=True)


def test_practitioners_are_refused_and_visitors_sent_to_sign_in(login_as):
    assert login_as("practitioner").get("/dashboard/").status_code == 403
    assert login_as("practitioner").get("/dashboard/forum.csv").status_code == 403
    response = login_as(None).get("/dashboard/misses.csv")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


def test_the_charts_are_images_with_a_name_and_mirror_in_arabic(login_as, network):
    client = login_as("coordinator")
    html = client.get("/dashboard/" + RANGE).get_data(as_text=True)
    assert html.count('role="img" aria-labelledby="chart-') == 5
    assert '<title id="chart-practices-title">Practices published per month, by phase</title>' \
        in html

    def first_and_last_label_x(page: str) -> tuple[float, float]:
        svg = page.split('id="chart-forum-title"', 1)[1].split("</svg>", 1)[0]
        xs = [float(x) for x in re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle"',
                                           svg)]
        return xs[0], xs[-1]

    first, last = first_and_last_label_x(html)
    assert first < last  # January on the left
    arabic = client.get("/dashboard/" + RANGE + "&lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in arabic
    first, last = first_and_last_label_x(arabic)
    assert first > last  # January on the right: time runs the way the page reads
