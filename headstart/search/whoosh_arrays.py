"""Fast reading of a Whoosh index: postings as numpy arrays, kept per segment.

Whoosh answers a query by stepping through every matching document in Python, and counts
facets by sorting every match (``groupedby``); both grow with the number of matches. Here
the postings a search needs are read once per *segment* into arrays (document numbers and
weights) and kept while the segment exists; segments never change once written (only
their deletions do, and those are applied per searcher), so a commit of one document
leaves the arrays of the big segments in place. A search then works on dense arrays the
size of the index:

- which documents match: boolean masks combined with ``&``, ``|`` and ``~``;
- how well: BM25F, the formula Whoosh uses (same idf, average lengths, B and K1), summed
  over the matching terms as Whoosh's ``Or`` and ``And`` do;
- facet counts: one ``bincount`` per facet over the (document, value) pairs of the facet,
  masked by the matches;
- the asked page: ``argpartition`` on the scores (or on the publication time).

Phrases need word positions: the documents holding every word of the phrase are checked
once per segment and the result (documents and how often the phrase occurs) is kept
like a term's postings.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

#: Postings kept in memory per process (document numbers and weights: 8 bytes each).
#: The postings of the facet and filter fields are a small part of this.
CACHE_POSTINGS = 8_000_000
#: BM25F's free parameters, as Whoosh's default weighting has them.
B, K1 = BM25F().B, BM25F().K1
#: Fields scored without BM25's length normalisation (B = 0): the tags' concept tokens,
#: which belong to the whole record however long its text (PostgreSQL's ``ts_rank``
#: does not normalise by length either).
FLAT_FIELDS = frozenset({"concepts"})

_EMPTY = (np.zeros(0, np.int32), np.zeros(0, np.float32))
_LENGTHS = np.array([byte_to_length(b) or 0 for b in range(256)], dtype=np.float32)


def _raw_matcher(reader, field: str, term: str):
    """The postings of one term of a segment, deleted documents included (the searcher's
    live mask removes them), or None when the segment lacks the term."""
    if (field, term) not in reader:
        return None
    matcher = reader.postings(field, term)
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    return matcher


def _read_postings(reader, field: str, term: str, values: bool = False):
    """``(docnums, weights[, values])`` of a term in one segment."""
    matcher = _raw_matcher(reader, field, term)
    if matcher is None:
        return (*_EMPTY, []) if values else _EMPTY
    ids, weights, raw = [], [], []
    if isinstance(matcher, W3LeafMatcher):
        # Whole blocks at a time (Whoosh's own matcher steps one posting at a time).
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.append(np.asarray(matcher._ids, dtype=np.int32))
            weights.append(np.asarray(matcher._weights, dtype=np.float32))
            if values:
                matcher._read_values()
                raw.extend(matcher._values)
            matcher._next_block()
        ids_array = np.concatenate(ids) if ids else _EMPTY[0]
        weights_array = np.concatenate(weights) if weights else _EMPTY[1]
    else:  # another codec: the slow, public way
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            if values:
                raw.append(matcher.value())
            matcher.next()
        ids_array = np.asarray(ids, dtype=np.int32)
        weights_array = np.asarray(weights, dtype=np.float32)
    return (ids_array, weights_array, raw) if values else (ids_array, weights_array)


def _phrase_counts(reader, field: str, words: tuple[str, ...]):
    """``(docnums, occurrences)`` of a phrase in one segment."""
    postings = [_read_postings(reader, field, word, values=True) for word in words]
    if any(len(ids) == 0 for ids, _w, _v in postings):
        return _EMPTY
    common = postings[0][0]
    for ids, _w, _v in postings[1:]:
        common = np.intersect1d(common, ids, assume_unique=True)
    if len(common) == 0:
        return _EMPTY
    decode = reader.schema[field].format.decode_positions
    position_sets = []
    for ids, _w, raw in postings:
        where = np.searchsorted(ids, common)
        position_sets.append([raw[i] for i in where.tolist()])
    found, counts = [], []
    for row, docnum in enumerate(common.tolist()):
        first = decode(position_sets[0][row])
        later = [set(decode(sets[row])) for sets in position_sets[1:]]
        n = sum(1 for p in first
                if all(p + k in positions for k, positions in enumerate(later, 1)))
        if n:
            found.append(docnum)
            counts.append(n)
    boost = reader.schema[field].format.field_boost
    return (np.asarray(found, dtype=np.int32),
            np.asarray(counts, dtype=np.float32) * np.float32(boost))


class SegmentArrays:
    """Arrays read from the segments of one index, kept while each segment exists.

    Keys start with the segment's id; entries of segments that were merged away are
    dropped when a searcher without them is opened (:meth:`keep_only`)."""

    def __init__(self, limit: int = CACHE_POSTINGS):
        self.limit = limit
        self._entries: OrderedDict[tuple, tuple] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def _get(self, key, compute, size):
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found[0]
        value = compute()
        with self._lock:
            if key not in self._entries:
                weight = size(value)
                self._entries[key] = (value, weight)
                self._size += weight
                while self._size > self.limit and len(self._entries) > 1:
                    _key, (_value, dropped) = self._entries.popitem(last=False)
                    self._size -= dropped
        return value

    def keep_only(self, segment_ids: set[str]) -> None:
        """Forget the arrays of segments no longer in the index."""
        with self._lock:
            for key in [k for k in self._entries if k[0] not in segment_ids]:
                self._size -= self._entries.pop(key)[1]

    def postings(self, segid: str, reader, field: str, term: str):
        """``(docnums, weights)`` of a term in one segment."""
        return self._get((segid, "t", field, term),
                         lambda: _read_postings(reader, field, term), _first_length)

    def phrase(self, segid: str, reader, field: str, words: tuple[str, ...]):
        """``(docnums, weights)`` of a phrase in one segment."""
        return self._get((segid, "p", field, words),
                         lambda: _phrase_counts(reader, field, words), _first_length)

    def lengths(self, segid: str, reader, field: str):
        """Each document's length of ``field`` (as Whoosh stores it, one byte)."""
        return self._get((segid, "l", field), lambda: _field_lengths(reader, field), len)

    def published(self, segid: str, reader):
        return self._get((segid, "c", "published"), lambda: _published(reader), len)

    def facet(self, segid: str, reader, field: str):
        """``(values, docnums, value index)`` of a facet field in one segment."""
        return self._get((segid, "f", field), lambda: _facet_pairs(reader, field),
                         lambda entry: len(entry[1]))


