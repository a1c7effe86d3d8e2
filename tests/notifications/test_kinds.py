"""Each step that waits for someone tells them, in the portal and by e-mail in their
language, with a link (on the configured public address) to where they act; nobody is
told of their own step, and disabled accounts are never told."""

from headstart.directory.models import Organisation
from headstart.extensions import db
from tests.helpers import Outbox, post_form
from tests.notifications.conftest import BASE
from tests.notifications.helpers import assert_rendered_in


def _bell(client) -> str:
    return client.get("/notifications/").get_data(as_text=True)


# --- practices -----------------------------------------------------------------------

def test_a_submitted_practice_tells_every_coordinator_but_not_its_author(
        app, login_as, make_user, make_practice, outbox, disable):
    czech = make_user("coordinator", language="cs")
    admin = make_user("admin")
    gone = make_user("coordinator")
    disable(gone)
    bystander = make_user("practitioner")
    author = login_as("practitioner")
    practice = make_practice(status="draft", author=author.user, title="Care work Italy")

    response = post_form(author, f"/practices/{practice.id}/submit",
                         page=f"/practices/{practice.id}")
    assert response.status_code == 302

    mail = outbox.last(to=czech.email)
    assert "Care work Italy" in mail["Subject"]
    assert f"{BASE}/practices/{practice.id}#sec-actions" in Outbox.body(mail)
    assert f"{BASE}/notifications/settings" in Outbox.body(mail)
    assert_rendered_in(app, mail, "cs")
    assert_rendered_in(app, outbox.last(to=admin.email), "en")
    for nobody in (gone, bystander, author.user):
        assert outbox.messages(to=nobody.email) == []
    assert "submitted the practice “Care work Italy” for review" in _bell(
        login_as(user=admin))
    assert "Care work Italy" not in _bell(author)


def test_a_returned_practice_tells_its_author_and_its_organisations_members_with_the_comment(
        app, login_as, make_user, make_practice, add_member, outbox, disable):
    author = make_user("practitioner", language="cs")
    colleague = make_user("practitioner")
    gone = make_user("practitioner")
    stranger = make_user("practitioner")
    practice = make_practice(status="submitted", author=author, title="Care work Italy")
    add_member(practice.lead_organisation_id, colleague)
    add_member(practice.lead_organisation_id, gone)
    disable(gone)
    coordinator = login_as("coordinator")
    outbox.clear()

    response = post_form(coordinator, f"/practices/{practice.id}/return",
                         {"comment": "Please add how many people took part."},
                         page="/practices/review")
    assert response.status_code == 302

    for person in (author, colleague):
        mail = outbox.last(to=person.email)
        assert "Please add how many people took part." in mail["Subject"]
    # The author's link leads to the practice, where they edit and resubmit it; the other
    # members cannot see a returned practice: theirs leads to the organisation.
    author_mail = outbox.last(to=author.email)
    author_link = outbox.link(author_mail, "/practices/")
    assert author_link == f"/practices/{practice.id}"
    assert f"{BASE}{author_link}" in Outbox.body(author_mail)
    assert login_as(user=author).get(author_link).status_code == 200
    colleague_link = outbox.link(outbox.last(to=colleague.email), "/directory/")
    assert colleague_link == f"/directory/{practice.lead_organisation_id}"
    assert_rendered_in(app, author_mail, "cs")
    for nobody in (gone, stranger, coordinator.user):
        assert outbox.messages(to=nobody.email) == []
    colleague_client = login_as(user=colleague)
    assert colleague_client.get(colleague_link).status_code == 200
    bell = _bell(colleague_client)
    assert "was returned with comments from the reviewer: Please add how many people" in bell


def test_a_published_practice_tells_its_people_but_not_the_reviewer(
        app, login_as, make_user, make_practice, add_member, outbox):
    author = make_user("practitioner")
    colleague = make_user("practitioner")
    practice = make_practice(status="submitted", author=author, title="Care work Italy")
    add_member(practice.lead_organisation_id, colleague)
    coordinator = login_as("coordinator")
    outbox.clear()

    response = post_form(coordinator, f"/practices/{practice.id}/publish",
                         page="/practices/review")
    assert response.status_code == 302
    for person in (author, colleague):
        mail = outbox.last(to=person.email)
        assert "The practice “Care work Italy” is published." in mail["Subject"]
        assert f"{BASE}/practices/{practice.id}" in Outbox.body(mail)
    assert outbox.messages(to=coordinator.user.email) == []


