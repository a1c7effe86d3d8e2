"""Several OS processes on the test database, as several gunicorn workers would be: each
child builds its own application on the parent's database, index and upload folders, and a
child that hangs prints its stack and ends instead of stalling the suite."""

from __future__ import annotations

import multiprocessing
import time

#: The settings a child takes from the test's application (same database, same folders).
SHARED = ("SQLALCHEMY_DATABASE_URI", "INSTANCE_PATH", "SECRET_KEY", "INDEX_DIR",
          "UPLOAD_DIR", "OUTBOX_DIR", "SEARCH_BACKEND", "RATELIMIT_STORAGE_URI")

CONTEXT = multiprocessing.get_context("fork")


def shared_config(app) -> dict:
    """The settings of ``app`` a child needs to work on the same data."""
    return {key: app.config[key] for key in SHARED}


def child_app(config: dict, *, hang_after: float, **overrides):
    """In a child process: arm the hang guard (stacks are dumped and the process exits
    after ``hang_after`` seconds), then build the child's own application."""
    import faulthandler

    faulthandler.dump_traceback_later(hang_after, exit=True)
    from headstart import create_app
    from tests.conftest import FAST_ARGON2

    return create_app({**config, "SEARCH_SYNC": True, "SEARCH_AUTO_REPAIR": False,
                       "TESTING": True, **FAST_ARGON2, **overrides})


def start(target, *args) -> multiprocessing.Process:
    """Run ``target(*args)`` in a forked child process."""
    process = CONTEXT.Process(target=target, args=args)
    process.start()
    return process


def finish(processes, timeout: float) -> list[int | None]:
    """Wait at most ``timeout`` seconds in all for ``processes``; kill those still running
    (so a failed test leaves no stray writer); return their exit codes."""
    deadline = time.monotonic() + timeout
    try:
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
                process.join(5)
    return [process.exitcode for process in processes]
