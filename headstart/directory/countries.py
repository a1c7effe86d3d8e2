"""Countries as the directory's filters and the counterpart finder offer them: only the
countries organisations are in, each with how many organisations it has, so nobody picks a
country and finds nothing. A code given in the address still works (it is offered too)."""

from __future__ import annotations

from sqlalchemy import func, select

from headstart.core.countries import register_source
from headstart.core.i18n import _, country_name, sort_key
from headstart.directory.models import Organisation
from headstart.extensions import db


def _live_countries():
    return select(Organisation.country).where(Organisation.merged_into_id.is_(None))


register_source("organisations", _live_countries)


def organisation_counts() -> dict[str, int]:
    """How many organisations (merged duplicates left out) each country has."""
    rows = db.session.execute(
        select(Organisation.country, func.count(Organisation.id))
        .where(Organisation.merged_into_id.is_(None)).group_by(Organisation.country))
    return {code.upper(): count for code, count in rows if code}


def filter_choices(*selected: str) -> list[tuple[str, str]]:
    """``(code, label)`` options for a country filter: the countries with organisations,
    labelled with their number, sorted by name in the reader's language; a ``selected``
    code without organisations (from the address) is added so the filter shows it."""
    counts = organisation_counts()
    for code in selected:
        if code:
            counts.setdefault(code, 0)
    named = sorted(((code, country_name(code)) for code in counts),
                   key=lambda pair: (sort_key(pair[1]), pair[1]))
    # TRANSLATORS: a country in a filter with how many organisations it has: "Italy (5)".
    return [(code, _("%(country)s (%(count)d)", country=name, count=counts[code]))
            for code, name in named]
