"""The home page as a visitor sees it: a practice search that leads to results, a corridor
picker over the network's countries that leads to the counterpart finder or the
corridor's practices, the newest practices, upcoming events and the latest handbook
edition; bad corridors get a message, never an error page; and the page cache shows new
content on the next request."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from html import unescape

import pytest

from headstart.extensions import db
from headstart.practices.models import Practice


def html(client, url="/", status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.get_data(as_text=True)


def text(page: str) -> str:
    """What the page's main part says, without tags (search results mark the words)."""
    main = page.split("<main", 1)[-1]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", main)))


def section(page: str, heading_id: str) -> str:
    """The text of the page's ``<section aria-labelledby=heading_id>``."""
    match = re.search(rf'<section aria-labelledby="{heading_id}".*?</section>', page, re.S)
    assert match, f"no section {heading_id}"
    return unescape(match.group(0))


def options(page: str, select_id: str) -> dict[str, str]:
    """``{value: label}`` of a ``<select>``'s options (the empty choice left out)."""
    match = re.search(rf'<select id="{select_id}".*?</select>', page, re.S)
    assert match, f"no select {select_id}"
    return {value: unescape(label) for value, label in re.findall(
        r'<option value="([^"]*)"[^>]*>([^<]*)</option>', match.group(0)) if value}


def _set_published(app, practice_id: int, when: datetime) -> None:
    with app.app_context():
        db.session.get(Practice, practice_id).published_at = when
        db.session.commit()


# --- the practice search -------------------------------------------------------------------


def test_the_search_box_is_labelled_and_submits_to_the_practice_results(client, make_practice):
    make_practice(title="Italian for care workers before departure")
    make_practice(title="Housing advice in Vienna", summary="Flats and tenancy law.",
                  challenge="Rents.", approach="Advice.", results="Homes.",
                  beneficiaries="Families.")
    page = html(client)
    form = re.search(r'<form class="home-search" method="get" action="([^"]+)".*?</form>',
                     page, re.S)
    assert form, "no practice search form on the home page"
    assert re.search(r'<label for="home-q">[^<]+</label>', form.group(0))
    assert 'id="home-q" type="search" name="q"' in form.group(0)
    results = text(html(client, f"{form.group(1)}?q=tenancy"))
    assert "Housing advice in Vienna" in results
    assert "Italian for care workers before departure" not in results


# --- the corridor picker -------------------------------------------------------------------


@pytest.fixture
def network(make_org, make_practice):
    """A Moldovan provider serving Moldova → Italy, an Italian counterpart, a Ukrainian
    provider without corridors, a German counterpart, and a published practice on
    Vietnam → Czechia (from which the picker takes those two countries)."""
    made = {
        "moldova": make_org("Centre Chișinău", side="origin", country="MD",
                            services=["language_training"], corridors=["MD-IT"]),
        "italy": make_org("Accoglienza Torino", side="destination", country="IT",
                          services=["language_training"], corridors=["MD-IT"]),
        "ukraine": make_org("Lviv Jobs", side="origin", country="UA"),
        "germany": make_org("Willkommen Berlin", side="destination", country="DE"),
    }
    made["practice"] = make_practice(title="Czech before leaving Hanoi",
                                     origin_countries=["VN"], destination_countries=["CZ"],
                                     implementation_countries=["VN"])
    return made


def test_the_picker_lists_the_network_countries_on_each_side(client, network):
    page = html(client)
    origins = options(page, "corridor-origin")
    destinations = options(page, "corridor-destination")
    # Lead organisations of the practice fixture are Moldovan origin providers too.
    assert set(origins) == {"MD", "UA", "VN"}
    assert set(destinations) == {"IT", "DE", "CZ"}
    assert origins["MD"] == "Moldova"
    assert list(origins.values()) == sorted(origins.values())


def test_the_picker_names_countries_in_the_readers_language(client, network):
    page = html(client, "/?lang=de")
    assert options(page, "corridor-destination")["DE"] == "Deutschland"
    assert options(page, "corridor-destination")["IT"] == "Italien"


def test_the_picker_leads_to_the_finder_for_the_corridor(client, network):
    response = client.get("/corridor?origin=MD&destination=IT&show=counterparts")
    assert response.status_code == 302
    assert response.headers["Location"] == "/directory/counterparts?origin=MD&destination=IT"
    finder = html(client, response.headers["Location"])
    assert "Suggestions for Moldova → Italy" in finder
    assert "Accoglienza Torino" in finder


def test_the_picker_leads_to_the_corridors_practices(client, network):
    response = client.get("/corridor?origin=vn&destination=cz&show=practices")
    assert response.status_code == 302
    assert response.headers["Location"] == "/practices/?corridor=VN-CZ"
    assert "Czech before leaving Hanoi" in html(client, response.headers["Location"])


@pytest.mark.parametrize("query", [
    "", "origin=MD", "origin=MD&destination=MD", "origin=ZZ&destination=IT",
    "origin=%3Cscript%3E&destination=IT", "origin=" + "M" * 5000 + "&destination=IT",
    "origin=MD-IT&destination=", "origin=12&destination=IT&show=practices",
])
def test_a_bad_corridor_shows_the_home_page_with_a_message(client, network, query):
    page = html(client, f"/corridor?{query}", status=422)
    picker = section(page, "corridor-heading")
    assert 'role="alert"' in picker
    assert ("Choose two different countries: where people leave from and where they go."
            in picker)
    assert 'aria-invalid="true"' in picker
    assert "<script>" not in page.split("<main", 1)[1]
    # The rest of the home page is still there.
    assert "Newest practices" in page


