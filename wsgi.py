"""WSGI entry point for gunicorn: ``gunicorn wsgi:app``."""
from headstart import create_app

app = create_app()
