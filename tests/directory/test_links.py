"""Links between organisations: propose, accept or decline, withdraw, end; who may do
which step; notifications to the other side; the history."""

import pytest

from headstart.directory.models import Link
from headstart.extensions import db
from headstart.notifications.models import Notification
from tests.helpers import post_form


@pytest.fixture
def two_sides(make_user, make_org, login_as):
    """A member of a Moldovan provider and two members of an Italian counterpart."""
    ion = make_user(name="Ion", email="ion@chisinau.example.org")
    giulia = make_user(name="Giulia", email="giulia@turin.example.org", language="it")
    marco = make_user(name="Marco", email="marco@turin.example.org")
    chisinau = make_org("Migrant Centre Chișinău", side="origin", country="MD", members=[ion],
                        services=["language_training"], corridors=["MD-IT"])
    turin = make_org("Integration Desk Turin", side="destination", country="IT",
                     members=[giulia, marco], services=["language_training"],
                     corridors=["MD-IT"])
    giulia_client = login_as(user=giulia)
    # Her mail comes in Italian; her pages here in English (a remembered ?lang=en wins
    # over her preference), so the assertions below read the same for everyone.
    giulia_client.set_cookie("headstart_lang", "en")
    return {"ion": login_as(user=ion), "giulia": giulia_client,
            "marco": login_as(user=marco), "chisinau": chisinau, "turin": turin}


def propose(client, frm, to, corridor="MD-IT", services=("language_training",),
            note="Shared checklist"):
    return post_form(client, f"/directory/{to.id}/link",
                     {"organisation": str(frm.id), "corridor": corridor,
                      "services": list(services), "note": note},
                     page=f"/directory/{to.id}/link")


def act(client, link_id, action, note=""):
    return post_form(client, f"/directory/links/{link_id}/{action}", {"note": note})


def the_link(app) -> Link:
    with app.app_context():
        link = db.session.scalars(db.select(Link)).one()
        db.session.expunge(link)
        return link


def test_proposal_accepted_shows_on_both_profiles_with_history_and_notices(
        app, two_sides, outbox):
    ion, giulia = two_sides["ion"], two_sides["giulia"]
    chisinau, turin = two_sides["chisinau"], two_sides["turin"]
    response = propose(ion, chisinau, turin, services=("language_training",
                                                       "civic_orientation"))
    assert response.status_code == 302
    link = the_link(app)
    assert (link.status, link.origin, link.destination) == ("proposed", "MD", "IT")
    # Both members of Turin are told in the portal and by e-mail (each in their own
    # language: Giulia reads Italian); the proposer is not.
    assert "propone un collegamento" in outbox.last(to="giulia@turin.example.org")["Subject"]
    assert outbox.messages(to="marco@turin.example.org")
    assert not outbox.messages(to="ion@chisinau.example.org")
    page = giulia.get("/notifications/").get_data(as_text=True)
    assert "Migrant Centre Chișinău proposes a link with Integration Desk Turin" in page

    # The proposal waits on Turin's profile for its members.
    profile = giulia.get(f"/directory/{turin.id}").get_data(as_text=True)
    assert "Proposals waiting for an answer" in profile
    assert "From Migrant Centre Chișinău" in profile

    assert act(giulia, link.id, "accept", "Welcome!").status_code == 302
    assert the_link(app).status == "accepted"
    assert "accepted the link" in outbox.last(to="ion@chisinau.example.org")["Subject"]
    for organisation, other in ((chisinau, "Integration Desk Turin"),
                                (turin, "Migrant Centre Chișinău")):
        visitor_view = app.test_client().get(f"/directory/{organisation.id}")
        body = visitor_view.get_data(as_text=True)
        assert other in body.split('id="links-heading"')[1].split("</section>")[0]
        assert "Moldova → Italy" in body
    history = ion.get(f"/directory/links/{link.id}").get_data(as_text=True)
    assert history.index("Proposed") < history.index("Welcome!")
    assert "Shared checklist" in history
    assert "Giulia" in history


def test_only_members_of_the_asked_organisation_can_accept(app, two_sides, login_as):
    ion = two_sides["ion"]
    propose(ion, two_sides["chisinau"], two_sides["turin"])
    link = the_link(app)
    # The proposer cannot accept on Turin's behalf; neither can a coordinator or an outsider.
    assert act(ion, link.id, "accept").status_code == 403
    assert act(login_as("coordinator"), link.id, "accept").status_code == 403
    assert act(login_as("practitioner"), link.id, "accept").status_code == 404
    assert act(app.test_client(), link.id, "accept").status_code == 302  # to sign-in
    assert the_link(app).status == "proposed"


