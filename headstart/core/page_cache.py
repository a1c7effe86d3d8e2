"""Rendered pages kept for anonymous visitors (``PAGE_CACHE_BYTES`` per process).

Only pages that look the same to every visitor are kept: GET/HEAD of the home page,
the practice list and practice pages, by a visitor with an empty session (not signed
in, no flashed message, no form token), answered 200 as HTML without setting a cookie
or touching the session, and without a CSRF token made while rendering. Everything
after the view (security headers, the language cookie, ``Vary``) runs on a hit too,
because a hit is answered from a ``before_request`` hook.

A page is kept under its key: the interface language, the full URL (scheme, host, path
and query string), the rows of ``page_generations`` and the generation of anything else
registered with :func:`add_key_part` (the search index's). So nothing is invalidated:
a change makes a new key and old entries age out of the LRU.

- ``content`` is raised, in the same transaction, by every commit that flushed a new,
  changed or deleted object of any model, except the noise listed in
  :data:`NOISE_TABLES` / :data:`NOISE_COLUMNS` (a deny-list: a model added later counts
  as content until someone decides otherwise). ORM ``update()``/``delete()`` statements
  count too. The row is updated just before the commit (after the last flush), so its
  lock is held only while committing and is the last lock a transaction takes.
- ``search`` is raised by the PostgreSQL search backend with every index change; the
  Whoosh backend's own generation (its newest table of contents) is a key part.

The key is read before the page is rendered, and the index follows commits, so a page
is always rendered from a state at least as new as its key: a page rendered after a
commit but before the index took it is kept under the old index generation, which no
request asks for once the index changed.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

from flask import current_app, g, request, request_finished, session
from sqlalchemy import BigInteger, String, event, insert, inspect, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from headstart.extensions import db

logger = logging.getLogger(__name__)

#: Endpoints whose pages may be kept.
CACHEABLE_ENDPOINTS = {"main.home", "practices.index", "practices.detail"}
#: Tables whose changes never show on those pages.
NOISE_TABLES = frozenset({
    "page_generations", "user_sessions", "notifications", "saved_searches",
    "saved_search_notices", "search_queue", "search_documents", "search_facets",
    "search_words", "forum_topic_reads", "forum_subscriptions", "forum_preferences",
    "newsletter_subscribers", "newsletter_deliveries", "search_misses",
})
#: Columns whose changes never show on those pages (sign-in bookkeeping).
NOISE_COLUMNS = {
    "users": frozenset({"last_login_at", "reset_nonce", "password_hash", "confirmed_at",
                        "preferred_language", "updated_at"}),
}
#: Headers not kept with a page (made again for each response).
NOT_KEPT = frozenset({"set-cookie", "content-length", "date"})
#: Rough bytes of an entry besides its body and headers (key, tuple, bookkeeping).
ENTRY_OVERHEAD = 400

_CHANGED = "page_content_changed"
_COMMITTING = "page_committing"
_BUMPED = "page_generation_bumped"


class PageGeneration(db.Model):
    """A counter that changes with what the kept pages show (see the module docstring)."""

    __tablename__ = "page_generations"

    #: ``content`` or ``search``.
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)

    def __repr__(self) -> str:
        return f"<PageGeneration {self.name}={self.value}>"


# --- the generations ---------------------------------------------------------------------


def bump(connection, name: str = "content") -> None:
    """Raise generation ``name`` in the transaction of ``connection``."""
    table = PageGeneration.__table__
    result = connection.execute(update(table).where(table.c.name == name)
                                .values(value=table.c.value + 1))
    if result.rowcount == 0:  # the migration seeds the rows; a copy without them gets one
        connection.execute(insert(table).values(name=name, value=1))


def _is_content(obj, session) -> bool:
    table = getattr(getattr(obj, "__table__", None), "name", None)
    if table in NOISE_TABLES:
        return False
    noise = NOISE_COLUMNS.get(table)
    if noise is None or obj in session.new or obj in session.deleted:
        return True
    state = inspect(obj)
    changed = {attr.key for attr in state.attrs if attr.history.has_changes()}
    return bool(changed - noise)


@event.listens_for(Session, "after_flush")
def _note_changes(session, _flush_context) -> None:
    if not session.info.get(_CHANGED):
        dirty = [obj for obj in session.dirty if session.is_modified(obj)]
        if not any(_is_content(obj, session)
                   for obj in chain(session.new, dirty, session.deleted)):
            return
        session.info[_CHANGED] = True
    if session.info.get(_COMMITTING) and not session.info.get(_BUMPED):
        # A flush during the commit itself (after our before_commit hook).
        bump(session.connection())
        session.info[_BUMPED] = True


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_changes(state) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if table not in NOISE_TABLES:
        state.session.info[_CHANGED] = True


@event.listens_for(Session, "before_commit")
def _bump_on_commit(session) -> None:
    session.flush()
    session.info[_COMMITTING] = True
    if session.info.get(_CHANGED) and not session.info.get(_BUMPED):
        bump(session.connection())
        session.info[_BUMPED] = True


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget(session) -> None:
    for flag in (_CHANGED, _COMMITTING, _BUMPED):
        session.info.pop(flag, None)


@event.listens_for(Session, "after_soft_rollback")
def _forget_bump(session, _previous_transaction) -> None:
    # A rolled-back savepoint may have held the bump; make it again at the commit.
    session.info.pop(_BUMPED, None)
    session.info.pop(_COMMITTING, None)


_key_parts: list[Callable[[], object]] = []


def add_key_part(part: Callable[[], object]) -> None:
    """Make ``part()`` part of every page key (None from it: do not keep this page)."""
    if part not in _key_parts:
        _key_parts.append(part)


_GENERATIONS_SQL = "SELECT name, value FROM page_generations ORDER BY name"
#: Connections that read the generations: (process, thread, engine) → (pool proxy, driver
#: connection).
_held: dict[tuple, tuple] = {}


def _read_generations() -> tuple | None:
    """The rows of ``page_generations``, read on a connection of this process and thread
    kept in autocommit mode (each read sees the newest commit; no pool checkout, session
    or transaction per request). None when the database cannot be read."""
    engine = db.engine
    slot = (os.getpid(), threading.get_ident(), engine)  # a forked worker opens its own
    held = _held.get(slot)
    if held is None:
        _release_dead_threads()
        proxy = engine.raw_connection()
        connection = proxy.driver_connection
        if hasattr(connection, "autocommit"):
            connection.autocommit = True  # psycopg; SQLite runs in autocommit already
        held = _held[slot] = (proxy, connection)
    try:
        cursor = held[1].cursor()
        try:
            cursor.execute(_GENERATIONS_SQL)
            return tuple(cursor.fetchall())
        finally:
            cursor.close()
    except Exception:  # a broken connection: no kept page now, a new connection next time
        logger.warning("page cache: reading the generations failed", exc_info=True)
        _release(slot)
        return None


def _release(slot: tuple) -> None:
    """Close a reading connection for good (never back to the pool: it is in autocommit)."""
    held = _held.pop(slot, None)
    if held is None:
        return
    try:
        held[0].invalidate()
    except Exception:  # noqa: S110 (closing a broken connection)
        pass


def _release_dead_threads() -> None:
    """Close the connections of threads that ended (a server starting a thread per
    request must not hold a connection for each one it ever started)."""
    alive = {thread.ident for thread in threading.enumerate()}
    pid = os.getpid()
    for slot in [slot for slot in _held if slot[0] == pid and slot[1] not in alive]:
        _release(slot)


@event.listens_for(Engine, "engine_disposed")
def _engine_disposed(engine) -> None:
    for slot in [slot for slot in _held if slot[2] is engine and slot[0] == os.getpid()]:
        _release(slot)


@atexit.register
def _close_all() -> None:
    for slot in [slot for slot in _held if slot[0] == os.getpid()]:
        _release(slot)


def generation() -> tuple | None:
    """What the kept pages are keyed under besides the request: the rows of
    ``page_generations`` and every :func:`add_key_part` (None: keep nothing now). Other
    caches of rendered content (exports, see ``file_cache``) use it too."""
    generations = _read_generations()
    if generations is None:
        return None
    parts = []
    for part in _key_parts:
        value = part()
        if value is None:
            return None
        parts.append(value)
    return (generations, *parts)


def _key() -> tuple | None:
    from headstart.core.i18n import select_locale

    current = generation()
    if current is None:
        return None
    return (select_locale(), request.scheme, request.host, request.script_root, request.path,
            request.query_string, *current)


def skip() -> None:
    """Do not keep the page of this request (e.g. it shows that search is unavailable)."""
    g._page_cache_skip = True


# --- the store ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A kept page."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    stored: float
    size: int


class PageStore:
    """Pages by key, least recently used dropped first, bounded in bytes."""

    def __init__(self):
        self._entries: OrderedDict[tuple, Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.size = 0

    def get(self, key: tuple, max_age: float) -> Entry | None:
        """The entry of ``key`` when there is one younger than ``max_age`` seconds."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if max_age and time.monotonic() - entry.stored > max_age:
                del self._entries[key]
                self.size -= entry.size
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: tuple, entry: Entry, max_bytes: int) -> None:
        """Keep ``entry``, dropping the least recently used beyond ``max_bytes``."""
        if entry.size > max_bytes // 4:  # one huge page must not empty the store
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= old.size
            self._entries[key] = entry
            self.size += entry.size
            while self.size > max_bytes and self._entries:
                _key, dropped = self._entries.popitem(last=False)
                self.size -= dropped.size

    def clear(self) -> None:
        """Forget every page."""
        with self._lock:
            self._entries.clear()
            self.size = 0

    def __len__(self) -> int:
        return len(self._entries)


