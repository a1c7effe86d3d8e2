"""The query language people type, parsed once into a small structure every backend
translates: words are required (AND), ``OR`` between groups gives alternatives, ``"…"``
is a phrase, ``-word`` excludes. Any string parses: stray quotes, operators at the ends,
symbols and very long input are tolerated, never an error.

Examples: ``language training`` · ``"information centre" Moldova`` ·
``nurses OR carers`` · ``employment -seasonal``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from headstart.search import analysis

#: Bounds that keep any query cheap.
MAX_QUERY_CHARS = 500
MAX_ITEMS = 12
MAX_CLAUSES = 6
MAX_PHRASE_WORDS = 8
#: Starts a concept token (``search.vocabulary``, which imports this module).
CONCEPT_PREFIX = "#"

_PIECE_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Word:
    """A query word: its folded form and its stems (prefixed) in the languages we stem."""

    text: str
    folded: str
    stems: frozenset[str]
    #: (``stems`` also holds the word's concept tokens once the search service added them,
    #: ``search.vocabulary``: the tags whose labels hold the word.)
    #: Close spellings a misspelt word also matches, with the weight of their scores
    #: (below 1: a close spelling ranks below the word itself). Filled by the search
    #: service (``search.typos``) from words of documents the reader may read.
    fuzzy: tuple[tuple[str, float], ...] = ()

    @property
    def forms(self) -> frozenset[str]:
        """Every index form that matches this word exactly."""
        return self.stems | {self.folded}

    @property
    def concepts(self) -> frozenset[str]:
        """The concept tokens among the word's forms (``search.vocabulary``)."""
        return frozenset(form for form in self.stems if form.startswith(CONCEPT_PREFIX))


@dataclass(frozen=True)
class Phrase:
    """Words that must follow each other (folded forms)."""

    text: str
    words: tuple[str, ...]


@dataclass
class Clause:
    """Items that must all match (``required``) and items that must not (``excluded``)."""

    required: list[Word | Phrase] = field(default_factory=list)
    excluded: list[Word | Phrase] = field(default_factory=list)


@dataclass
class ParsedQuery:
    """Alternatives (OR) of clauses (AND). Empty when nothing searchable was typed."""

    text: str
    clauses: list[Clause] = field(default_factory=list)
    #: Set when the input had to be cut or cleaned, for a notice on the page.
    adjusted: bool = False
    #: The audiences the close spellings of the words were looked up for (``None``: not
    #: looked up yet; see ``search.typos``).
    fuzzy_audiences: tuple[str, ...] | None = None
    #: Whether the concept tokens of the words were added (``search.vocabulary``).
    concepts_added: bool = False

    @property
    def empty(self) -> bool:
        return not self.clauses

    def words(self) -> list[Word]:
        """Every required single word (for suggestions)."""
        return [item for clause in self.clauses for item in clause.required
                if isinstance(item, Word)]

    @property
    def fuzzed(self) -> bool:
        """Whether some word also matches close spellings (it was misspelt)."""
        return any(word.fuzzy for word in self.words())

    def highlight_forms(self) -> frozenset[str]:
        """Index forms to mark in snippets: required words (with the close spellings they
        matched) and phrase words."""
        forms: set[str] = set()
        for clause in self.clauses:
            for item in clause.required:
                if isinstance(item, Word):
                    forms |= item.forms - item.concepts
                    forms.update(form for form, _weight in item.fuzzy
                                 if not form.startswith(CONCEPT_PREFIX))
                else:
                    forms |= set(item.words)
        return frozenset(forms)


def _item(text: str, phrase: bool) -> Word | Phrase | None:
    words = [m.group() for m in analysis.WORD_RE.finditer(text)
             if len(m.group()) <= analysis.MAX_WORD]
    if not words:
        return None
    if phrase and len(words) > 1:
        return Phrase(text, tuple(analysis.fold(w) for w in words[:MAX_PHRASE_WORDS]))
    if len(words) > 1:
        # "e-mail", "2024/25": one typed token holding several words is a phrase.
        return Phrase(text, tuple(analysis.fold(w) for w in words[:MAX_PHRASE_WORDS]))
    folded, stems = analysis.query_forms(words[0])
    return Word(words[0], folded, stems)


def parse(text: str | None) -> ParsedQuery:
    """Parse what someone typed into the search box."""
    raw = (text or "").replace("\x00", " ")
    adjusted = len(raw) > MAX_QUERY_CHARS
    raw = raw[:MAX_QUERY_CHARS]
    result = ParsedQuery(text=raw.strip(), adjusted=adjusted)
    clause = Clause()
    items = 0
    for match in _PIECE_RE.finditer(raw):
        negated, phrase_text, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            if clause.required or clause.excluded:
                result.clauses.append(clause)
            clause = Clause()
            continue
        if bare in {"AND", "&&", "+"}:
            continue
        if phrase_text is not None:
            item, exclude = _item(phrase_text, True), bool(negated)
        else:
            exclude = bare.startswith("-") and len(bare) > 1
            item = _item(bare.lstrip("-+") if exclude or bare.startswith("+") else bare, False)
        if item is None:
            continue
        if items >= MAX_ITEMS:
            result.adjusted = True
            break
        items += 1
        (clause.excluded if exclude else clause.required).append(item)
    if clause.required or clause.excluded:
        result.clauses.append(clause)
    # A clause of exclusions only would match nearly everything: keep it only when it is
    # the whole query ("-seasonal" alone means "everything but seasonal").
    if len(result.clauses) > 1:
        kept = [c for c in result.clauses if c.required]
        result.adjusted = result.adjusted or len(kept) != len(result.clauses)
        result.clauses = kept
    if len(result.clauses) > MAX_CLAUSES:
        result.clauses = result.clauses[:MAX_CLAUSES]
        result.adjusted = True
    return result
