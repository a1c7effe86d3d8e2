"""The catalogues as other tools read them: GNU msgfmt accepts every one, and each plural
entry shows the form CLDR prescribes for the number, in every language."""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from flask_babel import force_locale, ngettext

from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po"))
CODES = [path.parts[-3] for path in CATALOGUES]
#: The catalogue folder's code and the CLDR locale whose rules it follows: the
#: Portuguese catalogue is European Portuguese (CLDR's "pt" is Brazilian).
CLDR_LOCALE = {"pt": "pt_PT"}
#: CLDR's order of plural categories, which is also the order of gettext's forms.
CATEGORIES = ("zero", "one", "two", "few", "many", "other")
#: Counts the rendering test tries; the header test tries every count up to 1000 too.
COUNTS = (0, 1, 2, 3, 5, 10, 11, 21, 22, 25, 99, 100, 101, 102, 111, 1000, 1001, 1000000)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
NAMED = re.compile(r"%\((\w+)\)[sd]")


def load(code: str):
    with open(ROOT / "translations" / code / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle)


@cache
def cldr_rule(code: str):
    return Locale.parse(CLDR_LOCALE.get(code, code)).plural_form


@cache
def integer_categories(code: str) -> tuple[str, ...]:
    """The CLDR categories whole numbers reach (e.g. Czech "many" is for decimals only),
    in CLDR's order: gettext's form 0 is the first of them, and so on."""
    rule = cldr_rule(code)
    reached = {rule(n) for n in (*range(0, 1001), 1000000, 2000000, 10**9)}
    return tuple(category for category in CATEGORIES if category in reached)


def expected_form(code: str, count: int) -> int:
    return integer_categories(code).index(cldr_rule(code)(count))


def plural_entries(code: str):
    return [message for message in load(code) if isinstance(message.id, tuple)]


@pytest.fixture(scope="module")
def msgfmt():
    path = shutil.which("msgfmt")
    if path is None:
        problem = "GNU msgfmt is missing (make test installs Debian's gettext package)"
        if IN_CI:
            pytest.fail(f"CI must not skip: {problem}")
        pytest.skip(problem)
    return path


