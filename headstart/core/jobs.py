"""Work done after the response, from a queue table that survives restarts.

A request calls :func:`enqueue` inside its own transaction: the job row commits with the
change that asked for it, or not at all. After the commit a worker thread of the process
runs the due jobs, each in its own application context and transaction; a job that fails
is tried again later (back-off: 1, 2, 4 … minutes, ``JOB_ATTEMPTS`` times in all) and a
job left by a stopped process is picked up by the next worker or by ``flask jobs run``
(``make run`` and ``make serve`` run it at start-up). With ``JOBS_SYNC`` (the tests) the
jobs run right after the commit, before the request returns.

Several processes and hosts may work on one table: a job is claimed by a conditional
update, so each runs once. Handlers are registered by name in ``headstart.web``.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import Integer, String, Text, event, select, update
from sqlalchemy.orm import Mapped, mapped_column

from headstart.core.models import UTCDateTime, utcnow
from headstart.extensions import db

logger = logging.getLogger(__name__)

_QUEUED = "headstart_jobs_queued"
#: Job kinds → functions taking the payload as keyword arguments (``register``).
HANDLERS: dict[str, Callable[..., None]] = {}
#: A claim older than this is taken to belong to a process that stopped mid-job.
STALE_CLAIM = timedelta(minutes=10)


class Job(db.Model):
    """One piece of work waiting to be done after a commit."""

    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: A name in ``HANDLERS`` (e.g. ``password_reset``).
    kind: Mapped[str] = mapped_column(String(40))
    #: The handler's keyword arguments, as JSON.
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: Not before this time (moved on after each failed attempt).
    run_after: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: When a worker took the job (None: free); a stale claim is taken over.
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    #: The last failure, for the operator; set with ``failed`` once attempts run out.
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    failed: Mapped[bool] = mapped_column(default=False)

    def __repr__(self) -> str:
        return f"<Job {self.id} {self.kind} attempts={self.attempts}>"


def register(kind: str, handler: Callable[..., None]) -> None:
    """Make ``handler`` run the jobs of ``kind``."""
    HANDLERS[kind] = handler


def enqueue(kind: str, **payload) -> None:
    """Queue a job in the current transaction (it runs after the commit)."""
    if kind not in HANDLERS:
        raise ValueError(f"no handler for jobs of kind {kind!r}")
    db.session.add(Job(kind=kind, payload=json.dumps(payload, ensure_ascii=False)))
    db.session().info[_QUEUED] = True


def run_due(app, *, limit: int = 100) -> int:
    """Run up to ``limit`` due jobs, each in its own transaction; returns how many ran."""
    done = 0
    with app.app_context():
        try:
            while done < limit and (job_id := _claim_next()) is not None:
                _run(job_id)
                done += 1
        finally:
            db.session.remove()
    return done


def _claim_next() -> int | None:
    """Claim the oldest due job (None when there is none or another worker won it)."""
    now = utcnow()
    free = (Job.claimed_at.is_(None)) | (Job.claimed_at < now - STALE_CLAIM)
    candidate = db.session.scalar(select(Job.id).where(
        Job.failed.is_(False), Job.run_after <= now, free).order_by(Job.id).limit(1))
    if candidate is None:
        db.session.rollback()
        return None
    won = db.session.execute(update(Job).where(Job.id == candidate, free)
                             .values(claimed_at=now)).rowcount
    db.session.commit()
    return candidate if won else _claim_next()


def _run(job_id: int) -> None:
    """Run one claimed job; on failure keep it for a later attempt."""
    job = db.session.get(Job, job_id)
    kind, payload = job.kind, json.loads(job.payload)
    from headstart.core.mail import link_context

    try:
        with link_context():  # handlers render mail, whose links need an address
            HANDLERS[kind](**payload)
        db.session.delete(db.session.get(Job, job_id))
        db.session.commit()
    except Exception as error:  # noqa: BLE001 - any failure is kept and retried
        db.session.rollback()
        logger.exception("job %s (%s) failed", job_id, kind)
        _record_failure(job_id, error)


def _record_failure(job_id: int, error: Exception) -> None:
    job = db.session.get(Job, job_id)
    job.attempts += 1
    job.last_error = f"{type(error).__name__}: {error}"[:2000]
    job.claimed_at = None
    job.failed = job.attempts >= current_app.config["JOB_ATTEMPTS"]
    job.run_after = utcnow() + timedelta(minutes=2 ** (job.attempts - 1))
    db.session.commit()


class _Worker:
    """One background thread per process that runs jobs when woken (and every minute,
    for retries and jobs other processes left)."""

    def __init__(self, app):
        self.app = app
        self.wake = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="headstart-jobs", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            self.wake.wait(timeout=60)
            self.wake.clear()
            try:
                run_due(self.app)
            except Exception:  # noqa: BLE001 - the thread must outlive a bad moment
                logger.exception("the job worker could not read the queue")


_workers: dict[int, _Worker] = {}
_workers_lock = threading.Lock()


def _after_commit(session) -> None:
    if not session.info.pop(_QUEUED, False):
        return
    app = current_app._get_current_object()
    if app.config["JOBS_SYNC"]:
        # A fresh thread: this session cannot run SQL inside its own commit hook.
        runner = threading.Thread(target=run_due, args=(app,))
        runner.start()
        runner.join()
        return
    with _workers_lock:
        worker = _workers.get(id(app))
        if worker is None or not worker.thread.is_alive():
            worker = _workers[id(app)] = _Worker(app)
    worker.wake.set()


def _after_rollback(session) -> None:
    session.info.pop(_QUEUED, None)


def init_app(app) -> None:
    """Run queued jobs after each commit that queued some (hooked once per process)."""
    if not event.contains(db.session, "after_commit", _after_commit):
        event.listen(db.session, "after_commit", _after_commit)
        event.listen(db.session, "after_rollback", _after_rollback)


def status() -> dict:
    """Jobs waiting, and jobs kept as failed (for ``flask jobs status``)."""
    from sqlalchemy import func

    rows = db.session.execute(select(Job.failed, func.count()).group_by(Job.failed)).all()
    counts = {bool(failed): count for failed, count in rows}
    return {"waiting": counts.get(False, 0), "failed": counts.get(True, 0)}
