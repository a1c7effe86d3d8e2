"""The .ics download and feed parse with ``icalendar`` and give the right instants across
daylight-saving changes; pages show times in the reader's zone with the event's own."""

from datetime import UTC, datetime

import icalendar
import pytest

from headstart.core import subjects
from headstart.events import ics
from tests.helpers import post_form


def _vevents(body: bytes):
    calendar = icalendar.Calendar.from_ical(body)
    return [c for c in calendar.walk() if c.name == "VEVENT"]


@pytest.mark.parametrize(("starts", "ends", "utc_start", "utc_end"), [
    # Prague leaves summer time on 25 October 2026: 10:00 is 08:00 UTC before, 09:00 after.
    (datetime(2026, 10, 24, 10), datetime(2026, 10, 24, 12), datetime(2026, 10, 24, 8),
     datetime(2026, 10, 24, 10)),
    (datetime(2026, 10, 26, 10), datetime(2026, 10, 26, 12), datetime(2026, 10, 26, 9),
     datetime(2026, 10, 26, 11)),
    # Over the night the clocks go back: the event lasts one hour longer than it looks.
    (datetime(2026, 10, 24, 20), datetime(2026, 10, 25, 8), datetime(2026, 10, 24, 18),
     datetime(2026, 10, 25, 7)),
    # Summer time starts on 28 March 2027.
    (datetime(2027, 3, 27, 10), datetime(2027, 3, 27, 11), datetime(2027, 3, 27, 9),
     datetime(2027, 3, 27, 10)),
    (datetime(2027, 3, 29, 10), datetime(2027, 3, 29, 11), datetime(2027, 3, 29, 8),
     datetime(2027, 3, 29, 9)),
])
def test_ics_carries_the_right_instants_across_daylight_saving_changes(
        client, make_event, starts, ends, utc_start, utc_end):
    event = make_event(starts=starts, ends=ends)
    response = client.get(f"/events/{event.id}.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    [vevent] = _vevents(response.data)
    assert vevent.decoded("dtstart") == utc_start.replace(tzinfo=UTC)
    assert vevent.decoded("dtend") == utc_end.replace(tzinfo=UTC)


def test_ics_is_well_formed_with_stable_uid_escaping_and_absolute_url(app, client, login_as,
                                                                      make_event):
    event = make_event(title="Seminar; day one, part 2", place="Room 3, Prague",
                       description="Line one\nLine two, with a comma; and more " + "é" * 80)
    body = client.get(f"/events/{event.id}.ics").data
    lines = body.split(b"\r\n")
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    body.decode("utf-8")  # folding never splits a character
    [vevent] = _vevents(body)
    assert str(vevent["summary"]) == "Seminar; day one, part 2"
    assert str(vevent["location"]) == "Room 3, Prague"
    assert "Line one\nLine two, with a comma; and more" in str(vevent["description"])
    assert str(vevent["url"]).startswith("http://localhost/events/")
    assert vevent["dtstamp"] is not None
    uid, sequence = str(vevent["uid"]), int(vevent["sequence"])
    assert uid == str(_vevents(client.get(f"/events/{event.id}.ics").data)[0]["uid"])

    coordinator = login_as("coordinator")
    form = coordinator.get(f"/events/{event.id}/edit").get_data(as_text=True)
    assert "Seminar; day one, part 2" in form
    response = post_form(coordinator, f"/events/{event.id}/edit", {
        "title": "Seminar; day one, part 2", "description": "Moved by an hour.",
        "starts": "2026-10-24T11:00", "ends": "2026-10-24T17:00",
        "timezone": "Europe/Prague", "place": "Room 3, Prague", "online_url": "",
        "corridors": "UA-CZ", "languages": ["cs"], "themes": ["employment"],
        "organisation_id": "0"})
    assert response.status_code == 302
    [changed] = _vevents(client.get(f"/events/{event.id}.ics").data)
    assert str(changed["uid"]) == uid
    assert int(changed["sequence"]) == sequence + 1
    assert changed.decoded("last-modified") >= vevent.decoded("last-modified")


def test_feed_takes_the_list_filters(client, make_event):
    make_event(title="Ukraine to Czechia", corridors="UA-CZ")
    make_event(title="Moldova to Italy online", corridors="MD-IT", place="",
               online_url="https://meet.example.org/x", timezone="Europe/Chisinau")
    everything = {str(e["summary"]) for e in _vevents(client.get("/events/calendar.ics").data)}
    assert everything == {"Ukraine to Czechia", "Moldova to Italy online"}
    corridor = _vevents(client.get("/events/calendar.ics?corridor=MD-IT").data)
    assert [str(e["summary"]) for e in corridor] == ["Moldova to Italy online"]
    in_person = _vevents(client.get("/events/calendar.ics?mode=in_person").data)
    assert [str(e["summary"]) for e in in_person] == ["Ukraine to Czechia"]


def test_fold_and_escape_follow_rfc_5545():
    assert ics.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = ics.fold("DESCRIPTION:" + "ж" * 100)
    physical = folded.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in physical)
    assert all(line.startswith(b" ") for line in physical[1:])
    assert b"".join(line[1:] if i else line for i, line in enumerate(physical)).decode() == (
        "DESCRIPTION:" + "ж" * 100)


