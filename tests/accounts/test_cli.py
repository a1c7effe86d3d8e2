"""``flask users create``."""

from tests.helpers import sign_in


def test_users_create_makes_a_confirmed_account_with_the_role(app, runner):
    result = runner.invoke(args=["users", "create", "Coord@Example.org", "--role", "coordinator",
                                 "--password", "a long network phrase"])
    assert result.exit_code == 0, result.output
    assert "coord@example.org (coordinator)" in result.output
    client = app.test_client()
    assert sign_in(client, "coord@example.org", "a long network phrase").status_code == 302


def test_users_create_asks_for_the_password_when_omitted(app, runner):
    result = runner.invoke(args=["users", "create", "asked@example.org"],
                           input="typed at the prompt 1\ntyped at the prompt 1\n")
    assert result.exit_code == 0, result.output
    assert sign_in(app.test_client(), "asked@example.org", "typed at the prompt 1").status_code \
        == 302


def test_users_create_explains_a_taken_address_and_a_weak_password(runner, make_user):
    make_user(email="taken@example.org")
    taken = runner.invoke(args=["users", "create", "taken@example.org", "--password",
                                "a long enough phrase"])
    assert taken.exit_code == 1
    assert "already exists" in taken.output
    weak = runner.invoke(args=["users", "create", "weak@example.org", "--password", "short"])
    assert weak.exit_code == 1
    assert "at least 12 characters" in weak.output


def test_users_create_refuses_an_unknown_role(runner):
    result = runner.invoke(args=["users", "create", "x@example.org", "--role", "emperor",
                                 "--password", "a long enough phrase"])
    assert result.exit_code == 2
    assert "emperor" in result.output
