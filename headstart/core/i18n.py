"""Languages of the interface and how the reader's locale is chosen.

Order (SPEC §6): ``?lang=xx`` (remembered in a cookie), the signed-in member's preference,
the browser's ``Accept-Language``, then English.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from babel import Locale
from flask import current_app, g, has_request_context, request
from flask_babel import get_locale, gettext, ngettext
from flask_babel.speaklater import LazyString
from flask_login import current_user
from markupsafe import escape

_ = gettext
_n = ngettext


class _EscapedLazyString(LazyString):
    """A lazy translation that Jinja escapes like any other text.

    Flask-Babel's own lazy strings declare themselves safe HTML, so a placeholder filled
    with user data (``_l("Welcome %(name)s", name=...)``) would reach the page unescaped.
    """

    def __html__(self):
        return escape(str(self))


def _l(string: str, **variables) -> LazyString:
    """Translate ``string`` when it is used (module-level labels, form messages)."""
    return _EscapedLazyString(gettext, string, **variables)

#: Interface languages, English first (the source language).
LOCALES = (
    "en", "cs", "de", "it", "nl", "pt", "sk", "hu", "ro",
    "sq", "mk", "uk", "ru", "vi", "hy", "mn", "ar",
)  # fmt: skip
RTL_LOCALES = frozenset({"ar"})
#: The CLDR locale dates and numbers are written in, where it is not the interface
#: language's bare code: the English interface is written in British English, so its
#: dates are British too ("7 Dec 2026", "07/12/2026, 16:46", not "12/7/26, 4:46 PM"); the
#: Portuguese catalogue is European Portuguese.
FORMAT_LOCALES = {"en": "en_GB", "pt": "pt_PT"}
LANG_COOKIE = "headstart_lang"
#: Endpoints where ``?lang=`` filters content by its language instead of choosing the
#: interface language; their language switcher goes through ``/language/<code>``.
CONTENT_LANGUAGE_ENDPOINTS: set[str] = set()
LANG_COOKIE_MAX_AGE = 365 * 24 * 3600


def find_available_locales(translations_dir: str) -> tuple[str, ...]:
    """English plus every language of ``LOCALES`` that has a catalogue, in ``LOCALES`` order.

    A language is only offered once its catalogue exists, so nobody picks a language and
    gets English; the languages issue adds the rest.
    """
    root = Path(translations_dir)
    return tuple(code for code in LOCALES
                 if code == "en" or (root / code / "LC_MESSAGES" / "messages.po").exists())


def available_locales() -> tuple[str, ...]:
    """The interface languages this installation offers."""
    return current_app.config["INTERFACE_LOCALES"]


def is_supported(code: str | None) -> bool:
    """True when ``code`` is one of the offered interface languages."""
    return bool(code) and code in available_locales()


def other_locales() -> list[str]:
    """The interface languages besides English, in which records' main texts are written
    (forms offering a text per language offer these)."""
    return [code for code in LOCALES if code != "en"]


def formatting_locale(code: str) -> str:
    """The CLDR locale that writes dates and numbers for interface language ``code``."""
    return FORMAT_LOCALES.get(code, code)


def select_locale() -> str:
    """Flask-Babel locale selector implementing SPEC §6 (as the locale dates and numbers
    are written in: ``en_GB`` for English; catalogues are found by the language)."""
    return formatting_locale(_select_language())


def _select_language() -> str:
    if not has_request_context():  # command line: the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if hasattr(g, "locale_code"):
        return g.locale_code
    code = interface_lang_arg()
    if not is_supported(code):
        code = request.cookies.get(LANG_COOKIE)
    if not is_supported(code) and current_user and current_user.is_authenticated:
        code = current_user.preferred_language
    if not is_supported(code):
        code = request.accept_languages.best_match(available_locales())
    if not is_supported(code):
        code = current_app.config["BABEL_DEFAULT_LOCALE"]
    g.locale_code = code
    return code


def interface_lang_arg() -> str | None:
    """``?lang=`` when it chooses the interface language on this page."""
    if request.endpoint in CONTENT_LANGUAGE_ENDPOINTS:
        return None
    return request.args.get("lang")


def set_language_cookie(response, code: str):
    """Remember interface language ``code`` for a year."""
    response.set_cookie(
        LANG_COOKIE,
        code,
        max_age=LANG_COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response


def remember_locale(response):
    """After a request with a valid ``?lang=``, keep the choice in a cookie; a response
    whose language was chosen says what it was chosen by (for caches)."""
    if "locale_code" in g:
        response.vary.update(("Accept-Language", "Cookie"))
    code = interface_lang_arg()
    if is_supported(code) and request.cookies.get(LANG_COOKIE) != code:
        set_language_cookie(response, code)
    return response


def current_locale_code() -> str:
    """The language code of the current request, e.g. ``"cs"``."""
    locale = get_locale()
    return locale.language if locale is not None else "en"


def text_direction(code: str | None = None) -> str:
    """``"rtl"`` for right-to-left locales, else ``"ltr"``."""
    return "rtl" if (code or current_locale_code()) in RTL_LOCALES else "ltr"


def forward_arrow() -> str:
    """An arrow pointing the way the page reads: → in left-to-right pages, ← in
    right-to-left ones (from an origin to a destination, to the next page)."""
    return "←" if text_direction() == "rtl" else "→"


def back_arrow() -> str:
    """The arrow pointing back (to the previous page)."""
    return "→" if text_direction() == "rtl" else "←"


def corridor_name(origin: str, destination: str) -> str:
    """An origin → destination corridor in the reader's language and direction."""
    return f"{country_name(origin)} {forward_arrow()} {country_name(destination)}"


def language_name(code: str, in_locale: str | None = None) -> str:
    """The name of language ``code``, written in ``in_locale`` (its own language by default)."""
    try:
        name = Locale.parse(code).get_display_name(in_locale or code)
    except (ValueError, TypeError):
        return code
    return name[:1].upper() + name[1:] if name else code


def country_name(code: str | None, in_locale: str | None = None) -> str:
    """The localised name of ISO 3166 country ``code`` (``"MD"`` → "Moldova")."""
    if not code:
        return ""
    territories = Locale.parse(in_locale or current_locale_code()).territories
    return territories.get(code.upper(), code.upper())


def country_choices(in_locale: str | None = None) -> list[tuple[str, str]]:
    """All ISO 3166-1 countries as ``(code, localised name)``, sorted by name."""
    return list(_country_choices(in_locale or current_locale_code()))


@lru_cache(maxsize=32)
def _country_choices(locale_code: str) -> tuple[tuple[str, str], ...]:
    territories = Locale.parse(locale_code).territories
    pairs = [
        (code, name)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    return tuple(sorted(pairs, key=lambda pair: (sort_key(pair[1]), pair[1])))


def sort_key(name: str) -> str:
    """How a country name sorts in a list for readers: without letter case and accents
    (“Österreich” among the O, “Česko” among the C), which suits every interface language
    closely enough without a collation library."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


#: Two-letter CLDR territory codes that are not countries or territories migrants come from or
#: go to (unions, pseudo-regions, uninhabited reserved codes). Kosovo (XK) stays: it is a corridor.
_NOT_COUNTRIES = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}
)


def machine_datetime(value) -> str:
    """A date or moment as HTML's ``<time datetime>`` accepts it: ``2026-12-07`` for a
    date, ``2026-12-07T10:30:00Z`` (UTC, whole seconds) for a moment. Python's
    ``isoformat()`` adds microseconds, which HTML does not allow. A naive moment is UTC
    (how the portal stores them)."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).replace(microsecond=0).strftime(
            "%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not a date or a moment: {value!r}")
