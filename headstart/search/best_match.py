"""Best match: the rule both backends follow when a search may be relaxed
(``SearchRequest.all_words`` false). Pure logic; the backends do the counting (numpy masks
in Whoosh, SQL in PostgreSQL).

- Documents holding every item of a clause rank first, exactly as in the strict search.
- Only when fewer than a page (``per_page``) of documents hold every item do the results
  continue with documents holding *most* of them: at least :func:`minimum` of the
  clause's *counted* items (half of them, rounded up: 1 of 2, 2 of 3 or 4, 3 of 5 or 6,
  …). Counted are the items that are not function words (:func:`counted`;
  ``search.function_words``: "как", "pro", "of") and that some document the reader may
  read in the searched area holds at all (a word no document holds cannot be matched,
  and a sentence with three such words would otherwise find nothing however well its
  other words match: the web engines' "Missing: …"). Function words add nothing to how
  many items a document holds, and are never listed as missing.
- An item is a word or a quoted phrase (a phrase counts as one item, matched whole or
  not at all). Each ``OR`` alternative is relaxed on its own. Exclusions (``-word``) are
  never relaxed. A clause of one item cannot be relaxed, so a one-word query finds the
  same as the strict search.
- Relaxed documents are ordered by how many items they hold, then by how rare those items
  are (the sum of ``ln(df + 1)`` over the held items is subtracted, ``df`` being how many
  documents the searcher may read hold the item), then by the backend's relevance score.
  They are combined into one key, :func:`key`, so a document's place does not depend on
  the page asked for.
"""

from __future__ import annotations

import math

from headstart.search.function_words import is_function_word
from headstart.search.query import Clause, ParsedQuery, Phrase, Word

#: Weight of one held item in the rank key; the rarity part always stays below it
#: (at most 12 items × ln(documents + 1) < 1000 for any index of this portal).
COUNT_WEIGHT = 1000.0


def counted(clause: Clause) -> list[int]:
    """Positions of the required items of ``clause`` a relaxed document is measured by:
    every item but function words (all of them when the clause has nothing else, "to be
    or not")."""
    items = [index for index, item in enumerate(clause.required)
             if not (isinstance(item, Word) and is_function_word(item.folded))]
    return items or list(range(len(clause.required)))


def minimum(known: int) -> int:
    """How many counted items a relaxed document must hold, of ``known`` counted items
    that some document the reader may read holds."""
    return max(1, math.ceil(known / 2))


def relaxable(clause: Clause) -> bool:
    """Whether a document holding only some items of ``clause`` can be found."""
    return minimum(len(counted(clause))) < len(clause.required)


def applies(query: ParsedQuery, *, all_words: bool, complete: int, per_page: int) -> bool:
    """Whether a search with ``complete`` documents holding every word continues with
    documents holding most of them."""
    return (not all_words and complete < per_page
            and any(relaxable(clause) for clause in query.clauses))


def label(item: Word | Phrase) -> str:
    """An item as the reader typed it (phrases in quotes), to say it was not matched."""
    return item.text if isinstance(item, Word) else f"\u201c{item.text}\u201d"


def rarity(document_frequency: int) -> float:
    """What holding an item costs in the rank key: less for rarer items."""
    return math.log(document_frequency + 1)


def key(held: int, cost: float) -> float:
    """The rank key of a relaxed document holding ``held`` items whose rarity costs add
    up to ``cost`` (higher ranks first)."""
    return held * COUNT_WEIGHT - cost
