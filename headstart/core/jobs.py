"""Work done after the response, from a queue table that survives restarts.

A request calls :func:`enqueue` inside its own transaction: the job row commits with the
change that asked for it, or not at all. Every outgoing mail is such a job
(``core.mail``), and so is each batch of a newsletter being sent. A job that fails is
tried again later (back-off: 1, 2, 4 … minutes, ``JOB_ATTEMPTS`` times in all).

Who runs the jobs: a serving process (gunicorn's workers from ``wsgi.py``, ``flask run``
from its first request) starts one worker thread, woken after each commit that queued
work and every minute, which also picks up what other processes left (a command, or a
process that stopped mid-job). A process without a worker thread (a ``flask`` command)
runs the jobs it queued itself, right after the commit. ``flask jobs run`` runs whatever
is due; ``make run`` and ``make serve`` run it at start-up. With ``JOBS_SYNC`` (the tests)
no worker thread is started, so every job runs right after its commit, before the request
returns.

Several processes and hosts may work on one table: a job is claimed by a conditional
update, so each runs once. Handlers are registered by name (``core.mail`` and
``headstart.web``).
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
#: Set while this thread runs jobs: what those jobs queue is taken by the same loop.
_running = threading.local()
#: Job kinds → functions taking the payload as keyword arguments (``register``).
HANDLERS: dict[str, Callable[..., None]] = {}
#: A claim older than this is taken to belong to a process that stopped mid-job.
STALE_CLAIM = timedelta(minutes=10)
#: Jobs the worker runs in one go before it looks again for more (it goes on while full).
BATCH = 100


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
    outer = getattr(_running, "active", False)
    _running.active = True
    with app.app_context():
        try:
            while done < limit and (job_id := _claim_next()) is not None:
                _run(job_id)
                done += 1
        finally:
            db.session.remove()
            _running.active = outer
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
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="headstart-jobs", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while not self.stopping.is_set():
            self.wake.wait(timeout=60)
            self.wake.clear()
            if self.stopping.is_set():
                break
            try:
                while run_due(self.app, limit=BATCH) == BATCH:
                    pass  # more may wait: go on without waiting for the next wake
            except Exception:  # noqa: BLE001 - the thread must outlive a bad moment
                logger.exception("the job worker could not read the queue")


_workers: dict[int, _Worker] = {}
_workers_lock = threading.Lock()


def start_worker(app) -> None:
    """Give this process its worker thread (once), and wake it: it runs what is waiting
    now, then what each commit queues. Called by serving processes only."""
    with _workers_lock:
        worker = _workers.get(id(app))
        if worker is None or not worker.thread.is_alive():
            worker = _workers[id(app)] = _Worker(app)
    worker.wake.set()


def stop_worker(app, timeout: float = 30) -> None:
    """Stop this process's worker thread after the job it is running (a job cut off by
    the process ending is taken over by another process later anyway)."""
    with _workers_lock:
        worker = _workers.pop(id(app), None)
    if worker is not None:
        worker.stopping.set()
        worker.wake.set()
        worker.thread.join(timeout)


def _worker_of(app) -> _Worker | None:
    worker = _workers.get(id(app))
    return worker if worker is not None and worker.thread.is_alive() else None


def _after_commit(session) -> None:
    if not session.info.pop(_QUEUED, False) or getattr(_running, "active", False):
        return  # nothing queued, or queued by a job: the running loop takes it
    app = current_app._get_current_object()
    worker = None if app.config["JOBS_SYNC"] else _worker_of(app)
    if worker is not None:
        worker.wake.set()
        return
    # No worker in this process (a command, or the tests): run the jobs now, in a fresh
    # thread, because this session cannot run SQL inside its own commit hook.
    runner = threading.Thread(target=run_due, args=(app,))
    runner.start()
    runner.join()


def _after_rollback(session) -> None:
    session.info.pop(_QUEUED, None)


def _start_serving_worker() -> None:
    app = current_app._get_current_object()
    if not app.config["JOBS_SYNC"] and _worker_of(app) is None:
        start_worker(app)


def init_app(app) -> None:
    """Run queued jobs after each commit that queued some (hooked once per process), and
    start the worker thread of a process that serves requests."""
    if not event.contains(db.session, "after_commit", _after_commit):
        event.listen(db.session, "after_commit", _after_commit)
        event.listen(db.session, "after_rollback", _after_rollback)
    app.before_request(_start_serving_worker)


def status() -> dict:
    """Jobs waiting, and jobs kept as failed (for ``flask jobs status``)."""
    from sqlalchemy import func

    rows = db.session.execute(select(Job.failed, func.count()).group_by(Job.failed)).all()
    counts = {bool(failed): count for failed, count in rows}
    return {"waiting": counts.get(False, 0), "failed": counts.get(True, 0)}
