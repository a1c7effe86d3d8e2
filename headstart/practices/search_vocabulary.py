"""The practices' vocabularies in search (``headstart.search.vocabulary``): a query word
of a label of a phase, theme or target group, in any interface language, finds the
records tagged with it (events carry themes too). GCM objectives are not among them: their
labels are sentences ("Provide accurate and timely information at all stages of
migration"), so each of their words would find every record filed under the objective
("information", "workers", "data" would match a third of the repository); the GCM facet
finds them. The labels are the ones pages show, the admins' own from ``taxonomy_terms``
included, so relabelling a term changes what its words find, in every process
(``terms.labels_version``)."""

from __future__ import annotations

from headstart.practices import terms
from headstart.search.vocabulary import Source, one, register

#: The managed vocabularies that tag records, each the facet of the same name.
TAGGING = ("phase", "theme", "target")

register(Source("practice terms", {name: (name, one) for name in TAGGING},
                lambda: terms.labels_everywhere(TAGGING),
                lambda: terms.labels_version(TAGGING)))
