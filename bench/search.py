"""Search figures next to their references, measured in one run.

For each size it makes synthetic practices (``demo synth``) in a temporary SQLite
database, then prints:

- index build: ``search reindex`` (``service.rebuild``, reading from the database) next
  to the same documents written straight into a Whoosh writer (the "textbook" index:
  stored title/summary/body with Whoosh's stemming analyser, keyword facet fields,
  ``procs=2, multisegment=True``), and both indexes' sizes;
- query latency, median and p95, over a fixed mixed set (1–3 words, phrases, OR and
  exclusion, two facet filters, an empty search): the top 20 with all 8 facet counts and
  highlighted snippets of the 20 hits. Ours: the backend's search and
  ``highlight.best_snippet`` over each hit's summary and body. Textbook: Whoosh's
  ``MultifieldParser``, ``groupedby`` facets and ``hit.highlights`` over the stored text,
  on the textbook index. Warm figures (after one pass over the set) for both, and ours
  on a fresh backend (the first pass, nothing read yet);
- one document saved: ``backend.update`` (a commit) next to ``update_document`` + commit
  on the textbook index, and ours' first search after it;
- requests/s of ``/practices/?q=…`` and a practice page next to a bare Flask route, each
  served by gunicorn with the same number of sync workers, driven by ``wrk`` when it is
  installed (else by a small Python client, which caps the bare route lower): the pages
  once with the page cache (warm: what anonymous visitors get once a page was rendered)
  and once without it (``PAGE_CACHE_BYTES=0``: every request rendered).

Figures, not pass/fail. ``make bench`` runs it; a quick run: ``--sizes 1000``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACETS = ("country", "corridor", "phase", "theme", "target", "language", "year", "org_kind")
#: The fixed query set: (what is typed, facet filters).
QUERIES = [
    ("mentoring", {}), ("counselling", {}), ("nurses", {}), ("refugees", {}),
    ("employers", {}), ("interpreters", {}), ("trainings", {}), ("housing", {}),
    ("language course", {}), ("seasonal workers", {}), ("health insurance", {}),
    ("job matching nurses", {}), ("vocational training students", {}),
    ("community outreach volunteers", {}), ("information centre refugees", {}),
    ('"information centre"', {}), ('"seasonal workers"', {}), ('"before departure"', {}),
    ('"recognition diplomas"', {}), ('"language course" families', {}),
    ("mentoring", {"country": "IT", "theme": "employment"}),
    ("workers", {"country": "CZ", "theme": "health"}),
    ("housing advice", {"phase": "pre_departure", "target": "women"}),
    ('"job matching"', {"country": "DE", "theme": "vocational_training"}),
    ("", {}), ("", {"country": "AT", "theme": "housing"}),
    ("nurses OR carers", {}), ("employment -seasonal", {}),
]
#: The page cache's size in the cached page run (the portal's default).
PAGE_CACHE_BYTES = 32 * 1024 * 1024
#: Searches of the page benchmark (``/practices/?q=…``), taken in turn.
PAGE_QUERIES = ["mentoring", "language course", "nurses", "health insurance",
                "information centre", "seasonal workers"]
ROUNDS = 3


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def folder_size(path: str) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


# --- the textbook way -----------------------------------------------------------------


def textbook_schema():
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, KEYWORD, TEXT, Schema

    fields = {"key": ID(unique=True, stored=True), "area": ID, "audience": ID}
    for part in ("title", "summary", "body"):
        fields[part] = TEXT(analyzer=StemmingAnalyzer(), stored=True)
    for name in (*FACETS, "reader", "group"):
        fields[f"f_{name}"] = KEYWORD(commas=True, lowercase=False, scorable=False)
    return Schema(**fields)


def textbook_fields(document) -> dict:
    fields = {"key": document.key, "area": document.area, "audience": document.audience,
              "title": document.title, "summary": document.summary, "body": document.body}
    for name, values in document.facets.items():
        if values:
            fields[f"f_{name}"] = ",".join(str(v).replace(",", " ") for v in values)
    return fields


def textbook_build(directory: str, documents) -> float:
    from whoosh import index

    os.makedirs(directory, exist_ok=True)
    ix = index.create_in(directory, textbook_schema())
    start = time.perf_counter()
    writer = ix.writer(procs=2, multisegment=True, compound=False)
    for document in documents:
        writer.add_document(**textbook_fields(document))
    writer.commit()
    return time.perf_counter() - start


def textbook_save(ix, document) -> None:
    writer = ix.writer(compound=False)
    writer.update_document(**textbook_fields(document))
    writer.commit()


def textbook_query(searcher, parser, text: str, filters: dict):
    from whoosh import sorting
    from whoosh.query import And, Every, Term

    query = parser.parse(text) if text.strip() else Every()
    condition = And([Term("area", "practice"), Term("audience", "public"),
                     *[Term(f"f_{k}", v) for k, v in filters.items()]])
    groups = {name: sorting.FieldFacet(f"f_{name}", allow_overlap=True) for name in FACETS}
    results = searcher.search(query, filter=condition, groupedby=groups, limit=20)
    facets = {name: sorted(((str(v), len(d)) for v, d in results.groups(name).items()),
                           key=lambda pair: (-pair[1], pair[0])) for name in FACETS}
    snippets = [hit.highlights("summary") or hit.highlights("body") for hit in results[:20]]
    return len(results), facets, snippets


# --- ours -----------------------------------------------------------------------------


def our_query(backend, documents: dict, text: str, filters: dict):
    from headstart.search.base import SearchRequest
    from headstart.search.highlight import best_snippet
    from headstart.search.query import parse

    parsed = parse(text)
    # Best match on, as the list page and the API search.
    result = backend.search(SearchRequest(query=parsed, area="practice", filters=filters,
                                          facets=FACETS, per_page=20, all_words=False))
    forms = parsed.highlight_forms()
    snippets = []
    for hit in result.hits:
        document = documents[hit.key]
        snippets.append(best_snippet([document.summary, document.body], forms,
                                     document.language))
    return result.total, result.facets, snippets


def latencies(run, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        for text, filters in QUERIES:
            times.append(timed(run, text, filters)[0])
    return times


# --- requests per second --------------------------------------------------------------


BARE_APP = '''from flask import Flask

app = Flask("bare")


@app.route("/")
def hello():
    return "hello"
'''


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(app_spec: str, folder: str, env: dict, workers: int):
    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--chdir", folder, "--log-level", "warning",
         app_spec], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz" if "wsgi" in app_spec else "/")
            connection.getresponse().read()
            return process, port
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError(f"gunicorn {app_spec} did not start")


def stop(process) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def python_load(port: int, paths: list[str], seconds: float, threads: int = 8) -> float:
    """Requests/s from ``threads`` threads (a new connection per request, as gunicorn's
    sync workers close each one)."""
    counts = [0] * threads
    errors = []
    end = time.perf_counter() + seconds

    def worker(slot: int) -> None:
        n = slot
        while time.perf_counter() < end:
            connection = HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", paths[n % len(paths)])
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status != 200:
                errors.append(response.status)
                return
            counts[slot] += 1
            n += threads

    start = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    if errors:
        raise RuntimeError(f"HTTP {errors[0]} from {paths[0]}")
    return sum(counts) / (time.perf_counter() - start)


WRK_SCRIPT = '''paths = {%s}
n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("non2xx=%%d\\n", summary.errors.status))
end
'''


def wrk_load(port: int, paths: list[str], seconds: float, folder: str) -> float:
    script = Path(folder) / "paths.lua"
    script.write_text(WRK_SCRIPT % ", ".join(f'"{p}"' for p in paths))
    output = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{max(1, int(seconds))}s", "-s", str(script),
         f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True).stdout
    if "non2xx=0" not in output:
        raise RuntimeError(f"wrk saw errors for {paths[0]}:\n{output}")
    return float(next(line.split()[1] for line in output.splitlines()
                      if line.startswith("Requests/sec")))


def requests_per_second(instance: str, practice_path: str, seconds: float,
                        workers: int) -> dict[str, float]:
    folder = tempfile.mkdtemp(prefix="headstart-bare-")
    Path(folder, "bare.py").write_text(BARE_APP)
    env = {**os.environ,
           "HEADSTART_DATABASE_URL": f"sqlite:///{instance}/headstart.sqlite3",
           "HEADSTART_INDEX_DIR": f"{instance}/index",
           "HEADSTART_UPLOAD_DIR": f"{instance}/uploads",
           "HEADSTART_OUTBOX_DIR": f"{instance}/outbox",
           "HEADSTART_SECRET_KEY": "bench-only-secret-key"}
    use_wrk = shutil.which("wrk") is not None

    def load(port: int, paths: list[str], duration: float = seconds) -> float:
        if use_wrk:
            return wrk_load(port, paths, duration, folder)
        return python_load(port, paths, duration)

    figures = {"client": "wrk" if use_wrk else "python"}
    bare, port = start_gunicorn("bare:app", folder, env, workers)
    try:
        load(port, ["/"], 1)  # warm up
        figures["bare"] = load(port, ["/"])
    finally:
        stop(bare)
    search_paths = [f"/practices/?q={q.replace(' ', '+')}" for q in PAGE_QUERIES]
    # With the page cache (its default size; warm: every worker has rendered every page
    # once) and without it (every request rendered).
    for suffix, cache_bytes in (("", str(PAGE_CACHE_BYTES)), ("_uncached", "0")):
        portal, port = start_gunicorn("wsgi:app", str(ROOT),
                                      {**env, "HEADSTART_PAGE_CACHE_BYTES": cache_bytes},
                                      workers)
        try:
            # Warm up every worker: each page several times per worker (a sync worker
            # takes whichever request comes), then a short load.
            for path in (search_paths + [practice_path]) * (4 * workers):
                connection = HTTPConnection("127.0.0.1", port, timeout=120)
                connection.request("GET", path)
                connection.getresponse().read()
                connection.close()
            load(port, search_paths + [practice_path], 2)
            figures["search" + suffix] = load(port, search_paths)
            figures["practice" + suffix] = load(port, [practice_path])
        finally:
            stop(portal)
    shutil.rmtree(folder, ignore_errors=True)
    return figures


# --- one size -------------------------------------------------------------------------


def bench_size(count: int, seed: int, seconds: float, workers: int) -> dict:
    from flask_migrate import upgrade
    from whoosh import index
    from whoosh.qparser import MultifieldParser

    from headstart import create_app
    from headstart.demo.synth import synthesise
    from headstart.extensions import db
    from headstart.practices import search_documents
    from headstart.search import service
    from headstart.search.whoosh_backend import WhooshBackend

    instance = tempfile.mkdtemp(prefix=f"headstart-search-{count}-")
    figures: dict = {"n": count}
    app = create_app({"INSTANCE_PATH": instance, "SEARCH_BACKEND": "whoosh",
                      "INDEX_DIR": f"{instance}/index"})
    with app.app_context():
        upgrade()
        log(f"{count}: synthesising practices")
        synthesise(count, seed)
        db.session.info.pop("search_pending", None)  # the rebuild below indexes them
        db.session.commit()

        log(f"{count}: search reindex")
        figures["build"], _n = timed(service.rebuild)
        figures["size"] = folder_size(f"{instance}/index")
        ids = list(search_documents.all_ids())
        documents = {}
        for start in range(0, len(ids), 500):
            loaded = search_documents.load(ids[start:start + 500])
            documents.update({d.key: d for d in loaded.values() if d is not None})
            db.session.rollback()
        practice_id = ids[len(ids) // 2]

        log(f"{count}: textbook index")
        textbook_dir = f"{instance}/textbook"
        figures["ref_build"] = textbook_build(textbook_dir, documents.values())
        figures["ref_size"] = folder_size(textbook_dir)

        log(f"{count}: queries")
        fresh = WhooshBackend(f"{instance}/index")
        figures["cold"] = latencies(lambda t, f: our_query(fresh, documents, t, f), 1)
        backend = service.backend()
        latencies(lambda t, f: our_query(backend, documents, t, f), 1)
        figures["ours"] = latencies(lambda t, f: our_query(backend, documents, t, f), ROUNDS)
        ix = index.open_dir(textbook_dir)
        with ix.searcher() as searcher:
            parser = MultifieldParser(["title", "summary", "body"], ix.schema)
            run = lambda t, f: textbook_query(searcher, parser, t, f)  # noqa: E731
            latencies(run, 1)
            figures["ref"] = latencies(run, ROUNDS)

        log(f"{count}: saving documents")
        saves, firsts, ref_saves = [], [], []
        for n, key in enumerate(list(documents)[:5]):
            document = documents[key]
            document.title = f"{document.title} (edited {n})"
            saves.append(timed(backend.update, [document], [])[0])
            firsts.append(timed(our_query, backend, documents, "mentoring", {})[0])
            ref_saves.append(timed(textbook_save, ix, document)[0])
        figures["save"], figures["first_after_save"] = saves, firsts
        figures["ref_save"] = ref_saves
    with app.test_request_context():
        from headstart.practices.models import Practice
        from headstart.practices.views import practice_url

        practice_path = practice_url(db.session.get(Practice, practice_id))
        db.engine.dispose()

    log(f"{count}: requests/s")
    figures["rps"] = requests_per_second(instance, practice_path, seconds, workers)
    shutil.rmtree(instance, ignore_errors=True)
    return figures


def log(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


def report(all_figures: list[dict], workers: int) -> None:
    ms = 1000
    print(f"\nSearch benchmark — {platform.node()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")
    print("(ref = the textbook Whoosh way on the same documents, measured in this run)\n")
    head = (f"{'N':>6} {'build s':>9} {'ref s':>7} {'ratio':>6} {'index MB':>9} {'ref MB':>7}"
            f" {'median ms':>10} {'p95 ms':>7} {'ref med':>8} {'ref p95':>8}"
            f" {'cold med':>9} {'cold p95':>9}")
    print(head)
    for f in all_figures:
        print(f"{f['n']:>6} {f['build']:>9.1f} {f['ref_build']:>7.1f}"
              f" {f['build'] / f['ref_build']:>5.2f}x {f['size'] / 1e6:>9.1f}"
              f" {f['ref_size'] / 1e6:>7.1f}"
              f" {statistics.median(f['ours']) * ms:>10.1f}"
              f" {percentile(f['ours'], 0.95) * ms:>7.1f}"
              f" {statistics.median(f['ref']) * ms:>8.1f} {percentile(f['ref'], 0.95) * ms:>8.1f}"
              f" {statistics.median(f['cold']) * ms:>9.1f}"
              f" {percentile(f['cold'], 0.95) * ms:>9.1f}")
    print(f"\n{'N':>6} {'save ms':>8} {'ref save':>9} {'1st search after':>17}")
    for f in all_figures:
        print(f"{f['n']:>6} {statistics.median(f['save']) * ms:>8.1f}"
              f" {statistics.median(f['ref_save']) * ms:>9.1f}"
              f" {statistics.median(f['first_after_save']) * ms:>17.1f}")
    print(f"\nrequests/s, gunicorn with {workers} sync workers; pages with the page cache "
          "(warm) and without it (PAGE_CACHE_BYTES=0)")
    print(f"{'N':>6} {'bare':>8} {'/practices/?q=':>15} {'share':>6}"
          f" {'practice page':>14} {'share':>6} {'list, no cache':>15} {'share':>6}"
          f" {'page, no cache':>15} {'share':>6}  client")
    for f in all_figures:
        r = f["rps"]
        print(f"{f['n']:>6} {r['bare']:>8.0f} {r['search']:>15.0f}"
              f" {r['search'] / r['bare']:>6.0%} {r['practice']:>14.0f}"
              f" {r['practice'] / r['bare']:>6.0%} {r['search_uncached']:>15.0f}"
              f" {r['search_uncached'] / r['bare']:>6.0%} {r['practice_uncached']:>15.0f}"
              f" {r['practice_uncached'] / r['bare']:>6.0%}  {r['client']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000",
                        help="practice counts, comma-separated (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=5.0,
                        help="load time per page for requests/s (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2,
                        help="gunicorn workers, the same for every app (default: %(default)s)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    figures = []
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        figures.append(bench_size(size, args.seed, args.seconds, args.workers))
        report(figures[-1:], args.workers)
    if len(figures) > 1:
        report(figures, args.workers)


if __name__ == "__main__":
    main()
