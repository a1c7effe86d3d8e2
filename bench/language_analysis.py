"""The candidate analysers of each interface language on a judged word set.

For each language, words with some of their forms (judged by hand from the demo content's
vocabulary); per analyser: the share of pairs of forms of one word brought to the same
form, how many pairs of different words were brought together, and the cost per word.
Candidates: folded only, Whoosh's Snowball stemmer, Snowball 3 through PyStemmer (only
when it is installed: ``pip install PyStemmer``; not a dependency) and simplemma.
docs/search.md, "Language analysis", keeps the figures. By hand:
``.venv/bin/python bench/language_analysis.py``.
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import simplemma  # noqa: E402
from simplemma.strategies import DefaultStrategy  # noqa: E402
from simplemma.strategies.dictionaries.dictionary_factory import (  # noqa: E402
    SUPPORTED_LANGUAGES,
)
from whoosh.lang import has_stemmer, stemmer_for_language  # noqa: E402

from headstart.search.analysis import fold  # noqa: E402

try:
    import Stemmer
except ImportError:
    Stemmer = None

LEMMATISER = simplemma.Lemmatizer(
    cache_max_size=0, lemmatization_strategy=DefaultStrategy(low_memory=True))

#: Per language: words, each with some of its forms (space-separated).
SETS = {
    "cs": ["migrant migranti migrantů migrantům migrantech",
           "pracovník pracovníci pracovníků pracovníkům", "cizinec cizinci cizinců cizincům",
           "kurz kurzy kurzů kurzech", "země zemi zemí", "příprava přípravy přípravě",
           "žena ženy žen ženám", "integrace integraci"],
    "sk": ["migrant migranti migrantov migrantom", "pracovník pracovníci pracovníkov",
           "cudzinec cudzinci cudzincov", "kurz kurzy kurzov", "žena ženy žien ženám",
           "krajina krajiny krajín"],
    "uk": ["мігрант мігранти мігрантів мігрантам", "працівник працівники працівників",
           "жінка жінки жінок жінкам", "курс курси курсів", "країна країни країн",
           "медсестра медсестри медсестрам"],
    "sq": ["migrant migrantë migrantët migrantëve", "punëtor punëtorë punëtorët punëtorëve",
           "grua gratë grave", "kurs kurse kurset kurseve", "vend vende vendet vendeve"],
    "mk": ["мигрант мигранти мигрантите", "работник работници работниците",
           "жена жени жените", "курс курсеви курсевите", "земја земји земјите"],
    "hy": ["միգրանտ միգրանտներ միգրանտների", "աշխատող աշխատողներ աշխատողների",
           "կին կանայք կանանց", "աշխատանք աշխատանքի աշխատանքը", "երկիր երկրի երկրներ"],
    "ru": ["мигрант мигранты мигрантов мигрантам", "работник работники работников",
           "женщина женщины женщин женщинам", "курс курсы курсов", "страна страны стран"],
    "ro": ["migrant migranți migranților migrantului", "lucrător lucrători lucrătorilor",
           "femeie femei femeilor", "curs cursuri cursurilor",
           "centru centre centrul centrelor"],
    "de": ["Migrant Migranten", "Kurs Kurse Kursen Kurses",
           "Integrationskurs Integrationskurse Integrationskursen", "Frau Frauen",
           "Land Länder Ländern"],
    "it": ["migrante migranti", "corso corsi", "lavoratore lavoratori lavoratrice",
           "donna donne", "badante badanti"],
    "en": ["migrant migrants", "worker workers", "train training trained trainings",
           "centre centres", "refer referral referring"],
}
#: Snowball 3's names of the languages above it has.
SNOWBALL = {"cs": "czech", "hy": "armenian", "ru": "russian", "ro": "romanian",
            "de": "german", "it": "italian", "en": "english"}


def analysers(language: str) -> dict:
    found = {"folded": fold}
    if has_stemmer(language):
        whoosh = stemmer_for_language(language)
        found["Whoosh Snowball"] = lambda w: fold(whoosh(w.casefold()))
    if Stemmer is not None and language in SNOWBALL:
        snowball = Stemmer.Stemmer(SNOWBALL[language])
        found["Snowball 3 (PyStemmer)"] = lambda w: fold(snowball.stemWord(w.casefold()))
    if language in SUPPORTED_LANGUAGES:
        found["simplemma"] = lambda w: fold(LEMMATISER.lemmatize(w.lower(), language))
    return found


def main() -> None:
    for language, written in SETS.items():
        groups = [group.split() for group in written]
        for name, analyse in analysers(language).items():
            forms = [[analyse(w) for w in group] for group in groups]
            same = [a == b for group in forms for a, b in itertools.combinations(group, 2)]
            merged = sum(bool(set(a) & set(b)) for a, b in itertools.combinations(forms, 2))
            words = [w for group in groups for w in group] * 200
            start = time.perf_counter()
            for word in words:
                analyse(word)
            cost = (time.perf_counter() - start) / len(words) * 1e6
            print(f"{language}  {name:24} forms brought together {sum(same)}/{len(same)} "
                  f"({sum(same) / len(same):.0%})  words merged wrongly {merged}  "
                  f"{cost:.1f} µs/word")


if __name__ == "__main__":
    main()
