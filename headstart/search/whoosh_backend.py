"""The embedded backend: a Whoosh index in ``HEADSTART_INDEX_DIR`` (default
``instance/index``).

Words arrive analysed (``search.analysis``), so the index only splits on spaces. Segments
are written uncompound (opening a searcher stays cheap) and one searcher per process is
kept and refreshed. Writers from several processes take turns on Whoosh's lock, retrying
with a short back-off instead of failing.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from contextlib import contextmanager
from datetime import datetime

from whoosh import index, sorting
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.index import LockError
from whoosh.query import And, AndNot, Every, Or, Phrase, Term

from headstart.search import analysis
from headstart.search.base import (
    Hit,
    IndexUnavailable,
    SearchDocument,
    SearchRequest,
    SearchResult,
)
from headstart.search.query import ParsedQuery, Word

logger = logging.getLogger(__name__)

#: (field prefix, boost): title words weigh most, then the summary, then the body.
PARTS = (("title", 3.0), ("summary", 2.0), ("body", 1.0))
#: How long a writer waits for another process's lock before giving up.
LOCK_WAIT_SECONDS = 60.0
#: Errors Whoosh raises on a damaged index (a truncated segment gives a bare TypeError).
DAMAGE = (index.IndexError, OSError, EOFError, TypeError, ValueError, KeyError,
          AttributeError)


def _schema() -> Schema:
    words = SpaceSeparatedTokenizer()
    fields = {"key": ID(unique=True, stored=True), "area": ID(stored=True), "audience": ID,
              "language": ID, "published": NUMERIC(bits=64, signed=True, sortable=True)}
    for part, boost in PARTS:
        fields[f"{part}_exact"] = TEXT(analyzer=words, phrase=True, field_boost=boost)
        fields[f"{part}_stem"] = TEXT(analyzer=words, phrase=False, field_boost=boost)
    schema = Schema(**fields)
    schema.add("f_*", KEYWORD(commas=True, lowercase=False, scorable=False), glob=True)
    return schema


def _timestamp(moment: datetime | None) -> int:
    """Microseconds since the epoch (seconds would tie records published together)."""
    return int(moment.timestamp() * 1_000_000) if moment else 0


class WhooshBackend:
    """Search over a Whoosh index in one directory."""

    name = "whoosh"

    def __init__(self, directory: str):
        self.directory = directory
        self._lock = threading.Lock()
        self._index = None
        self._searcher = None

    # --- opening -----------------------------------------------------------------------

    def _open(self, create: bool = False):
        if self._index is not None:
            return self._index
        try:
            if index.exists_in(self.directory):
                self._index = index.open_dir(self.directory)
            elif create:
                os.makedirs(self.directory, exist_ok=True)
                self._index = index.create_in(self.directory, _schema())
            else:
                raise IndexUnavailable("missing")
        except DAMAGE as error:
            raise IndexUnavailable("corrupt") from error
        return self._index

    def _reset(self) -> None:
        """Forget the open index and close the searcher (after damage or a rebuild)."""
        with self._lock:
            if self._searcher is not None:
                try:
                    self._searcher.close()
                except DAMAGE:
                    pass
            self._searcher = None
            self._index = None

    def _current_searcher(self):
        with self._lock:
            ix = self._open()
            try:
                if self._searcher is None:
                    self._searcher = ix.searcher()
                elif not self._searcher.up_to_date():
                    # A fresh searcher, not refresh(): refresh() reuses segment readers
                    # and misses deletions in an unchanged segment. Opening is cheap
                    # because segments are written uncompound.
                    self._searcher.close()
                    self._searcher = None
                    self._searcher = ix.searcher()
            except DAMAGE as error:
                self._searcher = None
                self._index = None
                raise IndexUnavailable("corrupt") from error
            return self._searcher

    # --- writing -----------------------------------------------------------------------

    def _writer(self):
        ix = self._open(create=True)
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        delay = 0.02
        while True:
            try:
                return ix.writer(compound=False)
            except LockError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(delay + random.random() * delay)  # noqa: S311 (jitter, not crypto)
                delay = min(delay * 2, 0.5)

    @contextmanager
    def batch(self):
        """Hold the index's write lock (waiting for other processes) for one batch of
        changes, committed together when the block ends."""
        try:
            writer = self._writer()
        except DAMAGE as error:
            self._reset()
            raise IndexUnavailable("corrupt") from error
        try:
            yield _WhooshBatch(writer)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=True)

    def update(self, documents: list[SearchDocument], deleted: list[str]) -> None:
        with self.batch() as batch:
            batch.update(documents, deleted)

    @staticmethod
    def fields(document: SearchDocument) -> dict:
        fields = {"key": document.key, "area": document.area, "audience": document.audience,
                  "language": document.language,
                  "published": _timestamp(document.published_at)}
        for part, _boost in PARTS:
            folded, stems = analysis.index_terms(getattr(document, part), document.language)
            fields[f"{part}_exact"] = " ".join(folded)
            fields[f"{part}_stem"] = " ".join(stems)
        for name, values in document.facets.items():
            clean = [str(v).replace(",", " ") for v in values if str(v)]
            if clean:
                fields[f"f_{name}"] = ",".join(dict.fromkeys(clean))
        return fields

    def clear(self) -> None:
        """Start an empty index (the rebuild fills it)."""
        self._reset()
        os.makedirs(self.directory, exist_ok=True)
        index.create_in(self.directory, _schema())
        self._reset()

    # --- reading -----------------------------------------------------------------------

    @staticmethod
    def _item_query(item):
        if isinstance(item, Word):
            terms = [Term(f"{part}_exact", item.folded) for part, _b in PARTS]
            terms += [Term(f"{part}_stem", form) for part, _b in PARTS for form in item.stems]
            return Or(terms)
        return Or([Phrase(f"{part}_exact", list(item.words)) for part, _b in PARTS])

    def _query(self, parsed: ParsedQuery):
        if parsed.empty:
            return Every()
        alternatives = []
        for clause in parsed.clauses:
            required = [self._item_query(item) for item in clause.required]
            positive = And(required) if required else Every()
            if clause.excluded:
                positive = AndNot(positive, Or([self._item_query(i) for i in clause.excluded]))
            alternatives.append(positive)
        return Or(alternatives) if len(alternatives) > 1 else alternatives[0]

    @staticmethod
    def _filter(request: SearchRequest):
        parts = [Or([Term("audience", a) for a in request.audiences])]
        if request.area:
            parts.append(Term("area", request.area))
        for name, value in request.filters.items():
            parts.append(Term(f"f_{name}", str(value)))
        return And(parts)

    def search(self, request: SearchRequest) -> SearchResult:
        searcher = self._current_searcher()
        query = self._query(request.query)
        groups = {name: sorting.FieldFacet(f"f_{name}", allow_overlap=True)
                  for name in request.facets}
        end = request.page * request.per_page
        options = {"filter": self._filter(request), "limit": max(end, 1)}
        if groups:
            options["groupedby"] = groups
        if request.sort == "newest" or request.query.empty:
            options["sortedby"] = sorting.FieldFacet("published", reverse=True)
        try:
            results = searcher.search(query, **options)
            total = len(results)
            page = results[end - request.per_page:end]
            hits = []
            for hit in page:
                key = hit["key"]
                area, _sep, object_id = key.partition(":")
                hits.append(Hit(key, area, int(object_id), float(hit.score or 0.0)))
            facets = {}
            for name in request.facets:
                counts = [(str(value), len(docs)) for value, docs in results.groups(name).items()
                          if value is not None]
                facets[name] = sorted(counts, key=lambda pair: (-pair[1], pair[0]))
        except DAMAGE as error:
            self._reset()
            raise IndexUnavailable("corrupt") from error
        return SearchResult(total, hits, facets)

    def vocabulary_near(self, word: str) -> list[tuple[str, int]]:
        searcher = self._current_searcher()
        reader = searcher.reader()
        found: dict[str, int] = {}
        try:
            for part, _b in PARTS:
                field = f"{part}_exact"
                for candidate in reader.terms_within(field, word, 2, prefix=1):
                    found[candidate] = found.get(candidate, 0) + reader.doc_frequency(
                        field, candidate)
        except DAMAGE as error:
            self._reset()
            raise IndexUnavailable("corrupt") from error
        return sorted(found.items(), key=lambda pair: -pair[1])

    def status(self) -> dict:
        try:
            if not os.path.isdir(self.directory) or not index.exists_in(self.directory):
                return {"status": "missing", "documents": 0}
            with index.open_dir(self.directory).searcher() as searcher:
                return {"status": "ok", "documents": searcher.doc_count()}
        except DAMAGE:
            return {"status": "corrupt", "documents": 0}


class _WhooshBatch:
    """Changes within one held writer."""

    def __init__(self, writer):
        self.writer = writer

    def update(self, documents: list[SearchDocument], deleted: list[str]) -> None:
        for key in deleted:
            self.writer.delete_by_term("key", key)
        for document in documents:
            self.writer.update_document(**WhooshBackend.fields(document))
