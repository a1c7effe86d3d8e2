"""Daily and weekly digests of forum notifications for members who chose them."""

from __future__ import annotations

from tests.helpers import Outbox, csrf_token


def _choose(client, choice):
    return client.post("/forum/settings", data={
        "csrf_token": csrf_token(client, "/forum/settings"), "email": choice})


def test_daily_digest_gathers_unread_forum_news_in_one_mail(app, runner, login_as, make_user,
                                                            make_category, make_topic,
                                                            add_reply, outbox):
    author = login_as("practitioner")
    assert _choose(author, "daily").status_code == 302
    topic, _ = make_topic(make_category(), author.user, title="Seasonal work")
    add_reply(topic, make_user(name="Marco"), "One")
    add_reply(topic, make_user(name="Lucia"), "Two")
    assert outbox.messages(to=author.user.email) == []  # no mail per notification

    weekly = runner.invoke(args=["forum", "digest", "weekly"])
    assert "0 weekly forum digests sent." in weekly.output
    result = runner.invoke(args=["forum", "digest", "daily"])
    assert result.exit_code == 0, result.output
    assert "1 daily forum digests sent." in result.output
    mail = outbox.last(to=author.user.email)
    assert mail["Subject"] == "Your forum digest: 2 new notifications"
    body = Outbox.body(mail)
    assert "Marco replied in “Seasonal work”" in body
    assert "Lucia replied in “Seasonal work”" in body
    assert "/forum/settings" in body
    # Nothing new: the next run sends nothing.
    again = runner.invoke(args=["forum", "digest", "daily"])
    assert "0 daily forum digests sent." in again.output
    assert len(outbox.messages(to=author.user.email)) == 1


def test_a_command_delivers_the_mail_it_queued_before_it_exits(app, runner, login_as,
                                                              make_category, make_topic,
                                                              add_reply, make_user, outbox,
                                                              monkeypatch):
    from headstart.core import jobs

    reader = login_as("practitioner")
    assert _choose(reader, "daily").status_code == 302
    topic, _ = make_topic(make_category(), reader.user, title="Seasonal work")
    add_reply(topic, make_user(name="Marco"), "One")
    # A command is no serving process: no worker thread, no JOBS_SYNC.
    monkeypatch.setitem(app.config, "JOBS_SYNC", False)
    monkeypatch.setattr(jobs, "_workers", {})
    result = runner.invoke(args=["forum", "digest", "daily"])
    assert result.exit_code == 0, result.output
    assert outbox.last(to=reader.user.email)["Subject"].startswith("Your forum digest")
    with app.app_context():
        assert jobs.status() == {"waiting": 0, "failed": 0}


def test_settings_offer_digests_and_off(app, login_as):
    member = login_as("practitioner")
    page = member.get("/forum/settings").get_data(as_text=True)
    for label in ("Immediately", "Once a day", "Once a week", "Never"):
        assert label in page
    refused = _choose(member, "hourly")
    assert refused.status_code == 422
    assert "Not a valid choice" in refused.get_data(as_text=True)


def test_digests_sent_from_the_command_line_link_to_the_configured_address(
        app, runner, login_as, make_user, make_category, make_topic, add_reply, outbox,
        monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", "https://portal.example.org")
    reader = login_as("practitioner")
    assert _choose(reader, "daily").status_code == 302
    topic, _ = make_topic(make_category(), reader.user, title="Seasonal work")
    add_reply(topic, make_user(name="Marco"), "One")
    assert runner.invoke(args=["forum", "digest", "daily"]).exit_code == 0
    body = Outbox.body(outbox.last(to=reader.user.email))
    assert "https://portal.example.org/forum/" in body
    assert "https://portal.example.org/forum/settings" in body
    assert "localhost" not in body
