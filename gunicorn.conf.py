"""gunicorn settings, read by any ``gunicorn`` started in the checkout (``make serve``).

The embedded default keeps rate limits in memory (``memory://``), which only one process
can share: it is then served by one worker process with threads, and a start with several
workers is refused unless the limits live in Redis (``HEADSTART_RATELIMIT_STORAGE``).
``WORKERS`` and ``THREADS`` (or gunicorn's own flags) change the numbers.
"""

import os

_shared_limits = not (os.environ.get("HEADSTART_RATELIMIT_STORAGE") or "memory://").startswith(
    "memory://")

workers = int(os.environ.get("WORKERS") or (2 if _shared_limits else 1))
threads = int(os.environ.get("THREADS") or 4)
worker_class = "gthread"


def on_starting(server):
    """Refuse to start, with a clear message, when the settings are unsafe to serve."""
    from flask import Flask

    from headstart import config

    app = Flask("headstart", instance_relative_config=True,
                instance_path=os.environ.get("HEADSTART_INSTANCE_DIR"))
    config.load(app)
    problems = config.serving_problems(app.config, workers=server.cfg.workers)
    for problem in problems:
        server.log.error("HEADSTART will not start: %s", problem)
    if problems:
        raise SystemExit(1)


def worker_exit(server, worker):
    """Let the worker's job thread finish the job it is running before the process ends
    (a job cut off anyway is taken over by another process after ten minutes)."""
    from headstart.core import jobs

    app = getattr(worker, "wsgi", None)
    if app is not None and hasattr(app, "config"):
        jobs.stop_worker(app, timeout=10)
