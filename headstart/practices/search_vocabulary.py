"""The practices' vocabularies in search (``headstart.search.vocabulary``): a query word
of a label of a phase, theme, target group or GCM objective, in any interface language,
finds the records tagged with it (events carry themes too). The labels are the ones pages
show, the admins' own from ``taxonomy_terms`` included, so relabelling a term changes
what its words find, in every process (``terms.labels_version``)."""

from __future__ import annotations

from flask_babel import force_locale

from headstart.core.i18n import LOCALES
from headstart.practices import taxonomy, terms
from headstart.search.vocabulary import Source, one, register

#: The managed vocabularies that tag records, each the facet of the same name.
TAGGING = ("phase", "theme", "target")


def _gcm_labels():
    for locale in LOCALES:
        with force_locale(locale):
            for number, objective in taxonomy.GCM_OBJECTIVES.items():
                yield "gcm", str(number), locale, str(objective)


register(Source("practice terms", {name: (name, one) for name in TAGGING},
                lambda: terms.labels_everywhere(TAGGING),
                lambda: terms.labels_version(TAGGING)))
register(Source("gcm", {"gcm": ("gcm", one)}, _gcm_labels))
