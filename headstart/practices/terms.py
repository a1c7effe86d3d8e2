"""The vocabularies in use: terms from ``taxonomy_terms``, labelled in the reader's language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import g, has_request_context
from sqlalchemy import select

from headstart.core.i18n import current_locale_code
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
    """The admin's label for the reader's language, else the built-in translated label while
    the English one is unchanged, else the English label."""
    given = (row.labels or {}).get(current_locale_code()) if has_request_context() else None
    if given:
        return given
    builtin = BUILTIN.get(row.vocabulary, {}).get(row.code)
    if builtin is not None and row.label == builtin._args[0]:
        return str(builtin)
    return row.label


def labels_everywhere(vocabularies: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    """``(vocabulary, code, locale, label)`` of every term of ``vocabularies``, retired
    ones too (records keep them), in every interface language: the admin's label for that
    language, else the built-in one translated while the English label is unchanged, else
    the English label (for search, which matches labels of every language)."""
    from flask_babel import force_locale

    from headstart.core.i18n import LOCALES

    found = []
    chosen = [r for r in _rows() if r.vocabulary in vocabularies]
    for locale in LOCALES:
        with force_locale(locale):
            for row in chosen:
                given = (row.labels or {}).get(locale)
                builtin = BUILTIN.get(row.vocabulary, {}).get(row.code)
                if not given and builtin is not None and row.label == builtin._args[0]:
                    given = str(builtin)
                found.append((row.vocabulary, row.code, locale, given or row.label))
    return found


def labels_version(vocabularies: tuple[str, ...]) -> tuple:
    """What the labels of ``vocabularies`` depend on: changes with any term's labels."""
    if has_request_context() and "taxonomy_rows" in g:
        rows = [(r.vocabulary, r.code, r.label, r.labels) for r in g.taxonomy_rows]
    else:  # the columns only, no objects: search asks on every query
        rows = db.session.execute(select(
            TaxonomyTerm.vocabulary, TaxonomyTerm.code, TaxonomyTerm.label,
            TaxonomyTerm.labels).order_by(TaxonomyTerm.id)).all()
    return tuple(sorted((vocabulary, code, label, tuple(sorted((labels or {}).items())))
                        for vocabulary, code, label, labels in rows
                        if vocabulary in vocabularies))


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


def grouped(vocabulary: str, keep=()) -> list[tuple[str, list[Term]]]:
    """Active terms grouped: ``[(group label, [terms])]`` in order; retired terms among
    ``keep`` (codes a record already has) stay offered so saving does not drop them."""
    groups: dict[str, list[Term]] = {}
    keep = set(keep or ())
    for term in terms(vocabulary, include_retired=True):
        if not term.active and term.code not in keep:
            continue
        groups.setdefault(term.group, []).append(term)
    return [(group_label(vocabulary, group), items) for group, items in groups.items()]


def codes(vocabulary: str, *, include_retired: bool = False) -> set[str]:
    """Codes currently offered for ``vocabulary`` (with retired ones: every known code)."""
    if vocabulary == "gcm":
        return {str(n) for n in taxonomy.GCM_OBJECTIVES}
    return {t.code for t in terms(vocabulary, include_retired=include_retired)}


#: Vocabularies admins manage on the taxonomy page.
MANAGED = ("phase", "theme", "target", "criterion")


def group_choices(vocabulary: str) -> list[tuple[str, str]]:
    """The groups a term of ``vocabulary`` can belong to (none for flat vocabularies)."""
    return [(code, str(label)) for code, label in GROUP_LABELS.get(vocabulary, {}).items()]


def rows(vocabulary: str) -> list[TaxonomyTerm]:
    """Every stored term of ``vocabulary``, retired ones included, in order."""
    return [r for r in _rows() if r.vocabulary == vocabulary]


def forget_cached() -> None:
    """Drop the per-request copy after a change, so the page shows the new terms."""
    if has_request_context():
        g.pop("taxonomy_rows", None)


class InvalidTerm(Exception):
    """A term cannot be saved; ``problems`` maps fields to messages."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(problems)
        self.problems = problems


def save_term(vocabulary: str, values: dict, *, term: TaxonomyTerm | None = None,
              locales=()) -> TaxonomyTerm:
    """Add a term to ``vocabulary`` or change ``term``: English label, group, position and
    labels for other ``locales`` (empty ones are dropped). Codes never change once given,
    since practices store them."""
    from headstart.core.i18n import _l

    problems = {}
    label_text = (values.get("label") or "").strip()
    if not label_text:
        problems["label"] = str(_l("Give the term a label in English."))
    group = values.get("group") or ""
    allowed_groups = {code for code, _label in group_choices(vocabulary)}
    if allowed_groups and group not in allowed_groups:
        problems["group"] = str(_l("Choose one of the offered groups."))
    position = str(values.get("position") or "").strip()
    if position and not re.fullmatch(r"-?[0-9]{1,6}", position):
        problems["position"] = str(_l("Enter a whole number."))
    if term is None:
        code = (values.get("code") or "").strip().lower()
        if not code:
            code = "_".join("".join(ch if ch.isalnum() else " " for ch in label_text.lower())
                            .split())[:40]
        if not code or not all(ch.isascii() and (ch.isalnum() or ch == "_") for ch in code):
            problems["code"] = str(_l("Use lower-case letters, digits and _ only."))
        elif code in {r.code for r in rows(vocabulary)}:
            problems["code"] = str(_l("This code is already used in this vocabulary."))
    if problems:
        raise InvalidTerm(problems)
    if term is None:
        existing = rows(vocabulary)
        term = TaxonomyTerm(vocabulary=vocabulary, code=code, active=True,
                            position=max((r.position for r in existing), default=-1) + 1)
        db.session.add(term)
    term.label = label_text
    term.group = group if allowed_groups else ""
    if position:
        term.position = int(position)
    labels = {}
    for locale in locales:
        text = " ".join(str(values.get(f"label_{locale}") or "").split())[:200]
        if text:
            labels[locale] = text
    term.labels = labels
    db.session.flush()
    forget_cached()
    return term


def set_active(term: TaxonomyTerm, active: bool) -> None:
    """Retire a term (kept on practices that use it, no longer offered) or bring it back."""
    term.active = active
    db.session.flush()
    forget_cached()
