"""Materials of events (programme, slides, reports): checked and stored by
``core.uploads`` exactly as practice attachments are, downloaded by those who may see the
event."""

from __future__ import annotations

from pathlib import Path

from flask import current_app
from sqlalchemy import select

from headstart.core import quota, uploads
from headstart.core.errors import DomainError, NotFound
from headstart.core.i18n import _l
from headstart.events.models import Event, EventAttachment
from headstart.extensions import db

#: Files one event may carry.
MAX_PER_EVENT = 20


def directory() -> Path:
    """Where event materials are stored (outside the web root)."""
    return Path(current_app.config["UPLOAD_DIR"]) / "events"


def path_of(attachment: EventAttachment) -> Path:
    """The stored file of ``attachment``."""
    return directory() / attachment.stored_name


def receive(files, *, actor) -> list[uploads.StoredFile]:
    """Store the uploaded ``files`` within ``actor``'s storage quota (``core.quota``); a
    refused one removes the others and raises :class:`uploads.UploadRejected` (see
    ``uploads.store_all``)."""
    return uploads.store_all(files, directory(), current_app.config["ATTACHMENT_MAX_BYTES"],
                             quota.budget(actor))


def discard(stored: list[uploads.StoredFile]) -> None:
    """Remove files stored for a change that was not saved."""
    uploads.remove_all(directory(), stored)


def attach(event: Event, stored: list[uploads.StoredFile], *, actor) -> None:
    """Record ``stored`` files on ``event`` (in the caller's transaction)."""
    if not stored:
        return
    if len(event.attachments) + len(stored) > MAX_PER_EVENT:
        raise DomainError(str(_l("An event can have at most %(n)d files.", n=MAX_PER_EVENT)),
                          field="attachments")
    for item in stored:
        event.attachments.append(EventAttachment(
            stored_name=item.stored_name, filename=item.filename,
            content_type=item.content_type, size=item.size, sha256=item.sha256,
            uploaded_by_id=getattr(actor, "id", None)))
    db.session.flush()
    quota.check(actor, sum(item.size for item in stored))


def detach(event: Event, attachment_ids) -> list[str]:
    """Forget the attachments with ``attachment_ids``; returns their stored names, removed
    from disk once the transaction commits."""
    wanted = {int(i) for i in attachment_ids or () if str(i).isdigit()}
    removed = [a for a in event.attachments if a.id in wanted]
    for attachment in removed:
        event.attachments.remove(attachment)
    db.session.flush()
    return [a.stored_name for a in removed]


def remove_files(stored_names: list[str]) -> None:
    """Delete files of attachments the database no longer has."""
    for name in stored_names:
        uploads.remove(directory(), name)


def sweep(*, dry_run: bool = False) -> list[str]:
    """Remove stored files no event file names once they are old enough (see
    ``uploads.sweep``); returns their names."""
    return uploads.sweep(directory(),
                         lambda: db.session.scalars(select(EventAttachment.stored_name)),
                         dry_run=dry_run)


def get(event: Event, attachment_id: int) -> EventAttachment:
    """An attachment of ``event`` or :class:`NotFound`."""
    for attachment in event.attachments:
        if attachment.id == attachment_id:
            return attachment
    raise NotFound(str(_l("No such file.")))
