"""The search index's health, as reported by ``/healthz``."""

from __future__ import annotations

import os


def index_status(app) -> dict:
    """Describe the configured backend's index: ``ok``, ``missing`` or ``corrupt``.

    The portal keeps serving in every case; a rebuild (``flask search reindex``) repairs it.
    """
    backend = app.config["SEARCH_BACKEND"]
    if backend == "postgres":
        return {"backend": backend, "status": "ok"}
    directory = app.config["INDEX_DIR"]
    if not os.path.isdir(directory):
        return {"backend": backend, "status": "missing"}
    from whoosh import index
    from whoosh.index import IndexError as WhooshIndexError

    try:
        if not index.exists_in(directory):
            return {"backend": backend, "status": "missing"}
        index.open_dir(directory).doc_count()
    except (WhooshIndexError, OSError, TypeError, ValueError, EOFError):
        return {"backend": backend, "status": "corrupt"}
    return {"backend": backend, "status": "ok"}
