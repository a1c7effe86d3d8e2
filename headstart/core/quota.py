"""Per-member storage quota for uploaded files (``UPLOAD_QUOTA_MB``, default 200 MB).

Registration is open, so one account could otherwise fill the disk with drafts of 20
attachments each. What counts is every stored file the member uploaded: practice
attachments and event materials, by their ``uploaded_by_id`` and ``size``. Removing an
attachment (or deleting its practice or event) frees its share. Coordinators and admins
have no quota: they are appointed, and what they upload is the portal's own material.

The quota is checked while the files are read (``uploads.Budget``: a declared size is
refused before anything is written, a stream is cut off at what is left), and once more
after the rows are flushed, so that two forms sent at the same moment cannot both pass.
"""

from __future__ import annotations

from flask import current_app
from sqlalchemy import func, select

from headstart.core.auth import has_role
from headstart.core.errors import DomainError
from headstart.core.i18n import _l
from headstart.core.uploads import Budget, human_size
from headstart.extensions import db


class QuotaExceeded(DomainError):
    """The member's files would need more than their quota (413, the form is kept)."""

    status_code = 413


def allowed(user) -> int | None:
    """Bytes ``user`` may have stored, or None when there is no limit."""
    quota = current_app.config.get("UPLOAD_QUOTA_BYTES") or 0
    if not quota or has_role(user, "coordinator"):
        return None
    return quota


def used(user) -> int:
    """Bytes of the stored files ``user`` uploaded (practice attachments, event materials)."""
    from headstart.events.models import EventAttachment
    from headstart.practices.models import PracticeAttachment

    total = 0
    for model in (PracticeAttachment, EventAttachment):
        total += db.session.scalar(select(func.coalesce(func.sum(model.size), 0)).where(
            model.uploaded_by_id == user.id)) or 0
    return int(total)


def _message(used_bytes: int, allowed_bytes: int) -> str:
    return str(_l("Your files would go over your storage allowance: %(used)s of "
                  "%(allowed)s used.", used=human_size(used_bytes),
                  allowed=human_size(allowed_bytes)))


def budget(user) -> Budget | None:
    """What ``user`` may still upload, for ``uploads.store_all`` (None: no limit)."""
    limit = allowed(user)
    if limit is None:
        return None
    current = used(user)
    return Budget(left=max(0, limit - current), message=_message(current, limit))


def check(user, added: int) -> None:
    """Raise :class:`QuotaExceeded` when the flushed rows (``added`` bytes of them new) put
    ``user`` over the quota."""
    limit = allowed(user)
    if limit is None or not added:
        return
    current = used(user)
    if current > limit:
        raise QuotaExceeded(_message(max(0, current - added), limit), field="attachments")
