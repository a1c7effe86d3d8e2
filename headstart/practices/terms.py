"""The vocabularies in use: terms from ``taxonomy_terms``, labelled in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from flask import g, has_request_context
from sqlalchemy import select

from headstart.extensions import db
from headstart.practices import taxonomy
from headstart.practices.models import TaxonomyTerm

#: Built-in labels by vocabulary, used (translated) while an admin has not relabelled a term.
BUILTIN = {
    "phase": taxonomy.PHASES,
    "theme": taxonomy.THEMES,
    "target": taxonomy.TARGETS,
    "criterion": taxonomy.CRITERIA,
}
GROUP_LABELS = {
    "theme": {code: label for code, (label, _terms) in taxonomy.THEME_GROUPS.items()},
    "target": {code: label for code, (label, _terms) in taxonomy.TARGET_GROUPS.items()},
}


@dataclass(frozen=True)
class Term:
    """A term as pages and forms use it."""

    vocabulary: str
    code: str
    group: str
    label: str
    active: bool


def _rows() -> list[TaxonomyTerm]:
    """All terms in order, read once per request (pages ask for many labels)."""
    if has_request_context() and "taxonomy_rows" in g:
        return g.taxonomy_rows
    rows = list(db.session.scalars(select(TaxonomyTerm).order_by(
        TaxonomyTerm.vocabulary, TaxonomyTerm.position, TaxonomyTerm.id)))
    if has_request_context():
        g.taxonomy_rows = rows
    return rows


def _label(row: TaxonomyTerm) -> str:
    builtin = BUILTIN.get(row.vocabulary, {}).get(row.code)
    if builtin is not None and row.label == builtin._args[0]:
        return str(builtin)
    return row.label


def terms(vocabulary: str, *, include_retired: bool = False) -> list[Term]:
    """The terms of ``vocabulary`` in their order, labelled for the reader."""
    return [Term(r.vocabulary, r.code, r.group, _label(r), r.active) for r in _rows()
            if r.vocabulary == vocabulary and (include_retired or r.active)]


def label(vocabulary: str, code: str) -> str:
    """The reader's label of ``code`` (the code itself when unknown)."""
    if vocabulary == "gcm":
        objective = taxonomy.GCM_OBJECTIVES.get(int(code)) if str(code).isdigit() else None
        return str(objective) if objective else str(code)
    for row in _rows():
        if row.vocabulary == vocabulary and row.code == code:
            return _label(row)
    return code


def group_label(vocabulary: str, group: str) -> str:
    """The label of a group of themes or target groups."""
    value = GROUP_LABELS.get(vocabulary, {}).get(group)
    return str(value) if value else group


def grouped(vocabulary: str) -> list[tuple[str, list[Term]]]:
    """Active terms grouped: ``[(group label, [terms])]`` in order."""
    groups: dict[str, list[Term]] = {}
    for term in terms(vocabulary):
        groups.setdefault(term.group, []).append(term)
    return [(group_label(vocabulary, group), items) for group, items in groups.items()]


def codes(vocabulary: str) -> set[str]:
    """Codes currently offered for ``vocabulary``."""
    if vocabulary == "gcm":
        return {str(n) for n in taxonomy.GCM_OBJECTIVES}
    return {t.code for t in terms(vocabulary)}