def test_decline_withdraw_and_end(app, two_sides, outbox):
    ion, giulia, marco = two_sides["ion"], two_sides["giulia"], two_sides["marco"]
    chisinau, turin = two_sides["chisinau"], two_sides["turin"]
    propose(ion, chisinau, turin)
    link = the_link(app)
    assert act(giulia, link.id, "decline", "Not this year").status_code == 302
    assert the_link(app).status == "declined"
    assert "declined" in outbox.last(to="ion@chisinau.example.org")["Subject"]
    assert act(marco, link.id, "accept").status_code == 409  # already answered

    # A new proposal on the same corridor is possible after a decline; it can be withdrawn.
    assert propose(ion, chisinau, turin).status_code == 302
    with app.app_context():
        second = db.session.scalars(db.select(Link).order_by(Link.id.desc())).first().id
    assert act(giulia, second, "withdraw").status_code == 403  # not the proposer's side
    assert act(ion, second, "withdraw").status_code == 302
    assert propose(ion, chisinau, turin).status_code == 302
    with app.app_context():
        third = db.session.scalars(db.select(Link).order_by(Link.id.desc())).first().id
    act(marco, third, "accept")
    assert act(ion, third, "end", "Project finished").status_code == 302
    with app.app_context():
        ended = db.session.get(Link, third)
        assert ended.status == "ended"
        assert [e.action for e in ended.events] == ["proposed", "accepted", "ended"]
        assert db.session.scalar(db.select(db.func.count(Notification.id)).where(
            Notification.kind == "link_ended")) == 2  # both Turin members
    assert "No accepted links yet." in app.test_client().get(
        f"/directory/{turin.id}").get_data(as_text=True)


def test_a_second_open_link_on_the_same_corridor_is_refused(app, two_sides):
    ion = two_sides["ion"]
    propose(ion, two_sides["chisinau"], two_sides["turin"])
    again = propose(ion, two_sides["chisinau"], two_sides["turin"])
    assert again.status_code == 409
    assert "already have a link on this corridor" in again.get_data(as_text=True)
    # Another corridor is fine.
    assert propose(ion, two_sides["chisinau"], two_sides["turin"],
                   corridor="MD-CZ").status_code == 302


def test_proposals_must_name_a_corridor_and_services_and_come_from_a_member(
        app, two_sides, make_org, login_as):
    ion, chisinau, turin = two_sides["ion"], two_sides["chisinau"], two_sides["turin"]
    bad = propose(ion, chisinau, turin, corridor="Moldova to Italy")
    assert bad.status_code == 422
    assert "is not a corridor" in bad.get_data(as_text=True)
    same = propose(ion, chisinau, turin, corridor="IT-IT")
    assert same.status_code == 422
    none = propose(ion, chisinau, turin, services=())
    assert none.status_code == 422
    assert "Choose at least one service" in none.get_data(as_text=True)
    # On behalf of an organisation Ion does not belong to: refused, nothing saved.
    stranger = make_org("Someone else", side="origin", country="MD")
    forged = propose(ion, stranger, turin)
    assert forged.status_code == 422
    assert "Choose one of your organisations" in forged.get_data(as_text=True)
    # Someone with no organisation is told how to get one.
    loner = login_as("practitioner")
    page = loner.get(f"/directory/{turin.id}/link")
    assert page.status_code == 403
    assert "Only members of an organisation can propose links" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Link.id))) == 0


def test_link_pages_are_for_the_two_organisations_and_coordinators(app, two_sides, login_as):
    propose(two_sides["ion"], two_sides["chisinau"], two_sides["turin"])
    link = the_link(app)
    assert two_sides["giulia"].get(f"/directory/links/{link.id}").status_code == 200
    assert login_as("coordinator").get(f"/directory/links/{link.id}").status_code == 200
    assert login_as("practitioner").get(f"/directory/links/{link.id}").status_code == 404
    # A visitor sees no proposal on the profiles either.
    body = app.test_client().get(f"/directory/{two_sides['turin'].id}").get_data(as_text=True)
    assert "Proposals waiting" not in body
    assert "Shared checklist" not in body


def test_link_steps_are_rate_limited_per_member(app, two_sides):
    ion, chisinau, turin = two_sides["ion"], two_sides["chisinau"], two_sides["turin"]
    app.config["LINK_ACTION_LIMIT"] = "2 per hour"
    try:
        assert propose(ion, chisinau, turin).status_code == 302
        link = the_link(app)
        assert act(ion, link.id, "withdraw").status_code == 302
        again = propose(ion, chisinau, turin)
        assert again.status_code == 429
        # Someone else is not held back by Ion's steps.
        assert act(two_sides["giulia"], link.id, "accept").status_code == 409
    finally:
        app.config["LINK_ACTION_LIMIT"] = "30 per hour"
