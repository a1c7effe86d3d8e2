"""The portal's own vocabulary in search (issue 18, part 4): a query word that is a word of
a label of a taxonomy term or a country name, in any of the interface languages, also
matches the documents tagged with that term or country, whatever language they are
written in ("Moldavsko", "Молдова" find what is tagged MD; "formazione professionale" what
has the theme Vocational training).

- **Index side.** Each document gets one *concept token* per tag it carries, made from its
  facets (``document_tokens``): ``#country:md``, ``#theme:vocational_training``… Both
  backends index them with the stems (Whoosh: the body's stem field; PostgreSQL: the
  tsvector, weight D), never as words: the words of the index ("did you mean", close
  spellings, the vocabulary table) do not hold them, and no word of a text can equal one
  (words are letters and digits, stems start with ``~``).
- **Query side.** A table maps the folded form and the stem or lemma (in the label's own
  language) of each distinctive word of every label to its concept tokens (``Table``);
  the search service adds the tokens of each query word to its stems once per query
  (``expand``), so both backends match them as they match a stem. A word of a two-word
  label maps to the concept too, so "formazione professionale" holds each of its words
  through the concept and the AND still holds.
- **Labels come from the areas** (``register``): practices register phases, themes,
  target groups and GCM objectives (with the admins' labels from ``taxonomy_terms``), the
  directory its services; countries are CLDR names through Babel. A source may say what
  its labels depend on (``version``): the table is built once per process and again when
  that changes (an admin relabelling a term, in any process).

The tokens never reach people: suggestions and close spellings read only the words of the
index, the words missing from a best-match hit are the words as typed, highlighting marks
words of the text, and searches that found nothing are kept as typed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from headstart.search import analysis
from headstart.search.query import CONCEPT_PREFIX, ParsedQuery, Word

logger = logging.getLogger(__name__)

#: Shortest label word that maps to a concept ("e", "de", "of" never do).
MIN_LETTERS = 3
#: A label word of more concepts than this, in one language, is not distinctive ("and",
#: "republic", "services"): it maps to none.
MAX_CONCEPTS = 4


@dataclass(frozen=True)
class Source:
    """Where the labels of some kinds of concept come from.

    ``facets`` maps a facet name of the search documents to the kind of concept its values
    are codes of, and how a value names codes (a corridor ``"MD-IT"`` names two
    countries); ``labels()`` gives ``(kind, code, locale, label)`` for every code in every
    interface language; ``version()``, when given, changes whenever the labels do (it is
    asked on every search: keep it cheap)."""

    name: str
    facets: dict[str, tuple[str, Callable[[str], list[str]]]]
    labels: Callable[[], Iterable[tuple[str, str, str, str]]]
    version: Callable[[], object] | None = None


SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    """Make the labels of ``source`` match the documents tagged with their codes."""
    SOURCES[source.name] = source
    forget()


def one(value: str) -> list[str]:
    """A facet value naming one code."""
    return [value]


def token(kind: str, code: str) -> str:
    """The concept token of ``code`` of ``kind`` (``#country:md``)."""
    clean = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in str(code).casefold())
    return f"{CONCEPT_PREFIX}{kind}:{clean}"


def is_token(form: str) -> bool:
    """Whether an index form is a concept token (never shown to anybody)."""
    return form.startswith(CONCEPT_PREFIX)


def document_tokens(facets: dict[str, list[str]]) -> list[str]:
    """The concept tokens of a document with these facets: once per facet naming it, so
    a tag named twice counts more (an organisation's own country, also an end of its
    corridors, above a country it only has a corridor to)."""
    found: list[str] = []
    for source in SOURCES.values():
        for name, (kind, codes) in source.facets.items():
            named = {token(kind, code) for value in facets.get(name, ())
                     for code in codes(str(value)) if code}
            found.extend(sorted(named))
    return found


# --- the query side ---------------------------------------------------------------------


@dataclass
class Table:
    """Query forms → concept tokens: folded words of every language, and stems (or lemmas)
    per language, each made in the language of the label."""

    folded: dict[str, frozenset[str]] = field(default_factory=dict)
    stems: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    #: The folded words by first letter (for ``near``).
    initials: dict[str, list[str]] = field(default_factory=dict)

    def concepts(self, text: str) -> frozenset[str]:
        """The concept tokens of the query word ``text``."""
        found = set(self.folded.get(analysis.fold(text), ()))
        for language, stems in self.stems.items():
            stemmed = analysis.stem(text, language)
            if stemmed:
                found.update(stems.get(stemmed, ()))
        return frozenset(found)


    def near(self, folded: str, edits: int) -> dict[str, int]:
        """Concept tokens of label words at most ``edits`` edits from the folded word
        ``folded`` (never the word itself), with the same first letter: ``{token: edits}``
        (the closest word of each)."""
        found: dict[str, int] = {}
        for word in self.initials.get(folded[:1], ()):
            if word == folded or abs(len(word) - len(folded)) > edits:
                continue
            distance = analysis.edit_distance(word, folded, edits)
            if distance <= edits:
                for concept in self.folded[word]:
                    found[concept] = min(distance, found.get(concept, distance))
        return found


