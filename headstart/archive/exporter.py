"""``export PATH``: the whole portal's content as an open archive (docs/archive.md).

The archive is a folder, or a zip file when PATH ends in ``.zip``:

- ``manifest.json``: format, version, schema revision, time, and per table the file and
  the number of rows; per attachment its path and SHA-256;
- ``tables/<table>.json``: ``{"table", "columns", "rows": [{column: value}, ...]}``;
- ``files/<path>``: every uploaded file, at its path under the upload folder.

All tables are read in one transaction, so the archive is one consistent moment.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from headstart.archive.tables import (
    FORMAT,
    FORMAT_VERSION,
    SECRET_COLUMNS,
    content_tables,
    file_digest,
    schema_revision,
    to_json,
)
from headstart.core import uploads
from headstart.core.errors import DomainError
from headstart.extensions import db

logger = logging.getLogger(__name__)


class ArchiveError(DomainError):
    """An archive cannot be written or read; the message says why."""


def export_portal(target: str | Path, upload_dir: str | Path,
                  progress: Callable[[str], None] | None = None) -> dict:
    """Write the archive to ``target`` (a new folder, or a ``.zip`` file) and return its
    manifest."""
    target = Path(target)
    if target.exists() and (target.is_file() or any(target.iterdir())):
        raise ArchiveError(f"{target} already exists and is not empty: choose a new path.")
    as_zip = target.suffix.lower() == ".zip"
    folder = Path(tempfile.mkdtemp(prefix="headstart-export-")) if as_zip else target
    try:
        manifest = _write_folder(folder, Path(upload_dir), progress or (lambda _name: None))
        if as_zip:
            _zip_folder(folder, target)
    finally:
        if as_zip:
            shutil.rmtree(folder, ignore_errors=True)
    logger.info("exported %s rows and %s files to %s",
                sum(t["rows"] for t in manifest["tables"].values()), len(manifest["files"]),
                target)
    return manifest


def _write_folder(folder: Path, upload_dir: Path, progress: Callable[[str], None]) -> dict:
    (folder / "tables").mkdir(parents=True, exist_ok=True)
    manifest = {"format": FORMAT, "format_version": FORMAT_VERSION,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "tables": {}, "files": []}
    with db.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            manifest["schema_revision"] = schema_revision(connection)
            for table in content_tables():
                progress(table.name)
                columns = [c.name for c in table.columns]
                order = list(table.primary_key.columns) or [table.columns[columns[0]]]
                rows = []
                for row in connection.execute(select(table).order_by(*order)):
                    values = {name: to_json(row._mapping[name]) for name in columns}
                    for (secret_table, column), blank in SECRET_COLUMNS.items():
                        if secret_table == table.name:
                            values[column] = blank
                    rows.append(values)
                name = f"tables/{table.name}.json"
                with (folder / name).open("w", encoding="utf-8") as handle:
                    json.dump({"table": table.name, "columns": columns, "rows": rows}, handle,
                              ensure_ascii=False, indent=1)
                manifest["tables"][table.name] = {"file": name, "rows": len(rows)}
    # Files after the rows: a file is complete under its name before its row commits, so
    # every file the rows name is already there (a newer, unnamed file is harmless).
    if upload_dir.is_dir():
        for path in uploads.stored_files(upload_dir):
            relative = path.relative_to(upload_dir).as_posix()
            destination = folder / "files" / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
            manifest["files"].append({"path": relative, "sha256": file_digest(destination),
                                      "size": destination.stat().st_size})
    with (folder / "manifest.json").open("w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=1)
    return manifest


def _zip_folder(folder: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            archive.write(path, path.relative_to(folder).as_posix())
