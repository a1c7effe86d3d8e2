"""``import PATH``: an archive written by ``export`` into a new installation.

The database must be at the archive's schema revision (``flask db upgrade`` first) and
hold no content yet: an import never mixes two portals' rows, and never overwrites
anything. Everything is checked before the first row is written, and the rows go in
within one transaction, so a refused or failed import leaves the database as it was.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from sqlalchemy import func, select, text

from headstart.archive.exporter import ArchiveError
from headstart.archive.tables import (
    FORMAT,
    FORMAT_VERSION,
    content_tables,
    file_digest,
    from_json,
    schema_revision,
)
from headstart.core import page_cache
from headstart.extensions import db

logger = logging.getLogger(__name__)

#: Tables the migrations fill (vocabularies): an import replaces their rows.
SEEDED = frozenset({"taxonomy_terms"})


def import_portal(source: str | Path, upload_dir: str | Path,
                  progress: Callable[[str], None] | None = None) -> dict:
    """Load the archive at ``source`` (folder or ``.zip``); return its manifest."""
    source = Path(source)
    if not source.exists():
        raise ArchiveError(f"{source} does not exist.")
    if source.is_file():
        folder = Path(tempfile.mkdtemp(prefix="headstart-import-"))
        try:
            _unzip(source, folder)
            return _import_folder(folder, Path(upload_dir), progress or (lambda _n: None))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return _import_folder(source, Path(upload_dir), progress or (lambda _n: None))


def _unzip(source: Path, folder: Path) -> None:
    """Extract a zip archive, refusing names that would land outside ``folder``."""
    try:
        with zipfile.ZipFile(source) as archive:
            for name in archive.namelist():
                path = PurePosixPath(name)
                if path.is_absolute() or ".." in path.parts or "\\" in name:
                    raise ArchiveError(f"The archive holds an unsafe name: {name!r}.")
            archive.extractall(folder)
    except zipfile.BadZipFile as error:
        raise ArchiveError(f"{source} is not a zip archive ({error}).") from None


def _read_json(path: Path):
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise ArchiveError(f"The archive lacks {path.name}.") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ArchiveError(f"{path.name} is not valid JSON ({error}).") from None


def _safe_path(root: Path, relative: str) -> Path:
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ArchiveError(f"The archive names an unsafe path: {relative!r}.")
    return root.joinpath(*path.parts)


def _import_folder(folder: Path, upload_dir: Path, progress: Callable[[str], None]) -> dict:
    manifest = _read_json(folder / "manifest.json")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError("This is not a HEADSTART export (manifest.json has another format).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ArchiveError(f"Archive format version {manifest.get('format_version')} is not "
                           f"supported (this portal reads version {FORMAT_VERSION}).")
    tables = content_tables()
    known = {t.name for t in tables}
    unknown = set(manifest.get("tables", {})) - known
    if unknown:
        raise ArchiveError(f"The archive has tables this portal does not: {sorted(unknown)}.")
    data = {}
    for table in tables:
        entry = manifest["tables"].get(table.name)
        if entry is None:
            continue
        content = _read_json(_safe_path(folder, entry["file"]))
        rows = content.get("rows") if isinstance(content, dict) else None
        if not isinstance(rows, list) or len(rows) != entry.get("rows"):
            raise ArchiveError(f"{entry['file']} does not hold the {entry.get('rows')} rows "
                               "the manifest counts.")
        extra = set().union(*(row.keys() for row in rows)) - set(table.columns.keys())
        if extra:
            raise ArchiveError(f"{table.name}: columns unknown here: {sorted(extra)}.")
        data[table.name] = rows
    files = manifest.get("files", [])
    for entry in files:
        path = _safe_path(folder / "files", entry["path"])
        if not path.is_file() or file_digest(path) != entry.get("sha256"):
            raise ArchiveError(f"The attachment {entry['path']} is missing or damaged.")

    with db.engine.connect() as connection:
        with connection.begin():
            revision = schema_revision(connection)
            if revision != manifest.get("schema_revision"):
                raise ArchiveError(
                    f"The archive was made at schema revision {manifest.get('schema_revision')}"
                    f" and this database is at {revision}: bring them to the same revision "
                    "(flask db upgrade) before importing.")
            _refuse_existing_content(connection, tables)
            copied = _copy_files(folder / "files", upload_dir, files)
            try:
                for table in tables:
                    if table.name in data:
                        progress(table.name)
                        _insert(connection, table, data[table.name])
                _reset_sequences(connection, tables)
                page_cache.bump(connection)
            except Exception:
                for path in copied:
                    path.unlink(missing_ok=True)
                raise
    logger.info("imported %s rows and %s files", sum(len(r) for r in data.values()), len(files))
    return manifest


def _refuse_existing_content(connection, tables) -> None:
    for table in tables:
        if table.name in SEEDED:
            continue
        count = connection.execute(select(func.count()).select_from(table)).scalar()
        if count:
            raise ArchiveError(f"This database already holds content ({count} rows in "
                               f"{table.name}): import into a new, empty installation.")


def _copy_files(source: Path, upload_dir: Path, files: list[dict]) -> list[Path]:
    copied = []
    for entry in files:
        destination = _safe_path(upload_dir, entry["path"])
        if destination.exists():
            raise ArchiveError(f"{destination} already exists: import into a new installation.")
        destination.parent.mkdir(parents=True, exist_ok=True)
        # A fresh modification time: until the rows commit, ``uploads sweep`` must take
        # the file for a young upload, not an hour-old leftover.
        shutil.copy(_safe_path(source, entry["path"]), destination)
        copied.append(destination)
    return copied


def _insert(connection, table, rows: list[dict]) -> None:
    """Insert ``rows``; a column pointing at its own table is filled in afterwards, so
    the rows' order never matters."""
    if table.name in SEEDED:
        connection.execute(table.delete())
    if not rows:
        return
    self_refs = [c.name for c in table.columns
                 if any(fk.column.table is table for fk in c.foreign_keys)]
    converted = [{name: from_json(table.columns[name], value) for name, value in row.items()}
                 for row in rows]
    first = [{k: (None if k in self_refs else v) for k, v in row.items()} for row in converted]
    connection.execute(table.insert(), first)
    if self_refs:
        keys = list(table.primary_key.columns)
        for row in converted:
            values = {name: row.get(name) for name in self_refs if row.get(name) is not None}
            if values:
                condition = [key == row[key.name] for key in keys]
                connection.execute(table.update().where(*condition).values(**values))


def _reset_sequences(connection, tables) -> None:
    """PostgreSQL: let new rows' ids continue after the imported ones."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not keys[0].autoincrement or keys[0].type.python_type is not int:
            continue
        sequence = connection.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                      {"t": table.name, "c": keys[0].name}).scalar()
        if sequence:
            highest = select(func.max(keys[0])).scalar_subquery()
            connection.execute(select(func.setval(sequence, func.coalesce(highest, 0) + 1,
                                                  False)))
