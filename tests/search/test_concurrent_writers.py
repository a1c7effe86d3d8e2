"""Several processes (as several gunicorn workers would) publish practices at the same
time on one database and one index: every change reaches the index, none is lost, and no
writer fails on the index or database lock."""

from datetime import date

import pytest
from sqlalchemy import func, select

from headstart.extensions import db
from headstart.search import service
from headstart.search.models import SearchQueue
from tests.processes import child_app, finish, shared_config, start
from tests.search.test_backends import run

WORKERS = 4
EACH = 6


class _Coordinator:
    id = None
    role = "coordinator"
    is_authenticated = True


def _writer(config: dict, worker: int, author_id: int, organisation_id: int, sync: bool):
    """One process: its own app, publishing practices one commit at a time."""
    from headstart.accounts.models import User
    from headstart.practices import services as practices
    from tests.conftest import COMPLETE

    app = child_app(config, hang_after=100, SEARCH_SYNC=sync)
    with app.app_context():
        author = db.session.get(User, author_id)
        for n in range(EACH):
            practice = practices.create_practice(
                dict(COMPLETE, title=f"Concurrent practice w{worker} n{n}",
                     lead_organisation_id=organisation_id, start_date=date(2023, 3, 1),
                     end_date=date(2024, 6, 30)), actor=author)
            practices.transition(practice, "submit", actor=author)
            practices.transition(practice, "publish", actor=_Coordinator())
            db.session.commit()
        if not sync:
            service.drain()  # what the worker's background thread does
    raise SystemExit(0)


@pytest.mark.parametrize("sync", [True, False], ids=["drain-after-commit", "drain-in-background"])
def test_concurrent_writers_lose_nothing(app, make_user, make_org, search_backend, sync):
    author = make_user("practitioner")
    organisation = make_org("Shared lead")
    config = shared_config(app)
    processes = [start(_writer, config, w, author.id, organisation.id, sync)
                 for w in range(WORKERS)]
    assert finish(processes, 120) == [0] * WORKERS
    with app.app_context():
        service.drain()
        assert db.session.scalar(select(func.count(SearchQueue.id))) == 0
    found = run(app, "concurrent", per_page=100)
    assert found.total == WORKERS * EACH
    assert dict(found.facets["country"]) == {"MD": WORKERS * EACH, "IT": WORKERS * EACH}
    with app.app_context():
        from headstart.practices.models import Practice
        titles = set(db.session.scalars(select(Practice.title).where(
            Practice.id.in_([hit.object_id for hit in found.hits]))))
    assert titles == {f"Concurrent practice w{w} n{n}" for w in range(WORKERS)
                      for n in range(EACH)}
