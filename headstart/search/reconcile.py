"""Drift between the database and the search index: what the database says should be
findable against what the index holds, and the repair of the difference.

The database is the source of truth. Drift comes from outside the normal path: an index
folder restored from an older copy, a worker killed between its commit and its index
update before the queue existed, a documents table edited by hand. ``check`` compares the
keys; ``repair`` re-reads exactly the differing documents from the database under the
index's write lock (as a queue drain does) and writes them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from headstart.extensions import db
from headstart.search import service
from headstart.search.models import SearchQueue

logger = logging.getLogger(__name__)


@dataclass
class Drift:
    """Keys findable in the database but absent from the index, and the reverse."""

    missing: list[str]
    extra: list[str]

    @property
    def clean(self) -> bool:
        return not self.missing and not self.extra


def expected_keys() -> set[str]:
    """Keys of every document the database says should be in the index."""
    keys: set[str] = set()
    for documents, _count in service._all_documents():
        keys.update(document.key for document in documents)
    return keys


def check() -> Drift:
    """Compare the index with the database. Changes still waiting in the queue are not
    drift: the next drain applies them."""
    wanted = expected_keys()
    indexed = service.backend().keys()
    queued = set(db.session.scalars(select(SearchQueue.key)))
    db.session.rollback()
    return Drift(missing=sorted(wanted - indexed - queued),
                 extra=sorted(indexed - wanted - queued))


def repair(drift: Drift) -> int:
    """Write the differing documents as the database has them now; returns their count."""
    keys = set(drift.missing) | set(drift.extra)
    if not keys:
        return 0
    with service.backend().batch() as batch:
        db.session.rollback()  # what other processes committed
        documents, deleted = service._documents_for(keys)
        batch.update(documents, deleted)
    db.session.rollback()
    logger.warning("search index repaired: %s documents written, %s removed",
                   len(documents), len(deleted))
    return len(keys)
