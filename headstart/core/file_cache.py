"""Rendered downloads kept on disk and shared by the worker processes: practice exports
(under the content generation the page cache keys on) and handbook PDFs (under the
template's fingerprint; an edition never changes).

Layout: ``FILE_CACHE_DIR/<kind>/<generation>/<key hash><suffix>``. A file is written to a
temporary name and renamed into place, so a reader sees a whole file or none; a reader
opens the file before answering, so a file removed meanwhile is still sent whole. While
one process renders an entry the others asking for it wait on its lock file (``flock``)
and then read what it wrote, instead of rendering it too.

Bounded: writing an entry removes the other generations of its kind (a newer commit made
them unreachable), then the least recently used files beyond ``FILE_CACHE_BYTES``.
``FILE_CACHE_BYTES = 0`` turns the cache off (every request renders).
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from flask import current_app, g

try:  # POSIX; elsewhere two processes may render the same entry, nothing worse
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

logger = logging.getLogger(__name__)

#: Temporary files older than this (a worker died while writing) are removed.
STALE_TEMPORARY_SECONDS = 3600
_TEMPORARY = ".tmp-"
_DONT_KEEP = "_file_cache_dont_keep"


def digest(value: object, length: int = 32) -> str:
    """A file-name-safe hash of ``repr(value)``."""
    return hashlib.sha256(repr(value).encode()).hexdigest()[:length]


def fetch(kind: str, generation: object, key: object, render: Callable[[], bytes],
          suffix: str = "") -> BinaryIO:
    """The kept rendering of ``key`` in ``generation`` of ``kind``, opened for reading;
    made by ``render()`` (once for all processes) when not kept yet. A ``generation`` of
    None, a cache that is off or a folder that cannot be written: ``render()`` each time."""
    limit = current_app.config["FILE_CACHE_BYTES"]
    if generation is None or not limit:
        return io.BytesIO(render())
    # The database is part of the generation: another database (or one restored from a
    # backup, whose counters start again) must not meet files kept for this one.
    database = current_app.config["SQLALCHEMY_DATABASE_URI"]
    folder = Path(current_app.config["FILE_CACHE_DIR"]) / kind / digest((database, generation),
                                                                         16)
    path = folder / f"{digest(key)}{suffix}"
    found = _open(path)
    if found is not None:
        return found
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = open(folder / f"{path.name}.lock", "a+b")  # noqa: SIM115 (held while rendering)
    except OSError:
        logger.warning("file cache: cannot write in %s", folder, exc_info=True)
        return io.BytesIO(render())
    with lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        found = _open(path)  # another process rendered it while this one waited
        if found is not None:
            return found
        g.pop(_DONT_KEEP, None)
        data = render()
        if not g.pop(_DONT_KEEP, False) and len(data) <= limit // 4 and _write(path, data):
            _prune(Path(current_app.config["FILE_CACHE_DIR"]), kind, folder, path, limit)
    return io.BytesIO(data)


def dont_keep() -> None:
    """Called while rendering: answer with this rendering but do not keep it (e.g. it was
    made from a fallback)."""
    g.setdefault(_DONT_KEEP, True)


def _open(path: Path) -> BinaryIO | None:
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the response)
    except FileNotFoundError:
        return None
    except OSError:
        logger.warning("file cache: cannot read %s", path, exc_info=True)
        return None
    try:
        os.utime(path)  # recently used: pruned last
    except OSError:  # noqa: S110 (removed meanwhile: the open handle still reads it)
        pass
    return handle


def _write(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` whole or not at all."""
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=_TEMPORARY,
                                         delete=False) as temporary:
            temporary.write(data)
            temporary.flush()
            os.fsync(temporary.fileno())
        os.replace(temporary.name, path)
        return True
    except OSError:  # disk full, or the folder was pruned by another process meanwhile
        logger.warning("file cache: cannot keep %s", path, exc_info=True)
        try:
            os.unlink(temporary.name)
        except (OSError, UnboundLocalError):
            pass
        return False


def _prune(root: Path, kind: str, current: Path, written: Path, limit: int) -> None:
    """Remove the other generations of ``kind``, then the least recently used files of
    the whole cache beyond ``limit`` bytes (never the one just written)."""
    for other in (root / kind).iterdir():
        if other != current and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)
    now = time.time()
    files = []
    for path in root.glob("*/*/*"):
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.name.endswith(".lock"):
            continue
        if path.name.startswith(_TEMPORARY):
            if now - stat.st_mtime > STALE_TEMPORARY_SECONDS:
                path.unlink(missing_ok=True)
            continue
        files.append((stat.st_mtime, stat.st_size, path))
    total = sum(size for _mtime, size, _path in files)
    for _mtime, size, path in sorted(files, key=lambda item: item[0]):
        if total <= limit:
            break
        if path != written:
            path.unlink(missing_ok=True)
            total -= size


def clear(app=None) -> None:
    """Forget every kept rendering (tests; operators may also just delete the folder)."""
    app = app or current_app
    shutil.rmtree(app.config["FILE_CACHE_DIR"], ignore_errors=True)


def send(handle: BinaryIO, *, mimetype: str, name: str, as_attachment: bool):
    """A response streaming ``handle`` (from :func:`fetch`) as download ``name``."""
    from flask import send_file

    response = send_file(handle, mimetype=mimetype, as_attachment=as_attachment,
                         download_name=name, conditional=False)
    del response.headers["Cache-Control"]  # the caller says how long, if at all
    if hasattr(handle, "fileno") and not isinstance(handle, io.BytesIO):
        response.content_length = os.fstat(handle.fileno()).st_size
    return response
