"""The "latest practices" block of the newsletter (see ``headstart.core.blocks``)."""

from __future__ import annotations

from sqlalchemy import select

from headstart.core import blocks
from headstart.core.i18n import _l
from headstart.core.markdown import plain_text
from headstart.extensions import db
from headstart.practices.models import Practice


def latest(limit: int, language: str) -> list[blocks.BlockItem]:
    """The newest published practices, one per translation group, in ``language`` where a
    version in it is published (else the group's first published version)."""
    from headstart.practices.views import practice_external_url

    groups: list[int] = []
    for practice_id, group_id in db.session.execute(
            select(Practice.id, Practice.group_id)
            .where(Practice.status == "published")
            .order_by(Practice.published_at.desc(), Practice.id.desc()).limit(limit * 20)):
        if (group_id or practice_id) not in groups:
            groups.append(group_id or practice_id)
        if len(groups) == limit:
            break
    versions: dict[int, list[Practice]] = {}
    for practice in db.session.scalars(select(Practice).where(
            (Practice.group_id.in_(groups)) | (Practice.id.in_(groups)),
            Practice.status == "published").order_by(Practice.id)):
        versions.setdefault(practice.group_id or practice.id, []).append(practice)
    items = []
    for group_id in groups:
        candidates = versions.get(group_id) or []
        if not candidates:
            continue
        chosen = next((p for p in candidates if p.language == language), candidates[0])
        items.append(blocks.BlockItem(
            title=chosen.title, url=practice_external_url(chosen),
            date=chosen.published_at.date() if chosen.published_at else None,
            summary=plain_text(chosen.summary, 200)))
    return items


blocks.register("practices", _l("Latest practices"), latest)
