"""The one search interface the rest of the portal calls.

- Areas register a *provider* (:func:`register`): how to turn ids into documents.
- Models name the documents they affect (``__search_keys__``); every flush writes those
  keys to ``search_queue`` in the same transaction, and after the commit the queue is
  drained into the backend (:func:`drain`). A rolled-back change leaves nothing behind; a
  committed one is applied even if the process dies first (the next drain picks it up).
- :func:`search` runs a :class:`SearchRequest`; :func:`rebuild` refills the index from the
  database (``flask --app headstart search reindex``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import delete, event, func, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from headstart.core import page_cache
from headstart.core.i18n import LOCALES
from headstart.extensions import db
from headstart.search import analysis, typos, vocabulary
from headstart.search.base import IndexUnavailable, SearchDocument, SearchRequest, SearchResult
from headstart.search.models import SearchQueue
from headstart.search.query import parse

logger = logging.getLogger(__name__)

BATCH = 200


@dataclass
class Shown:
    """A hit as a results page shows it."""

    title: str
    url: str
    language: str
    #: Plain text to show when nothing in it matches the query.
    summary: str = ""
    #: Texts to take a highlighted snippet from, best first (read once; may be lazy).
    texts: Iterable[str] = ()
    #: Who may read it now, from the database (the index may lag a change of access).
    audience: str = "public"
    #: ``(language, text)`` of the record's other language versions, for the snippet when
    #: the words were found in another version than the one shown (may be lazy).
    other_texts: Iterable[tuple[str, str]] = ()


@dataclass(frozen=True)
class Provider:
    """How an area's documents are made: ``load(ids)`` returns ``{id: document or None}``
    (None: not searchable any more), ``all_ids()`` every id to index on a rebuild, and
    ``show(ids)`` how hits look on the global search page (``{id: Shown}``; ids that
    cannot be shown any more are left out)."""

    area: str
    load: Callable[[list[int]], dict[int, SearchDocument | None]]
    all_ids: Callable[[], Iterable[int]]
    show: Callable[[list[int]], dict[int, Shown]] | None = None
    #: The area's name on the global search page.
    label: object = ""


PROVIDERS: dict[str, Provider] = {}


def register(provider: Provider) -> None:
    """Make an area searchable."""
    PROVIDERS[provider.area] = provider


def backend():
    """The configured backend of the current app (one per process)."""
    app = current_app._get_current_object()
    found = app.extensions.get("search_backend")
    if found is None:
        if app.config["SEARCH_BACKEND"] == "postgres":
            from headstart.search.postgres_backend import PostgresBackend

            found = PostgresBackend()
        else:
            from headstart.search.whoosh_backend import WhooshBackend

            found = WhooshBackend(app.config["INDEX_DIR"])
        app.extensions["search_backend"] = found
    return found


# --- following the database -----------------------------------------------------------


def _keys_of(objects) -> set[str]:
    keys: set[str] = set()
    for obj in objects:
        method = getattr(obj, "__search_keys__", None)
        if method is not None:
            keys.update(k for k in method() if k)
    return keys


@event.listens_for(Session, "after_flush")
def _queue_changes(session, _flush_context) -> None:
    keys = _keys_of([*session.new, *session.dirty, *session.deleted])
    if not keys:
        return
    session.connection().execute(insert(SearchQueue), [{"key": k} for k in sorted(keys)])
    session.info["search_pending"] = True


@event.listens_for(Session, "after_commit")
def _after_commit(session) -> None:
    if not session.info.pop("search_pending", False):
        return
    try:
        app = current_app._get_current_object()
    except RuntimeError:
        return
    if app.config.get("SEARCH_SYNC", True):
        _drain_safely(app)
    else:
        _wake_worker(app)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session) -> None:
    session.info.pop("search_pending", None)


def _drain_safely(app) -> None:
    try:
        with app.app_context():
            drain()
    except IndexUnavailable as error:
        logger.warning("search index unavailable (%s); changes stay queued", error)
    except Exception:
        logger.exception("search index update failed; changes stay queued")


_workers: dict[int, threading.Event] = {}
_workers_lock = threading.Lock()


def _wake_worker(app) -> None:
    """Drain in a background thread of this process, off the request path."""
    with _workers_lock:
        signal = _workers.get(id(app))
        if signal is None:
            signal = threading.Event()
            _workers[id(app)] = signal

            def run():
                while True:
                    signal.wait()
                    signal.clear()
                    _drain_safely(app)

            threading.Thread(target=run, name="search-index", daemon=True).start()
    signal.set()


_indexed_hooks: list[Callable[[set[str]], None]] = []


def on_indexed(hook: Callable[[set[str]], None]) -> Callable[[set[str]], None]:
    """Call ``hook(keys)`` after changes to the documents ``keys`` reached the index (for
    work that needs the index to be current, such as saved-search notices)."""
    if hook not in _indexed_hooks:
        _indexed_hooks.append(hook)
    return hook


def _run_hooks(keys: set[str]) -> None:
    for hook in _indexed_hooks:
        try:
            hook(keys)
        except Exception:
            db.session.rollback()
            logger.exception("after-indexing hook %s failed", getattr(hook, "__name__", hook))


def drain(limit_batches: int | None = None) -> int:
    """Apply queued changes to the index in batches; returns how many keys were applied.

    Each batch holds the backend's write lock while it reads the queue and the database,
    so a batch from another process can never overwrite newer state with older."""
    engine_backend = backend()
    applied = 0
    batches = 0
    keys: set[str] = set()
    while limit_batches is None or batches < limit_batches:
        with engine_backend.batch() as batch:
            db.session.rollback()  # see what other processes committed
            rows = db.session.execute(select(SearchQueue.id, SearchQueue.key)
                                      .order_by(SearchQueue.id).limit(BATCH)).all()
            if not rows:
                db.session.rollback()
                break
            documents, deleted = _documents_for({key for _id, key in rows})
            batch.update(documents, deleted)
        db.session.execute(delete(SearchQueue).where(
            SearchQueue.id.in_([row_id for row_id, _key in rows])))
        db.session.commit()
        applied += len(rows)
        batches += 1
        keys.update(key for _id, key in rows)
    if keys:
        _run_hooks(keys)
    return applied


def _documents_for(keys: set[str]) -> tuple[list[SearchDocument], list[str]]:
    by_area: dict[str, list[int]] = {}
    deleted = []
    for key in keys:
        area, _sep, raw_id = key.partition(":")
        if area in PROVIDERS and raw_id.isdigit():
            by_area.setdefault(area, []).append(int(raw_id))
        else:
            deleted.append(key)
    documents = []
    for area, ids in by_area.items():
        loaded = PROVIDERS[area].load(sorted(ids))
        for object_id in ids:
            document = loaded.get(object_id)
            if document is None:
                deleted.append(f"{area}:{object_id}")
            else:
                documents.append(_complete(document))
    return documents, deleted


def _complete(document: SearchDocument) -> SearchDocument:
    """Facets every document has: its area, and the readers it is listed for (everyone,
    unless the area chose one version per translation group)."""
    document.facets.setdefault("area", [document.area])
    document.facets.setdefault("reader", list(LOCALES))
    return document


def rebuild(progress: Callable[[int], None] | None = None) -> int:
    """Empty the index and index every document from the database; returns the count.
    ``progress(n)`` is called after each batch of ``n`` documents."""
    engine_backend = backend()
    # Changes queued before the rebuild starts are covered by it.
    covered = db.session.scalar(select(func.max(SearchQueue.id))) or 0
    db.session.rollback()
    total = 0
    if hasattr(engine_backend, "bulk") and engine_backend.status()["status"] != "ok":
        engine_backend.clear()  # a missing or damaged index cannot take a bulk write
    if hasattr(engine_backend, "bulk"):
        # One writer for everything; the old documents stay searchable until it ends.
        with engine_backend.bulk() as batch:
            for documents, count in _all_documents():
                batch.update(documents, [])
                total += len(documents)
                if progress:
                    progress(count)
    else:
        engine_backend.clear()
        for documents, count in _all_documents():
            with engine_backend.batch() as batch:
                batch.update(documents, [])
            total += len(documents)
            if progress:
                progress(count)
    db.session.execute(delete(SearchQueue).where(SearchQueue.id <= covered))
    db.session.commit()
    _run_hooks({f"{area}:*" for area in PROVIDERS})
    return total


def _all_documents():
    """Every area's documents in batches: ``(documents, ids looked at)``."""
    for provider in PROVIDERS.values():
        ids = list(provider.all_ids())
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            loaded = provider.load(chunk)
            db.session.rollback()
            yield [_complete(d) for d in loaded.values() if d is not None], len(chunk)


