"""``backup PATH`` and ``restore PATH``: a consistent copy of the database and the uploads.

- SQLite: SQLite's online backup API copies the database page by page as one snapshot,
  while other processes go on writing (WAL); the copy is checked with
  ``PRAGMA integrity_check``.
- PostgreSQL: ``pg_dump --format=custom`` (one snapshot), restored with ``pg_restore``.

Uploads are copied after the database: a file is written before the row that names it
commits, so every file the copied rows name is in the backup. ``manifest.json`` records
the row count of every table in the copy and each file's SHA-256.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url

from headstart.archive.exporter import ArchiveError
from headstart.archive.tables import file_digest
from headstart.core import uploads
from headstart.extensions import db

logger = logging.getLogger(__name__)

SQLITE_NAME = "database.sqlite3"
PG_NAME = "database.pgdump"


def backup(target: str | Path, upload_dir: str | Path) -> dict:
    """Write a backup into the new folder ``target`` and return its manifest."""
    target = Path(target)
    if target.exists() and (target.is_file() or any(target.iterdir())):
        raise ArchiveError(f"{target} already exists and is not empty: choose a new path.")
    target.mkdir(parents=True, exist_ok=True)
    url = db.engine.url
    manifest = {"format": "headstart-backup", "format_version": 1,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": url.get_backend_name(), "files": []}
    if url.get_backend_name() == "sqlite":
        copy = target / SQLITE_NAME
        _sqlite_backup(url.database, copy)
        manifest["database_file"] = SQLITE_NAME
        manifest["tables"] = row_counts(f"sqlite:///{copy}")
    elif url.get_backend_name() == "postgresql":
        manifest["database_file"] = PG_NAME
        manifest["tables"] = _pg_backup(url, target / PG_NAME)
    else:
        raise ArchiveError(f"Backups of {url.get_backend_name()} databases are not supported.")
    upload_dir = Path(upload_dir)
    if upload_dir.is_dir():
        for path in uploads.stored_files(upload_dir):
            relative = path.relative_to(upload_dir).as_posix()
            destination = target / "files" / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
            manifest["files"].append({"path": relative, "sha256": file_digest(destination)})
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    logger.info("backup of %s tables and %s files written to %s", len(manifest["tables"]),
                len(manifest["files"]), target)
    return manifest


def _sqlite_backup(database: str, copy: Path) -> None:
    source = sqlite3.connect(database, timeout=30)
    try:
        destination = sqlite3.connect(copy)
        try:
            source.backup(destination)
            verdict = destination.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            destination.close()
    finally:
        source.close()
    if verdict != "ok":
        raise ArchiveError(f"The copy failed SQLite's integrity check: {verdict}")


def row_counts(database_url: str) -> dict[str, int]:
    """Rows per table of the database at ``database_url``."""
    engine = create_engine(database_url)  # a URL string or object
    try:
        with engine.connect() as connection:
            return _counts(connection)
    finally:
        engine.dispose()


def _reflect(connection, name):
    from sqlalchemy import MetaData, Table

    return Table(name, MetaData(), autoload_with=connection)


def _pg_backup(url, dump: Path) -> dict[str, int]:
    """pg_dump at the moment of an exported snapshot, and the row counts at that same
    moment (read in the transaction that holds the snapshot open)."""
    with db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.exec_driver_sql("SELECT pg_export_snapshot()").scalar()
            counts = _counts(connection)
            _run(["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}",
                  f"--file={dump}", *_pg_connection_args(url)], "pg_dump")
    return counts


def _counts(connection) -> dict[str, int]:
    names = sorted(inspect(connection).get_table_names())
    return {name: connection.execute(select(func.count()).select_from(
        _reflect(connection, name))).scalar() for name in names}


def _pg_connection_args(url) -> list[str]:
    """pg_dump/pg_restore arguments for ``url`` (schema from its search_path option)."""
    plain = make_url(url).set(drivername="postgresql", query={})
    args = [f"--dbname={plain.render_as_string(hide_password=False)}"]
    schema = _pg_schema(url)
    if schema:
        args.append(f"--schema={schema}")
    return args


def _pg_schema(url) -> str | None:
    """The schema a URL's ``options=-csearch_path=…`` puts connections in (tests and
    several portals in one database use that), or None for the default."""
    options = url.query.get("options", "")
    if "search_path=" not in options:
        return None
    return options.split("search_path=", 1)[1].split()[0].split(",")[0]


def _run(command: list[str], name: str) -> None:
    if shutil.which(command[0]) is None:
        raise ArchiveError(f"{name} is not installed on this host (PostgreSQL client tools).")
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise ArchiveError(f"{name} failed: {result.stderr.strip()[:500]}")


def restore(source: str | Path, upload_dir: str | Path, *,
            database_url: str | None = None) -> dict:
    """Put a backup back into a new, empty database (``database_url``, by default the
    configured one) and the upload folder; the restored row counts must equal the
    backup's."""
    source = Path(source)
    try:
        manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ArchiveError(f"{source} is not a HEADSTART backup ({error}).") from None
    if manifest.get("format") != "headstart-backup":
        raise ArchiveError(f"{source} is not a HEADSTART backup.")
    for entry in manifest["files"]:
        path = source / "files" / entry["path"]
        if not path.is_file() or file_digest(path) != entry["sha256"]:
            raise ArchiveError(f"The backup's file {entry['path']} is missing or damaged.")
    url = make_url(database_url) if database_url else db.engine.url
    if url.get_backend_name() != manifest["database"]:
        raise ArchiveError(f"This is a backup of a {manifest['database']} database; the "
                           f"target is {url.get_backend_name()}.")
    if manifest["database"] == "sqlite":
        target = Path(url.database)
        if target.exists() and target.stat().st_size:
            raise ArchiveError(f"{target} already exists: restore into a new location "
                               "(or move the old database away first).")
        if database_url is None:
            db.engine.dispose()
        shutil.copy2(source / manifest["database_file"], target)
    else:
        engine = create_engine(url)
        try:
            with engine.connect() as connection:
                if inspect(connection).get_table_names():
                    raise ArchiveError("The target PostgreSQL database (schema) is not empty: "
                                       "restore into a new one.")
                schema = _pg_schema(url)
                if schema:  # pg_restore --schema fills a schema but does not create it
                    connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
                    connection.commit()
        finally:
            engine.dispose()
        _run(["pg_restore", "--no-owner", "--exit-on-error", *_pg_connection_args(url),
              str(source / manifest["database_file"])], "pg_restore")
    restored = row_counts(url.render_as_string(hide_password=False))
    upload_dir = Path(upload_dir)
    for entry in manifest["files"]:
        destination = upload_dir / entry["path"]
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / "files" / entry["path"], destination)
    if restored != manifest["tables"]:
        raise ArchiveError("The restored database's row counts differ from the backup's.")
    return manifest