@pytest.mark.parametrize("code", CODES)
def test_gnu_msgfmt_accepts_the_catalogue(msgfmt, code, tmp_path):
    path = ROOT / "translations" / code / "LC_MESSAGES" / "messages.po"
    # --check is --check-format --check-header --check-domain: what Poedit and Weblate run.
    done = subprocess.run([msgfmt, "--check", "-o", str(tmp_path / "messages.mo"), str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"{code}: msgfmt --check rejects it:\n{done.stderr}"
    assert "warning" not in done.stderr, f"{code}: msgfmt --check warns:\n{done.stderr}"


@pytest.mark.parametrize("code", CODES)
def test_catalogue_keeps_no_obsolete_entries(code):
    # Obsolete (#~) entries are dropped everywhere: `make translations` updates with
    # --ignore-obsolete, so none can come back to duplicate a live message.
    text = (ROOT / "translations" / code / "LC_MESSAGES" / "messages.po").read_text("utf-8")
    obsolete = [line for line in text.splitlines() if line.startswith("#~")]
    assert not obsolete, f"{code}: {len(obsolete)} obsolete lines, first: {obsolete[0]}"


@pytest.mark.parametrize("code", CODES)
def test_plural_header_follows_the_cldr_rule(code):
    catalogue = load(code)
    categories = integer_categories(code)
    assert catalogue.num_plurals == len(categories), (
        f"{code}: the header has {catalogue.num_plurals} forms, CLDR has {categories}")
    chooses = gettext.c2py(catalogue.plural_expr)
    wrong = [(n, chooses(n), categories[expected_form(code, n)])
             for n in (*range(0, 1001), 1000000, 2000000)
             if chooses(n) != expected_form(code, n)]
    assert not wrong, f"{code}: the header picks the wrong form for (n, form, CLDR): {wrong[:8]}"


@pytest.mark.parametrize("code", CODES)
def test_every_plural_entry_renders_the_cldr_form(app, code):
    entries = plural_entries(code)
    assert entries, code
    with app.test_request_context(), force_locale(code):
        for message in entries:
            singular, plural = message.id
            wanted = set(PLACEHOLDER.findall(plural))
            for index, form in enumerate(message.string):
                assert form.strip(), (code, singular, index)
                assert set(PLACEHOLDER.findall(form)) == wanted, (code, singular, index, form)
            # Every other placeholder gets a sample word, so the test reads each entry.
            names = {name: "care" for name in NAMED.findall(plural) if name != "num"}
            for count in COUNTS:
                shown = ngettext(singular, plural, count, **names)
                form = message.string[expected_form(code, count)]
                assert shown == form % {"num": count, **names}, (
                    f"{code} {count} ({cldr_rule(code)(count)}): {singular!r} shows {shown!r}")
                assert str(count) in shown, (code, singular, count, shown)


# Arabic: the six forms are not only different, each is worded for its category.
ACCUSATIVE = "\u064b"  # tanwin fath: the singular accusative (tamyiz) that 11-99 take


ARABIC = {message.id[0]: dict(zip(CATEGORIES, message.string, strict=True))
          for message in plural_entries("ar")}


@pytest.mark.parametrize("msgid", sorted(ARABIC))
def test_arabic_forms_fit_their_categories(msgid):
    forms = ARABIC[msgid]
    # many (11-99): the counted noun in the singular accusative, "25 موضوعًا".
    assert ACCUSATIVE in forms["many"], f"11-99 take the accusative singular: {forms['many']}"
    # other (100, 101, …): the singular genitive, "100 موضوع", never the accusative.
    assert ACCUSATIVE not in forms["other"], f"100+ take the genitive: {forms['other']}"
    # few (3-10): the plural, which is neither of those singulars.
    assert forms["few"] not in (forms["many"], forms["other"]), forms["few"]
    # two: the dual (-ان, or -ين/-َين after a preposition).
    assert re.search(r"(ان|ين)\b", forms["two"]), f"2 takes the dual: {forms['two']}"
    assert forms["two"] not in (forms["few"], forms["other"]), forms["two"]
    # one: the singular, with "واحد" or as for 100; zero: a negation or as for 100.
    assert "واحد" in forms["one"] or forms["one"] == forms["other"], forms["one"]
    assert re.search(r"(^|[\s(])(لا|لم)\s", forms["zero"]) or forms["zero"] == forms["other"], (
        forms["zero"])


def test_arabic_counts_read_as_a_reader_expects(app):
    with app.test_request_context(), force_locale("ar"):
        def topics(count):
            return ngettext("%(num)d topic", "%(num)d topics", count)

        assert topics(3) == "3 مواضيع"
        assert topics(25) == "25 موضوعًا"
        assert topics(100) == "100 موضوع"
        assert topics(101) == "101 موضوع"
        assert topics(111) == "111 موضوعًا"


def test_european_portuguese_counts_zero_in_the_plural(app):
    with app.test_request_context(), force_locale("pt"):
        assert ngettext("%(num)d practice", "%(num)d practices", 0) == "0 práticas"
        assert ngettext("%(num)d practice", "%(num)d practices", 1) == "1 prática"


# What a reviewer's read found, kept fixed.
def strings(code: str) -> list[tuple[str, str]]:
    found = []
    for message in load(code):
        if not message.id:
            continue
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        found.extend((msgid, text) for text in texts)
    return found


@pytest.mark.parametrize("code", ["mk", "ru", "uk", "mn"])
def test_cyrillic_catalogues_use_cyrillic_letters_with_accents(code):
    # «сѐ» takes U+0450; a Latin è looks the same and breaks search and spelling tools.
    latin = [(msgid, text) for msgid, text in strings(code)
             if re.search(r"[\u0400-\u04ff][\u00c0-\u024f]|[\u00c0-\u024f][\u0400-\u04ff]", text)]
    assert not latin, f"{code}: Latin letters inside Cyrillic words: {latin[:3]}"


SEARCH_HELP = ("Results with all your words come first; when there are few, results with most "
               'of them follow. Use quotes for a phrase ("information centre"), OR for '
               "alternatives (nurses OR carers) and a minus to leave a word out (-seasonal).")


@pytest.mark.parametrize("code", CODES)
def test_search_help_examples_are_in_the_language_and_keep_the_syntax(code):
    help_text = load(code)[SEARCH_HELP].string
    for english in ("information centre", "nurses", "carers", "seasonal"):
        assert english not in help_text, f"{code}: the example '{english}' stays English"
    assert re.search(r'\("[^"]+"\)', help_text), f"{code}: the phrase example lost its quotes"
    assert re.search(r"\S OR \S", help_text), f"{code}: the alternatives lost OR"
    assert re.search(r'\(-["\w]', help_text), f"{code}: the exclusion lost its minus"


#: Plural address (imperatives in -وا, "you" as -كم/-تم/أنتم, verbs such as تريدون): the
#: portal speaks to one reader.
ARABIC_PLURAL_YOU = re.compile(r"(?<![\w\u064b-\u0652])(أنتم|\w+كم|\w+[دك]تم|[اأ]\w+وا|"
                               r"\w*(?:تريدون|تطلبون|تستطيعون|تتلقون))(?![\w\u064b-\u0652])")


def test_arabic_addresses_the_reader_in_the_singular():
    plural = [(msgid, text) for msgid, text in strings("ar")
              if ARABIC_PLURAL_YOU.search(text)]
    assert not plural, f"the reader addressed in the plural: {plural[:3]}"


def test_czech_newsletter_block_help_says_five_is_the_default():
    text = load("cs")[
        "Write a block on a line of its own, with the number of items you want (5 when left "
        "out). The items are filled in, in each translation's language where possible, when "
        "sending starts."].string
    assert "(bez čísla jich bude 5)" in text
