"""Registration with e-mail confirmation, without revealing which addresses have accounts."""

from tests.helpers import PASSWORD, post_form, sign_in


def register(client, email="new@example.org", password=PASSWORD, name="Nadia", **extra):
    data = {"display_name": name, "email": email, "password": password,
            "password_again": password, "language": "en", **extra}
    return post_form(client, "/auth/register", data)


def test_registration_sends_a_confirmation_link_that_activates_the_account(client, outbox):
    response = register(client)
    assert response.status_code == 200
    assert "Check your e-mail" in response.get_data(as_text=True)

    message = outbox.last(to="new@example.org")
    assert "Confirm" in message["Subject"]
    link = outbox.link(message, "/auth/confirm/")

    # Before confirming, signing in is refused (and a fresh link is sent).
    refused = sign_in(client, "new@example.org")
    assert refused.status_code == 403
    assert "confirm your e-mail address" in refused.get_data(as_text=True)

    page = client.get(link)
    assert page.status_code == 200
    assert "Confirm my address" in page.get_data(as_text=True)
    confirmed = post_form(client, link)
    assert confirmed.status_code == 302
    assert sign_in(client, "new@example.org").status_code == 302
    assert "Nadia" in client.get("/account/").get_data(as_text=True)


def test_opening_the_confirmation_link_alone_does_not_confirm(client, outbox):
    register(client)
    link = outbox.link(outbox.last(), "/auth/confirm/")
    client.get(link)  # e.g. a mail scanner following the link
    assert sign_in(client, "new@example.org").status_code == 403


def test_registering_a_taken_address_looks_the_same_and_warns_the_owner(client, outbox,
                                                                          make_user):
    owner = make_user(email="taken@example.org")
    first = register(client, email="fresh@example.org")
    second = register(client, email="Taken@Example.org")
    assert first.status_code == second.status_code == 200
    assert first.get_data(as_text=True).count("Check your e-mail") == \
        second.get_data(as_text=True).count("Check your e-mail")
    warning = outbox.last(to=owner.email)
    assert "tried to register" in warning["Subject"]
    assert "/auth/confirm/" not in outbox.body(warning)


def test_registration_explains_each_invalid_field_and_keeps_what_was_typed(client):
    response = post_form(client, "/auth/register", {
        "display_name": "Petra", "email": "not-an-address", "password": "short",
        "password_again": "different", "language": "cs"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Please enter a valid e-mail address." in body
    assert "Use at least 12 characters." in body
    assert "The two passwords do not match." in body
    assert 'value="Petra"' in body
    assert 'value="not-an-address"' in body


def test_common_passwords_are_refused(client):
    response = register(client, password="password1234")
    assert response.status_code == 422
    assert "too common" in response.get_data(as_text=True)


def test_a_64_character_passphrase_is_accepted(client, outbox):
    long_password = "correct horse battery staple " * 3
    assert len(long_password) > 64
    register(client, email="long@example.org", password=long_password)
    link = outbox.link(outbox.last(), "/auth/confirm/")
    post_form(client, link)
    assert sign_in(client, "long@example.org", long_password).status_code == 302


def test_a_forged_confirmation_link_is_refused_with_400(client):
    response = post_form(client, "/auth/confirm/not-a-real-token")
    assert response.status_code == 400
    assert "This link does not work" in response.get_data(as_text=True)


def test_a_signed_in_member_is_sent_from_register_to_the_profile(login_as):
    client = login_as("practitioner")
    response = client.get("/auth/register")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account/")