def _first_length(entry) -> int:
    return len(entry[0])


def _field_lengths(reader, field: str):
    count = reader.doc_count_all()
    try:  # the lengths column, read as bytes at once
        perdoc = reader._perdoc
        column = perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN)
        if column is None:
            return np.zeros(count, dtype=np.float32)
        raw = column._dbfile.get(column._basepos, column._count)
        codes = np.zeros(count, dtype=np.uint8)
        codes[:len(raw)] = np.frombuffer(raw, dtype=np.uint8)[:count]
        return _LENGTHS[codes]
    except AttributeError:  # another codec
        return np.asarray([reader.doc_field_length(d, field) or 0 for d in range(count)],
                          dtype=np.float32)


def _published(reader):
    column = reader.column_reader("published", translate=True)
    return np.fromiter((column[d] for d in range(reader.doc_count_all())), dtype=np.int64,
                       count=reader.doc_count_all())


def _facet_pairs(reader, field: str):
    nothing = ([], np.zeros(0, np.int32), np.zeros(0, np.int32))
    if field not in reader.schema:
        return nothing
    values, ids, index = [], [], []
    for raw in reader.lexicon(field):
        term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        docnums, _weights = _read_postings(reader, field, term)
        index.append(np.full(len(docnums), len(values), dtype=np.int32))
        values.append(term)
        ids.append(docnums)
    if not values:
        return nothing
    return values, np.concatenate(ids), np.concatenate(index)