def count_to_index() -> int:
    """How many ids a rebuild will look at (for the progress bar)."""
    return sum(len(list(p.all_ids())) for p in PROVIDERS.values())


def search(request: SearchRequest) -> SearchResult:
    """Run a search on the configured backend (raises :class:`IndexUnavailable`, also
    while this process rebuilds a damaged index, whose half-filled state would show
    too few results). The words of ``request.query`` get the concept tokens of the labels
    they are a word of (:mod:`search.vocabulary`), and misspelt words their close spellings
    among the words the reader may read (:mod:`search.typos`), both filled in place."""
    if id(current_app._get_current_object()) in _repairing:
        page_cache.skip()
        raise IndexUnavailable("rebuilding")
    try:
        engine = backend()
        # The vocabulary first: a word that is a label is known, never taken for a typo.
        vocabulary.expand(request.query)
        typos.expand(request.query, engine, request.audiences)
        vocabulary.expand_close(request.query, engine, request.audiences)
        return engine.search(request)
    except IndexUnavailable as error:
        page_cache.skip()  # a page without the index is not kept
        # A portal with nothing to index yet has no index, and nothing is wrong.
        if str(error) == "missing" and not _anything_to_index():
            return SearchResult(0, [], {name: [] for name in request.facets})
        raise


def _index_generation() -> int | None:
    """The index's part of the keys of kept pages (None while it is rebuilt here)."""
    if id(current_app._get_current_object()) in _repairing:
        return None
    return backend().generation()


