"""``flask newsletter send ID``: send an issue, or go on sending it after an interruption."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from headstart.extensions import db


@click.group()
def newsletter():
    """The newsletter."""


@newsletter.command("send")
@click.argument("issue_id", type=click.IntRange(1, 2**31 - 1))
@click.option("--batch", type=click.IntRange(1, 10_000), default=None,
              help="Mails per batch (default: NEWSLETTER_BATCH).")
@with_appcontext
def send(issue_id, batch):
    """Send issue ISSUE_ID to every confirmed subscriber who has not had it. Run it again
    after an interruption: nobody gets it twice and nobody is skipped."""
    from headstart.core.mail import LOCAL_BASE_URL, link_context
    from headstart.newsletter import sending
    from headstart.newsletter.models import Issue

    if not current_app.config.get("BASE_URL"):
        click.echo("HEADSTART_BASE_URL is not set: links in the mail will point to "
                   f"{LOCAL_BASE_URL}.", err=True)
    with link_context():
        issue = db.session.get(Issue, issue_id)
        if issue is None:
            raise click.ClickException(f"There is no newsletter {issue_id}.")
        if issue.status == "sent":
            click.echo(f"Newsletter {issue_id} was sent already "
                       f"({sending.delivered_count(issue_id)} deliveries).")
            return
        sending.start(issue)
        db.session.commit()

        def report(sent, pending):
            click.echo(f"{sent} sent in this run, {pending} still to send")

        total = sending.send(issue_id, batch=batch, progress=report)
        click.echo(f"Newsletter {issue_id}: {total} mails sent in this run, "
                   f"{sending.delivered_count(issue_id)} in all.")
