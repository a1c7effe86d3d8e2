"""``flask --app headstart handbook …``."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from headstart.extensions import db


@click.group()
def handbook():
    """Handbook commands."""


@handbook.command("remind")
@with_appcontext
def remind():
    """Notify coordinators of sections due for review (at most once a week each)."""
    from headstart.handbook.reminders import remind_coordinators

    app = current_app._get_current_object()
    # Notifications link to the editor: build addresses on HEADSTART_BASE_URL when set.
    with app.test_request_context(base_url=app.config.get("BASE_URL") or "http://localhost"):
        count = remind_coordinators()
        db.session.commit()
    click.echo(f"Reminded {count} coordinators of handbook sections due for review.")
