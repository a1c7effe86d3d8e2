"""Fixes from the first security review: steered mail links, lock-outs, floods, odd input."""

from datetime import UTC, datetime, timedelta

import pytest

from headstart.accounts.models import User, UserSession
from headstart.extensions import db
from tests.conftest import make_app
from tests.helpers import CSRF_RE, PASSWORD, post_form, sign_in


def test_mail_links_use_the_base_url_not_the_requests_host(app, client, make_user, outbox):
    user = make_user()
    app.config["BASE_URL"] = "https://portal.example.org"
    try:
        page = client.get("/auth/reset", headers={"Host": "evil.example"})
        token = CSRF_RE.search(page.get_data(as_text=True)).group(1)
        client.post("/auth/reset", data={"csrf_token": token, "email": user.email},
                    headers={"Host": "evil.example"})
    finally:
        app.config["BASE_URL"] = None
    body = outbox.body(outbox.last(to=user.email))
    assert "https://portal.example.org/auth/reset/" in body
    assert "evil.example" not in body


def test_a_password_reset_lifts_the_account_lock(app, make_user, outbox):
    user = make_user()
    limit = int(app.config["LOGIN_LIMIT_PER_ACCOUNT"].split()[0])
    for n in range(limit):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"10.0.0.{n + 1}"
        sign_in(client, user.email, "wrong password here")
    owner = app.test_client()
    assert sign_in(owner, user.email).status_code == 429

    post_form(owner, "/auth/reset", {"email": user.email})
    link = outbox.link(outbox.last(to=user.email), "/auth/reset/")
    new = "the owner's new passphrase"
    post_form(owner, link, {"password": new, "password_again": new})
    assert sign_in(owner, user.email, new).status_code == 302


def test_a_successful_sign_in_forgets_earlier_failures(app, make_user):
    user = make_user()
    limit = int(app.config["LOGIN_LIMIT_PER_ACCOUNT"].split()[0])
    for _ in range(limit - 1):
        sign_in(app.test_client(), user.email, "wrong password here")
    assert sign_in(app.test_client(), user.email).status_code == 302
    for _ in range(limit - 1):
        sign_in(app.test_client(), user.email, "wrong password here")
    assert sign_in(app.test_client(), user.email).status_code == 302


def test_unconfirmed_sign_ins_resend_the_confirmation_only_a_few_times(app, make_user, outbox):
    user = make_user(confirmed=False)
    allowed = int(app.config["CONFIRMATION_RESEND_LIMIT"].split()[0])
    for _ in range(allowed + 5):
        assert sign_in(app.test_client(), user.email).status_code == 403
    assert len(outbox.messages(to=user.email)) == allowed


def test_registering_a_taken_address_spends_the_hashing_time(client, make_user, monkeypatch):
    from headstart.accounts import services

    calls = []
    monkeypatch.setattr(services, "burn_password_time", lambda password: calls.append(1))
    make_user(email="taken@example.org")
    post_form(client, "/auth/register", {
        "display_name": "X", "email": "taken@example.org", "password": PASSWORD,
        "password_again": PASSWORD, "language": "en"})
    assert calls == [1]


def test_line_breaks_in_an_organisation_name_cannot_break_mail(app, login_as, make_org, outbox):
    applicant = login_as("practitioner")
    member = login_as("practitioner")
    created = post_form(member, "/directory/new", {
        "name": "Evil\r\nBcc: x@evil.example", "kind": "ngo", "side": "origin",
        "country": "MD"}, page="/directory/new")
    assert created.status_code == 302
    organisation_id = int(created.headers["Location"].rsplit("/", 1)[1].split("-")[0])
    post_form(applicant, f"/directory/{organisation_id}/join", page="/directory/")
    from headstart.directory.models import Membership

    with app.app_context():
        membership = db.session.scalars(db.select(Membership).where(
            Membership.user_id == applicant.user.id)).one()
        assert membership.organisation.name == "Evil Bcc: x@evil.example"
    response = post_form(member, f"/directory/memberships/{membership.id}/approve",
                         page="/directory/")
    assert response.status_code == 302
    message = outbox.last(to=applicant.user.email)
    assert "\n" not in message["Subject"]
    assert message["Bcc"] is None


