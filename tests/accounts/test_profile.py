"""Profile, password change, data export and account deletion."""

import json

from tests.helpers import PASSWORD, post_form, sign_in


def test_profile_saves_name_and_language_and_switches_the_interface(login_as):
    client = login_as("practitioner")
    response = post_form(client, "/account/", {"display_name": "Olena K.",
                                                "preferred_language": "cs"}, page="/account/")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'lang="cs"' in page
    assert "Olena K." in page
    # The preference is kept: a later visit without ?lang= is still Czech.
    assert 'lang="cs"' in client.get("/").get_data(as_text=True)


def test_profile_refuses_an_unknown_language(login_as):
    client = login_as("practitioner")
    response = post_form(client, "/account/", {"display_name": "X",
                                                "preferred_language": "xx"}, page="/account/")
    assert response.status_code == 422
    assert "Not a valid choice" in response.get_data(as_text=True)


def test_changing_the_password_needs_the_current_one(login_as):
    client = login_as("practitioner")
    response = post_form(client, "/account/password", {
        "current_password": "not my password", "password": "another long passphrase",
        "password_again": "another long passphrase"}, page="/account/")
    assert response.status_code == 422
    assert "The current password is not correct." in response.get_data(as_text=True)


def test_changing_the_password_signs_out_other_devices_but_not_this_one(app, login_as):
    client = login_as("practitioner")
    other = app.test_client()
    sign_in(other, client.user.email)
    new = "another long passphrase"
    response = post_form(client, "/account/password", {
        "current_password": PASSWORD, "password": new, "password_again": new}, page="/account/")
    assert response.status_code == 302
    assert client.get("/account/").status_code == 200
    assert other.get("/account/").status_code == 302
    assert sign_in(app.test_client(), client.user.email, new).status_code == 302


def test_export_downloads_the_members_data_as_json(login_as, make_org):
    client = login_as("practitioner")
    make_org("Centre in Chișinău", members=[client.user])
    response = client.get("/account/export")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == client.user.email
    assert data["memberships"][0]["organisation"] == "Centre in Chișinău"
    assert "password_hash" not in json.dumps(data)


def test_deleting_the_account_needs_password_and_confirmation(app, login_as):
    client = login_as("practitioner")
    refused = post_form(client, "/account/delete", {"password": "wrong one here!",
                                                     "understood": "y"}, page="/account/")
    assert refused.status_code == 422
    unconfirmed = post_form(client, "/account/delete", {"password": PASSWORD}, page="/account/")
    assert unconfirmed.status_code == 422
    assert "Please confirm that you want to delete your account." in \
        unconfirmed.get_data(as_text=True)

    deleted = post_form(client, "/account/delete", {"password": PASSWORD, "understood": "y"},
                        page="/account/")
    assert deleted.status_code == 302
    assert client.get("/account/").status_code == 302
    assert sign_in(app.test_client(), client.user.email).status_code == 200


def test_deleting_an_account_keeps_the_organisation(app, login_as, make_org):
    from headstart.directory.models import Organisation
    from headstart.extensions import db

    client = login_as("practitioner")
    organisation = make_org("Stays", members=[client.user], created_by_id=client.user.id)
    post_form(client, "/account/delete", {"password": PASSWORD, "understood": "y"},
              page="/account/")
    with app.app_context():
        kept = db.session.get(Organisation, organisation.id)
        assert kept is not None
        assert kept.created_by_id is None
        assert kept.memberships == []


def test_profile_form_ignores_role_and_other_mass_assigned_fields(app, login_as):
    from headstart.accounts.models import User
    from headstart.extensions import db

    client = login_as("practitioner")
    post_form(client, "/account/", {"display_name": "Still me", "preferred_language": "en",
                                    "role": "admin", "email": "other@example.org",
                                    "disabled": "y"}, page="/account/")
    with app.app_context():
        user = db.session.get(User, client.user.id)
        assert (user.display_name, user.role, user.email, user.disabled) == (
            "Still me", "practitioner", client.user.email, False)
