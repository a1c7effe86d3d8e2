"""Every interface language on every main page: the page renders, says its language and
direction, its navigation is the catalogue's (no English left where the catalogue has a
translation), plurals take each language's forms, and names and numbers follow the locale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel import Locale
from babel.support import Translations

from headstart.core.i18n import LOCALES, RTL_LOCALES, find_available_locales

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [code for code in find_available_locales(str(ROOT / "translations"))
              if code != "en"]
PAGES = ["/", "/practices/", "/directory/", "/directory/corridors", "/directory/counterparts",
         "/forum/", "/handbook/", "/events/", "/newsletter/", "/search?q=care",
         "/auth/login", "/auth/register"]
NAV_LABELS = ("Home", "Directory", "Practices", "Search", "Forum", "Handbook", "Events")
SAME_WORD = {(code, "Forum") for code in ("de", "nl", "it", "ro")}


def translations(code: str) -> Translations:
    return Translations.load(str(ROOT / "translations"), [code])


def test_every_language_of_the_spec_has_a_catalogue():
    assert set(TRANSLATED) == set(LOCALES) - {"en"}


@pytest.mark.parametrize("code", TRANSLATED)
def test_main_pages_render_in_the_language_with_its_navigation(client, code):
    catalogue = translations(code)
    wanted = [catalogue.gettext(label) for label in NAV_LABELS]
    for label, translated in zip(NAV_LABELS, wanted, strict=True):
        # "Forum" is also the German, Dutch, Italian and Romanian word.
        assert translated != label or (code, label) in SAME_WORD, f"{code}: '{label}' is English"
    direction = "rtl" if code in RTL_LOCALES else "ltr"
    for path in PAGES:  # the browser's language (on some lists ?lang= filters records)
        response = client.get(path, headers={"Accept-Language": code})
        assert response.status_code == 200, (code, path)
        page = response.get_data(as_text=True)
        assert f'<html lang="{code}" dir="{direction}">' in page, (code, path)
        nav = re.search(r'<nav class="main-nav".*?</nav>', page, re.S).group(0)
        shown = [re.sub(r"\s+", " ", text).strip()
                 for text in re.findall(r"<a [^>]*>(.*?)</a>", nav, re.S)]
        assert shown == wanted, (code, path, shown)


THREE_FORMS = {"cs", "sk", "uk", "ru"}


# The header's rule against CLDR's, and the form shown for each count, are tested in
# test_gettext.py; here every plural entry fills all the forms the header declares.
@pytest.mark.parametrize("code", TRANSLATED)
def test_each_plural_entry_has_every_form_of_the_header(code):
    from babel.messages.pofile import read_po

    with open(ROOT / "translations" / code / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalogue = read_po(handle)
    for message in catalogue:
        if isinstance(message.id, tuple):
            assert len(message.string) == catalogue.num_plurals, (code, message.id)


@pytest.mark.parametrize("code", sorted(THREE_FORMS & set(TRANSLATED)))
def test_counted_nouns_take_all_three_slavic_forms(code):
    catalogue = translations(code)
    one, few, many = (catalogue.ngettext("%(num)d reply", "%(num)d replies", n) % {"num": n}
                      for n in (1, 3, 5))
    assert len({one, few.replace("3", "1"), many.replace("5", "1")}) == 3, (one, few, many)
    twenty_two = catalogue.ngettext("%(num)d reply", "%(num)d replies", 22) % {"num": 22}
    if code in {"uk", "ru"}:  # in Czech and Slovak 22 counts like 5
        assert twenty_two.replace("22", "3") == few, "22 takes the form of 3"
    else:
        assert twenty_two.replace("22", "5") == many, "22 takes the form of 5"
    eleven = catalogue.ngettext("%(num)d reply", "%(num)d replies", 11) % {"num": 11}
    assert eleven.replace("11", "5") == many, "11 takes the form of 5"


@pytest.mark.parametrize("code", TRANSLATED)
def test_country_names_and_numbers_follow_the_locale(client, make_org, code):
    make_org("Integration Centre Prague", side="destination", country="CZ")
    page = client.get("/directory/", headers={"Accept-Language": code}).get_data(as_text=True)
    czechia = Locale.parse(code).territories["CZ"]
    assert czechia in page, (code, czechia)


def test_corridor_arrows_point_the_reading_direction(client, make_practice):
    make_practice("published", title="Care workers for Italy", origin_countries=["MD"],
                  destination_countries=["IT"])
    # On the practice list ?lang= filters by the records' language: the reader's comes
    # from the browser here.
    english = client.get("/practices/", headers={"Accept-Language": "en"}).get_data(
        as_text=True)
    assert "Moldova → Italy" in english
    arabic = client.get("/practices/", headers={"Accept-Language": "ar"}).get_data(
        as_text=True)
    moldova, italy = (Locale.parse("ar").territories[c] for c in ("MD", "IT"))
    assert f"{moldova} ← {italy}" in arabic
    assert f"{moldova} → {italy}" not in arabic