# --- events --------------------------------------------------------------------------

def test_the_proposer_hears_whether_their_event_is_approved_or_declined(
        app, login_as, make_user, outbox):
    proposer = make_user("practitioner", language="cs")
    coordinator = login_as("coordinator")
    first = _propose_event(app, proposer, "Orientation day")
    second = _propose_event(app, proposer, "Diploma clinic")

    assert post_form(coordinator, f"/events/{first}/approve",
                     page=f"/events/{first}").status_code == 302
    approved = outbox.last(to=proposer.email)
    # The proposer reads it in their own language.
    assert "Vaše akce „Orientation day“ je schválena" in approved["Subject"]
    assert f"{BASE}/events/{first}" in Outbox.body(approved)
    assert_rendered_in(app, approved, "cs")

    assert post_form(coordinator, f"/events/{second}/decline",
                     page=f"/events/{second}").status_code == 302
    declined = outbox.last(to=proposer.email)
    assert "Vaši akci „Diploma clinic“ koordinátor zamítl." in declined["Subject"]
    assert f"{BASE}/events/{second}" in Outbox.body(declined)
    assert not [m for m in outbox.messages(to=coordinator.user.email)
                if "approved" in m["Subject"] or "declined" in m["Subject"]]


def _propose_event(app, proposer, title: str) -> int:
    from datetime import datetime

    from headstart.accounts.models import User
    from headstart.events import services

    data = {"title": title, "description": "A day of orientation.",
            "starts": datetime(2026, 10, 24, 10, 0), "ends": datetime(2026, 10, 24, 17, 0),
            "timezone": "Europe/Prague", "place": "Integration Centre Prague",
            "online_url": "", "languages": ["cs"], "corridors": "UA-CZ",
            "themes": ["employment"], "practice_ids": [], "materials": ""}
    with app.test_request_context("/"):
        event = services.propose_event(data, actor=db.session.get(User, proposer.id))
        db.session.commit()
        return event.id


# --- directory -----------------------------------------------------------------------

def _create_org(app, actor, **values):
    from headstart.accounts.models import User
    from headstart.directory import services

    fields = {"name": "Integration Desk Brno", "kind": "ngo", "side": "destination",
              "country": "CZ", "website": "https://brno.example.org"}
    fields.update(values)
    with app.test_request_context("/"):
        organisation = services.create_organisation(fields, actor=db.session.get(
            User, actor.id))
        db.session.commit()
        return organisation.id


def _update_org(app, organisation_id, actor, **values):
    from headstart.accounts.models import User
    from headstart.directory import services

    with app.test_request_context("/"):
        organisation = db.session.get(Organisation, organisation_id)
        fields = {key: getattr(organisation, key) for key in services.EDITABLE_FIELDS}
        fields.update(values)
        services.update_organisation(organisation, fields, actor=db.session.get(
            User, actor.id), services=organisation.services,
            languages=organisation.languages, corridors=organisation.corridors)
        db.session.commit()


def test_coordinators_hear_of_a_new_organisation_and_of_a_changed_identity(
        app, make_user, outbox):
    czech = make_user("coordinator", language="cs")
    other = make_user("coordinator")
    member = make_user("practitioner", name="Jana Nováková")
    organisation_id = _create_org(app, member)
    mail = outbox.last(to=czech.email)
    assert "Jana Nováková přidal(a) organizaci Integration Desk Brno (CZ)." in mail[
        "Subject"]
    assert f"{BASE}/directory/{organisation_id}" in Outbox.body(mail)
    assert_rendered_in(app, mail, "cs")
    assert outbox.messages(to=member.email) == []

    outbox.clear()
    _update_org(app, organisation_id, member, description="We help newcomers.")
    assert outbox.messages() == []  # nothing the coordinators vouch for changed
    _update_org(app, organisation_id, member, website="https://desk-brno.example.org")
    changed = outbox.last(to=other.email)
    assert "https://brno.example.org" in changed["Subject"]
    assert "https://desk-brno.example.org" in changed["Subject"]
    assert f"{BASE}/directory/{organisation_id}" in Outbox.body(changed)

    # A coordinator's own change tells the other coordinators, not themself.
    outbox.clear()
    _update_org(app, organisation_id, czech, name="Integration Desk Brno-město")
    assert outbox.messages(to=czech.email) == []
    assert "Integration Desk Brno-město" in outbox.last(to=other.email)["Subject"]


