"""A member saves a practice search and hears about newly published practices that match
it: once, in the portal and (if wanted) by e-mail, in their language."""

import re
from html import unescape

from headstart.extensions import db
from headstart.practices import services
from tests.helpers import post_form


def save(client, query="q=orientation&country=MD", name="", email="y"):
    data = dict(part.split("=") for part in query.split("&")) if query else {}
    data.update({"name": name})
    if email:
        data["email"] = email
    return post_form(client, "/search/saved", data, page=f"/practices/?{query}")


def test_a_member_saves_the_current_search(client, login_as, search_backend):
    member = login_as("practitioner")
    page = member.get("/practices/?q=orientation&country=MD").get_data(as_text=True)
    assert "Save this search" in page
    response = save(member, name="Care in Italy")
    assert response.status_code == 302
    assert unescape(response.headers["Location"]) == "/practices/?q=orientation&country=MD"
    listed = member.get("/search/saved").get_data(as_text=True)
    assert "Care in Italy" in listed
    assert 'href="/practices/?q=orientation&amp;country=MD"' in listed
    # The same search twice is refused with a reason, nothing else changes.
    again = save(member, name="Again")
    assert again.status_code == 302
    assert "already saved this search" in member.get(again.headers["Location"]).get_data(
        as_text=True)
    assert "Again" not in member.get("/search/saved").get_data(as_text=True)
    # Visitors see no form and cannot post one.
    assert "Save this search" not in client.get("/practices/?q=orientation").get_data(
        as_text=True)
    assert client.post("/search/saved", data={"q": "x"}).status_code in (302, 400)


def test_a_default_name_describes_the_search(login_as, search_backend):
    member = login_as("practitioner")
    save(member, query="q=nurses&country=IT&phase=pre_departure")
    listed = member.get("/search/saved").get_data(as_text=True)
    assert "“nurses” · Italy · Pre-departure" in unescape(listed)


def test_a_saved_search_keeps_its_gcm_objectives(login_as, search_backend):
    member = login_as("practitioner")
    save(member, query="gcm=16,3")
    listed = unescape(member.get("/search/saved").get_data(as_text=True))
    assert ("Objective 3: Provide accurate and timely information at all stages of migration"
            " · Objective 16: Empower migrants") in listed
    assert 'href="/practices/?gcm=3,16"' in listed


def test_a_newly_published_match_is_announced_once(
        app, login_as, make_practice, make_user, outbox, search_backend):
    before = make_practice("published", title="Old orientation in Moldova")
    user = make_user("practitioner")
    member = login_as(user=user)
    save(member, name="Moldova orientation")
    assert "Old orientation" not in member.get("/notifications/").get_data(as_text=True)

    # Nothing of the saved words, nor tagged with them (search.vocabulary: "Moldova").
    make_practice("published", title="Chess club", summary="Games.",
                  implementation_countries=["PL"], origin_countries=["PL"],
                  destination_countries=["DE"], themes=["housing"], city_region="Kraków")
    new = make_practice("published", title="New orientation in Chișinău")
    page = member.get("/notifications/").get_data(as_text=True)
    assert "A newly published practice matches your saved search" in page
    assert "New orientation in Chișinău" in page
    assert "Chess club" not in page
    assert before.title not in page
    assert re.search(r'<span class="badge">1<span class="visually-hidden"> unread', page)
    mail = outbox.last(to=user.email)
    assert "New orientation in Chișinău" in mail["Subject"]
    assert f"/practices/{new.id}-new-orientation-in-chisinau" in outbox.body(mail)

    # A translation in the same group, or an edit, does not announce it again.
    make_practice("published", title="Nová orientace v Kišiněvě", language="cs", group_of=new)
    coordinator_id = make_user("coordinator").id
    with app.app_context():
        practice = db.session.get(type(new), new.id)
        coordinator = db.session.get(type(user), coordinator_id)
        services.update_practice(practice, {"summary": "Orientation, updated."},
                                 actor=coordinator)
        db.session.commit()
    page = member.get("/notifications/").get_data(as_text=True)
    assert page.count("matches your saved search") == 1
    assert len(outbox.messages(to=user.email)) == 1


def test_opening_a_notification_marks_it_read_and_leads_to_the_practice(
        login_as, make_practice, make_user, search_backend):
    user = make_user("practitioner")
    member = login_as(user=user)
    save(member, email="")
    practice = make_practice("published", title="Orientation day")
    page = member.get("/notifications/").get_data(as_text=True)
    action = re.search(r'action="(/notifications/\d+/open)"', page).group(1)
    other = login_as("practitioner")
    assert post_form(other, action, page="/notifications/").status_code == 404
    opened = post_form(member, action, page="/notifications/")
    assert opened.status_code == 302
    assert opened.headers["Location"].startswith(f"/practices/{practice.id}")
    assert "unread" not in member.get("/notifications/").get_data(as_text=True)


def test_without_e_mail_only_the_portal_is_told_and_deleting_stops_it(
        login_as, make_practice, make_user, outbox, search_backend):
    user = make_user("practitioner")
    member = login_as(user=user)
    save(member, email="")
    make_practice("published", title="First orientation")
    assert "First orientation" in member.get("/notifications/").get_data(as_text=True)
    assert outbox.messages(to=user.email) == []
    listed = member.get("/search/saved").get_data(as_text=True)
    delete = re.search(r'action="(/search/saved/\d+/delete)"', listed).group(1)
    other = login_as("practitioner")
    assert post_form(other, delete, page="/search/saved").status_code == 404
    assert post_form(member, delete, page="/search/saved").status_code == 302
    make_practice("published", title="Second orientation")
    assert "Second orientation" not in member.get("/notifications/").get_data(as_text=True)


def test_saved_searches_and_notifications_are_in_the_account_export(
        login_as, make_practice, make_user, search_backend):
    user = make_user("practitioner")
    member = login_as(user=user)
    save(member, name="Export me", email="")
    make_practice("published", title="Orientation for export")
    data = member.get("/account/export").get_json()
    assert data["saved_searches"][0]["name"] == "Export me"
    assert "Orientation for export" in data["notifications"][0]["text"]


def test_alerts_sent_after_indexing_link_to_the_configured_address(
        app, login_as, make_practice, make_user, outbox, search_backend, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", "https://portal.example.org")
    user = make_user("practitioner")
    save(login_as(user=user), name="Moldova orientation")
    new = make_practice("published", title="New orientation in Chișinău")
    body = outbox.body(outbox.last(to=user.email))
    assert f"https://portal.example.org/practices/{new.id}-" in body
    assert "localhost" not in body
