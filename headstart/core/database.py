"""Engine settings: SQLite gets foreign keys, WAL, a busy timeout, and write transactions
that wait for each other.

SQLite lets a transaction that has read start writing only if no one else wrote in
between; otherwise it fails at once with "database is locked", whatever the busy
timeout (a stale WAL snapshot cannot be waited out). So a transaction that may write
begins with ``BEGIN IMMEDIATE``: it takes the write lock first and waits its turn. Those
are the transactions of state-changing requests (POST, …) and of work outside requests
(commands, background index updates); page views (GET) begin normally and read in
parallel.
"""

from flask import has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine

READING_METHODS = {"GET", "HEAD", "OPTIONS"}

#: How long a statement waits for a lock held by someone else before it gives up (the
#: request then answers 503, see core/errors.py): SQLite's busy timeout, PostgreSQL's
#: lock_timeout. Set from ``DATABASE_BUSY_SECONDS`` by ``init_app``; new connections use it.
BUSY_SECONDS = 10.0


def init_app(app) -> None:
    """Take the lock wait from the settings."""
    global BUSY_SECONDS
    BUSY_SECONDS = float(app.config["DATABASE_BUSY_SECONDS"])


def _is_sqlite(dbapi_connection) -> bool:
    return type(dbapi_connection).__module__.startswith("sqlite3")


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Enforce foreign keys and let several workers share one SQLite file; PostgreSQL
    waits for a lock at most ``BUSY_SECONDS``."""
    if not _is_sqlite(dbapi_connection):
        if type(dbapi_connection).__module__.startswith("psycopg"):
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f"SET lock_timeout = {int(BUSY_SECONDS * 1000)}")
            dbapi_connection.commit()
        return
    # The driver must not open transactions by itself: ``_sqlite_begin`` does.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def may_write() -> bool:
    """Whether the current unit of work may write (see the module's docstring)."""
    return not (has_request_context() and request.method in READING_METHODS)


@event.listens_for(Engine, "begin")
def _sqlite_begin(connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    connection.exec_driver_sql("BEGIN IMMEDIATE" if may_write() else "BEGIN")
