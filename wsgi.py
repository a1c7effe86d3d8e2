"""WSGI entry point for gunicorn: ``gunicorn wsgi:app`` (settings: ``gunicorn.conf.py``).

A production start refuses to serve without ``HEADSTART_BASE_URL`` (see
``headstart.config.serving_problems``).
"""
from headstart import create_app
from headstart.config import require_serving_settings

app = create_app()
require_serving_settings(app)
