"""The corridor matrix: for every corridor anyone works on, the organisations holding an
accepted link on it and the published practices covering it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from headstart.core.i18n import country_name
from headstart.directory.models import Link, Organisation, OrganisationTerm
from headstart.extensions import db


@dataclass
class Matrix:
    """Origin countries (rows) × destination countries (columns): for each corridor, the
    organisations holding an accepted link on it and the published practices covering it
    (one per translation group)."""

    origins: list[str] = field(default_factory=list)
    destinations: list[str] = field(default_factory=list)
    providers: dict[tuple[str, str], int] = field(default_factory=dict)
    practices: dict[tuple[str, str], int] = field(default_factory=dict)

    def cell(self, origin: str, destination: str) -> tuple[int, int]:
        key = (origin, destination)
        return self.providers.get(key, 0), self.practices.get(key, 0)

    @property
    def largest(self) -> int:
        return max([sum(self.cell(o, d)) for o in self.origins for d in self.destinations]
                   or [0])


def corridor_matrix() -> Matrix:
    """Count, for every corridor anyone works on, linked providers and practices."""
    from headstart.practices.models import Practice, PracticeCountry

    providers: dict[tuple[str, str], set[int]] = defaultdict(set)
    live = select(Organisation.id).where(Organisation.merged_into_id.is_(None))
    for origin, destination, first, second in db.session.execute(
            select(Link.origin, Link.destination, Link.proposer_id, Link.partner_id).where(
                Link.status == "accepted", Link.proposer_id.in_(live),
                Link.partner_id.in_(live))):
        providers[(origin, destination)].update((first, second))
    source, target = aliased(PracticeCountry), aliased(PracticeCountry)
    group = func.coalesce(Practice.group_id, Practice.id)
    rows = db.session.execute(
        select(source.country, target.country, func.count(group.distinct()))
        .select_from(Practice)
        .join(source, and_(source.practice_id == Practice.id, source.role == "origin"))
        .join(target, and_(target.practice_id == Practice.id, target.role == "destination"))
        .where(Practice.status == "published", source.country != target.country)
        .group_by(source.country, target.country))
    practices = {(origin, destination): count for origin, destination, count in rows}
    listed = db.session.scalars(
        select(OrganisationTerm.value).join(Organisation).where(
            OrganisationTerm.vocabulary == "corridor", Organisation.merged_into_id.is_(None))
        .distinct())
    pairs = set(providers) | set(practices) | {tuple(code.split("-", 1)) for code in listed}
    matrix = Matrix(providers={key: len(ids) for key, ids in providers.items()},
                    practices=practices)
    matrix.origins = sorted({o for o, _d in pairs}, key=lambda c: country_name(c).casefold())
    matrix.destinations = sorted({d for _o, d in pairs},
                                 key=lambda c: country_name(c).casefold())
    return matrix
