"""``search reconcile``: the index compared with the database, drift reported by key and
repaired from the database, on each backend."""

from __future__ import annotations

from headstart.search import reconcile, service
from headstart.search.base import SearchDocument


def _ghost() -> SearchDocument:
    return SearchDocument(key="practice:999999", area="practice", object_id=999999,
                          language="en", title="A practice deleted long ago")


def test_an_index_in_step_with_the_database_shows_no_drift(app, corpus, runner):
    with app.app_context():
        assert reconcile.check().clean
    result = runner.invoke(args=["search", "reconcile"])
    assert result.exit_code == 0, result.output
    assert "0 missing from the index, 0 in the index" in result.output


def test_lost_and_ghost_documents_are_reported_then_repaired(app, corpus, search_backend,
                                                            runner):
    lost = f"practice:{corpus['training']}"
    with app.app_context():
        search_backend.update([_ghost()], [lost])  # as if an update had been lost
        drift = reconcile.check()
    assert drift.missing == [lost]
    assert drift.extra == ["practice:999999"]

    result = runner.invoke(args=["search", "reconcile"])
    assert result.exit_code == 1
    assert f"missing: {lost}" in result.output
    assert "extra: practice:999999" in result.output

    result = runner.invoke(args=["search", "reconcile", "--repair"])
    assert result.exit_code == 0, result.output
    assert "Repaired." in result.output
    with app.app_context():
        assert reconcile.check().clean
        assert search_backend.keys() >= {lost}
        assert "practice:999999" not in search_backend.keys()


def test_drafts_are_never_expected_in_the_index(app, corpus, search_backend):
    with app.app_context():
        assert f"practice:{corpus['draft']}" not in reconcile.expected_keys()
        assert f"practice:{corpus['brasov']}" in reconcile.expected_keys()


def test_queued_changes_are_not_drift(app, corpus, search_backend):
    from headstart.extensions import db
    from headstart.search.models import SearchQueue

    lost = f"practice:{corpus['roma']}"
    with app.app_context():
        search_backend.update([], [lost])
        db.session.add(SearchQueue(key=lost))
        db.session.commit()
        assert lost not in search_backend.keys()
        assert reconcile.check().clean, "the next drain brings it back"
        service.drain()
        assert lost in search_backend.keys()
