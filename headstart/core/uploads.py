"""Uploaded files: the type is read from the content, the size is bounded while reading, and
the file is stored outside the web root under a generated name.

Only documents people exchange about practices are accepted: PDF, office documents (Word,
Excel, PowerPoint, OpenDocument) and raster images. HTML, SVG, scripts, archives and anything
unrecognised are refused, whatever their name says.

A worker can die at any moment (killed, out of memory, a power cut). So a file is written
under a hidden ``.partial-`` name, flushed to disk, and only then renamed to its generated
name, before the row that names it commits: a row never names a missing or half-written
file. What a dead worker can leave is a file no row names (a partial one, one whose row
never committed, or one whose row was deleted just before): :func:`sweep` removes those
once they are old enough not to belong to a request still running
(``flask --app headstart uploads sweep``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import time
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from headstart.core.i18n import _l

logger = logging.getLogger(__name__)

CHUNK = 64 * 1024
#: Name prefix of a file still being written (hidden, and never a generated name).
PARTIAL_PREFIX = ".partial-"
#: Files no row names are removed by :func:`sweep` once this many seconds old; no request
#: takes this long between writing a file and committing its row.
SWEEP_AFTER_SECONDS = 3600

#: Accepted kinds: content type and the file name endings that may carry it.
KINDS = {
    "pdf": ("application/pdf", (".pdf",)),
    "png": ("image/png", (".png",)),
    "jpeg": ("image/jpeg", (".jpg", ".jpeg")),
    "gif": ("image/gif", (".gif",)),
    "webp": ("image/webp", (".webp",)),
    "doc": ("application/msword", (".doc",)),
    "xls": ("application/vnd.ms-excel", (".xls",)),
    "ppt": ("application/vnd.ms-powerpoint", (".ppt",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             (".docx",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation",
             (".pptx",)),
    "odt": ("application/vnd.oasis.opendocument.text", (".odt",)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (".ods",)),
    "odp": ("application/vnd.oasis.opendocument.presentation", (".odp",)),
}
#: The endings named in the form's help text and the file input's ``accept``.
ACCEPTED_EXTENSIONS = tuple(ext for _type, exts in KINDS.values() for ext in exts)
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml",
               "pptx": "ppt/presentation.xml"}
OPENDOCUMENT_TYPES = {KINDS[kind][0]: kind for kind in ("odt", "ods", "odp")}


class UploadRejected(Exception):
    """The file cannot be accepted; ``message`` says why, ``status`` is 413 or 422."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class StoredFile:
    """A file written under the upload directory."""

    stored_name: str
    filename: str
    content_type: str
    size: int
    sha256: str


@dataclass
class Budget:
    """Bytes the uploader may still store (their quota, see ``core.quota``) and the message
    shown when the files of a form would need more; ``left`` shrinks as files are stored."""

    left: int
    message: str


def clean_filename(name: str, extension: str = "") -> str:
    """The uploader's file name reduced to a safe display and download name: no directory
    part, no control characters, at most 150 characters, never empty."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    if len(name) > 150:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:140] + dot + ext[:9]) if dot and len(ext) <= 9 else name[:150]
    return name or f"attachment{extension}"


def sniff(path: Path) -> str | None:
    """The kind of the file at ``path`` judged by its bytes, or None when not accepted."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    return None


def _sniff_zip(path: Path) -> str | None:
    """Office Open XML and OpenDocument files are zip archives with telling parts; any other
    archive is refused. Only the directory and the tiny ``mimetype`` entry are read."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return OPENDOCUMENT_TYPES.get(declared)
            if "[Content_Types].xml" in names:
                for kind, part in OOXML_PARTS.items():
                    if part in names:
                        return kind
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    return None


def _kind_for(sniffed: str | None, extension: str) -> str:
    """Check the sniffed kind against the name's ending; return the accepted kind."""
    if sniffed is None:
        raise UploadRejected(str(_l(
            "This type of file is not accepted. Attach PDF files, office documents "
            "(Word, Excel, PowerPoint, OpenDocument) or images (PNG, JPEG, GIF, WebP).")))
    if sniffed == "ole2":
        # Legacy Word, Excel and PowerPoint share one container; the ending tells which.
        for kind in ("doc", "xls", "ppt"):
            if extension in KINDS[kind][1]:
                return kind
        raise UploadRejected(str(_l("The file's content does not match its name.")))
    if extension not in KINDS[sniffed][1]:
        raise UploadRejected(str(_l("The file's content does not match its name.")))
    return sniffed


