"""``flask --app headstart forum …``: the forum's scheduled work."""

import click
from flask import current_app
from flask.cli import with_appcontext

from headstart.extensions import db


@click.group()
def forum():
    """Forum tasks."""


@forum.command("digest")
@click.argument("period", type=click.Choice(["daily", "weekly"]))
@with_appcontext
def digest(period):
    """Send the daily or weekly digests of forum notifications (run it from cron)."""
    from headstart.forum.digest import send_digests

    with current_app.test_request_context("/"):
        sent = send_digests(period)
        db.session.commit()
    click.echo(f"{sent} {period} forum digests sent.")
