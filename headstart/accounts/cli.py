"""``flask users …``: create accounts from the command line."""

import click
from flask.cli import with_appcontext

from headstart.accounts import services
from headstart.core.auth import ROLES
from headstart.core.errors import DomainError
from headstart.extensions import db


@click.group()
def users():
    """Manage user accounts."""


@users.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), default="practitioner", show_default=True)
@click.option("--password", help="Asked for (hidden, twice) when omitted.")
@click.option("--name", "display_name", default="", help="Display name (default: from e-mail).")
@with_appcontext
def create(email, role, password, display_name):
    """Create a confirmed account with ROLE."""
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = services.create_user(email, password, display_name=display_name, role=role,
                                    confirmed=True)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(error.message) from error
    db.session.commit()
    click.echo(f"Created {user.email} ({user.role}).")