page_cache.add_key_part(_index_generation)


def _anything_to_index() -> bool:
    for provider in PROVIDERS.values():
        if next(iter(provider.all_ids()), None) is not None:
            return True
    return False


#: Close words tried per misspelt word (each costs one search of the reader's audiences).
SUGGESTION_CANDIDATES = 3


def _finds_something(word: str, request: SearchRequest) -> bool:
    """Whether ``word`` alone finds a document in the reader's audiences and filters."""
    check = SearchRequest(query=parse(word), area=request.area, filters=request.filters,
                          per_page=1, audiences=request.audiences)
    try:
        return search(check).total > 0
    except IndexUnavailable:
        return False


def suggest(request: SearchRequest) -> str | None:
    """A corrected query when some words are not in the index but a close word is and the
    corrected query finds something; None otherwise."""
    engine = backend()
    vocabulary.expand(request.query)
    text = request.query.text
    changed = False
    for word in request.query.words():
        try:
            near = engine.vocabulary_near(word.folded)
        except IndexUnavailable:
            return None
        if word.concepts or any(candidate == word.folded for candidate, _count in near):
            continue  # a word of the index, or of the portal's vocabulary, is not misspelt
        ranked = sorted(((analysis.edit_distance(c, word.folded), -n, c) for c, n in near
                         if len(c) > 2), key=lambda item: item[:2])
        # The vocabulary holds every audience's words: offer only a word that something
        # this reader may see contains (else "did you mean" would read out members-only
        # and coordinators-only posts, e.g. through "nurses OR <misspelt rare word>").
        visible = next((c for _d, _n, c in ranked[:SUGGESTION_CANDIDATES]
                        if _finds_something(c, request)), None)
        if visible is None:
            continue
        text = text.replace(word.text, visible, 1)
        changed = True
    if not changed:
        return None
    check = SearchRequest(query=parse(text), area=request.area, filters=request.filters,
                          per_page=1, audiences=request.audiences)
    try:
        return text if search(check).total else None
    except IndexUnavailable:
        return None


_repairing: set[int] = set()
_last_repair: dict[int, float] = {}
#: Seconds between two automatic rebuild attempts of one process (a rebuild that cannot
#: fix the index, e.g. an unwritable folder, is not retried on every request).
REPAIR_COOLDOWN = 300.0


def repair_soon() -> bool:
    """Rebuild a missing or damaged index in a background thread of this process (once at
    a time); pages meanwhile fall back to the database. Returns whether a rebuild started.
    Off when ``SEARCH_AUTO_REPAIR`` is false (the operator runs ``search reindex``)."""
    app = current_app._get_current_object()
    if not app.config.get("SEARCH_AUTO_REPAIR", True):
        return False
    with _workers_lock:
        now = time.monotonic()
        if id(app) in _repairing or now - _last_repair.get(id(app), -REPAIR_COOLDOWN) < \
                REPAIR_COOLDOWN:
            return False
        _repairing.add(id(app))
        _last_repair[id(app)] = now

    def run():
        try:
            with app.app_context():
                logger.warning("search index unavailable: rebuilding it from the database")
                count = rebuild()
                logger.warning("search index rebuilt: %d documents", count)
        except Exception:
            logger.exception("search index rebuild failed")
        finally:
            with _workers_lock:
                _repairing.discard(id(app))

    threading.Thread(target=run, name="search-repair", daemon=True).start()
    return True


def status() -> dict:
    """The backend's name, index state and size, and how many changes wait."""
    try:
        state = backend().status()
    except SQLAlchemyError:  # the PostgreSQL backend without a database
        db.session.rollback()
        state = {"status": "unavailable", "documents": 0}
    except Exception:  # a damaged index must not break /healthz
        logger.exception("search status failed")
        state = {"status": "corrupt", "documents": 0}
    try:
        waiting = db.session.scalar(select(func.count(SearchQueue.id)))
    except SQLAlchemyError:
        db.session.rollback()
        waiting = None
    return {"backend": backend().name, **state, "queued": waiting}