class Snapshot:
    """One generation of the index as arrays: built when a searcher is opened, used by
    every search until the index changes."""

    def __init__(self, searcher, arrays: SegmentArrays):
        self.searcher = searcher
        self.arrays = arrays
        self.size = searcher.doc_count_all()
        self.leaves = []  # (segment id, reader, offset, document count)
        self.live = np.ones(self.size, dtype=bool)
        if self.size:
            for leaf, offset in searcher.leaf_searchers():
                reader = leaf.reader()
                count = reader.doc_count_all()
                segid = reader.segment().segment_id()
                self.leaves.append((segid, reader, offset, count))
                if reader.has_deletions():
                    deleted = np.fromiter(reader.deleted_docs_set, dtype=np.int64)
                    self.live[offset + deleted] = False
        arrays.keep_only({segid for segid, *_rest in self.leaves})
        self._lock = threading.Lock()
        self._masks: dict[tuple[str, str], np.ndarray] = {}
        self._facets: dict[str, tuple] = {}
        self._lengths: dict[str, float] = {}
        self._published = None
        #: Facet counts of the searches with neither words nor filters.
        self.unfiltered: dict[tuple, dict] = {}

    # --- sets of documents --------------------------------------------------------------

    def term_mask(self, field: str, term: str) -> np.ndarray:
        """Documents holding ``term`` (filters: kept for the snapshot's life)."""
        key = (field, term)
        found = self._masks.get(key)
        if found is None:
            found = np.zeros(self.size, dtype=bool)
            for segid, reader, offset, _count in self.leaves:
                ids, _w = self.arrays.postings(segid, reader, field, term)
                found[offset + ids] = True
            with self._lock:
                if len(self._masks) > 2000:
                    self._masks.clear()
                self._masks[key] = found
        return found

    def facet_counts(self, name: str, matches: np.ndarray) -> list[tuple[str, int]]:
        """``[(value, count)]`` of facet ``name`` over ``matches``, most frequent first."""
        field = f"f_{name}"
        found = self._facets.get(field)
        if found is None:
            position: dict[str, int] = {}
            docnums, index = [], []
            for segid, reader, offset, _count in self.leaves:
                values, ids, local = self.arrays.facet(segid, reader, field)
                remap = np.asarray([position.setdefault(v, len(position)) for v in values],
                                   dtype=np.int32)
                docnums.append(ids.astype(np.int64) + offset)
                index.append(remap[local] if len(values) else local)
            found = (list(position), np.concatenate(docnums) if docnums else _EMPTY[0],
                     np.concatenate(index) if index else _EMPTY[0])
            self._facets[field] = found
        values, docnums, index = found
        if not values:
            return []
        counts = np.bincount(index[matches[docnums]], minlength=len(values))
        pairs = [(values[i], int(counts[i])) for i in np.flatnonzero(counts).tolist()]
        return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))

    # --- scores -------------------------------------------------------------------------

    def _average_length(self, field: str) -> float:
        found = self._lengths.get(field)
        if found is None:
            found = self.searcher.avg_field_length(field) or 1.0
            self._lengths[field] = found
        return found

    def _add_scores(self, field, per_leaf, document_frequency, scores, mask) -> None:
        """Add BM25F scores of one term (or phrase) given its postings in each leaf."""
        if not document_frequency:
            return
        idf = np.log(self.size / (document_frequency + 1)) + 1
        average = self._average_length(field)
        b = 0.0 if field in FLAT_FIELDS else B
        for (segid, reader, offset, count), (ids, weights) in zip(
                self.leaves, per_leaf, strict=True):
            if not len(ids):
                continue
            lengths = self.arrays.lengths(segid, reader, field)[ids]
            part = idf * ((weights * (K1 + 1))
                          / (weights + K1 * ((1 - b) + b * lengths / average)))
            scores[offset:offset + count][ids] += part
            mask[offset:offset + count][ids] = True

    def term_scores(self, field: str, term: str, scores, mask) -> None:
        """Add ``term``'s scores to ``scores`` and its documents to ``mask``."""
        per_leaf = [self.arrays.postings(segid, reader, field, term)
                    for segid, reader, _o, _c in self.leaves]
        frequency = sum(len(ids) for ids, _w in per_leaf)
        self._add_scores(field, per_leaf, frequency, scores, mask)

    def phrase_scores(self, field: str, words: tuple[str, ...], scores, mask) -> None:
        """The same for a phrase: scored like a term as frequent as the phrase."""
        per_leaf = [self.arrays.phrase(segid, reader, field, words)
                    for segid, reader, _o, _c in self.leaves]
        frequency = sum(len(ids) for ids, _w in per_leaf)
        self._add_scores(field, per_leaf, frequency, scores, mask)

    def published(self) -> np.ndarray:
        if self._published is None:
            parts = [self.arrays.published(segid, reader)
                     for segid, reader, _o, _c in self.leaves]
            self._published = (np.concatenate(parts) if parts
                               else np.zeros(0, dtype=np.int64))
        return self._published


def top(matches: np.ndarray, keys: np.ndarray, count: int) -> list[int]:
    """The ``count`` matching document numbers with the highest ``keys`` (ties: lower
    document number first)."""
    candidates = np.flatnonzero(matches)
    if len(candidates) > count:
        values = keys[candidates]
        cut = len(values) - count
        threshold = np.partition(values, cut)[cut]  # the count-th highest key
        above = candidates[values > threshold]
        tied = candidates[values == threshold][:count - len(above)]
        candidates = np.concatenate([above, tied])
    order = np.lexsort((candidates, -keys[candidates]))
    return candidates[order].tolist()


def ranked(matches: np.ndarray, keys: tuple[np.ndarray, ...], count: int) -> list[int]:
    """The first ``count`` matching document numbers ordered by ``keys`` (the first key
    decides, the next ones break its ties; all highest first; then lower document number
    first)."""
    candidates = np.flatnonzero(matches)
    if count <= 0 or not len(candidates):
        return []
    primary = keys[0][candidates]
    if len(candidates) > count:
        # Only candidates whose first key reaches the count-th highest can be chosen.
        cut = len(primary) - count
        threshold = np.partition(primary, cut)[cut]
        keep = primary >= threshold
        candidates, primary = candidates[keep], primary[keep]
    order = np.lexsort((candidates, *(-k[candidates] for k in reversed(keys[1:])),
                        -primary))
    return candidates[order][:count].tolist()