def build(labels: Iterable[tuple[str, str, str]]) -> Table:
    """The table of ``(token, locale, label)``: each label word of at least
    ``MIN_LETTERS`` letters, neither a stop word of its language nor a word of more than
    ``MAX_CONCEPTS`` concepts of that language, maps to the label's token."""
    folded: dict[str, dict[str, set[str]]] = {}  # language → folded word → tokens
    stems: dict[str, dict[str, set[str]]] = {}
    for concept, locale, label in labels:
        stop = _stop_words(locale)
        for word in analysis.WORD_RE.findall(label or ""):
            plain = analysis.fold(word)
            if len(plain) < MIN_LETTERS or plain in stop or plain.isdigit():
                continue
            folded.setdefault(locale, {}).setdefault(plain, set()).add(concept)
            stemmed = (analysis.stem(word, locale)
                       if locale in analysis.STEMMED_LANGUAGES else None)
            if stemmed and len(stemmed) >= MIN_LETTERS:
                stems.setdefault(locale, {}).setdefault(stemmed, set()).add(concept)
    table = Table()
    merged: dict[str, set[str]] = {}
    for words in folded.values():
        for word, concepts in words.items():
            if len(concepts) <= MAX_CONCEPTS:
                merged.setdefault(word, set()).update(concepts)
    table.folded = {word: frozenset(concepts) for word, concepts in merged.items()}
    for word in sorted(table.folded):
        table.initials.setdefault(word[:1], []).append(word)
    table.stems = {language: {word: frozenset(concepts) for word, concepts in words.items()
                              if len(concepts) <= MAX_CONCEPTS}
                   for language, words in stems.items()}
    return table


@lru_cache(maxsize=64)
def _stop_words(locale: str) -> frozenset[str]:
    """Whoosh's stop words of ``locale`` (it has lists for some of our languages; the
    others rely on ``MAX_CONCEPTS``)."""
    from whoosh.lang import stopwords

    return frozenset(analysis.fold(w) for w in stopwords.stoplists.get(locale, ()))


_lock = threading.Lock()
#: ``(versions of the sources, table)`` of the last build.
_built: tuple[tuple, Table] | None = None


def forget() -> None:
    """Build the table again on the next query (labels changed in this process)."""
    global _built
    with _lock:
        _built = None


def _versions() -> tuple:
    return tuple((name, source.version() if source.version else None)
                 for name, source in sorted(SOURCES.items()))


def table() -> Table:
    """The table for the labels as they are now (built on the first query of a process and
    after a source's labels changed)."""
    global _built
    versions = _versions()
    with _lock:
        if _built is not None and _built[0] == versions:
            return _built[1]
    labels = [(token(kind, code), locale, label)
              for _name, source in sorted(SOURCES.items())
              for kind, code, locale, label in source.labels()]
    made = build(labels)
    logger.debug("search vocabulary: %d labels, %d words", len(labels), len(made.folded))
    with _lock:
        _built = (versions, made)
    return made


def expand(parsed: ParsedQuery) -> None:
    """Add, in place, the concept tokens of each word of ``parsed`` (required and excluded;
    not quoted phrases, which match the words as written) to its stems. Done once."""
    if parsed.concepts_added or parsed.empty:
        return
    found = table()

    def with_concepts(item):
        if not isinstance(item, Word):
            return item
        concepts = found.concepts(item.text)
        return replace(item, stems=item.stems | concepts) if concepts else item

    for clause in parsed.clauses:
        clause.required = [with_concepts(item) for item in clause.required]
        clause.excluded = [with_concepts(item) for item in clause.excluded]
    parsed.concepts_added = True


# --- countries: CLDR names through Babel ------------------------------------------------


def _country_labels() -> Iterable[tuple[str, str, str]]:
    from headstart.core.i18n import LOCALES, country_choices

    for locale in LOCALES:
        for code, name in country_choices(locale):
            yield "country", code, locale, name


def _corridor(value: str) -> list[str]:
    """The two countries of a corridor ``"MD-IT"``."""
    return value.split("-", 1)


register(Source("countries", {"country": ("country", one),
                              "corridor": ("country", _corridor)}, _country_labels))


def expand_close(parsed: ParsedQuery, engine, audiences: tuple[str, ...]) -> None:
    """Typo tolerance for the vocabulary (``search.typos``' rules): a required word of no
    concept, which no document of ``audiences`` holds, also matches the concepts of the
    label words close to it ("Малдова" those of "Молдова"), weighted like a close
    spelling. Run after ``typos.expand`` (which sets each word's close spellings anew);
    labels are public, so nothing here depends on who reads."""
    from headstart.search import typos

    if parsed.empty:
        return
    found = None
    for clause in parsed.clauses:
        changed = []
        for item in clause.required:
            edits = typos.allowed_edits(item.folded) if isinstance(item, Word) else 0
            if not edits or item.concepts or any(is_token(f) for f, _w in item.fuzzy):
                changed.append(item)
                continue
            found = found or table()
            close = sorted(found.near(item.folded, edits).items(),
                           key=lambda pair: (pair[1], pair[0]))[:typos.MAX_EXPANSIONS]
            # Asked last, when a label word is close: a word with close spellings in the
            # index is held by nothing already (typos asked).
            if not close or (not item.fuzzy and engine.holds(item, audiences)):
                changed.append(item)
                continue
            extra = tuple((concept, typos.WEIGHTS[d]) for concept, d in close)
            changed.append(replace(item, fuzzy=item.fuzzy + extra))
        clause.required = changed
