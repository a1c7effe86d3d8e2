"""Reading notification mail in the notifications tests."""

from flask_babel import force_locale, gettext

from tests.helpers import Outbox

FOOTER = ("You receive this because of your settings on HEADSTART. Manage your saved "
          "searches and notifications here:")


def footer_in(app, language: str) -> str:
    """The footer of a notification e-mail as rendered in ``language``."""
    with app.test_request_context("/"), force_locale(language):
        return " ".join(gettext(FOOTER).split())


def assert_rendered_in(app, message, language: str) -> None:
    """The message was rendered in ``language`` (its translated footer, not English)."""
    body = " ".join(Outbox.body(message).split())
    expected = footer_in(app, language)
    if language != "en":
        assert expected != footer_in(app, "en"), "the footer is not translated"
    assert expected in body, body
