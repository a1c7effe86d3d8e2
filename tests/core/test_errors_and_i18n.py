"""Localised error pages, locale selection and right-to-left layout."""

import pytest

from tests.helpers import post_form


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Page not found"),
    ("cs", "Stránka nenalezena"),
])
def test_404_page_is_localised(client, lang, text):
    response = client.get(f"/no-such-page?lang={lang}")
    assert response.status_code == 404
    assert text in response.get_data(as_text=True)


def test_405_names_the_allowed_methods(client):
    response = client.get("/auth/logout")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    assert "Method not allowed" in response.get_data(as_text=True)


def test_413_for_an_oversized_request(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    try:
        response = client.post("/auth/login", data={"email": "x" * 4096})
    finally:
        app.config["MAX_CONTENT_LENGTH"] = 10 * 1024 * 1024
    assert response.status_code == 413
    assert "File too large" in response.get_data(as_text=True)


def test_429_page_after_too_many_registrations(app, client):
    limit = int(app.config["MAIL_FORM_LIMIT"].split()[0])
    for n in range(limit):
        post_form(client, "/auth/reset", {"email": f"x{n}@example.org"})
    response = post_form(client, "/auth/reset", {"email": "y@example.org"})
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True)


def test_500_page_is_friendly_and_logged(tmp_path, caplog):
    from headstart import create_app

    app = create_app({"INSTANCE_PATH": str(tmp_path), "PROPAGATE_EXCEPTIONS": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite3'}"})

    @app.route("/_boom_for_test")
    def boom():
        raise RuntimeError("kaboom")

    response = app.test_client().get("/_boom_for_test?lang=cs")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "kaboom" not in body
    assert 'lang="cs"' in body
    assert "unhandled error" in caplog.text


@pytest.mark.parametrize("code", [400, 403, 404, 405, 413, 429, 500])
@pytest.mark.parametrize("lang", ["en", "cs", "ar"])
def test_every_error_page_renders_in_every_finished_language(app, code, lang):
    from flask import render_template

    from headstart.core.errors import ERROR_TEXTS

    with app.test_request_context(f"/?lang={lang}"):
        title, explanation = ERROR_TEXTS[code]
        html = render_template("errors/error.html", code=code, title=title,
                               explanation=explanation, message=None)
    assert f'lang="{lang}"' in html
    assert str(code) in html


def test_api_errors_are_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == 404


def test_locale_order_query_then_cookie_then_member_then_browser(app, make_user):
    from tests.helpers import sign_in

    client = app.test_client()
    assert 'lang="cs"' in client.get("/", headers={"Accept-Language": "de,cs;q=0.5"}).get_data(
        as_text=True)
    assert 'lang="en"' in client.get("/", headers={"Accept-Language": "xx"}).get_data(
        as_text=True)
    client.get("/?lang=cs")  # remembered
    assert 'lang="cs"' in client.get("/", headers={"Accept-Language": "de"}).get_data(
        as_text=True)

    member = app.test_client()
    user = make_user(language="ar")
    sign_in(member, user.email)
    assert 'lang="ar"' in member.get("/", headers={"Accept-Language": "cs"}).get_data(
        as_text=True)


def test_only_languages_with_a_catalogue_are_offered(app, client):
    offered = app.config["INTERFACE_LOCALES"]
    assert offered[0] == "en"
    assert {"cs", "ar"} <= set(offered)
    body = client.get("/").get_data(as_text=True)
    for code in offered:
        assert f'hreflang="{code}"' in body
    missing = [code for code in ("de", "ro", "vi") if code not in offered]
    for code in missing:  # until its catalogue exists, a language is neither offered nor used
        assert f'hreflang="{code}"' not in body
        assert 'lang="en"' in client.get(f"/?lang={code}").get_data(as_text=True)


def test_an_unknown_lang_parameter_is_ignored(client):
    response = client.get("/?lang=klingon", headers={"Accept-Language": "cs"})
    assert response.status_code == 200
    assert 'lang="cs"' in response.get_data(as_text=True)


def test_arabic_pages_are_right_to_left(client):
    body = client.get("/?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in body
    assert '<html lang="en" dir="ltr">' in client.get("/?lang=en").get_data(as_text=True)


def test_language_switcher_keeps_the_current_page(client):
    body = client.get("/directory/?side=origin").get_data(as_text=True)
    assert 'href="/directory/?side=origin&amp;lang=cs"' in body
    assert 'lang="ar" hreflang="ar"' in body
