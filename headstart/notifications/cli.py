"""``flask --app headstart notifications …``: the notifications' scheduled work."""

import click
from flask.cli import with_appcontext

from headstart.extensions import db


@click.group()
def notifications():
    """Notification tasks."""


@notifications.command("digest")
@with_appcontext
def digest():
    """Send the daily digests of notifications (run it from cron once a day; a missed run
    is caught up by the next, and running it twice sends nothing twice)."""
    from headstart.core.mail import link_context
    from headstart.notifications.digest import send_digests

    with link_context():
        sent = send_digests()
        db.session.commit()
    click.echo(f"{sent} notifications digests sent.")
