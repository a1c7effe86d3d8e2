"""``flask demo load``: real-looking demo content, loaded idempotently."""

from sqlalchemy import func, select

from headstart.accounts.models import User
from headstart.demo.data import ACCOUNTS, DEMO_PASSWORD, ORGANISATIONS
from headstart.directory.models import Organisation
from headstart.extensions import db
from tests.helpers import sign_in


def counts(app):
    with app.app_context():
        return (db.session.scalar(select(func.count(User.id))),
                db.session.scalar(select(func.count(Organisation.id))))


def test_demo_load_is_idempotent_and_demo_accounts_sign_in(app, runner):
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    assert counts(app) == (len(ACCOUNTS), len(ORGANISATIONS))
    second = runner.invoke(args=["demo", "load"])
    assert second.exit_code == 0
    assert "0 users added, 0 organisations added" in second.output
    assert counts(app) == (len(ACCOUNTS), len(ORGANISATIONS))

    for email, _name, _role, _lang, _orgs in ACCOUNTS:
        client = app.test_client()
        assert sign_in(client, email, DEMO_PASSWORD).status_code == 302, email
    directory = app.test_client().get("/directory/?country=MD").get_data(as_text=True)
    assert "Migrant Resource Centre Chișinău" in directory


def test_demo_load_if_empty_leaves_a_used_portal_alone(app, runner, make_user):
    make_user()
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0
    assert "not loaded" in result.output
    assert counts(app) == (1, 0)


def test_demo_covers_the_corridors_of_the_spec(app, runner):
    runner.invoke(args=["demo", "load"])
    with app.app_context():
        origin = set(db.session.scalars(select(Organisation.country).where(
            Organisation.side.in_(["origin", "both"]))))
        destination = set(db.session.scalars(select(Organisation.country).where(
            Organisation.side.in_(["destination", "both"]))))
    assert {"MD", "XK", "MK", "UA", "VN", "PH"} <= origin
    assert {"IT", "AT", "DE", "CZ"} <= destination
