"""The shared backend: PostgreSQL full-text search in the portal's own database, for several
app hosts (``HEADSTART_SEARCH_BACKEND=postgres``).

Documents are stored as tsvectors built from the words ``search.analysis`` produced
(folded words and prefixed stems, with positions and weights A/B/D for title, summary and
body), so PostgreSQL finds exactly what the Whoosh backend finds; ranking is ``ts_rank``.
Facet values live in ``search_facets`` and are counted with one grouped query.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

from sqlalchemy import Float, and_, bindparam, case, delete, false, func, insert, not_, or_, select
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR
from sqlalchemy.dialects.postgresql import insert as pg_insert

from headstart.core import page_cache
from headstart.extensions import db
from headstart.search import analysis, best_match, vocabulary
from headstart.search.base import (
    Hit,
    SearchDocument,
    SearchRequest,
    SearchResult,
    filter_values,
    part_texts,
)
from headstart.search.models import SearchDocumentRow, SearchFacet, SearchWord
from headstart.search.query import ParsedQuery, Word

logger = logging.getLogger(__name__)

#: Weight letter of each part and where its positions start (so phrases never span parts).
PARTS = (("title", "A", 1), ("summary", "B", 200), ("body", "D", 1000))
MAX_POSITION = 16383
#: Close words of the vocabulary counted in a reader's documents, per misspelt word.
NEAR_CHECKED = 20
#: Advisory lock held while a batch of index changes is written.
LOCK_KEY = 7_406_217


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(document: SearchDocument) -> tuple[str, set[str]]:
    """The document's words as a tsvector literal (``'word':1A,7A '~stem':1A …``, its
    concept tokens ``'#country:md':16383D``, one position per facet naming it), and its
    folded words (for the vocabulary)."""
    positions: dict[str, list[str]] = {}
    words: set[str] = set()
    for part, weight, offset in PARTS:
        position = offset
        for text, language in part_texts(document, part):
            folded, stems = analysis.index_terms(text, language)
            words.update(folded)
            for index, word in enumerate(folded):
                place = f"{min(position + index, MAX_POSITION)}{weight}"
                positions.setdefault(word, []).append(place)
                if stems:
                    positions.setdefault(stems[index], []).append(place)
            # A gap between language versions, so no phrase spans two of them.
            position += len(folded) + 2
    # The tags' concept tokens, at the last positions (weight D, as the body): matched
    # like a stem; left out of the words (the vocabulary table "did you mean" reads).
    for number, concept in enumerate(vocabulary.document_tokens(document.facets)):
        positions.setdefault(concept, []).append(f"{MAX_POSITION - number}D")
    literal = " ".join(f"{_lexeme(word)}:{','.join(places[:256])}"
                       for word, places in positions.items())
    return literal, words


def _item(item) -> str:
    if isinstance(item, Word):
        forms = [item.folded, *sorted(item.stems), *(form for form, _w in item.fuzzy)]
        return "(" + " | ".join(_lexeme(f) for f in forms) + ")"
    return "(" + " <-> ".join(_lexeme(w) for w in item.words) + ")"


def _fuzzy_weight(tsv, parsed: ParsedQuery):
    """A factor on ``ts_rank`` for the close spellings of misspelt words: the weight of
    the closest one a document holds (1 for a document holding none, found through
    another alternative of the query), so a close spelling ranks below an exact word."""
    factor = None
    for clause in parsed.clauses:
        for item in clause.required:
            if not isinstance(item, Word) or not item.fuzzy:
                continue
            weight = case(*[(tsv.op("@@")(func.cast(_lexeme(form), TSQUERY)), w)
                            for form, w in sorted(item.fuzzy, key=lambda f: -f[1])],
                          else_=1.0)
            factor = weight if factor is None else factor * weight
    return factor


def tsquery_literal(parsed: ParsedQuery) -> str | None:
    """The parsed query as a tsquery literal, None for "everything"."""
    if parsed.empty:
        return None
    clauses = []
    for clause in parsed.clauses:
        parts = [_item(i) for i in clause.required]
        parts += ["!" + _item(i) for i in clause.excluded]
        clauses.append("(" + " & ".join(parts) + ")")
    return " | ".join(clauses)


class PostgresBackend:
    """Search over the ``search_documents`` table."""

    name = "postgres"

    @contextmanager
    def batch(self):
        """One transaction holding an advisory lock, so two hosts' batches never
        interleave."""
        with db.engine.begin() as connection:
            connection.execute(select(func.pg_advisory_xact_lock(LOCK_KEY)))
            yield _PostgresBatch(connection)
            # Kept pages name this generation: what the index finds changes with it.
            page_cache.bump(connection, "search")

    def update(self, documents: list[SearchDocument], deleted: list[str]) -> None:
        with self.batch() as batch:
            batch.update(documents, deleted)

    def _where(self, request: SearchRequest, tsquery):
        documents = SearchDocumentRow
        conditions = [documents.audience.in_(request.audiences)]
        if request.area:
            conditions.append(documents.area == request.area)
        if tsquery is not None:
            conditions.append(documents.tsv.op("@@")(tsquery))
        for name, value in request.filters.items():
            for one in filter_values(value):
                conditions.append(select(SearchFacet.id).where(
                    SearchFacet.key == documents.key, SearchFacet.name == name,
                    SearchFacet.value == one).exists())
        return conditions

    def search(self, request: SearchRequest) -> SearchResult:
        literal = tsquery_literal(request.query)
        documents = SearchDocumentRow
        tsq = (func.cast(bindparam("q", literal), TSQUERY) if literal is not None else None)
        conditions = self._where(request, tsq)
        total = db.session.scalar(select(func.count()).select_from(documents).where(
            *conditions)) or 0
        if best_match.applies(request.query, all_words=request.all_words, complete=total,
                              per_page=request.per_page):
            return self._best_match(request, total)
        ordering = [documents.published_at.desc().nulls_last(), documents.key]
        score = func.ts_rank(documents.tsv, tsq) if tsq is not None else func.cast(0, Float)
        fuzzy = _fuzzy_weight(documents.tsv, request.query) if tsq is not None else None
        if fuzzy is not None:
            score = score * fuzzy
        if tsq is not None and request.sort != "newest":
            ordering = [score.desc(), *ordering]
        rows = db.session.execute(
            select(documents.key, documents.area, documents.object_id, score)
            .where(*conditions).order_by(*ordering)
            .limit(request.per_page).offset((request.page - 1) * request.per_page)).all()
        hits = [Hit(key, area, object_id, float(rank or 0)) for key, area, object_id, rank
                in rows]
        facets = self._facets(request, select(documents.key).where(*conditions), total)
        return SearchResult(total, hits, facets, complete=total)

    @staticmethod
    def _facets(request: SearchRequest, keys, total: int) -> dict[str, list[tuple[str, int]]]:
        """Facet counts over the documents whose keys ``keys`` (a select) gives."""
        facets: dict[str, list[tuple[str, int]]] = {name: [] for name in request.facets}
        if request.facets and total:
            matching = keys.subquery()
            counts = db.session.execute(
                select(SearchFacet.name, SearchFacet.value, func.count())
                .join(matching, matching.c.key == SearchFacet.key)
                .where(SearchFacet.name.in_(request.facets))
                .group_by(SearchFacet.name, SearchFacet.value)).all()
            for name, value, count in counts:
                facets[name].append((value, count))
            for name in facets:
                facets[name].sort(key=lambda pair: (-pair[1], pair[0]))
        return facets

    def _best_match(self, request: SearchRequest, complete: int) -> SearchResult:
        """Best match (``search.best_match``) in three nested selects: which items each
        candidate holds (a candidate holds at least one); how many candidates hold each
        item (a window sum); each clause's rank key, whether the document holds a whole
        clause, and the best key."""
        documents = SearchDocumentRow
        clauses = request.query.clauses

        def tsquery(name: str, literal: str):
            return func.cast(bindparam(name, literal), TSQUERY)

        def matches(name: str, literal: str):
            return documents.tsv.bool_op("@@")(tsquery(name, literal))

        everything = [_item(i) for clause in clauses for i in clause.required]
        columns = [documents.key, documents.area, documents.object_id,
                   documents.published_at,
                   func.ts_rank(documents.tsv, tsquery("q_all", tsquery_literal(
                       request.query))).label("rank_all"),
                   func.ts_rank(documents.tsv, tsquery("q_any", " | ".join(everything)))
                   .label("rank_any")]
        for c, clause in enumerate(clauses):
            for i, item in enumerate(clause.required):
                columns.append(case((matches(f"q_{c}_{i}", _item(item)), 1), else_=0)
                               .label(f"m_{c}_{i}"))
            excluded = (matches(f"x_{c}", " | ".join(_item(i) for i in clause.excluded))
                        if clause.excluded else false())
            columns.append(excluded.label(f"x_{c}"))
        held = (select(*columns).where(*self._where(request, None),
                                        matches("q_found", " | ".join(everything)))
                .subquery("held"))
        counted = select(held, *[func.sum(held.c[f"m_{c}_{i}"]).over().label(f"d_{c}_{i}")
                                 for c, clause in enumerate(clauses)
                                 for i in range(len(clause.required))]).subquery("counted")
        keys, whole = [], []
        for c, clause in enumerate(clauses):
            items = range(len(clause.required))
            count = sum((counted.c[f"m_{c}_{i}"] for i in items), start=0)
            whole.append(and_(count == len(clause.required), not_(counted.c[f"x_{c}"])))
            if not best_match.relaxable(clause):
                keys.append(func.cast(-1.0, Float))
                continue
            # Counted items (no function words) that some candidate holds at all; the
            # window sums d_* count them over every candidate the reader may read.
            measured = best_match.counted(clause)
            held_count = sum((counted.c[f"m_{c}_{i}"] for i in measured), start=0)
            known = sum((case((counted.c[f"d_{c}_{i}"] > 0, 1), else_=0) for i in measured),
                        start=0)
            cost = sum((counted.c[f"m_{c}_{i}"] * func.ln(counted.c[f"d_{c}_{i}"] + 1)
                        for i in measured), start=0)
            keys.append(case((and_(known > 0,
                                   held_count >= func.greatest(1, func.ceil(known / 2.0)),
                                   not_(counted.c[f"x_{c}"])),
                              held_count * best_match.COUNT_WEIGHT - cost), else_=-1.0))
        ranked = select(counted.c.key, counted.c.area, counted.c.object_id,
                        counted.c.published_at, counted.c.rank_all, counted.c.rank_any,
                        or_(*whole).label("whole"),
                        func.greatest(*keys).label("best"),
                        *[k.label(f"k_{c}") for c, k in enumerate(keys)],
                        *[counted.c[f"m_{c}_{i}"] for c, clause in enumerate(clauses)
                          for i in range(len(clause.required))]).subquery("ranked")
        shown = or_(ranked.c.whole, ranked.c.best >= 0)
        if request.sort == "newest":
            ordering = [ranked.c.whole.desc()]
        else:
            ordering = [ranked.c.whole.desc(),
                        case((ranked.c.whole, 0.0), else_=ranked.c.best).desc(),
                        case((ranked.c.whole, ranked.c.rank_all), else_=ranked.c.rank_any)
                        .desc()]
        ordering += [ranked.c.published_at.desc().nulls_last(), ranked.c.key]
        # The total comes with the page (the candidates are worked out once, not twice);
        # counted apart only for a page past the end.
        rows = db.session.execute(
            select(ranked, func.count().over().label("shown_total")).where(shown)
            .order_by(*ordering).limit(request.per_page)
            .offset((request.page - 1) * request.per_page)).mappings().all()
        total = rows[0]["shown_total"] if rows else db.session.scalar(
            select(func.count()).select_from(ranked).where(shown)) or 0
        hits = []
        for row in rows:
            if row["whole"]:
                hits.append(Hit(row["key"], row["area"], row["object_id"],
                                float(row["rank_all"] or 0)))
                continue
            # The clause it was found through: the best key, the first one on a tie.
            found = max(range(len(clauses)), key=lambda c: (row[f"k_{c}"], -c))
            missing = tuple(best_match.label(clauses[found].required[i])
                            for i in best_match.counted(clauses[found])
                            if not row[f"m_{found}_{i}"])
            hits.append(Hit(row["key"], row["area"], row["object_id"],
                            float(row["rank_any"] or 0), missing))
        facets = self._facets(request, select(ranked.c.key).where(shown),
                              total)
        return SearchResult(total, hits, facets, relaxed=True, complete=complete)

    def vocabulary_near(self, word: str) -> list[tuple[str, int]]:
        if not word:
            return []
        rows = db.session.execute(select(SearchWord.word, SearchWord.documents).where(
            SearchWord.word.like(word[0].replace("%", "").replace("_", "") + "%"),
            func.length(SearchWord.word).between(len(word) - 2, len(word) + 2))
            .limit(5000)).all()
        return [(w, n) for w, n in rows if analysis.edit_distance(w, word) <= 2]

    def holds(self, word: Word, audiences: tuple[str, ...]) -> bool:
        """Whether a document of ``audiences`` holds ``word`` (folded or a stem)."""
        exact = Word(word.text, word.folded, word.stems)
        documents = SearchDocumentRow
        return bool(db.session.scalar(select(select(documents.key).where(
            documents.audience.in_(audiences),
            documents.tsv.op("@@")(func.cast(bindparam("w", _item(exact)), TSQUERY)))
            .exists())))

    def spellings_near(self, word: str, distance: int,
                       audiences: tuple[str, ...]) -> list[tuple[str, int, int]]:
        """Folded words of documents of ``audiences`` at most ``distance`` edits from
        ``word`` with its first letter: ``(word, edits, documents of audiences)``. The
        vocabulary table holds every audience's words; each close one is counted in the
        documents of ``audiences`` only."""
        if not word:
            return []
        rows = db.session.execute(select(SearchWord.word, SearchWord.documents).where(
            SearchWord.word.like(word[0].replace("%", "").replace("_", "") + "%"),
            func.length(SearchWord.word).between(len(word) - distance, len(word) + distance))
            .limit(5000)).all()
        close = sorted(((analysis.edit_distance(w, word, distance), -n, w) for w, n in rows
                        if w != word), key=lambda found: found[:2])
        close = [(w, d) for d, _n, w in close if d <= distance][:NEAR_CHECKED]
        if not close:
            return []
        documents = SearchDocumentRow
        counts = db.session.execute(select(*[
            select(func.count()).select_from(documents).where(
                documents.audience.in_(audiences),
                documents.tsv.op("@@")(func.cast(bindparam(f"w{i}", _lexeme(w)), TSQUERY)))
            .scalar_subquery() for i, (w, _d) in enumerate(close)])).one()
        return [(w, d, int(n)) for (w, d), n in zip(close, counts, strict=True) if n]

    def clear(self) -> None:
        with db.engine.begin() as connection:
            for table in (SearchFacet, SearchDocumentRow, SearchWord):
                connection.execute(delete(table))
            page_cache.bump(connection, "search")

    def keys(self) -> set[str]:
        """Keys of every document in the index."""
        return set(db.session.scalars(select(SearchDocumentRow.key)))

    def generation(self) -> int:
        """Constant: the index's generation is the ``search`` row of ``page_generations``,
        raised in each batch's transaction and read with the page key."""
        return 0

    def status(self) -> dict:
        count = db.session.scalar(select(func.count()).select_from(SearchDocumentRow))
        return {"status": "ok", "documents": count or 0}


