"""Readers of the embedded index while others write: a search never fails, and never
calls the index corrupt, because another thread opened a newer searcher or another
process merged segments away (which, before retries, started a needless full rebuild)."""

from __future__ import annotations

import gc
import multiprocessing
import threading
import warnings

from headstart.search.base import IndexUnavailable, SearchDocument, SearchRequest
from headstart.search.query import parse
from headstart.search.whoosh_backend import WhooshBackend


def _document(n: int) -> SearchDocument:
    return SearchDocument(key=f"practice:{n}", area="practice", object_id=n, language="en",
                          title=f"Orientation course {n}",
                          body="Pre-departure orientation for care workers in Italy.",
                          facets={"country": ["MD"]})


def _write(directory: str, rounds: int, start) -> None:
    """Another process: many small commits, each merging segments (deleting files)."""
    backend = WhooshBackend(directory)
    start.wait()
    for n in range(rounds):
        backend.update([_document(1000 + n)], [f"practice:{1000 + n - 3}"] if n > 3 else [])
    backend._reset()


def _search_many(backend: WhooshBackend, count: int, failures: list) -> None:
    request = SearchRequest(parse("orientation"), area="practice", facets=("country",))
    for _ in range(count):
        try:
            result = backend.search(request)
            if result.total < 10:
                failures.append(f"only {result.total} found")
        except (IndexUnavailable, Exception) as error:  # noqa: BLE001 - what the test counts
            failures.append(repr(error))


def test_searches_meanwhile_another_process_merges_never_fail(tmp_path):
    directory = str(tmp_path / "index")
    backend = WhooshBackend(directory)
    backend.update([_document(n) for n in range(10)], [])
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    writer = context.Process(target=_write, args=(directory, 60, start))
    writer.start()
    failures: list = []
    start.set()
    while writer.is_alive():
        _search_many(backend, 5, failures)
    writer.join(60)
    backend._reset()
    assert writer.exitcode == 0
    assert failures == []


def test_threads_of_one_process_search_while_it_writes(tmp_path):
    # Under a loaded machine the garbage collector sometimes finds segment files that
    # Whoosh's own readers of a replaced generation left for it (seen once in a CI-like
    # run, never alone): that is not what this test judges, so those warnings are
    # collected here, inside the test, instead of failing a later one at random.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        backend = WhooshBackend(str(tmp_path / "index"))
        backend.update([_document(n) for n in range(10)], [])
        failures: list = []
        readers = [threading.Thread(target=_search_many, args=(backend, 150, failures))
                   for _ in range(3)]
        for reader in readers:
            reader.start()
        for n in range(40):  # each commit makes every reader's next search open a new one
            backend.update([_document(100 + n)], [])
        for reader in readers:
            reader.join(120)
        backend._reset()
        gc.collect()
    assert failures == []
