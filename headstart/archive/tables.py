"""Which tables an archive carries, and how their values become JSON and back."""

from __future__ import annotations

import base64
import hashlib
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Date, DateTime, LargeBinary, Table, Time

from headstart.extensions import db

FORMAT = "headstart-export"
FORMAT_VERSION = 1

#: Tables of runtime state, never exported: the search index's tables (rebuilt from the
#: content after an import), page cache generations, sign-in sessions (secrets of this
#: installation) and the queue of index changes.
RUNTIME = frozenset({
    "page_generations", "search_documents", "search_facets", "search_queue", "search_words",
    "user_sessions", "alembic_version",
})

#: Columns whose values are secrets of this installation: exported empty. An imported
#: account therefore cannot sign in until its owner resets the password by e-mail.
SECRET_COLUMNS = {("users", "password_hash"): "", ("users", "reset_nonce"): None}


def content_tables() -> list[Table]:
    """Every content table, parents before children."""
    return [t for t in db.metadata.sorted_tables if t.name not in RUNTIME]


def to_json(value):
    """A column value as JSON data (dates as ISO 8601, bytes as base64)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return {"base64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def from_json(column, value):
    """The column value for JSON data written by ``to_json``."""
    if value is None:
        return None
    kind = column.type
    impl = getattr(kind, "impl", kind)  # TypeDecorators (UTCDateTime) convert on bind
    if isinstance(impl, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(impl, Date):
        return date.fromisoformat(value)
    if isinstance(impl, Time):
        return time.fromisoformat(value)
    if isinstance(impl, LargeBinary):
        return base64.b64decode(value["base64"])
    return value


def file_digest(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def schema_revision(connection) -> str | None:
    """The Alembic revision the database is at."""
    from alembic.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()
