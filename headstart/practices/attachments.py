"""Attachments of practices: checked and stored by ``core.uploads``, listed on the record,
downloaded only by those who may see the practice."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from headstart.core import quota, uploads
from headstart.core.errors import DomainError, NotFound
from headstart.core.i18n import _l
from headstart.extensions import db
from headstart.practices.models import Practice, PracticeAttachment, PracticeEvent

logger = logging.getLogger(__name__)

#: Files one practice may carry.
MAX_PER_PRACTICE = 20


def directory() -> Path:
    """Where practice attachments are stored (outside the web root)."""
    return Path(current_app.config["UPLOAD_DIR"]) / "practices"


def path_of(attachment: PracticeAttachment) -> Path:
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


def attach(practice: Practice, stored: list[uploads.StoredFile], *, actor) -> None:
    """Record ``stored`` files on ``practice`` (in the caller's transaction)."""
    if not stored:
        return
    if len(practice.attachments) + len(stored) > MAX_PER_PRACTICE:
        raise DomainError(str(_l("A practice can have at most %(n)d attachments.",
                                 n=MAX_PER_PRACTICE)), field="attachments")
    for item in stored:
        practice.attachments.append(PracticeAttachment(
            stored_name=item.stored_name, filename=item.filename,
            content_type=item.content_type, size=item.size, sha256=item.sha256,
            uploaded_by_id=getattr(actor, "id", None)))
    db.session.flush()
    quota.check(actor, sum(item.size for item in stored))
    practice.events.append(PracticeEvent(
        action="attached", actor_id=getattr(actor, "id", None),
        changes={"attachments": [None, [item.filename for item in stored]]}))
    db.session.flush()


def detach(practice: Practice, attachment_ids, *, actor) -> list[str]:
    """Forget the attachments with ``attachment_ids``; returns their stored names, to be
    removed from disk once the transaction commits."""
    wanted = {int(i) for i in attachment_ids or () if str(i).isdigit()}
    removed = [a for a in practice.attachments if a.id in wanted]
    if not removed:
        return []
    for attachment in removed:
        practice.attachments.remove(attachment)
    practice.events.append(PracticeEvent(
        action="detached", actor_id=getattr(actor, "id", None),
        changes={"attachments": [[a.filename for a in removed], None]}))
    db.session.flush()
    return [a.stored_name for a in removed]


def remove_files(stored_names: list[str]) -> None:
    """Delete files of attachments the database no longer has."""
    for name in stored_names:
        uploads.remove(directory(), name)


def sweep(*, dry_run: bool = False) -> list[str]:
    """Remove stored files no attachment names once they are old enough (see
    ``uploads.sweep``); returns their names."""
    return uploads.sweep(directory(),
                         lambda: db.session.scalars(select(PracticeAttachment.stored_name)),
                         dry_run=dry_run)


def get(practice: Practice, attachment_id: int) -> PracticeAttachment:
    """An attachment of ``practice`` or :class:`NotFound`."""
    for attachment in practice.attachments:
        if attachment.id == attachment_id:
            return attachment
    raise NotFound(str(_l("No such attachment.")))
