"""``flask --app headstart handbook …``."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from headstart.extensions import db


@click.group()
def handbook():
    """Handbook commands."""


@handbook.command("remind")
@with_appcontext
def remind():
    """Notify coordinators of sections due for review (at most once a week each)."""
    from headstart.core.mail import link_context
    from headstart.handbook.reminders import remind_coordinators

    # Notifications link to the editor: addresses are built on HEADSTART_BASE_URL.
    with link_context():
        count = remind_coordinators()
        db.session.commit()
    click.echo(f"Reminded {count} coordinators of handbook sections due for review.")
