"""A chaos run on the embedded index: several processes publish at once, one is killed
mid-run, and the index folder is deleted under them. Afterwards ``search reconcile
--repair`` brings the index back to exactly what the database holds, and the database
lost no commit."""

from __future__ import annotations

import os
import shutil
import signal
import time
from datetime import date

import pytest
from sqlalchemy import func, select

from headstart.extensions import db
from headstart.search import reconcile
from tests.processes import CONTEXT, child_app, finish, shared_config, start
from tests.search.test_concurrent_writers import _Coordinator

EACH = 8


def _publisher(config: dict, worker: int, author_id: int, organisation_id: int, done):
    from headstart.accounts.models import User
    from headstart.practices import services as practices
    from tests.conftest import COMPLETE

    # A writer that hangs prints where, and ends, instead of stalling the suite.
    app = child_app(config, hang_after=150)
    with app.app_context():
        author = db.session.get(User, author_id)
        for n in range(EACH):
            practice = practices.create_practice(
                dict(COMPLETE, title=f"Chaos practice w{worker} n{n}",
                     lead_organisation_id=organisation_id, start_date=date(2023, 3, 1),
                     end_date=date(2024, 6, 30)), actor=author)
            practices.transition(practice, "submit", actor=author)
            practices.transition(practice, "publish", actor=_Coordinator())
            db.session.commit()
            with done.get_lock():
                done.value += 1
            time.sleep(0.05)
    raise SystemExit(0)


@pytest.mark.whoosh_only
def test_after_kills_and_a_deleted_index_reconcile_restores_the_index(
        app, make_user, make_org, search_backend, runner):
    from headstart.practices.models import Practice

    author = make_user("practitioner")
    organisation = make_org("Shared lead")
    config = shared_config(app)
    done = CONTEXT.Value("i", 0)
    writers = [start(_publisher, config, w, author.id, organisation.id, done)
               for w in range(3)]
    deadline = time.monotonic() + 120
    while done.value < 4:
        if time.monotonic() > deadline or not any(w.is_alive() for w in writers):
            finish(writers, 5)
            pytest.fail(f"the writers published {done.value} of 4 practices before the kill")
        time.sleep(0.02)
    os.kill(writers[0].pid, signal.SIGKILL)  # a worker killed mid-run
    shutil.rmtree(app.config["INDEX_DIR"], ignore_errors=True)  # the index folder lost
    assert finish(writers, 180) == [-signal.SIGKILL, 0, 0]

    result = runner.invoke(args=["search", "reconcile", "--repair"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert reconcile.check().clean
        published = set(db.session.scalars(select(Practice.id).where(
            Practice.status == "published")))
        committed = db.session.scalar(select(func.count(Practice.id)).where(
            Practice.title.like("Chaos practice%"), Practice.status == "published"))
        indexed = {int(key.split(":")[1]) for key in search_backend.keys()
                   if key.startswith("practice:")}
    assert committed >= 2 * EACH, "the two surviving writers lost no commit"
    assert indexed == published
    search_backend._reset()
