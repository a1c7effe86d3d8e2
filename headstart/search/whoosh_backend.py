"""The embedded backend: a Whoosh index in ``HEADSTART_INDEX_DIR`` (default
``instance/index``).

Words arrive analysed (``search.analysis``), so the index only splits on spaces. Segments
are written uncompound (opening a searcher stays cheap) and one searcher per process is
kept and refreshed. Writers from several processes take turns on Whoosh's lock, retrying
with a short back-off instead of failing.

Whoosh writes and stores the index; searches read it through ``search.whoosh_arrays``
(postings as arrays kept per segment), which counts every facet over all matches and
ranks them without stepping through the matches in Python.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from collections import Counter
from contextlib import contextmanager
from datetime import datetime

import numpy as np
from whoosh import index, writing
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.formats import Positions
from whoosh.index import LockError
from whoosh.reading import ReaderClosed
from whoosh.system import pack_uint

from headstart.search import analysis, best_match, vocabulary
from headstart.search.base import (
    Hit,
    IndexUnavailable,
    SearchDocument,
    SearchRequest,
    SearchResult,
    filter_values,
    part_texts,
)
from headstart.search.query import CONCEPT_PREFIX, ParsedQuery, Word
from headstart.search.whoosh_arrays import SegmentArrays, Snapshot, ranked, top

logger = logging.getLogger(__name__)

#: (field prefix, boost): title words weigh most, then the summary, then the body.
PARTS = (("title", 3.0), ("summary", 2.0), ("body", 1.0))
#: Weight of a tag's concept token, as a word of the body.
CONCEPT_BOOST = 1.0
#: How long a writer waits for another process's lock before giving up.
LOCK_WAIT_SECONDS = 60.0
#: Errors Whoosh raises on a damaged index (a truncated segment gives a bare TypeError).
DAMAGE = (index.IndexError, OSError, EOFError, TypeError, ValueError, KeyError,
          AttributeError, ReaderClosed)
#: Pauses before reading again after such an error: another process may have replaced
#: segments between our reading of the table of contents and opening them (a merge
#: deletes the old files), which looks like damage but is gone a moment later. Only when
#: every retry fails is the index called corrupt (and rebuilt).
RETRY_DELAYS = (0.02, 0.1, 0.3)
#: Vocabulary answers (typo tolerance) kept per index generation before starting afresh.
VOCABULARY_ANSWERS_KEPT = 5000
#: Processes that analyse documents during a rebuild (``bulk``).
BULK_PROCESSES = min(2, os.cpu_count() or 1)
#: Megabytes of postings each of them sorts in memory before spilling runs to disk
#: (Whoosh's default, 128, spills and re-reads about half of a 10k rebuild).
BULK_POOL_MB = 384


class AnalysedText(TEXT):
    """A TEXT field whose value is already analysed: words separated by spaces.

    Indexing counts the words directly instead of running them through Whoosh's
    tokenizer one token object at a time (the same postings; half the writing time)."""

    def index(self, value, **kwargs):
        """``(word, frequency, weight, encoded value)`` for each distinct word."""
        fmt = self.format
        boost = fmt.field_boost
        if not isinstance(fmt, Positions):  # frequencies only: counted in C
            for word, count in Counter(value.split()).items():
                yield word.encode("utf-8"), count, count * boost, pack_uint(count)
            return
        places: dict[str, list[int]] = {}
        for position, word in enumerate(value.split()):
            found = places.get(word)
            if found is None:
                places[word] = [position]
            else:
                found.append(position)
        for word, positions in places.items():
            yield (word.encode("utf-8"), len(positions), len(positions) * boost,
                   fmt.encode(positions))


def _schema() -> Schema:
    words = SpaceSeparatedTokenizer()
    fields = {"key": ID(unique=True, stored=True), "area": ID(stored=True), "audience": ID,
              "language": ID, "published": NUMERIC(bits=64, signed=True, sortable=True)}
    for part, boost in PARTS:
        fields[f"{part}_exact"] = AnalysedText(analyzer=words, phrase=True, field_boost=boost)
        fields[f"{part}_stem"] = AnalysedText(analyzer=words, phrase=False, field_boost=boost)
    # Concept tokens of the tags (``search.vocabulary``), scored without length
    # normalisation (``whoosh_arrays.FLAT_FIELDS``): a tag is the whole record's.
    fields["concepts"] = AnalysedText(analyzer=words, phrase=False, field_boost=CONCEPT_BOOST)
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
        self._snapshot = None
        self._arrays = SegmentArrays()
        #: ``(snapshot, answers)``: vocabulary look-ups of the current generation.
        self._typos = None
        #: Whoosh's readers seek and read shared files: one search at a time per process.
        #: Held while a searcher is got and used, and while one is closed, so no thread
        #: ever reads through a searcher another thread has closed.
        self._read_lock = threading.RLock()

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
        with self._read_lock, self._lock:
            if self._searcher is not None:
                try:
                    self._searcher.close()
                except DAMAGE:
                    pass
            self._searcher = None
            self._snapshot = None
            self._typos = None
            self._index = None

    def _current_searcher(self):
        """The searcher of the newest generation; call with ``_read_lock`` held (the old
        one is closed here). Whoosh's errors pass through to ``_reading``."""
        with self._lock:
            ix = self._open()
            if self._searcher is None:
                self._searcher = ix.searcher()
            elif not self._searcher.up_to_date():
                # A fresh searcher, not refresh(): refresh() reuses segment readers and
                # misses deletions in an unchanged segment. Opening is cheap because
                # segments are written uncompound.
                self._searcher.close()
                self._searcher = None
                self._snapshot = None
                self._searcher = ix.searcher()
            return self._searcher

    def _current_snapshot(self) -> Snapshot:
        """The arrays of the current index generation (made when the index changed);
        call with ``_read_lock`` held."""
        searcher = self._current_searcher()
        with self._lock:
            snapshot = self._snapshot
            if snapshot is None or snapshot.searcher is not searcher:
                snapshot = Snapshot(searcher, self._arrays)
                self._snapshot = snapshot
            return snapshot

    def _reading(self, read):
        """``read()`` under the read lock, read again from a fresh searcher after an
        error that may be another process's merge (``RETRY_DELAYS``); a missing index,
        or an error that outlasts the retries, is ``IndexUnavailable``."""
        for delay in (*RETRY_DELAYS, None):
            try:
                with self._read_lock:
                    return read()
            except IndexUnavailable as error:
                if str(error) != "corrupt" or delay is None:
                    raise
                failure = _without_frames(error)
            except DAMAGE as error:
                failure = _without_frames(error)
            self._reset()
            if delay is None:
                break
            logger.info("search index: reading again after %r", failure)
            time.sleep(delay)
        raise IndexUnavailable("corrupt") from failure

    # --- writing -----------------------------------------------------------------------

    def _writer(self, **options):
        ix = self._open(create=True)
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        delay = 0.02
        while True:
            try:
                return ix.writer(compound=False, **options)
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

    @contextmanager
    def bulk(self):
        """Refill the whole index in one writer with several processes (a rebuild).

        Searches see the old documents until the block ends; then the new segments
        replace every old one at once. Changes written by others meanwhile wait for
        the lock, as with :meth:`batch`."""
        try:
            writer = self._writer(procs=BULK_PROCESSES, multisegment=True,
                                  limitmb=BULK_POOL_MB)
        except DAMAGE as error:
            self._reset()
            raise IndexUnavailable("corrupt") from error
        try:
            yield _WhooshBatch(writer, adding=True)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=writing.CLEAR)

    def update(self, documents: list[SearchDocument], deleted: list[str]) -> None:
        with self.batch() as batch:
            batch.update(documents, deleted)

    @staticmethod
    def fields(document: SearchDocument) -> dict:
        fields = {"key": document.key, "area": document.area, "audience": document.audience,
                  "language": document.language,
                  "published": _timestamp(document.published_at)}
        for part, _boost in PARTS:
            folded, stems = [], []
            for text, language in part_texts(document, part):
                words, stemmed = analysis.index_terms(text, language)
                folded += words
                stems += stemmed
            fields[f"{part}_exact"] = " ".join(folded)
            fields[f"{part}_stem"] = " ".join(stems)
        # The tags' concept tokens have their own field: matched like a stem, never read
        # as a word ("did you mean" and close spellings read the exact fields).
        fields["concepts"] = " ".join(vocabulary.document_tokens(document.facets))
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
    def _item_scores(snapshot: Snapshot, item):
        """Scores and matches of one word (its folded form and stems in every part, its
        concept tokens, and its close spellings with their lower weights) or phrase (in
        any part)."""
        scores = np.zeros(snapshot.size, dtype=np.float64)
        mask = np.zeros(snapshot.size, dtype=bool)
        concepts = item.concepts if isinstance(item, Word) else frozenset()
        for form in sorted(concepts):
            snapshot.term_scores("concepts", form, scores, mask)
        for part, _boost in PARTS:
            if isinstance(item, Word):
                snapshot.term_scores(f"{part}_exact", item.folded, scores, mask)
                for form in sorted(item.stems - concepts):
                    snapshot.term_scores(f"{part}_stem", form, scores, mask)
                for form, weight in item.fuzzy:
                    close = np.zeros(snapshot.size, dtype=np.float64)
                    if not form.startswith(CONCEPT_PREFIX):
                        snapshot.term_scores(f"{part}_exact", form, close, mask)
                    elif part == "body":  # a concept close to the word: once, not per part
                        snapshot.term_scores("concepts", form, close, mask)
                    scores += weight * close
            else:
                snapshot.phrase_scores(f"{part}_exact", tuple(item.words), scores, mask)
        return scores, mask

    def _clause_parts(self, snapshot: Snapshot, parsed: ParsedQuery):
        """For each clause: ``(clause, [(scores, mask) of each required item], mask of
        the documents an exclusion removes)``."""
        parts = []
        for clause in parsed.clauses:
            items = [self._item_scores(snapshot, item) for item in clause.required]
            excluded = np.zeros(snapshot.size, dtype=bool)
            for item in clause.excluded:
                excluded |= self._item_scores(snapshot, item)[1]
            parts.append((clause, items, excluded))
        return parts

    @staticmethod
    def _matches(snapshot: Snapshot, parts):
        """``(mask, scores)`` of the query: clauses are alternatives (scores add up over
        the clauses a document matches), items of a clause are all required."""
        matches = np.zeros(snapshot.size, dtype=bool)
        scores = np.zeros(snapshot.size, dtype=np.float64)
        for _clause, items, excluded in parts:
            clause_mask = snapshot.live & ~excluded
            clause_scores = np.zeros(snapshot.size, dtype=np.float64)
            for item_scores, item_mask in items:
                clause_mask &= item_mask
                clause_scores += item_scores
            matches |= clause_mask
            scores += np.where(clause_mask, clause_scores, 0.0)
        return matches, scores

    @staticmethod
    def _most_words(snapshot: Snapshot, parts, allowed, complete):
        """Best match (``search.best_match``): ``(documents holding most words but not
        all, their rank keys, their scores, the clause each was found through)``."""
        best = np.full(snapshot.size, -1.0)
        through = np.full(snapshot.size, -1, dtype=np.int16)
        scores = np.zeros(snapshot.size, dtype=np.float64)
        for number, (clause, items, excluded) in enumerate(parts):
            if not best_match.relaxable(clause):
                continue
            held = np.zeros(snapshot.size, dtype=np.int16)
            cost = np.zeros(snapshot.size, dtype=np.float64)
            clause_scores = np.zeros(snapshot.size, dtype=np.float64)
            known = 0
            for position in best_match.counted(clause):
                item_scores, item_mask = items[position]
                frequency = int(np.count_nonzero(item_mask & allowed))
                if not frequency:
                    continue
                known += 1
                held += item_mask
                cost += item_mask * best_match.rarity(frequency)
                clause_scores += item_scores
            if not known:
                continue
            keys = best_match.key(held, cost)
            better = (allowed & ~excluded & (held >= best_match.minimum(known))
                      & (keys > best))
            best[better] = keys[better]
            through[better] = number
            scores[better] = clause_scores[better]
        return (best >= 0) & ~complete, best, scores, through

    @staticmethod
    def _allowed(snapshot: Snapshot, request: SearchRequest):
        """Documents the request's audiences, area and facet filters allow."""
        allowed = np.zeros(snapshot.size, dtype=bool)
        for audience in request.audiences:
            allowed |= snapshot.term_mask("audience", audience)
        allowed &= snapshot.live
        if request.area:
            allowed &= snapshot.term_mask("area", request.area)
        for name, value in request.filters.items():
            for one in filter_values(value):
                allowed &= snapshot.term_mask(f"f_{name}", one)
        return allowed

    def search(self, request: SearchRequest) -> SearchResult:
        return self._reading(lambda: self._search(self._current_snapshot(), request))

    def _search(self, snapshot: Snapshot, request: SearchRequest) -> SearchResult:
        if not snapshot.size:
            return SearchResult(0, [], {name: [] for name in request.facets}, complete=0)
        query = request.query
        allowed = self._allowed(snapshot, request)
        parts = []
        if query.empty:
            matches, scores = snapshot.live & allowed, None
        else:
            parts = self._clause_parts(snapshot, query)
            matches, scores = self._matches(snapshot, parts)
            matches &= allowed
        complete = int(np.count_nonzero(matches))
        relaxed = None
        if best_match.applies(query, all_words=request.all_words, complete=complete,
                              per_page=request.per_page):
            relaxed, keys, relaxed_scores, through = self._most_words(
                snapshot, parts, allowed, matches)
        shown = matches if relaxed is None else matches | relaxed
        total = complete if relaxed is None else int(np.count_nonzero(shown))
        facets = {}
        if request.facets:
            # Counts with neither words nor filters are the same for every such search.
            key = (request.area, tuple(sorted(request.audiences)), request.facets)
            unfiltered = query.empty and not request.filters
            cached = snapshot.unfiltered.get(key) if unfiltered else None
            if cached is None:
                cached = {name: snapshot.facet_counts(name, shown) for name in request.facets}
                if unfiltered:
                    snapshot.unfiltered[key] = cached
            facets = {name: list(counts) for name, counts in cached.items()}
        end = request.page * request.per_page
        start = end - request.per_page
        hits = []
        searcher = snapshot.searcher
        newest = scores is None or request.sort == "newest"
        if complete > start and end > 0:
            chosen = top(matches, snapshot.published() if newest else scores, end)[start:]
            for docnum in chosen:
                score = float(scores[docnum]) if scores is not None else 0.0
                hits.append(_hit(searcher, docnum, score))
        if relaxed is not None and total > start and end > complete:
            # Documents with most words follow those with all, ranked on their own.
            ranking = ((snapshot.published(),) if newest
                       else (keys, relaxed_scores))
            chosen = ranked(relaxed, ranking, end - complete)[max(0, start - complete):]
            for docnum in chosen:
                clause, items, _excluded = parts[through[docnum]]
                missing = tuple(best_match.label(clause.required[position])
                                for position in best_match.counted(clause)
                                if not items[position][1][docnum])
                hits.append(_hit(searcher, docnum, float(relaxed_scores[docnum]), missing))
        return SearchResult(total, hits, facets, relaxed=relaxed is not None,
                            complete=complete)

    def vocabulary_near(self, word: str) -> list[tuple[str, int]]:
        def read():
            reader = self._current_searcher().reader()
            found: dict[str, int] = {}
            for part, _b in PARTS:
                field = f"{part}_exact"
                for candidate in reader.terms_within(field, word, 2, prefix=1):
                    found[candidate] = found.get(candidate, 0) + reader.doc_frequency(
                        field, candidate)
            return found

        found = self._reading(read)
        return sorted(found.items(), key=lambda pair: -pair[1])

    # --- the words of the documents a reader may read (typo tolerance) ----------------

    def _vocabulary_cache(self, snapshot: Snapshot) -> dict:
        """Answers about the vocabulary, kept for one index generation."""
        with self._lock:
            if (self._typos is None or self._typos[0] is not snapshot
                    or len(self._typos[1]) > VOCABULARY_ANSWERS_KEPT):
                self._typos = (snapshot, {})
            return self._typos[1]

    @staticmethod
    def _readable(snapshot: Snapshot, audiences: tuple[str, ...]) -> np.ndarray:
        allowed = np.zeros(snapshot.size, dtype=bool)
        for audience in audiences:
            allowed |= snapshot.term_mask("audience", audience)
        return allowed & snapshot.live

    @staticmethod
    def _holding(snapshot: Snapshot, terms: list[tuple[str, str]]) -> np.ndarray:
        """Documents holding any of ``(field, term)``."""
        found = np.zeros(snapshot.size, dtype=bool)
        for field, term in terms:
            for segid, reader, offset, _count in snapshot.leaves:
                ids, _w = snapshot.arrays.postings(segid, reader, field, term)
                found[offset + ids] = True
        return found

    def holds(self, word: Word, audiences: tuple[str, ...]) -> bool:
        """Whether a document of ``audiences`` holds ``word`` (folded or a stem)."""
        def read():
            snapshot = self._current_snapshot()
            cache = self._vocabulary_cache(snapshot)
            key = ("holds", word.folded, word.stems, audiences)
            if key not in cache:
                concepts = word.concepts
                terms = [(f"{part}_{kind}", form) for part, _b in PARTS
                         for kind, forms in (("exact", [word.folded]),
                                             ("stem", word.stems - concepts))
                         for form in forms] + [("concepts", c) for c in concepts]
                cache[key] = bool(np.any(self._holding(snapshot, terms)
                                         & self._readable(snapshot, audiences)))
            return cache[key]

        return self._reading(read)

    def spellings_near(self, word: str, distance: int,
                       audiences: tuple[str, ...]) -> list[tuple[str, int, int]]:
        """Folded words of documents of ``audiences`` at most ``distance`` edits from
        ``word`` with its first letter: ``(word, edits, documents of audiences)``."""
        def read():
            snapshot = self._current_snapshot()
            cache = self._vocabulary_cache(snapshot)
            key = ("near", word, distance, audiences)
            if key in cache:
                return cache[key]
            reader = snapshot.searcher.reader()
            candidates: set[str] = set()
            for part, _b in PARTS:
                # Whoosh counts swapped neighbours as two edits: ask one more, then measure.
                candidates.update(reader.terms_within(f"{part}_exact", word, distance + 1,
                                                      prefix=1))
            readable = self._readable(snapshot, audiences)
            found = []
            for candidate in sorted(candidates):
                edits = analysis.edit_distance(candidate, word, distance)
                if edits > distance or candidate == word:
                    continue
                holding = self._holding(snapshot, [(f"{part}_exact", candidate)
                                                   for part, _b in PARTS])
                count = int(np.count_nonzero(holding & readable))
                if count:
                    found.append((candidate, edits, count))
            cache[key] = found
            return found

        return self._reading(read)

    def keys(self) -> set[str]:
        """Keys of every document in the index."""
        return self._reading(lambda: {fields["key"] for fields in
                                      self._current_searcher().reader().all_stored_fields()})

    def generation(self) -> int | None:
        """The newest committed generation of the index (None: missing or damaged)."""
        try:
            found = self._open().latest_generation()
        except (IndexUnavailable, *DAMAGE):
            return None
        return found if found >= 0 else None

    def status(self) -> dict:
        try:
            if not os.path.isdir(self.directory) or not index.exists_in(self.directory):
                return {"status": "missing", "documents": 0}
            with index.open_dir(self.directory).searcher() as searcher:
                return {"status": "ok", "documents": searcher.doc_count()}
        except DAMAGE:
            return {"status": "corrupt", "documents": 0}


def _hit(searcher, docnum: int, score: float, missing: tuple[str, ...] = ()) -> Hit:
    key = searcher.stored_fields(docnum)["key"]
    area, _sep, object_id = key.partition(":")
    return Hit(key, area, int(object_id), score, missing)


def _without_frames(error: BaseException) -> BaseException:
    """``error`` and the errors behind it without their tracebacks: their frames hold the
    files Whoosh left open when it failed, which are then closed now rather than whenever
    the garbage collector finds the cycle (possibly in another request)."""
    seen, visited = error, set()
    while seen is not None and id(seen) not in visited:
        visited.add(id(seen))
        seen.__traceback__ = None
        seen = seen.__cause__ or seen.__context__
    return error


class _WhooshBatch:
    """Changes within one held writer (``adding``: into an index being refilled, where
    no document can be there already)."""

    def __init__(self, writer, adding: bool = False):
        self.writer = writer
        self.adding = adding

    def update(self, documents: list[SearchDocument], deleted: list[str]) -> None:
        for key in deleted:
            self.writer.delete_by_term("key", key)
        write = self.writer.add_document if self.adding else self.writer.update_document
        for document in documents:
            write(**WhooshBackend.fields(document))
