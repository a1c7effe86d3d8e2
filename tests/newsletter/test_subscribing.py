"""Double opt-in, one-click unsubscribe without signing in, no address ever shown, and no
telling whether an address is subscribed."""

from sqlalchemy import select

from headstart.extensions import db
from headstart.newsletter.models import Subscriber
from tests.helpers import post_form


def _subscribe(client, email, language="en"):
    return post_form(client, "/newsletter/subscribe", {"email": email, "language": language},
                     page="/newsletter/")


def _status(app, email):
    with app.app_context():
        return db.session.scalar(select(Subscriber.status).where(Subscriber.email == email))


def test_subscribing_needs_the_confirmation_link_and_its_button(app, client, outbox):
    response = _subscribe(client, "Reader@Example.org", "cs")
    assert response.status_code == 200
    assert "Check your inbox" in response.get_data(as_text=True)
    assert _status(app, "reader@example.org") == "pending"
    mail = outbox.last("reader@example.org")
    assert "HEADSTART" in mail["Subject"]
    link = outbox.link(mail, "/newsletter/confirm/")
    # Opening the link (a mail scanner does) confirms nothing; the button does.
    page = client.get(link)
    assert page.status_code == 200
    assert _status(app, "reader@example.org") == "pending"
    other = app.test_client()  # the link works in any browser, signed in or not
    assert post_form(other, link, page=link).status_code == 200
    assert _status(app, "reader@example.org") == "confirmed"
    assert other.get("/newsletter/confirm/forged-token").status_code == 400


def test_subscribing_an_address_already_subscribed_says_the_same(app, client, outbox,
                                                                 make_subscriber):
    make_subscriber("known@example.org")
    first = _subscribe(client, "new@example.org")
    second = _subscribe(app.test_client(), "known@example.org")
    assert first.status_code == second.status_code == 200

    def main(response):
        return response.get_data(as_text=True).split("<main", 1)[1].split("</main>")[0]

    assert main(first) == main(second)
    assert outbox.messages("known@example.org") == []  # nothing more to a confirmed address
    assert _status(app, "known@example.org") == "confirmed"


def test_bad_address_is_refused_with_the_message_beside_the_field(client):
    response = _subscribe(client, "not an address")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "This does not look like an e-mail address." in page.split('id="email-error"')[1]
    assert 'value="not an address"' in page


def test_subscribe_form_is_rate_limited(app, client):
    codes = [_subscribe(client, f"r{i}@example.org").status_code for i in range(12)]
    assert codes[:10] == [200] * 10
    assert codes[-1] == 429


def test_one_click_unsubscribe_works_without_signing_in_or_form_token(app, make_subscriber):
    from headstart.newsletter import subscriptions

    subscriber = make_subscriber("leaving@example.org")
    with app.app_context():
        token = subscriptions.unsubscribe_token(db.session.get(Subscriber, subscriber.id))
    client = app.test_client()
    page = client.get(f"/newsletter/unsubscribe/{token}")
    assert page.status_code == 200
    assert _status(app, "leaving@example.org") == "confirmed"
    # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click", no cookies, no token.
    response = client.post(f"/newsletter/unsubscribe/{token}",
                           data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert _status(app, "leaving@example.org") == "unsubscribed"
    assert client.post(f"/newsletter/unsubscribe/{token}").status_code == 200  # again: fine
    assert client.post(f"/newsletter/unsubscribe/{token}x").status_code == 400
    assert client.post("/newsletter/unsubscribe/forged").status_code == 400


def test_coordinators_see_counts_never_addresses(app, login_as, make_subscriber):
    make_subscriber("secret.one@example.org", language="cs")
    make_subscriber("secret.two@example.org")
    make_subscriber("secret.three@example.org", status="pending")
    page = login_as("coordinator").get("/newsletter/compose/").get_data(as_text=True)
    assert "2 confirmed subscribers" in page
    assert "1 address waiting for confirmation" in page
    assert "secret." not in page
    for path in ("/newsletter/", "/newsletter/compose/new"):
        assert "secret." not in login_as("admin").get(path).get_data(as_text=True)


def test_confirmations_to_one_address_are_limited_whoever_asks(app, outbox):
    for attempt in range(5):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"10.0.0.{attempt}"
        assert _subscribe(client, "victim@example.org").status_code == 200
    assert len(outbox.messages("victim@example.org")) == 3  # CONFIRMATION_RESEND_LIMIT

