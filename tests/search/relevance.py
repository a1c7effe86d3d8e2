"""The judged relevance set (``bench/relevance/queries.toml``) run through the one search
box over the demo content, and the figures it gives: success@3, nDCG@10 and the
zero-result rate, overall, per language and per kind.

One module for both users: ``bench/relevance.py`` prints the figures, and
``tests/search/test_relevance.py`` asserts the floors. Records are named by what survives
a fresh ``flask demo load`` (database ids do not): ``practice:<English title of the
translation group>``, ``organisation:<name>``, ``forum:<topic title>``,
``handbook:<section slug>``, ``event:<title>``.
"""

from __future__ import annotations

import math
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
QUERIES_FILE = ROOT / "bench" / "relevance" / "queries.toml"

#: The issue's target (issue 18, "What it must show"): success@3 of every kind.
TARGET_SUCCESS_AT_3 = 0.95
#: How many results are judged (nDCG@10) and fetched (forum posts of one topic and the
#: versions of one practice collapse into one record, so a few more are asked for).
DEPTH = 10
FETCH = 40
KINDS = ("natural", "inflected", "cross_language", "vocabulary", "typo", "area")
AREAS = ("practice", "organisation", "forum", "handbook", "event")


@dataclass(frozen=True)
class Query:
    """One judged query: what is typed, by whom, and which records answer it."""

    q: str
    language: str
    kind: str
    #: ``{record: grade}``; 2 = answers it, 1 = related.
    answers: dict[str, int]
    #: Search one area only (as its own search box does); None: every area.
    area: str | None = None
    note: str = ""


@dataclass
class Outcome:
    """What the search returned for one query, and how good that was."""

    query: Query
    #: Records in the order shown (distinct; unjudged ones included).
    ranked: list[str]
    total: int

    @property
    def success_at_3(self) -> bool:
        return any(self.query.answers.get(record) == 2 for record in self.ranked[:3])

    @property
    def zero(self) -> bool:
        return self.total == 0

    @property
    def ndcg_at_10(self) -> float:
        gains = [2 ** self.query.answers.get(record, 0) - 1 for record in self.ranked[:DEPTH]]
        ideal = sorted((2 ** g - 1 for g in self.query.answers.values()), reverse=True)[:DEPTH]
        return _dcg(gains) / _dcg(ideal) if ideal else 0.0


def _dcg(gains: list[float]) -> float:
    return sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    """The judged queries; a malformed entry raises ``ValueError`` naming it."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    queries = []
    for number, item in enumerate(data["query"], 1):
        query = Query(q=item["q"], language=item["language"], kind=item["kind"],
                      answers=dict(item["answers"]), area=item.get("area"),
                      note=item.get("note", ""))
        problems = []
        if query.kind not in KINDS:
            problems.append(f"kind {query.kind!r} is not one of {KINDS}")
        if query.area is not None and query.area not in AREAS:
            problems.append(f"area {query.area!r} is not one of {AREAS}")
        if 2 not in query.answers.values():
            problems.append("no answer of grade 2")
        for record, grade in query.answers.items():
            if record.split(":", 1)[0] not in AREAS or grade not in (1, 2):
                problems.append(f"answer {record!r} = {grade!r}")
        if problems:
            raise ValueError(f"query {number} ({query.q!r}): " + "; ".join(problems))
        queries.append(query)
    return queries


# --- the demo content -----------------------------------------------------------------


def load_content(app) -> None:
    """Load the demo content into ``app``'s (empty) database and index all of it."""
    from headstart.demo.load import load_demo
    from headstart.extensions import db
    from headstart.search import service

    with app.app_context():
        load_demo()
        db.session.commit()
        service.rebuild()
        db.session.commit()


def record_names(app) -> dict[tuple[str, int], str]:
    """``{(area, object id): stable record name}`` for every searchable demo object."""
    from sqlalchemy import select

    from headstart.demo.practices_data import PRACTICES
    from headstart.directory.models import Organisation
    from headstart.events.models import Event
    from headstart.extensions import db
    from headstart.forum.models import ForumPost, ForumTopic
    from headstart.handbook.models import EditionText
    from headstart.practices.models import Practice

    names: dict[tuple[str, int], str] = {}
    with app.app_context():
        originals = {p["title"] for p in PRACTICES}
        practices = list(db.session.execute(select(Practice.id, Practice.group_id,
                                                   Practice.title)))
        group_title = {row.group_id or row.id: row.title for row in practices
                       if row.title in originals}
        for row in practices:
            title = group_title.get(row.group_id or row.id, row.title)
            names["practice", row.id] = f"practice:{title}"
        for row in db.session.execute(select(Organisation.id, Organisation.name)):
            names["organisation", row.id] = f"organisation:{row.name}"
        for row in db.session.execute(select(ForumPost.id, ForumTopic.title)
                                      .join(ForumTopic, ForumPost.topic_id == ForumTopic.id)):
            names["forum", row.id] = f"forum:{row.title}"
        for row in db.session.execute(select(EditionText.id, EditionText.slug)):
            names["handbook", row.id] = f"handbook:{row.slug}"
        for row in db.session.execute(select(Event.id, Event.title)):
            names["event", row.id] = f"event:{row.title}"
        db.session.rollback()
    return names


