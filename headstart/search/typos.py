"""Typo tolerance: a query word that no document the reader may read holds (neither its
folded form nor any of its stems) also matches its close spellings among the words of
those documents — one edit away for words of 5 to 8 letters, two for longer words, never
with another first letter, never for words under 5 letters. A close spelling scores less
than the word itself would (the closer, the more), and only the most common few are
tried, so a misspelt query stays as cheap as a correct one.

Quoted phrases and excluded words (``-word``) are taken as typed. Close spellings come
from the documents of the reader's audiences only, so a word of a members-only or
coordinators-only post never changes what a visitor finds or is shown.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from headstart.search.query import ParsedQuery, Word

#: Shortest word whose close spellings are tried.
MIN_LETTERS = 5
#: Shortest word that may be two edits away from what it matches.
TWO_EDITS_FROM = 9
#: Close spellings tried per word (the most common).
MAX_EXPANSIONS = 5
#: Weight of a close spelling's score, by its distance from the typed word.
WEIGHTS = {1: 0.5, 2: 0.3}


class Vocabulary(Protocol):
    """What a backend tells about the words of the documents some audiences may read."""

    def holds(self, word: Word, audiences: tuple[str, ...]) -> bool:
        """Whether a document of ``audiences`` holds the word (folded or a stem)."""

    def spellings_near(self, word: str, distance: int,
                       audiences: tuple[str, ...]) -> list[tuple[str, int, int]]:
        """``(folded word, edits from word, documents)`` for the words of documents of
        ``audiences`` at most ``distance`` edits from ``word`` and with its first letter;
        ``documents`` counts the documents of ``audiences`` holding it."""


def allowed_edits(folded: str) -> int:
    """How many edits a close spelling of the folded query word may be away (0: none)."""
    if len(folded) >= TWO_EDITS_FROM:
        return 2
    return 1 if len(folded) >= MIN_LETTERS else 0


def close_spellings(word: Word, vocabulary: Vocabulary,
                    audiences: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """The close spellings ``word`` also matches, with their weights (empty when the word
    is too short, or is a word of the reader's documents)."""
    edits = allowed_edits(word.folded)
    if not edits or vocabulary.holds(word, audiences):
        return ()
    near = [(w, d, n) for w, d, n in vocabulary.spellings_near(word.folded, edits, audiences)
            if 0 < d <= edits and w[:1] == word.folded[:1] and n > 0]
    near.sort(key=lambda found: (found[1], -found[2], found[0]))
    return tuple((w, WEIGHTS[d]) for w, d, _n in near[:MAX_EXPANSIONS])


def expand(parsed: ParsedQuery, vocabulary: Vocabulary, audiences: tuple[str, ...]) -> None:
    """Fill, in place, the close spellings of the required words of ``parsed`` for a
    reader of ``audiences`` (so the page highlighting the hits marks them too). Done once
    per query and audiences."""
    audiences = tuple(sorted(audiences))
    if parsed.fuzzy_audiences == audiences:
        return
    for clause in parsed.clauses:
        clause.required = [
            replace(item, fuzzy=close_spellings(item, vocabulary, audiences))
            if isinstance(item, Word) else item for item in clause.required]
    parsed.fuzzy_audiences = audiences
