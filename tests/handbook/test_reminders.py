"""``flask handbook remind``: coordinators hear of sections due for review."""

from __future__ import annotations

from datetime import date, timedelta

from headstart.extensions import db
from headstart.handbook.models import Section
from headstart.notifications.models import Notification


def _due(app, section_id, days):
    with app.app_context():
        db.session.get(Section, section_id).review_by = date.today() + timedelta(days=days)
        db.session.commit()


def _notices(app, user):
    with app.app_context():
        return list(db.session.scalars(db.select(Notification).where(
            Notification.user_id == user.id, Notification.kind == "handbook_review_due")))


def test_coordinators_are_reminded_once_a_week(app, runner, coordinator, make_user, handbook,
                                               outbox):
    practitioner = make_user("practitioner")
    result = runner.invoke(args=["handbook", "remind"])
    assert "Reminded 0 coordinators" in result.output  # nothing is due yet
    _due(app, handbook["induction"], -3)
    _due(app, handbook["referral"], 400)
    result = runner.invoke(args=["handbook", "remind"])
    assert result.exit_code == 0, result.output
    assert "Reminded 1 coordinators" in result.output
    [notice] = _notices(app, coordinator)
    assert notice.details["titles"] == "Induction"
    assert notice.url == "/handbook/edit/"
    assert _notices(app, practitioner) == []
    assert "Induction" in outbox.body(outbox.last(coordinator.email))
    again = runner.invoke(args=["handbook", "remind"])
    assert "Reminded 0 coordinators" in again.output
    assert len(_notices(app, coordinator)) == 1


def test_reminder_reads_in_the_notification_list(app, runner, login_as, coordinator, handbook):
    _due(app, handbook["induction"], 5)
    runner.invoke(args=["handbook", "remind"])
    page = login_as(user=coordinator).get("/notifications/").text
    assert "Handbook sections due for review: Induction" in page


def test_reminders_sent_from_the_command_line_link_to_the_configured_address(
        app, runner, coordinator, handbook, outbox, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", "https://portal.example.org")
    _due(app, handbook["induction"], -3)
    assert runner.invoke(args=["handbook", "remind"]).exit_code == 0
    body = outbox.body(outbox.last(coordinator.email))
    assert "https://portal.example.org/handbook/edit/" in body
    assert "localhost" not in body
