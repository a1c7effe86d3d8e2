"""The counterpart finder over the directory: candidates from the database, rules and
scoring from :mod:`headstart.directory.pairing`."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from headstart.directory import pairing
from headstart.directory.models import Link, Organisation
from headstart.extensions import db


def _candidates() -> list[Organisation]:
    return list(db.session.scalars(
        select(Organisation).where(Organisation.merged_into_id.is_(None))
        .options(selectinload(Organisation.terms))))


def linked_ids(organisation: Organisation) -> set[int]:
    """Organisations with a proposed or accepted link to ``organisation``."""
    rows = db.session.execute(select(Link.proposer_id, Link.partner_id).where(
        Link.status.in_(("proposed", "accepted")),
        or_(Link.proposer_id == organisation.id, Link.partner_id == organisation.id)))
    return {i for row in rows for i in row} - {organisation.id}


def counterparts_for_organisation(organisation: Organisation) -> list[pairing.Suggestion]:
    """Ranked suggestions for ``organisation``: itself and the organisations it already
    has a link with (proposed or accepted) are left out."""
    best: dict[int, pairing.Suggestion] = {}
    candidates = _candidates()
    for need in pairing.need_of(organisation, linked_ids(organisation)):
        for suggestion in pairing.rank(candidates, need):
            known = best.get(suggestion.organisation.id)
            if known is None or suggestion.score > known.score:
                best[suggestion.organisation.id] = suggestion
    return sorted(best.values(), key=lambda s: (-s.score, s.organisation.name.casefold()))


def counterparts_for(origin: str, destination: str, *, service: str | None = None,
                     looking_for: str = "destination",
                     mine: list[Organisation] = ()) -> list[pairing.Suggestion]:
    """Ranked suggestions for a corridor and a service anyone chose: with
    ``looking_for="destination"`` the service is one offered before departure and the
    finder looks for counterparts after arrival; with ``"origin"`` the other way round.
    A member's own organisations (``mine``) and their linked partners are left out."""
    exclude = {o.id for o in mine}
    for organisation in mine:
        exclude |= linked_ids(organisation)
    need = pairing.Need(looking_for, ((origin, destination),),
                        frozenset([service] if service else []), exclude=frozenset(exclude))
    return pairing.rank(_candidates(), need)