@pytest.mark.parametrize("path", ["/directory/99999999999999999999999",
                                  "/directory/3000000000", "/directory/0"])
def test_out_of_range_ids_are_404(client, path):
    assert client.get(path).status_code == 404


def test_an_absurd_page_number_is_not_an_error(login_as):
    admin = login_as("admin")
    assert admin.get("/admin/users?page=99999999999999999999999").status_code == 200
    assert admin.get("/admin/users?page=-3").status_code == 200


@pytest.mark.parametrize("path", ["/directory/?country=%00", "/?lang=c%00s",
                                  "/practices/?q=care%1b%5b31m", "/search?q=a%7fb",
                                  "/api/v1/practices?q=%08"])
def test_control_characters_in_the_query_are_400_with_a_reason(client, path):
    response = client.get(path)
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "control characters" in text
    assert "Traceback" not in text


@pytest.mark.parametrize("text", ["two\nlines", "tab\tseparated", "crlf\r\nline"])
def test_ordinary_whitespace_in_text_is_accepted(login_as, text):
    client = login_as("practitioner")
    response = post_form(client, "/practices/new", {"title": "A draft", "language": "en",
                                                    "summary": text, "action": "save"},
                         page="/practices/new")
    assert response.status_code == 302


@pytest.mark.parametrize("name", ["a\x00b", "a\x1b[2Jb", "a\x08b", "a\x7fb"])
def test_control_characters_in_a_form_are_400_and_change_nothing(app, login_as, name):
    client = login_as("practitioner")
    response = post_form(client, "/account/", {"display_name": name,
                                                "preferred_language": "en"}, page="/account/")
    assert response.status_code == 400
    with app.app_context():
        assert db.session.get(User, client.user.id).display_name == client.user.display_name


def test_guessing_the_current_password_is_throttled(app, login_as):
    client = login_as("practitioner")
    limit = int(app.config["LOGIN_LIMIT_PER_ACCOUNT"].split()[0])
    data = {"current_password": "a wrong guess here", "password": "a new long passphrase",
            "password_again": "a new long passphrase"}
    for _ in range(limit):
        assert post_form(client, "/account/password", data, page="/account/").status_code == 422
    data["current_password"] = PASSWORD
    assert post_form(client, "/account/password", data, page="/account/").status_code == 429


def test_guessing_the_password_to_delete_is_throttled(app, login_as):
    client = login_as("practitioner")
    limit = int(app.config["LOGIN_LIMIT_PER_ACCOUNT"].split()[0])
    for _ in range(limit):
        post_form(client, "/account/delete", {"password": "a wrong guess here",
                                              "understood": "y"}, page="/account/")
    response = post_form(client, "/account/delete", {"password": PASSWORD, "understood": "y"},
                         page="/account/")
    assert response.status_code == 429
    assert client.get("/account/").status_code == 200


def test_a_session_older_than_its_lifetime_is_signed_out(app, login_as):
    client = login_as("practitioner")
    assert client.get("/account/").status_code == 200
    with app.app_context():
        for row in db.session.scalars(db.select(UserSession)):
            row.created_at = datetime.now(UTC) - timedelta(days=15)
        db.session.commit()
    assert client.get("/account/").status_code == 302


def test_language_links_on_a_re_shown_post_form_do_not_point_at_the_post_url(login_as):
    client = login_as("practitioner")
    body = post_form(client, "/account/password", {"current_password": "wrong guess here"},
                     page="/account/").get_data(as_text=True)
    assert "/account/password?lang=" not in body
    assert 'hreflang="cs"' in body


def test_behind_a_trusted_proxy_clients_are_told_apart(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'proxy.sqlite3'}", tmp_path, PROXY_HOPS=1,
                   LOGIN_LIMIT_PER_ADDRESS="3 per hour")

    def attempt(forwarded_for):
        client = app.test_client()
        return sign_in(client, "someone@example.org", "wrong password here",
                       headers={"X-Forwarded-For": forwarded_for})

    for _ in range(3):
        attempt("203.0.113.1")
    assert attempt("203.0.113.1").status_code == 429
    assert attempt("198.51.100.7").status_code == 200
    with app.app_context():
        db.engine.dispose()
