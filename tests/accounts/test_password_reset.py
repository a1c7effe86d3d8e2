"""Password reset by e-mailed, expiring, single-use token."""

import pytest

from tests.helpers import PASSWORD, post_form, sign_in

NEW_PASSWORD = "a brand new passphrase 77"


def ask_reset(client, email):
    return post_form(client, "/auth/reset", {"email": email})


def test_reset_link_sets_a_new_password_once(client, make_user, outbox):
    user = make_user()
    assert ask_reset(client, user.email).status_code == 200
    link = outbox.link(outbox.last(to=user.email), "/auth/reset/")

    assert client.get(link).status_code == 200
    response = post_form(client, link, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert response.status_code == 302
    assert sign_in(client, user.email, PASSWORD).status_code == 200  # old one fails
    assert sign_in(client, user.email, NEW_PASSWORD).status_code == 302

    # The link is used up.
    again = client.get(link)
    assert again.status_code == 400
    assert "This link does not work" in again.get_data(as_text=True)


def test_unknown_address_gets_the_same_answer_and_no_mail(client, outbox):
    known_text = ask_reset(client, "nobody@example.org").get_data(as_text=True)
    assert "If an account exists for that address" in known_text
    assert outbox.messages() == []


def test_a_newer_link_kills_the_older_one(client, make_user, outbox):
    user = make_user()
    ask_reset(client, user.email)
    first = outbox.link(outbox.last(), "/auth/reset/")
    ask_reset(client, user.email)
    second = outbox.link(outbox.last(), "/auth/reset/")
    assert first != second
    assert client.get(first).status_code == 400
    assert client.get(second).status_code == 200


def test_an_expired_link_is_refused(app, client, make_user, outbox):
    user = make_user()
    ask_reset(client, user.email)
    link = outbox.link(outbox.last(), "/auth/reset/")
    app.config["RESET_TOKEN_MAX_AGE"] = -1
    try:
        response = client.get(link)
    finally:
        app.config["RESET_TOKEN_MAX_AGE"] = 3600
    assert response.status_code == 400
    assert "The link has expired." in response.get_data(as_text=True)


def test_resetting_signs_out_every_other_session(app, make_user, outbox):
    user = make_user()
    elsewhere = app.test_client()
    sign_in(elsewhere, user.email)
    assert elsewhere.get("/account/").status_code == 200

    client = app.test_client()
    ask_reset(client, user.email)
    link = outbox.link(outbox.last(), "/auth/reset/")
    post_form(client, link, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert elsewhere.get("/account/").status_code == 302


def test_a_weak_new_password_is_refused_and_the_link_still_works(client, make_user, outbox):
    user = make_user()
    ask_reset(client, user.email)
    link = outbox.link(outbox.last(), "/auth/reset/")
    response = post_form(client, link, {"password": "short", "password_again": "short"})
    assert response.status_code == 422
    assert "Use at least 12 characters." in response.get_data(as_text=True)
    assert client.get(link).status_code == 200


@pytest.mark.parametrize("token", ["garbage", "a" * 300, "..", "%00"])
def test_malformed_tokens_get_400_not_500(client, token):
    assert client.get(f"/auth/reset/{token}").status_code in {400, 404}