def store(app=None) -> PageStore:
    """The process's page store of ``app`` (the current one by default)."""
    app = app or current_app._get_current_object()
    found = app.extensions.get("page_cache")
    if found is None:
        found = app.extensions["page_cache"] = PageStore()
    return found


# --- the request hooks -------------------------------------------------------------------


def _anonymous_and_clean() -> bool:
    """An empty session (nobody signed in, no flashed message, no form token) and no
    cookie that could sign someone in."""
    if session:
        return False
    return current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") not in request.cookies


def _serve_kept():
    config = current_app.config
    if (not config["PAGE_CACHE_BYTES"] or request.method not in ("GET", "HEAD")
            or request.endpoint not in CACHEABLE_ENDPOINTS or not _anonymous_and_clean()):
        return None
    key = _key()
    if key is None:
        return None
    g._page_cache_key = key
    entry = store().get(key, config["PAGE_CACHE_SECONDS"])
    if entry is None:
        return None
    g._page_cache_hit = True
    return current_app.response_class(entry.body, status=entry.status,
                                      headers=list(entry.headers))


def _keep(sender, response, **_extra) -> None:
    """After every hook and the session were applied: keep the page when it qualifies."""
    key = g.get("_page_cache_key")
    if key is None or g.get("_page_cache_hit") or g.get("_page_cache_skip"):
        return
    csrf_field = sender.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    if (response.status_code != 200 or response.mimetype != "text/html"
            or response.is_streamed or response.direct_passthrough
            or "Set-Cookie" in response.headers or session or session.modified
            or csrf_field in g or "no-store" in response.headers.get("Cache-Control", "")):
        return
    user = g.get("_login_user")
    if user is not None and user.is_authenticated:
        return
    body = response.get_data()
    headers = tuple((name, value) for name, value in response.headers.items()
                    if name.lower() not in NOT_KEPT)
    size = len(body) + sum(len(n) + len(v) for n, v in headers) + ENTRY_OVERHEAD
    store(sender).put(key, Entry(response.status_code, headers, body, time.monotonic(), size),
                      sender.config["PAGE_CACHE_BYTES"])


def init_app(app) -> None:
    """Serve kept pages before the view, and keep new ones after the response is final."""
    app.config.setdefault("PAGE_CACHE_BYTES", 0)
    app.config.setdefault("PAGE_CACHE_SECONDS", 0)
    app.config["PAGE_CACHE_BYTES"] = int(app.config["PAGE_CACHE_BYTES"] or 0)
    app.before_request(_serve_kept)
    request_finished.connect(_keep, app, weak=False)
