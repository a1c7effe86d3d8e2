"""Security headers, CSRF enforcement, password hashing and the safe-next rule."""

import pytest

from headstart.core.auth import safe_next
from tests.helpers import PASSWORD, csrf_token


def test_every_page_carries_strict_security_headers(client):
    for url in ["/", "/auth/login", "/does-not-exist", "/healthz"]:
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_scripts_or_styles(client):
    body = client.get("/").get_data(as_text=True)
    assert "<script>" not in body
    assert " style=" not in body
    assert "<style" not in body


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_forms_without_a_valid_csrf_token_are_refused_with_400(client, make_user, token):
    user = make_user()
    data = {"email": user.email, "password": PASSWORD}
    if token:
        data["csrf_token"] = token
    response = client.post("/auth/login", data=data)
    assert response.status_code == 400
    assert "The form had expired" in response.get_data(as_text=True)
    assert client.get("/account/").status_code == 302


def test_a_token_from_another_session_is_refused(app, client, make_user):
    user = make_user()
    foreign = csrf_token(app.test_client())
    response = client.post("/auth/login", data={"email": user.email, "password": PASSWORD,
                                                 "csrf_token": foreign})
    assert response.status_code == 400


def test_passwords_are_stored_as_argon2id_with_owasp_parameters_by_default(app, make_user):
    from headstart.accounts.models import User
    from headstart.config import Defaults
    from headstart.core.security import hash_password
    from headstart.extensions import db

    user = make_user()
    with app.app_context():
        stored = db.session.get(User, user.id).password_hash
        assert stored.startswith("$argon2id$")
        assert PASSWORD not in stored
        app.config.update(ARGON2_MEMORY_KIB=Defaults.ARGON2_MEMORY_KIB,
                          ARGON2_TIME_COST=Defaults.ARGON2_TIME_COST)
        try:
            real = hash_password("anything at all 123")
        finally:
            app.config.update(ARGON2_MEMORY_KIB=1024, ARGON2_TIME_COST=1)
    assert "$m=19456,t=2,p=1$" in real


def test_weaker_hashes_are_upgraded_at_sign_in(app, client, make_user):
    from headstart.accounts.models import User
    from headstart.extensions import db
    from tests.helpers import sign_in

    user = make_user()  # made at the cheap test cost
    app.config.update(ARGON2_MEMORY_KIB=2048, ARGON2_TIME_COST=2)
    try:
        assert sign_in(client, user.email).status_code == 302
        with app.app_context():
            assert "$m=2048,t=2,p=1$" in db.session.get(User, user.id).password_hash
    finally:
        app.config.update(ARGON2_MEMORY_KIB=1024, ARGON2_TIME_COST=1)


@pytest.mark.parametrize(("target", "expected"), [
    ("/directory/3", "/directory/3"),
    ("/search?q=a%20b", "/search?q=a%20b"),
    ("https://evil.example", "/"),
    ("//evil.example", "/"),
    ("////evil.example", "/"),
    ("/\\evil.example", "/"),
    ("\\/evil.example", "/"),
    ("javascript:alert(1)", "/"),
    ("/\x00/evil", "/"),
    ("/\t/evil.example", "/"),
    ("", "/"),
    (None, "/"),
    ("directory", "/"),
])
def test_safe_next(target, expected):
    assert safe_next(target) == expected


def test_lazy_translations_escape_the_data_they_carry(app):
    from flask import render_template_string

    from headstart.core.i18n import _l

    with app.test_request_context("/"):
        html = render_template_string(
            "{{ m }}", m=_l("Hello %(name)s,", name="<script>alert(1)</script>"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_organisation_names_are_escaped_everywhere(client, login_as, make_user, make_org):
    member = make_user("practitioner")
    organisation = make_org('<img src=x onerror="alert(1)">', members=[member])
    # The home page names organisations only to their members (their corridors).
    pages = [(client, "/directory/"), (client, f"/directory/{organisation.id}"),
             (login_as(user=member), "/")]
    for reader, url in pages:
        body = reader.get(url).get_data(as_text=True)
        assert "<img src=x" not in body
        assert "&lt;img src=x" in body
