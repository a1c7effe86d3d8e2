"""``flask --app headstart jobs …``: run the after-response work left in the queue."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from headstart.core import jobs


@click.group("jobs")
def jobs_group():
    """After-response work (every outgoing mail, newsletter batches): run what waits."""


@jobs_group.command("run")
@with_appcontext
def run():
    """Run every job that is due now (what a stopped process left, and retries)."""
    app = current_app._get_current_object()
    total = 0
    while done := jobs.run_due(app):
        total += done
    click.echo(f"Ran {total} jobs.")


@jobs_group.command("status")
@with_appcontext
def status():
    """How many jobs wait and how many failed for good."""
    counts = jobs.status()
    click.echo(f"{counts['waiting']} jobs waiting, {counts['failed']} failed.")
