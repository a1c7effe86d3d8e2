"""Sending an issue to its confirmed subscribers, in batches (one SMTP connection per
batch), resumable. A long list is sent by the job queue, one batch per job
(:func:`send_queued_batch`): a stopped process's batch is taken over by another.

Each mail goes out in its own transaction: the delivery row (unique per issue and
subscriber) is written, the mail is handed to SMTP or the outbox, and the transaction
commits. A failure or a killed process before the commit rolls the row back, so the next
run sends that mail; a committed row is never sent again, and a second run at the same
time is stopped by the unique row. The only gap left is a crash after the mail server took
the message and before the commit returned (milliseconds), which can send that one mail
twice; nobody is ever skipped.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from contextlib import ExitStack

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError

from headstart.core import jobs, mail
from headstart.core.errors import Conflict
from headstart.core.i18n import _, available_locales
from headstart.core.mail import external_url
from headstart.core.models import utcnow
from headstart.extensions import db
from headstart.newsletter import composing, subscriptions
from headstart.newsletter.models import Delivery, Issue, Subscriber

logger = logging.getLogger(__name__)


def start(issue: Issue, *, actor=None) -> None:
    """Freeze the issue's text and mark it as being sent (a started issue stays so)."""
    if issue.status == "sent":
        raise Conflict(_("This newsletter was sent already."))
    if issue.status == "draft":
        composing.freeze(issue)
        issue.status, issue.send_started_at = "sending", utcnow()
        db.session.flush()
        logger.info("user %s started sending newsletter %s", getattr(actor, "id", None),
                    issue.id)


def _pending(issue_id: int):
    return select(Subscriber.id).where(
        Subscriber.status == "confirmed",
        ~exists().where(Delivery.issue_id == issue_id, Delivery.subscriber_id == Subscriber.id))


def pending_count(issue_id: int) -> int:
    """Confirmed subscribers who have not had the issue yet."""
    return db.session.scalar(select(func.count()).select_from(_pending(issue_id).subquery()))


def delivered_count(issue_id: int) -> int:
    """Deliveries of the issue so far."""
    return db.session.scalar(select(func.count(Delivery.id)).where(
        Delivery.issue_id == issue_id))


def message_for(issue: Issue, subscriber: Subscriber):
    """The mail of ``issue`` for ``subscriber``: their language's translation where there
    is one, the interface text in their language, and one-click unsubscribing (RFC 8058)."""
    locale = subscriber.language if subscriber.language in available_locales() else "en"
    version = composing.version(issue, subscriber.language)
    unsubscribe_url = external_url("newsletter.unsubscribe",
                                   token=subscriptions.unsubscribe_token(subscriber))
    headers = {"List-Unsubscribe": f"<{unsubscribe_url}>",
               "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
               "List-Id": "HEADSTART newsletter <newsletter.headstart.localhost>",
               "Precedence": "bulk",
               "Content-Language": version.language}
    with force_locale(locale):
        return mail.make_message(
            subscriber.email, version.subject, "newsletter", locale=locale, headers=headers,
            version=version, unsubscribe_url=unsubscribe_url,
            online_url=external_url("newsletter.issue", issue_id=issue.id,
                                    language=version.language)), version.language


def send_batch(issue_id: int, size: int, *,
               deliver: Callable | None = None) -> tuple[int, int]:
    """Send the issue to up to ``size`` subscribers who have not had it; returns how many
    were sent and how many were looked at. ``deliver`` replaces ``core.mail.deliver``
    (tests)."""
    target = mail.current_delivery()
    ids = list(db.session.scalars(_pending(issue_id).order_by(Subscriber.id).limit(size)))
    db.session.commit()  # the read ends; each mail is its own transaction
    if not ids:
        return 0, 0
    with ExitStack() as stack:
        if deliver is not None:
            send_one = functools.partial(deliver, target)
        else:  # one SMTP connection for the whole batch
            send_one = stack.enter_context(mail.connection(target))
        return _send_to(issue_id, ids, send_one), len(ids)


def _send_to(issue_id: int, ids: list[int], send_one: Callable) -> int:
    """Send the issue to the subscribers ``ids``, each in its own transaction."""
    sent = 0
    for subscriber_id in ids:
        issue = db.session.get(Issue, issue_id)
        subscriber = db.session.get(Subscriber, subscriber_id)
        if issue is None or issue.status != "sending" or subscriber is None \
                or subscriber.status != "confirmed":
            db.session.rollback()
            continue
        message, language = message_for(issue, subscriber)
        db.session.add(Delivery(issue_id=issue_id, subscriber_id=subscriber_id,
                                language=language))
        try:
            db.session.flush()  # the unique row: another run sending now stops here
        except IntegrityError:
            db.session.rollback()
            continue
        try:
            send_one(message)
        except BaseException:
            db.session.rollback()
            raise
        db.session.commit()
        sent += 1
    return sent


def send(issue_id: int, *, batch: int | None = None, max_batches: int | None = None,
         deliver: Callable | None = None, progress: Callable[[int, int], None] | None = None,
         ) -> int:
    """Send batches until every confirmed subscriber has the issue (or ``max_batches``
    ran), then mark it sent; returns how many mails this run sent. Safe to run again after
    an interruption: it goes on where the last run stopped."""
    batch = batch or current_app.config.get("NEWSLETTER_BATCH", 50)
    total, batches = 0, 0
    while max_batches is None or batches < max_batches:
        sent, seen = send_batch(issue_id, batch, deliver=deliver)
        batches += 1
        total += sent
        if seen == 0:  # nobody left (the ones skipped are no longer pending)
            break
        if progress is not None:
            progress(total, pending_count(issue_id))
    _finish(issue_id)
    return total


#: The job kind of one batch of a newsletter being sent.
BATCH_JOB = "newsletter_batch"


def queue(issue: Issue) -> None:
    """Send a started issue from the job queue, after the current transaction commits."""
    jobs.enqueue(BATCH_JOB, issue_id=issue.id)


def send_queued_batch(issue_id: int) -> None:
    """One batch of a queued sending (a job); queues the next batch, or marks the issue
    sent when nobody is left. An issue no longer sending (deleted) stops here."""
    issue = db.session.get(Issue, issue_id)
    if issue is None or issue.status != "sending":
        return
    _sent, seen = send_batch(issue_id, current_app.config.get("NEWSLETTER_BATCH", 50))
    if seen:
        jobs.enqueue(BATCH_JOB, issue_id=issue_id)
    else:
        _finish(issue_id)


def _finish(issue_id: int) -> None:
    """Mark a sending issue sent once every confirmed subscriber has it."""
    issue = db.session.get(Issue, issue_id)
    if issue is not None and issue.status == "sending" and pending_count(issue_id) == 0:
        issue.status, issue.sent_at = "sent", utcnow()
        db.session.commit()
        logger.info("newsletter %s sent to everyone (%d deliveries)", issue_id,
                    delivered_count(issue_id))
