"""Events (proposed by members, approved by coordinators) and the newsletter
(subscribing, confirming, unsubscribing; composing and translating issues)."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from headstart.events.models import Event, EventAttachment
from headstart.newsletter import subscriptions
from headstart.newsletter.models import Issue, IssueTranslation, Subscriber
from tests.security.mass.harness import LONG_AGO, covers, injected

EVENT_FORM = {"title": "Recognition of diplomas: advice afternoon",
              "description": "For nurses and teachers from Ukraine.",
              "starts": "2026-10-24T14:00", "ends": "2026-10-24T18:00",
              "timezone": "Europe/Prague", "place": "Integration Centre Prague",
              "online_url": "", "corridors": "UA-CZ", "languages": ["uk", "cs"],
              "themes": ["employment"]}
#: What the approval workflow sets on an event.
DECIDED = {"status", "proposed_by_id", "decided_by_id", "decided_at", "sequence",
           "created_at", "id"}


def _proposed(env, name: str = "a") -> int:
    (event_id,) = env.add(Event(
        title="Fair", status="proposed", proposed_by_id=env.user(name).id,
        starts_at=datetime(2026, 10, 24, 8, tzinfo=UTC),
        ends_at=datetime(2026, 10, 24, 15, tzinfo=UTC), timezone="Europe/Prague",
        place="Prague"))
    return event_id


def _forged_event(env) -> dict:
    return injected(env, status="approved", sequence="99", materials_ids="1")


@covers("/events/new")
def a_proposed_event_waits_for_approval_with_an_organiser_of_the_proposer(env):
    refused = env.post("a", "/events/new", {**_forged_event(env), **EVENT_FORM,
                                             "organisation_id": str(env.org("b").id)})
    assert refused.status_code == 422  # organisation B is not one of A's
    assert env.rows(Event) == []
    response = env.post("a", "/events/new", {**_forged_event(env), **EVENT_FORM,
                                              "organisation_id": str(env.org("a").id)})
    assert response.status_code == 302
    (event,) = env.rows(Event)
    assert (event["status"], event["proposed_by_id"], event["decided_by_id"],
            event["decided_at"], event["sequence"], event["organisation_id"]) == (
        "proposed", env.user("a").id, None, None, 0, env.org("a").id)


@covers("/events/<int:event_id>/edit")
def an_edit_by_the_proposer_changes_the_event_not_its_approval(env):
    event_id, foreign_id = _proposed(env), _proposed(env, "other")
    (foreign_file,) = env.add(EventAttachment(
        event_id=foreign_id, stored_name="0" * 32, filename="programme.pdf",
        content_type="application/pdf", size=15, sha256="0" * 64))
    before = env.row(Event, event_id)
    refused = env.post("a", f"/events/{event_id}/edit", {
        **_forged_event(env), **EVENT_FORM, "organisation_id": str(env.org("b").id)})
    assert refused.status_code == 422
    assert env.changed(Event, event_id, before) == set()
    response = env.post("a", f"/events/{event_id}/edit", {
        **_forged_event(env), **EVENT_FORM, "organisation_id": str(env.org("a").id),
        "remove_attachments": str(foreign_file)})
    assert response.status_code == 302
    changed = env.changed(Event, event_id, before)
    assert "title" in changed
    assert not changed & DECIDED
    assert env.row(EventAttachment, foreign_file) is not None


@covers("/events/<int:event_id>/<any(approve, decline):decision>")
def approving_an_event_approves_it_in_the_coordinators_name(env):
    event_id = _proposed(env)
    before = env.row(Event, event_id)
    response = env.post("coordinator", f"/events/{event_id}/approve", {
        **injected(env, status="declined", title="Forged",
                   organisation_id=str(env.org("b").id))})
    assert response.status_code == 302
    assert env.changed(Event, event_id, before) <= {"status", "decided_by_id", "decided_at",
                                                    "updated_at"}
    after = env.row(Event, event_id)
    assert (after["status"], after["decided_by_id"]) == ("approved",
                                                         env.user("coordinator").id)
    assert after["decided_at"].year > 2000


def _subscriber(env, email: str, status: str) -> int:
    (subscriber_id,) = env.add(Subscriber(email=email, status=status,
                                          key=secrets.token_hex(8)))
    return subscriber_id


def _forged_subscription(env, other_id: int | None = None) -> dict:
    return injected(env, status="confirmed", key="0" * 16, unsubscribed_at=LONG_AGO,
                    **({"id": str(other_id), "s": str(other_id)} if other_id else {}))


@covers("/newsletter/subscribe")
def a_subscription_waits_for_the_confirmation_link(env):
    response = env.post(None, "/newsletter/subscribe", {
        **_forged_subscription(env), "email": "reader@example.org", "language": "cs"})
    assert response.status_code == 200
    (subscriber,) = env.rows(Subscriber)
    assert (subscriber["email"], subscriber["status"], subscriber["confirmed_at"],
            subscriber["language"]) == ("reader@example.org", "pending", None, "cs")
    assert subscriber["key"] != "0" * 16


@covers("/newsletter/confirm/<token>")
def confirming_confirms_the_subscriber_of_the_token_only(env):
    mine = _subscriber(env, "reader@example.org", "pending")
    other = _subscriber(env, "other@example.org", "pending")
    before, other_before = env.row(Subscriber, mine), env.row(Subscriber, other)
    with env.app.app_context():
        token = subscriptions.make_token(subscriptions.CONFIRM,
                                         {"s": mine, "k": before["key"]})
    response = env.post(None, f"/newsletter/confirm/{token}", {
        **_forged_subscription(env, other), "email": "other@example.org", "language": "de"})
    assert response.status_code == 200
    assert env.changed(Subscriber, mine, before) <= {"status", "confirmed_at", "updated_at"}
    assert env.row(Subscriber, mine)["status"] == "confirmed"
    assert env.changed(Subscriber, other, other_before) == set()


@covers("/newsletter/unsubscribe/<token>")
def unsubscribing_stops_the_subscriber_of_the_token_only(env):
    mine = _subscriber(env, "reader@example.org", "confirmed")
    other = _subscriber(env, "other@example.org", "confirmed")
    other_before = env.row(Subscriber, other)
    with env.app.app_context():
        from headstart.extensions import db

        token = subscriptions.unsubscribe_token(db.session.get(Subscriber, mine))
    response = env.post(None, f"/newsletter/unsubscribe/{token}", {
        **_forged_subscription(env, other), "status": "confirmed",
        "email": "other@example.org"})
    assert response.status_code == 200
    assert env.row(Subscriber, mine)["status"] == "unsubscribed"
    assert env.changed(Subscriber, other, other_before) == set()


def _forged_issue(env, **specific) -> dict:
    return injected(env, status="sent", sent_at=LONG_AGO, send_started_at=LONG_AGO,
                    sent_body="Forged", sent_text="Forged", **specific)


ISSUE_FORM = {"subject": "Network news", "language": "en", "body": "Hello **network**."}
#: What only sending sets on an issue.
SENT = {"status", "sent_at", "send_started_at", "sent_body", "sent_text", "created_by_id",
        "created_at", "id"}


@covers("/newsletter/compose/new")
def a_new_issue_is_the_coordinators_draft(env):
    response = env.post("coordinator", "/newsletter/compose/new",
                        {**_forged_issue(env), **ISSUE_FORM})
    assert response.status_code == 302
    (issue,) = env.rows(Issue)
    assert (issue["status"], issue["sent_at"], issue["send_started_at"], issue["sent_body"],
            issue["created_by_id"]) == ("draft", None, None, "", env.user("coordinator").id)


@covers("/newsletter/compose/<int:issue_id>")
def an_edited_issue_stays_a_draft(env):
    issue_id, other_id = env.add(Issue(subject="Draft", body="Soon.", language="en"),
                                 Issue(subject="Other", body="Later.", language="en"))
    before, other_before = env.row(Issue, issue_id), env.row(Issue, other_id)
    response = env.post("coordinator", f"/newsletter/compose/{issue_id}",
                        {**_forged_issue(env, id=str(other_id)), **ISSUE_FORM})
    assert response.status_code == 302
    changed = env.changed(Issue, issue_id, before)
    assert "subject" in changed
    assert not changed & SENT
    assert env.changed(Issue, other_id, other_before) == set()


@covers("/newsletter/compose/<int:issue_id>/translation")
def a_translation_belongs_to_the_issue_of_the_address(env):
    issue_id, other_id = env.add(Issue(subject="Draft", body="Soon.", language="en"),
                                 Issue(subject="Other", body="Later.", language="en"))
    response = env.post("coordinator", f"/newsletter/compose/{issue_id}/translation", {
        **_forged_issue(env, issue_id=str(other_id)), "subject": "Novinky",
        "language": "cs", "body": "Ahoj."})
    assert response.status_code == 302
    (translation,) = env.rows(IssueTranslation)
    assert (translation["issue_id"], translation["language"], translation["sent_body"]) == (
        issue_id, "cs", "")
    assert env.row(Issue, issue_id)["status"] == "draft"