def store(upload, directory: str | os.PathLike, max_bytes: int,
          budget: Budget | None = None) -> StoredFile:
    """Read ``upload`` (a Werkzeug ``FileStorage``) into ``directory`` under a generated name,
    refusing it when larger than ``max_bytes``, than what is ``budget.left`` (413 with the
    budget's message; a declared size is refused before anything is written) or not an
    accepted kind. Nothing is left behind when it is refused; the file gets its generated
    name only once it is complete and on disk (see the module's docstring)."""
    if budget is not None and (upload.content_length or 0) > budget.left:
        raise UploadRejected(budget.message, status=413)
    target_dir = Path(directory)
    target_dir.mkdir(parents=True, exist_ok=True)
    stored_name = secrets.token_hex(16)
    partial = target_dir / f"{PARTIAL_PREFIX}{stored_name}"
    digest = hashlib.sha256()
    size = 0
    try:
        with partial.open("xb") as out:
            while chunk := upload.stream.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise UploadRejected(str(_l(
                        "This file is larger than %(size)s. Please attach a smaller file.",
                        size=human_size(max_bytes))), status=413)
                if budget is not None and size > budget.left:
                    raise UploadRejected(budget.message, status=413)
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if size == 0:
            raise UploadRejected(str(_l("This file is empty.")))
        extension = os.path.splitext(clean_filename(upload.filename or ""))[1].lower()
        kind = _kind_for(sniff(partial), extension)
        os.replace(partial, target_dir / stored_name)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _sync_directory(target_dir)
    content_type, extensions = KINDS[kind]
    filename = clean_filename(upload.filename or "", extensions[0])
    if budget is not None:
        budget.left -= size
    logger.info("stored upload %s (%s, %d bytes)", stored_name, kind, size)
    return StoredFile(stored_name, filename, content_type, size, digest.hexdigest())


def _sync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable before the row naming the file commits."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:  # not possible everywhere (Windows); the rename still happened
        return
    try:
        os.fsync(handle)
    except OSError:
        logger.warning("could not sync the upload folder %s", directory)
    finally:
        os.close(handle)


def remove(directory: str | os.PathLike, stored_name: str) -> None:
    """Delete a stored file (after the database forgot it); a missing file is fine."""
    if not stored_name or "/" in stored_name or stored_name.startswith("."):
        return
    try:
        (Path(directory) / stored_name).unlink(missing_ok=True)
    except OSError:
        logger.exception("could not remove upload %s", stored_name)


def store_all(files, directory: str | os.PathLike, max_bytes: int,
              budget: Budget | None = None) -> list[StoredFile]:
    """Store every one of ``files`` in ``directory`` (empty file inputs are skipped), all of
    them together within ``budget`` when one is given. When one is refused, the ones
    already stored are removed and :class:`UploadRejected` is raised with the file's name,
    so a rejected form leaves nothing behind."""
    stored: list[StoredFile] = []
    try:
        for upload in files:
            if upload is None or not upload.filename:
                continue
            try:
                stored.append(store(upload, directory, max_bytes, budget))
            except UploadRejected as error:
                name = clean_filename(upload.filename)
                raise UploadRejected(f"{name}: {error.message}", error.status) from None
    except BaseException:
        remove_all(directory, stored)
        raise
    return stored


def remove_all(directory: str | os.PathLike, stored: list[StoredFile]) -> None:
    """Remove files stored for a change that was not saved."""
    for item in stored:
        remove(directory, item.stored_name)


def stored_files(upload_dir: str | os.PathLike) -> list[Path]:
    """Every complete stored file under ``upload_dir`` (all areas), sorted; files still
    being written are left out (what backups and exports copy)."""
    return sorted(path for path in Path(upload_dir).rglob("*")
                  if path.is_file() and not path.name.startswith(PARTIAL_PREFIX))


def sweep(directory: str | os.PathLike, names_in_use, *, dry_run: bool = False,
          older_than: float = SWEEP_AFTER_SECONDS) -> list[str]:
    """Remove the files in ``directory`` that no row names and that are older than
    ``older_than`` seconds: partial files and files a killed worker left behind. Younger
    files may belong to a request still running and are kept. ``names_in_use()`` returns
    the stored names the database knows; it is called after the folder was listed, so a
    file that appears meanwhile is not judged. Returns the names removed (with
    ``dry_run``, the names that would be)."""
    folder = Path(directory)
    if not folder.is_dir():
        return []
    cutoff = time.time() - older_than
    candidates = []
    for path in folder.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                candidates.append(path)
        except FileNotFoundError:  # removed meanwhile (a rejected upload, a detach)
            continue
    if not candidates:
        return []
    in_use = set(names_in_use())
    removed = []
    for path in sorted(path for path in candidates if path.name not in in_use):
        if not dry_run:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                logger.exception("could not remove the unnamed upload %s", path)
                continue
            logger.info("removed upload %s: no row names it", path)
        removed.append(path.name)
    return removed


def human_size(size: int) -> str:
    """``10 MB``, ``512 kB`` (decimal units, as people read file sizes), formatted for the
    reader's locale."""
    from flask_babel import format_decimal

    if size >= 1_000_000:
        return f"{format_decimal(round(size / 1_000_000, 1))} MB"
    if size >= 1000:
        return f"{format_decimal(round(size / 1000))} kB"
    return f"{format_decimal(size)} B"