def test_a_bad_corridor_keeps_the_valid_choice(client, network):
    page = html(client, "/corridor?origin=MD&destination=MD", status=422)
    assert re.search(r'<option value="MD" selected>Moldova</option>', page)


# --- newest practices, events, handbook ----------------------------------------------------


def test_the_five_newest_published_practices_newest_first(app, client, make_practice):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for n in range(7):
        practice = make_practice(title=f"Practice number {n}")
        _set_published(app, practice.id, start + timedelta(days=n))
    make_practice("submitted", title="Waiting for review practice")
    make_practice("returned", title="Returned practice")
    newest = section(html(client), "newest-heading")
    titles = re.findall(r">Practice number (\d)</a>", newest)
    assert titles == ["6", "5", "4", "3", "2"]
    assert "Waiting for review practice" not in newest
    assert "Returned practice" not in newest
    assert "Published 7 Jan 2026" in newest
    assert "Lead of Practice number 6" in newest


def test_newest_practices_dates_in_the_readers_language(app, client, make_practice):
    practice = make_practice(title="Práce v pečovatelství")
    _set_published(app, practice.id, datetime(2026, 3, 5, 12, tzinfo=UTC))
    assert "5. 3. 2026" in section(html(client, "/?lang=cs"), "newest-heading")


def _soon(days: int) -> dict:
    start = (datetime.now(UTC) + timedelta(days=days)).replace(tzinfo=None, hour=10, minute=0,
                                                               second=0, microsecond=0)
    return {"starts": start, "ends": start + timedelta(hours=3)}


def test_only_approved_events_that_have_not_ended_soonest_first(client, make_event):
    make_event(title="Fair in ten days", **_soon(10))
    make_event(title="Webinar in two days", **_soon(2))
    make_event("proposed", title="Proposed seminar", **_soon(3))
    make_event("declined", title="Declined training", **_soon(4))
    make_event(title="Seminar last month", **_soon(-30))
    events = section(html(client), "events-heading")
    assert re.findall(r"(Webinar in two days|Fair in ten days)", events) == [
        "Webinar in two days", "Fair in ten days"]
    for absent in ("Proposed seminar", "Declined training", "Seminar last month"):
        assert absent not in events
    assert "(Europe/Prague)" in events


def test_at_most_five_upcoming_events(client, make_event):
    for n in range(7):
        make_event(title=f"Session {n}", **_soon(n + 1))
    events = section(html(client), "events-heading")
    assert re.findall(r"Session (\d)", events) == ["0", "1", "2", "3", "4"]


def test_event_dates_in_the_readers_language(client, make_event):
    event = make_event(title="Orientation day", starts=datetime(2027, 3, 9, 10),
                       ends=datetime(2027, 3, 9, 17))
    assert event.status == "approved"
    german = section(html(client, "/?lang=de"), "events-heading")
    assert re.search(r"09\.03\.2027, 10:00 ?– ?17:00", german)
    assert "9 Mar 2027, 10:00" in section(html(client, "/?lang=en"), "events-heading")


def test_no_edition_yet_says_so(client):
    assert "has no published edition yet" in section(html(client), "handbook-heading")


def test_the_latest_edition_and_its_pdf(client, handbook, publish):
    publish("First")
    publish("Second")
    shown = section(html(client), "handbook-heading")
    assert 'href="/handbook/editions/2"' in shown
    assert 'href="/handbook/editions/2.pdf"' in shown
    assert "/handbook/editions/1" not in shown
    assert "Edition 2, published" in shown


def test_the_introduction_and_the_figures_stay(client, network):
    page = html(client)
    assert "HEADSTART connects the people who prepare migrants" in page
    figures = section(page, "figures-heading")
    assert re.search(r"Providers in countries of origin</dt><dd>3</dd>", figures)
    assert re.search(r"Counterparts in destination countries</dt><dd>2</dd>", figures)


def test_a_visitor_sees_no_member_block(client, network):
    page = html(client)
    assert "What waits for me" not in page
    assert "My organisation&#39;s corridors" not in page


def test_the_home_page_lays_out_right_to_left_in_arabic(client, network):
    page = html(client, "/?lang=ar")
    assert '<html lang="ar" dir="rtl">' in page
    assert '<span class="corridor-arrow" aria-hidden="true">←</span>' in page


# --- the page cache ------------------------------------------------------------------------


def test_the_home_page_is_kept_for_visitors(app, client, login_as, network, kept):
    html(client)
    assert len(kept) == 1
    html(login_as(None))
    assert len(kept) == 1  # the second visitor got the kept page


def test_new_content_shows_on_the_kept_home_page(app, client, make_practice, make_event,
                                                 handbook, publish, kept):
    assert "Brand-new practice" not in html(client)
    make_practice(title="Brand-new practice")
    assert "Brand-new practice" in section(html(client), "newest-heading")
    event = make_event("proposed", title="Job fair in Turin", **_soon(5))
    assert "Job fair in Turin" not in html(client)
    from headstart.events import services
    from headstart.events.models import Event
    from tests.events.conftest import _Coordinator

    with app.app_context():
        services.decide(db.session.get(Event, event.id), "approve", actor=_Coordinator())
        db.session.commit()
    assert "Job fair in Turin" in section(html(client), "events-heading")
    assert "has no published edition yet" in html(client)
    publish("First")
    assert 'href="/handbook/editions/1"' in section(html(client), "handbook-heading")
