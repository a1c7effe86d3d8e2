"""Fixtures of the notifications tests: the configured public address, and helpers to
disable an account, add a member to an organisation and choose an e-mail setting."""

import re

import pytest

from headstart.extensions import db
from tests.helpers import post_form

BASE = "https://portal.example.org"


@pytest.fixture(autouse=True)
def _public_address(app, monkeypatch):
    """Every mail link must be on the configured address, never the request's."""
    monkeypatch.setitem(app.config, "BASE_URL", BASE)


@pytest.fixture
def disable(app):
    """Disable an account: ``disable(user)``."""
    from headstart.accounts.models import User

    def factory(user):
        with app.app_context():
            db.session.get(User, user.id).disabled = True
            db.session.commit()

    return factory


@pytest.fixture
def add_member(app):
    """Make ``user`` an active member of the organisation with id ``organisation_id``."""
    from headstart.directory.models import Membership

    def factory(organisation_id, user):
        with app.app_context():
            db.session.add(Membership(user_id=user.id, organisation_id=organisation_id,
                                      status="active"))
            db.session.commit()

    return factory


def choose(client, **choices):
    """Save these e-mail choices on the settings page (the other kinds: immediately)."""
    page = client.get("/notifications/settings").get_data(as_text=True)
    kinds = set(re.findall(r'<input[^>]*name="([a-z_]+)"[^>]*type="radio"', page))
    data = {kind: "immediately" for kind in kinds}
    data.update(choices)
    return post_form(client, "/notifications/settings", data,
                     page="/notifications/settings")
