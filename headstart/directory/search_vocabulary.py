"""The directory's services in search (``headstart.search.vocabulary``): a query word of
a service's label, in any interface language, finds the organisations offering it."""

from __future__ import annotations

from flask_babel import force_locale

from headstart.core.i18n import LOCALES
from headstart.directory.taxonomy import SERVICES
from headstart.search.vocabulary import Source, one, register


def _labels():
    for locale in LOCALES:
        with force_locale(locale):
            for code, label in SERVICES.items():
                yield "service", code, locale, str(label)


register(Source("services", {"service": ("service", one)}, _labels))