class _PostgresBatch:
    """Changes within one locked transaction."""

    def __init__(self, connection):
        self.connection = connection

    def update(self, documents: list[SearchDocument], deleted: list[str]) -> None:
        connection = self.connection
        keys = list(dict.fromkeys([*deleted, *(d.key for d in documents)]))
        if keys:
            connection.execute(delete(SearchFacet).where(SearchFacet.key.in_(keys)))
            connection.execute(delete(SearchDocumentRow).where(
                SearchDocumentRow.key.in_(keys)))
        if not documents:
            return
        analysed = [tsvector_literal(d) for d in documents]
        connection.execute(
            insert(SearchDocumentRow).values(tsv=func.cast(bindparam("tsv_text"), TSVECTOR)),
            [{"key": d.key, "area": d.area, "object_id": d.object_id, "language": d.language,
              "audience": d.audience, "published_at": d.published_at, "tsv_text": literal}
             for d, (literal, _words) in zip(documents, analysed, strict=True)])
        facets = [{"key": d.key, "name": name, "value": str(value)[:100]}
                  for d in documents for name, values in d.facets.items()
                  for value in dict.fromkeys(values) if str(value)]
        if facets:
            connection.execute(insert(SearchFacet), facets)
        words = sorted(set().union(*(doc_words for _literal, doc_words in analysed)))
        for start in range(0, len(words), 1000):
            chunk = words[start:start + 1000]
            connection.execute(pg_insert(SearchWord).values(
                [{"word": w, "documents": 1} for w in chunk]).on_conflict_do_update(
                index_elements=["word"], set_={"documents": SearchWord.documents + 1}))
