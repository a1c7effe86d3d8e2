"""A form left open until its session ended (the CSRF check fails) keeps what was typed:
the 400 page writes it back, and a form sent from this site's own page can be sent again
with a fresh token. Another site's form only gets the text shown, never a way to send it."""

from __future__ import annotations

import re

from headstart.extensions import db
from tests.helpers import PASSWORD, csrf_token

LONG = ("Before leaving Chișinău, care workers need the Italian contract explained.\n"
        "Three sessions work best: rights, pay, and who to call in Rome.")


def _expire(client) -> None:
    """What an ended session does to an open form: the token it carries no longer matches."""
    with client.session_transaction() as session:
        session.pop("csrf_token", None)


def _new_topic(client, category: int, token: str, **headers):
    return client.post(f"/forum/c/{category}/new", headers=headers, data={
        "csrf_token": token, "title": "Contracts for care work", "body": LONG,
        "submit": "Post"})


def _topics(app, title: str) -> int:
    from headstart.forum.models import ForumTopic

    with app.app_context():
        return db.session.query(ForumTopic).filter_by(title=title).count()


def test_an_expired_form_from_this_site_keeps_the_text_and_sends_it_again(app, login_as,
                                                                          make_category):
    category = make_category()
    member = login_as("practitioner")
    stale = csrf_token(member, f"/forum/c/{category}/new")
    _expire(member)
    response = _new_topic(member, category, stale, Origin="http://localhost")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Your form had expired" in page
    assert _topics(app, "Contracts for care work") == 0
    form = re.search(r'<form method="post" action="([^"]+)" class="kept-form">(.*?)</form>',
                     page, re.DOTALL)
    assert form
    assert form.group(1) == f"/forum/c/{category}/new"
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(2)))
    box = re.search(r'<textarea[^>]*name="body"[^>]*>(.*?)</textarea>', form.group(2),
                    re.DOTALL).group(1)
    assert box == LONG
    assert fields["title"] == "Contracts for care work"
    assert fields["csrf_token"] != stale

    resent = member.post(form.group(1), data={**fields, "body": box, "submit": "Post"})
    assert resent.status_code == 302
    assert _topics(app, "Contracts for care work") == 1


def test_an_expired_form_from_another_site_only_shows_the_text(app, login_as, make_category):
    category = make_category()
    member = login_as("practitioner")
    stale = csrf_token(member, f"/forum/c/{category}/new")
    response = _new_topic(member, category, stale + "x", Origin="https://evil.example")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "kept-form" in page
    assert "<form method=\"post\" action" not in page
    assert "Send again" not in page
    assert re.search(r"<textarea[^>]*readonly[^>]*>Before leaving", page)
    # Nor without any Origin or Referer: nothing proves the form was ours.
    page = _new_topic(member, category, "").get_data(as_text=True)
    assert "Send again" not in page
    assert "Before leaving Chișinău" in page
    assert _topics(app, "Contracts for care work") == 0


def test_passwords_and_tokens_are_never_written_back(client, make_user):
    user = make_user()
    response = client.post("/auth/login", headers={"Origin": "http://localhost"},
                           data={"email": user.email, "password": PASSWORD,
                                 "csrf_token": "stale-token"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert PASSWORD not in page
    assert "stale-token" not in page
    # Nothing worth keeping without the password: the page says to reload, offers no resend.
    assert "The form had expired" in page
    assert "Send again" not in page