def unknown_answers(queries: list[Query], names: dict[tuple[str, int], str]) -> list[str]:
    """Judged records that the demo content does not have (a renamed record, a typo)."""
    known = set(names.values())
    return sorted({record for query in queries for record in query.answers
                   if record not in known})


# --- running the queries --------------------------------------------------------------


def run(app, queries: list[Query]) -> list[Outcome]:
    """Each query through the one search box (``everywhere.search``), as a visitor whose
    interface language is the query's language."""
    from headstart.search import everywhere

    names = record_names(app)
    outcomes = []
    for query in queries:
        with app.test_request_context("/search", headers={"Accept-Language": query.language}):
            found = everywhere.search(query.q, area=query.area, per_page=FETCH,
                                      reader=query.language, audiences=("public",))
            ranked: list[str] = []
            for result in found.results:
                name = names.get((result.area, result.object_id),
                                 f"{result.area}:#{result.object_id}")
                if name not in ranked:
                    ranked.append(name)
            outcomes.append(Outcome(query, ranked, found.total))
    return outcomes


# --- figures --------------------------------------------------------------------------


@dataclass
class Figures:
    """success@3, nDCG@10 and the zero-result rate of a group of queries."""

    n: int = 0
    success_at_3: float = 0.0
    ndcg_at_10: float = 0.0
    zero_rate: float = 0.0
    failed: list[str] = field(default_factory=list)


def figures(outcomes: list[Outcome]) -> Figures:
    n = len(outcomes)
    if not n:
        return Figures()
    return Figures(
        n=n,
        success_at_3=sum(o.success_at_3 for o in outcomes) / n,
        ndcg_at_10=sum(o.ndcg_at_10 for o in outcomes) / n,
        zero_rate=sum(o.zero for o in outcomes) / n,
        failed=[o.query.q for o in outcomes if not o.success_at_3],
    )


def grouped(outcomes: list[Outcome]) -> dict[str, dict[str, Figures]]:
    """Figures overall, per language and per kind."""
    by: dict[str, dict[str, list[Outcome]]] = {"language": defaultdict(list),
                                               "kind": defaultdict(list)}
    for outcome in outcomes:
        by["language"][outcome.query.language].append(outcome)
        by["kind"][outcome.query.kind].append(outcome)
    return {"overall": {"all": figures(outcomes)},
            "language": {k: figures(v) for k, v in sorted(by["language"].items())},
            "kind": {k: figures(by["kind"][k]) for k in KINDS if k in by["kind"]}}


def report(outcomes: list[Outcome], title: str) -> str:
    """The figures as a plain-text table, then the queries that found nothing."""
    lines = [title, f"{'':24}{'n':>5}{'success@3':>11}{'nDCG@10':>9}{'zero':>7}"]
    for heading, groups in grouped(outcomes).items():
        for name, f in groups.items():
            label = "overall" if heading == "overall" else f"{heading} {name}"
            lines.append(f"{label:24}{f.n:>5}{f.success_at_3:>10.0%} {f.ndcg_at_10:>8.2f}"
                         f"{f.zero_rate:>7.0%}")
    zero = [o for o in outcomes if o.zero]
    lines.append(f"found nothing although an answer exists ({len(zero)}):")
    lines += [f"  [{o.query.language} {o.query.kind}] {o.query.q}" for o in zero]
    return "\n".join(lines)


# --- applications ---------------------------------------------------------------------


def build_app(backend: str, folder: Path, database_url: str | None = None):
    """A fresh application on a new database with the demo content loaded and indexed:
    ``backend`` "whoosh" (on SQLite in ``folder`` unless ``database_url`` is given) or
    "postgres" (``database_url`` must be a PostgreSQL database, e.g. a fresh schema)."""
    from tests.conftest import make_app

    folder.mkdir(parents=True, exist_ok=True)
    url = database_url or f"sqlite:///{folder / 'relevance.sqlite3'}"
    app = make_app(url, folder / "instance", SEARCH_BACKEND=backend,
                   INDEX_DIR=str(folder / "index"))
    load_content(app)
    return app


def close_app(app) -> None:
    """Release the app's database connections and index files."""
    from headstart.extensions import db

    with app.app_context():
        backend = app.extensions.get("search_backend")
        if backend is not None and hasattr(backend, "_reset"):
            backend._reset()
        db.session.remove()
        db.engine.dispose()
