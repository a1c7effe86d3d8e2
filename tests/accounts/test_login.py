"""Signing in and out: generic errors, throttling, fresh sessions and revoked cookies."""

import pytest

from headstart.accounts.services import SignInFailed
from tests.helpers import PASSWORD, post_form, sign_in


def test_sign_in_with_the_right_password_redirects_home(client, make_user):
    user = make_user()
    response = sign_in(client, user.email.upper())
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert user.display_name in client.get("/").get_data(as_text=True)


def test_wrong_password_and_unknown_address_get_the_same_answer(client, make_user):
    user = make_user()
    wrong = sign_in(client, user.email, "wrong password here")
    unknown = sign_in(client, "nobody@example.org", "wrong password here")
    assert wrong.status_code == unknown.status_code == 200
    message = "The e-mail address or password is not correct."
    assert message in wrong.get_data(as_text=True)
    assert message in unknown.get_data(as_text=True)


def test_disabled_accounts_cannot_sign_in(client, make_user, app):
    from headstart.accounts.models import User
    from headstart.extensions import db

    user = make_user()
    with app.app_context():
        db.session.get(User, user.id).disabled = True
        db.session.commit()
    assert sign_in(client, user.email).status_code == 200
    assert client.get("/account/").status_code == 302


def test_failed_sign_ins_are_throttled_per_account(app, make_user):
    user = make_user()
    limit = int(app.config["LOGIN_LIMIT_PER_ACCOUNT"].split()[0])
    for _attempt in range(limit):
        assert sign_in(app.test_client(), user.email, "wrong password here").status_code == 200
    blocked = sign_in(app.test_client(), user.email, PASSWORD)
    assert blocked.status_code == 429
    assert "Too many failed attempts" in blocked.get_data(as_text=True)
    # Another account from the same address is not blocked by this account's limit.
    other = make_user()
    assert sign_in(app.test_client(), other.email).status_code == 302


def test_failed_sign_ins_are_throttled_per_address(app, make_user):
    limit = int(app.config["LOGIN_LIMIT_PER_ADDRESS"].split()[0])
    client = app.test_client()
    for n in range(limit):
        sign_in(client, f"guess{n}@example.org", "wrong password here")
    user = make_user()
    assert sign_in(client, user.email).status_code == 429


def test_successful_sign_ins_do_not_count_towards_the_limit(app, make_user):
    user = make_user()
    limit = int(app.config["LOGIN_LIMIT_PER_ACCOUNT"].split()[0])
    for _attempt in range(limit + 2):
        client = app.test_client()
        assert sign_in(client, user.email).status_code == 302


def test_sign_in_starts_a_new_session(client, make_user):
    user = make_user()
    client.get("/auth/login")
    before = client.get_cookie("headstart_session").value
    sign_in(client, user.email)
    after = client.get_cookie("headstart_session").value
    assert before != after


def test_sign_out_makes_a_copied_session_cookie_useless(app, client, make_user):
    user = make_user()
    sign_in(client, user.email)
    stolen = client.get_cookie("headstart_session").value
    assert client.get("/account/").status_code == 200

    response = post_form(client, "/auth/logout", page="/account/")
    assert response.status_code == 302
    assert client.get("/account/").status_code == 302

    replay = app.test_client()
    replay.set_cookie("headstart_session", stolen)
    assert replay.get("/account/").status_code == 302


def test_logout_is_refused_over_get(client):
    assert client.get("/auth/logout").status_code == 405


def test_session_cookie_flags(client, make_user):
    user = make_user()
    response = sign_in(client, user.email)
    cookie = next(h for h in response.headers.getlist("Set-Cookie")
                  if h.startswith("headstart_session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


@pytest.mark.parametrize("target", [
    "https://evil.example", "//evil.example", "////evil.example", "/\\evil.example",
    "javascript:alert(1)", "http:/evil.example", "\t//evil.example",
])
def test_next_never_leaves_the_site(client, make_user, target):
    user = make_user()
    response = post_form(client, "/auth/login",
                         {"email": user.email, "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_next_within_the_site_is_followed(client, make_user):
    user = make_user()
    response = post_form(client, "/auth/login",
                         {"email": user.email, "password": PASSWORD, "next": "/directory/?x=1"})
    assert response.headers["Location"] == "/directory/?x=1"


def test_login_form_offers_next_from_the_query_string(client):
    page = client.get("/account/", follow_redirects=True).get_data(as_text=True)
    assert 'name="next" value="/account/"' in page


def test_authenticate_rejects_an_empty_stored_hash(app, make_user):
    from headstart.accounts import services
    from headstart.accounts.models import User
    from headstart.extensions import db

    user = make_user()
    with app.app_context():
        db.session.get(User, user.id).password_hash = None
        db.session.commit()
        with pytest.raises(SignInFailed):
            services.authenticate(user.email, PASSWORD)


def test_disabling_an_account_ends_its_open_sessions_at_once(app, login_as):
    member = login_as("practitioner")
    stolen = member.get_cookie("headstart_session").value
    assert member.get("/account/").status_code == 200

    admin = login_as("admin")
    response = post_form(admin, f"/admin/users/{member.user.id}/disable", page="/admin/users")
    assert response.status_code == 302

    assert member.get("/account/").status_code == 302
    replay = app.test_client()
    replay.set_cookie("headstart_session", stolen)
    assert replay.get("/account/").status_code == 302
