"""Organisations and membership: create, ask to join, approve or decline, leave."""

from headstart.directory.models import Membership
from headstart.extensions import db
from tests.helpers import post_form

ORG_FORM = {"name": "Employment Office Skopje", "acronym": "EOS", "kind": "employment_service",
            "side": "origin", "country": "MK", "city": "Skopje",
            "website": "https://eos.example.org", "contact_email": "info@eos.example.org",
            "contact_phone": "+389 2 000 000", "description": "Jobs and counselling."}


def test_a_practitioner_adds_an_organisation_and_becomes_its_member(app, login_as):
    client = login_as("practitioner")
    response = post_form(client, "/directory/new", ORG_FORM, page="/directory/new")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Employment Office Skopje" in page
    assert "North Macedonia" in page
    assert client.user.display_name in page  # listed as a member
    assert "Leave this organisation" in page


def test_organisation_form_explains_invalid_fields_and_keeps_input(login_as):
    client = login_as("practitioner")
    bad = dict(ORG_FORM, name="", website="javascript://eos.example.org/%0aalert(1)",
               contact_email="nope", kind="pirates")
    response = post_form(client, "/directory/new", bad, page="/directory/new")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Please enter the organisation&#39;s name." in body
    assert "Please enter a valid e-mail address." in body
    assert "Not a valid choice" in body
    assert 'value="Skopje"' in body


def test_javascript_websites_are_refused(login_as):
    client = login_as("practitioner")
    response = post_form(client, "/directory/new",
                         dict(ORG_FORM, website="javascript://eos.example.org/x"),
                         page="/directory/new")
    assert response.status_code == 422
    assert "Please enter a full web address" in response.get_data(as_text=True)


def test_mass_assignment_of_verified_is_ignored(app, login_as):
    from headstart.directory.models import Organisation

    client = login_as("practitioner")
    post_form(client, "/directory/new", dict(ORG_FORM, verified="y", created_by_id="999"),
              page="/directory/new")
    with app.app_context():
        organisation = db.session.scalars(db.select(Organisation)).one()
        assert organisation.verified is False
        assert organisation.created_by_id == client.user.id


def test_visitors_see_the_profile_without_contact_details_or_members(client, make_user,
                                                                      make_org):
    member = make_user(name="Hidden Member")
    organisation = make_org("Centre", contact_email="secret@centre.example.org",
                            members=[member])
    body = client.get(f"/directory/{organisation.id}").get_data(as_text=True)
    assert "Centre" in body
    assert "secret@centre.example.org" not in body
    assert "Hidden Member" not in body
    assert "Contact details are shown to signed-in members" in body


def test_members_see_contact_details(login_as, make_org):
    client = login_as("practitioner")
    organisation = make_org("Centre", contact_email="secret@centre.example.org")
    assert "secret@centre.example.org" in client.get(
        f"/directory/{organisation.id}").get_data(as_text=True)


def test_join_request_is_approved_by_a_member_who_is_told_by_mail(app, login_as, make_user,
                                                                    make_org, outbox):
    existing = make_user(name="Existing Member", email="existing@example.org")
    organisation = make_org("Integration Centre Prague", side="destination", country="CZ",
                            members=[existing])
    applicant = login_as("practitioner")
    response = post_form(applicant, f"/directory/{organisation.id}/join",
                         page=f"/directory/{organisation.id}")
    assert response.status_code == 302
    assert "waiting for a decision" in applicant.get(
        f"/directory/{organisation.id}").get_data(as_text=True)
    notice = outbox.last(to="existing@example.org")
    assert "asks to join" in notice["Subject"]

    member = login_as(user=existing)
    page = member.get(f"/directory/{organisation.id}").get_data(as_text=True)
    assert applicant.user.email in page
    with app.app_context():
        membership = db.session.scalar(db.select(Membership).where(
            Membership.user_id == applicant.user.id))
    approved = post_form(member, f"/directory/memberships/{membership.id}/approve",
                         page=f"/directory/{organisation.id}")
    assert approved.status_code == 302
    assert "You are now a member" in outbox.last(to=applicant.user.email)["Subject"]
    assert "Leave this organisation" in applicant.get(
        f"/directory/{organisation.id}").get_data(as_text=True)


def test_a_coordinator_can_decline_and_the_applicant_is_told(app, login_as, make_org, outbox):
    organisation = make_org("Centre")
    applicant = login_as("practitioner")
    post_form(applicant, f"/directory/{organisation.id}/join", page="/directory/")
    coordinator = login_as("coordinator")
    with app.app_context():
        membership = db.session.scalars(db.select(Membership)).one()
    response = post_form(coordinator, f"/directory/memberships/{membership.id}/decline",
                         page="/directory/")
    assert response.status_code == 302
    assert "declined" in outbox.last(to=applicant.user.email)["Subject"]


def test_an_outsider_cannot_approve_a_request(app, login_as, make_org):
    organisation = make_org("Centre")
    applicant = login_as("practitioner")
    post_form(applicant, f"/directory/{organisation.id}/join", page="/directory/")
    outsider = login_as("practitioner")
    with app.app_context():
        membership = db.session.scalars(db.select(Membership)).one()
    response = post_form(outsider, f"/directory/memberships/{membership.id}/approve",
                         page="/directory/")
    assert response.status_code == 403
    with app.app_context():
        assert db.session.get(Membership, membership.id).status == "pending"
    # Nor can the applicant approve themselves.
    response = post_form(applicant, f"/directory/memberships/{membership.id}/approve",
                         page="/directory/")
    assert response.status_code == 403


def test_asking_twice_is_explained(login_as, make_org):
    organisation = make_org("Centre")
    client = login_as("practitioner")
    post_form(client, f"/directory/{organisation.id}/join", page="/directory/")
    again = post_form(client, f"/directory/{organisation.id}/join", page="/directory/",
                      follow_redirects=True)
    assert "already waiting for a decision" in again.get_data(as_text=True)


def test_a_member_can_leave(login_as, make_org):
    client = login_as("practitioner")
    organisation = make_org("Centre", members=[client.user])
    response = post_form(client, f"/directory/{organisation.id}/leave", page="/directory/",
                         follow_redirects=True)
    assert "You left Centre." in response.get_data(as_text=True)
    assert "Ask to join this organisation" in response.get_data(as_text=True)


def test_directory_filters_by_country_and_side(client, make_org):
    make_org("Chișinău centre", country="MD", side="origin")
    make_org("Prague centre", country="CZ", side="destination")
    make_org("Bridge network", country="CZ", side="both")
    by_country = client.get("/directory/?country=cz").get_data(as_text=True)
    assert "Prague centre" in by_country
    assert "Chișinău centre" not in by_country
    origin = client.get("/directory/?side=origin").get_data(as_text=True)
    assert "Chișinău centre" in origin
    assert "Bridge network" in origin
    assert "Prague centre" not in origin


def test_unknown_organisation_is_404(client):
    assert client.get("/directory/999999").status_code == 404
