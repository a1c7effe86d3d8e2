"""``flask demo …``: demo content."""

import click
from flask.cli import with_appcontext

from headstart.accounts.services import count_users
from headstart.demo.load import load_demo
from headstart.extensions import db


@click.group()
def demo():
    """Demo content."""


@demo.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing when the portal already has users.")
@with_appcontext
def load(if_empty):
    """Load the demo network (idempotent: only what is missing is added)."""
    if if_empty and count_users():
        click.echo("The portal already has content; demo content not loaded.")
        return
    added = load_demo()
    db.session.commit()
    click.echo("Demo content: " + ", ".join(f"{n} {what} added" for what, n in added.items()))