def test_times_are_shown_in_the_readers_zone_with_the_events_own_zone(client, make_event):
    event = make_event(starts=datetime(2026, 10, 26, 10), ends=datetime(2026, 10, 26, 12))
    own = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "10:00" in own
    assert "Europe/Prague" in own
    assert "Event time" not in own  # the reader's zone is not known: the event's is shown
    page = client.get(f"/events/{event.id}?tz=America/New_York")
    text = page.get_data(as_text=True)
    assert "5:00" in text
    assert "America/New_York" in text
    assert "Event time:" in text
    assert "Europe/Prague" in text
    assert "headstart_tz=America/New_York" in page.headers["Set-Cookie"]
    # Remembered for the next page; a wrong zone is ignored, never an error.
    assert "America/New_York" in client.get("/events/?when=all").get_data(as_text=True)
    for bad in ("Mars/Olympus", "../etc", "x" * 500):
        assert client.get(f"/events/{event.id}?tz={bad}").status_code == 200


def test_month_calendar_puts_events_on_their_days_without_javascript(client, make_event):
    make_event(title="Two-day seminar", starts=datetime(2026, 10, 20, 9),
               ends=datetime(2026, 10, 21, 13))
    make_event(title="November fair", starts=datetime(2026, 11, 3, 14),
               ends=datetime(2026, 11, 3, 18))
    page = client.get("/events/2026/10?tz=Europe/Prague").get_data(as_text=True)
    assert page.count("Two-day seminar") == 2  # on the 20th and the 21st
    assert "November fair" not in page
    assert "November fair" in client.get("/events/2026/11").get_data(as_text=True)
    cells = page.split("<td")
    assert any("Tuesday, 20 October 2026" in c and "Two-day seminar" in c for c in cells)
    same = client.get("/events/?view=month&month=2026-10&tz=Europe/Prague")
    assert same.get_data(as_text=True).count("Two-day seminar") == 2
    assert client.get("/events/2026/13").status_code == 404
    assert client.get("/events/?view=month&month=nonsense").status_code == 200


def test_list_filters_by_corridor_theme_language_mode_and_date(client, make_event):
    make_event(title="Past seminar", starts=datetime(2015, 3, 24, 9),
               ends=datetime(2015, 3, 25, 13), corridors="MD-IT", themes=["education_language"],
               languages=["en"])
    make_event(title="Coming webinar", starts=datetime(2090, 1, 10, 15),
               ends=datetime(2090, 1, 10, 16), place="", online_url="https://meet.example.org/",
               corridors="XK-AT", languages=["de"])

    def titles(query):
        page = client.get(f"/events/?{query}").get_data(as_text=True)
        return {t for t in ("Past seminar", "Coming webinar") if t in page}

    assert titles("") == {"Coming webinar"}
    assert titles("when=past") == {"Past seminar"}
    assert titles("when=all&corridor=MD-IT") == {"Past seminar"}
    assert titles("when=all&theme=education_language") == {"Past seminar"}
    assert titles("when=all&language=de") == {"Coming webinar"}
    assert titles("when=all&mode=online") == {"Coming webinar"}
    assert titles("when=all&mode=in_person") == {"Past seminar"}
    assert titles("when=all&corridor=nonsense&theme=nope") == {"Past seminar", "Coming webinar"}


def test_event_is_a_forum_subject_and_its_page_shows_discuss(app, client, make_event,
                                                             monkeypatch):
    event = make_event("approved")
    waiting = make_event("proposed", title="Not yet")
    with app.app_context(), app.test_request_context():
        found = subjects.resolve("event", event.id)
        hidden = subjects.resolve("event", waiting.id)
        missing = subjects.resolve("event", 999_999)
    assert found.title == "Orientation day"
    assert found.public is True
    assert found.url == f"/events/{event.id}"
    assert hidden.public is False
    assert missing is None
    monkeypatch.setattr(subjects, "_discussion_provider", None)  # no forum installed
    assert 'class="discuss' not in client.get(f"/events/{event.id}").get_data(as_text=True)
    monkeypatch.setattr(subjects, "_discussion_provider",
                        lambda kind, sid: subjects.Discussion(url=f"/forum/t/{kind}{sid}",
                                                              reply_count=2, exists=True))
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert f'href="/forum/t/event{event.id}"' in page
    assert "2 replies" in page


def test_past_event_keeps_its_materials_and_related_practices(client, make_event,
                                                              make_practice):
    practice = make_practice("published", title="HEADSTART")
    event = make_event(starts=datetime(2015, 3, 24, 9), ends=datetime(2015, 3, 25, 13),
                       materials="Slides of the **working groups**.",
                       practice_ids=[practice.id])
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "This event has taken place." in page
    assert "<strong>working groups</strong>" in page
    assert f"/practices/{practice.id}-headstart" in page
