"""Text analysis shared by every search backend, so they find the same things.

Each word is indexed twice: its *folded* form (case and accents removed: "Brașov" →
"brasov") for exact words and phrases, and its *stem* in the document's language
("trainings" → "train", Czech "migrantům" → "migrant"): a Snowball stemmer's or a
dictionary lemma, chosen per language in ``ANALYSERS`` (docs/search.md, "Language
analysis"). A query word is looked up as its folded form and as its stem in every language
we can stem, so a search in one language finds records written in another when the words
share a root.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from whoosh.lang import has_stemmer, stemmer_for_language

from headstart.core.i18n import LOCALES

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
#: Letters that do not decompose into a base letter and a combining mark.
SPECIAL_FOLDS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ŧ": "t", "ı": "i",
                               "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ð": "d"})
#: Longest word kept (longer runs are noise: hashes, base64, …).
MAX_WORD = 40
#: How the words of each interface language are brought to a common form (the comparison
#: behind each choice is in docs/search.md, "Language analysis"): ``"snowball"``, Whoosh's
#: Snowball stemmer; ``"lemma"``, simplemma's dictionary lemmatiser (a word not in its
#: dictionary stays as it is); ``None``, folded only (Vietnamese does not inflect;
#: Mongolian has neither a Snowball stemmer nor a simplemma dictionary).
ANALYSERS: dict[str, str | None] = {
    "en": "snowball", "ar": "snowball", "de": "snowball", "hu": "snowball",
    "it": "snowball", "nl": "snowball", "pt": "snowball", "ro": "snowball", "ru": "snowball",
    "cs": "lemma", "sk": "lemma", "uk": "lemma", "sq": "lemma", "mk": "lemma", "hy": "lemma",
    "mn": None, "vi": None,
}
#: Languages of the portal whose words we can stem.
STEMMED_LANGUAGES = tuple(code for code in LOCALES if ANALYSERS.get(code) == "lemma"
                          or (ANALYSERS.get(code) == "snowball" and has_stemmer(code)))
#: Marks a stem in the index, so stems and folded words never collide.
STEM_PREFIX = "~"


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents or other marks: "Brașov" → "brasov", "Łódź" → "lodz"."""
    lowered = word.casefold().translate(SPECIAL_FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _lemmatiser():
    """simplemma's lemmatiser, made on first use. Each language's dictionary is loaded on
    the first word of that language, once per process (about 0.1–1.2 s each). Its
    ``low_memory`` store keeps the six dictionaries in about 40 MB instead of 330 MB;
    its own cache is off, as ``stem`` and ``_FORMS`` cache every word already."""
    import simplemma
    from simplemma.strategies import DefaultStrategy

    return simplemma.Lemmatizer(cache_max_size=0,
                                lemmatization_strategy=DefaultStrategy(low_memory=True))


@lru_cache(maxsize=32)
def _stemmer(language: str):
    if language not in STEMMED_LANGUAGES:
        return None
    if ANALYSERS[language] == "lemma":
        lemmatiser = _lemmatiser()
        return lambda word: lemmatiser.lemmatize(word.lower(), language)
    stemmer = stemmer_for_language(language)
    return lambda word: stemmer(word.casefold())


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str | None:
    """The folded stem (or lemma) of ``word`` in ``language``, or None when the language
    has no analyser."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return None
    return fold(stemmer(word))


@dataclass(frozen=True)
class Token:
    """A word of a text: its position, where it is in the text, and its folded form."""

    position: int
    start: int
    end: int
    folded: str


def tokens(text: str) -> list[Token]:
    """The words of ``text`` in order."""
    found = []
    for position, match in enumerate(WORD_RE.finditer(text or "")):
        word = match.group()
        if len(word) <= MAX_WORD:
            found.append(Token(position, match.start(), match.end(), fold(word)))
    return found


#: Index forms of the words met, per language: ``{word: (folded, prefixed stem)}``
#: (a plain dict lookup per word instead of two cached calls; a rebuild analyses
#: millions of words from a vocabulary of thousands).
_FORMS: dict[str, dict[str, tuple[str, str | None]]] = {}
FORMS_KEPT = 200_000


def _forms(word: str, language: str, known: dict) -> tuple[str, str | None]:
    folded = fold(word)
    stemmed = (STEM_PREFIX + (stem(word, language) or folded)
               if language in STEMMED_LANGUAGES else None)
    if len(known) >= FORMS_KEPT:
        known.clear()
    known[word] = (folded, stemmed)
    return folded, stemmed


def index_terms(text: str, language: str) -> tuple[list[str], list[str]]:
    """What to index for ``text``: the folded words, and their stems (prefixed) where
    ``language`` has a stemmer; both lists keep one entry per word, in order."""
    known = _FORMS.get(language)
    if known is None:
        known = _FORMS.setdefault(language, {})
    pairs = [known.get(w) or _forms(w, language, known)
             for w in WORD_RE.findall(text or "") if len(w) <= MAX_WORD]
    folded = [pair[0] for pair in pairs]
    stems = [pair[1] for pair in pairs] if language in STEMMED_LANGUAGES else []
    return folded, stems


def query_forms(word: str) -> tuple[str, frozenset[str]]:
    """A query word's folded form and its prefixed stems in every stemmed language."""
    stems = frozenset(STEM_PREFIX + s for language in STEMMED_LANGUAGES
                      if (s := stem(word, language)))
    return fold(word), stems


def matches(word: str, language: str, wanted: set[str] | frozenset[str]) -> bool:
    """Whether a word of a text in ``language`` matches any of the ``wanted`` index forms
    (folded words and prefixed stems)."""
    if fold(word) in wanted:
        return True
    stemmed = stem(word, language)
    return stemmed is not None and STEM_PREFIX + stemmed in wanted


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Edit distance between ``a`` and ``b`` (insertions, deletions, substitutions and
    swaps of two neighbouring letters, each one edit: "migrnats" is one from "migrants"),
    giving up (``limit + 1``) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]
