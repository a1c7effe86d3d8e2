"""Search quality on the judged relevance set (``bench/relevance/queries.toml``).

Loads the demo content into a fresh temporary database and index, runs every judged
query through the one search box as a visitor reading in the query's language, and
prints success@3, nDCG@10 and the zero-result rate overall, per language and per kind,
then the queries that found nothing although an answer exists. Whoosh on SQLite always;
the PostgreSQL backend too when ``HEADSTART_TEST_DATABASE_URL`` names a reachable
PostgreSQL database (a schema ``<HEADSTART_TEST_SCHEMA_PREFIX>_relevance_bench`` is made
afresh there and dropped afterwards).

Figures, not pass/fail (``tests/search/test_relevance.py`` asserts the floors).
``make bench`` runs it; by hand: ``.venv/bin/python bench/relevance.py [--failures]``.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.search import relevance  # noqa: E402


def postgres_url() -> str | None:
    """A fresh schema on the test PostgreSQL database, or None when there is none."""
    base = os.environ.get("HEADSTART_TEST_DATABASE_URL")
    if not base:
        return None
    from tests.conftest import SCHEMA_PREFIX, pg_schema_url

    try:
        return pg_schema_url(base, f"{SCHEMA_PREFIX}_relevance_bench")
    except Exception as error:  # noqa: BLE001 - any connection failure: report and go on
        print(f"PostgreSQL not reachable ({error.__class__.__name__}); Whoosh only.")
        return None


def drop_schema() -> None:
    """Drop the bench's PostgreSQL schema."""
    from sqlalchemy import create_engine, text

    from headstart.config import normalise_database_url
    from tests.conftest import PG_URL, SCHEMA_PREFIX

    engine = create_engine(normalise_database_url(PG_URL), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA_PREFIX}_relevance_bench" '
                                "CASCADE"))
    engine.dispose()


def measure(backend: str, database_url: str | None, queries, show_failures: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix=f"headstart-relevance-{backend}-"))
    try:
        app = relevance.build_app(backend, folder, database_url)
        try:
            unknown = relevance.unknown_answers(queries, relevance.record_names(app))
            if unknown:
                print("judged records missing from the demo content: " + ", ".join(unknown))
            outcomes = relevance.run(app, queries)
        finally:
            relevance.close_app(app)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(relevance.report(outcomes, f"\n== {backend} backend: {len(queries)} judged queries, "
                                     f"target success@3 ≥ {relevance.TARGET_SUCCESS_AT_3:.0%}"))
    if show_failures:
        print("not answered in the top 3:")
        for outcome in outcomes:
            if not outcome.success_at_3:
                print(f"  [{outcome.query.language} {outcome.query.kind}] {outcome.query.q}"
                      f" → {outcome.ranked[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--failures", action="store_true",
                        help="also list every query not answered in the top 3, with what "
                             "was shown instead")
    args = parser.parse_args()
    logging.disable(logging.INFO)
    queries = relevance.load_queries()
    measure("whoosh", None, queries, args.failures)
    url = postgres_url()
    if url is None:
        print("\n(PostgreSQL backend skipped: set HEADSTART_TEST_DATABASE_URL to measure it)")
        return
    try:
        measure("postgres", url, queries, args.failures)
    finally:
        drop_schema()


if __name__ == "__main__":
    main()
