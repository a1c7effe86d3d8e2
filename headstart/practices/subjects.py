"""Practices as subjects of forum topics (see ``headstart.core.subjects``)."""

from __future__ import annotations

from flask import url_for

from headstart.core import subjects
from headstart.extensions import db
from headstart.practices.models import Practice


def resolve(practice_id: int) -> subjects.Subject | None:
    """A practice as the forum sees it; public only once published."""
    practice = db.session.get(Practice, practice_id)
    if practice is None:
        return None
    return subjects.Subject(
        kind="practice", id=practice.id, title=practice.title,
        url=url_for("practices.detail", practice_id=practice.id),
        public=practice.status == "published")


subjects.register("practice", resolve)
