"""The notifications settings form: one e-mail choice per kind the member can receive."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.validators import InputRequired

from headstart.core.i18n import _l
from headstart.notifications.services import EMAIL_CHOICES, EMAIL_LABELS, SETTINGS


def settings_form(kinds: list[str]) -> FlaskForm:
    """A form with a radio group per kind in ``kinds`` (the fields are named after the
    kinds, which differ per member: coordinators have more)."""

    class SettingsForm(FlaskForm):
        pass

    for kind in kinds:
        setattr(SettingsForm, kind, RadioField(
            SETTINGS[kind][0],
            choices=lambda: [(code, str(EMAIL_LABELS[code])) for code in EMAIL_CHOICES],
            validators=[InputRequired(_l("Please choose one of the options."))]))
    return SettingsForm()
