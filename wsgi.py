"""WSGI entry point for gunicorn: ``gunicorn wsgi:app`` (settings: ``gunicorn.conf.py``).

A production start refuses to serve without ``HEADSTART_BASE_URL`` (see
``headstart.config.serving_problems``). Each worker process starts its job thread at once,
so mail queued by commands or left by a stopped process goes out without waiting for a
request (``headstart.core.jobs``).
"""
from headstart import create_app
from headstart.config import require_serving_settings
from headstart.core import jobs

app = create_app()
require_serving_settings(app)
if not app.config["JOBS_SYNC"]:
    jobs.start_worker(app)