def test_a_join_request_tells_the_members_and_not_the_coordinators(
        app, login_as, make_user, make_org, outbox):
    member = make_user("practitioner", language="cs")
    coordinator = make_user("coordinator")
    organisation = make_org("Integration Centre Prague", members=[member])
    applicant = login_as("practitioner")
    assert post_form(applicant, f"/directory/{organisation.id}/join",
                     page=f"/directory/{organisation.id}").status_code == 302
    mail = outbox.last(to=member.email)
    assert "žádá o členství v organizaci Integration Centre Prague" in mail["Subject"]
    assert f"{BASE}/directory/{organisation.id}#requests-heading" in Outbox.body(mail)
    assert_rendered_in(app, mail, "cs")
    assert outbox.messages(to=coordinator.email) == []
    assert outbox.messages(to=applicant.user.email) == []


def test_a_join_request_to_an_organisation_without_members_tells_the_coordinators(
        app, login_as, make_user, make_org, outbox, disable):
    coordinator = make_user("coordinator")
    former = make_user("practitioner")
    organisation = make_org("Integration Centre Prague", members=[former])
    disable(former)  # its only member can no longer answer
    applicant = login_as("practitioner")
    assert post_form(applicant, f"/directory/{organisation.id}/join",
                     page=f"/directory/{organisation.id}").status_code == 302
    mail = outbox.last(to=coordinator.email)
    assert "asks to join Integration Centre Prague" in mail["Subject"]
    assert f"{BASE}/directory/{organisation.id}#requests-heading" in Outbox.body(mail)
    assert outbox.messages(to=former.email) == []
    # The link leads to where the coordinator decides.
    page = login_as(user=coordinator).get(f"/directory/{organisation.id}").get_data(
        as_text=True)
    assert 'id="requests-heading"' in page


def test_a_link_to_an_organisation_without_members_asks_the_coordinators(
        app, login_as, make_user, make_org, outbox):
    coordinator = make_user("coordinator", language="cs")
    proposer = make_user("practitioner")
    ours = make_org("Migrant Centre Chișinău", members=[proposer],
                    services=["language_training"], corridors=["MD-IT"])
    theirs = make_org("Integration Desk Turin", side="destination", country="IT")
    client = login_as(user=proposer)
    response = post_form(client, f"/directory/{theirs.id}/link",
                         {"organisation": str(ours.id), "corridor": "MD-IT",
                          "services": ["language_training"], "note": ""},
                         page=f"/directory/{theirs.id}/link", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "The coordinators were asked to find the people of Integration Desk Turin" in page
    assert "Your proposal was sent to the members" not in page
    mail = outbox.last(to=coordinator.email)
    assert "Integration Desk Turin nemá na portálu HEADSTART žádné členy" in mail["Subject"]
    assert f"{BASE}/directory/{theirs.id}" in Outbox.body(mail)
    assert_rendered_in(app, mail, "cs")
    assert outbox.messages(to=proposer.email) == []


def test_a_link_to_an_organisation_with_members_tells_them_and_not_the_coordinators(
        app, login_as, make_user, make_org, outbox):
    coordinator = make_user("coordinator")
    proposer = make_user("practitioner")
    partner_member = make_user("practitioner")
    ours = make_org("Migrant Centre Chișinău", members=[proposer])
    theirs = make_org("Integration Desk Turin", side="destination", country="IT",
                      members=[partner_member])
    response = post_form(login_as(user=proposer), f"/directory/{theirs.id}/link",
                         {"organisation": str(ours.id), "corridor": "MD-IT",
                          "services": ["language_training"], "note": ""},
                         page=f"/directory/{theirs.id}/link", follow_redirects=True)
    assert "Your proposal was sent to the members of Integration Desk Turin" in (
        response.get_data(as_text=True))
    assert outbox.messages(to=partner_member.email)
    assert outbox.messages(to=coordinator.email) == []
