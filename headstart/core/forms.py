"""Form helpers shared by the areas."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectMultipleField
from wtforms.validators import ValidationError

from headstart.core.countries import split_choices
from headstart.core.errors import DomainError
from headstart.core.i18n import _l, country_choices


class ActionForm(FlaskForm):
    """A form with only the CSRF token, for POST buttons (sign out, approve, …)."""


def single_line(value):
    """Form filter: trim and fold whitespace, so no line break or tab reaches a one-line field
    (or an e-mail header built from it)."""
    if not isinstance(value, str):
        return value
    value = "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")
    return " ".join(value.split())


def apply_error(form, error: DomainError) -> None:
    """Show a service's :class:`DomainError` on the form field it names (or the whole form)."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)


class CountriesField(SelectMultipleField):
    """Several ISO countries, rendered by the ``country_chooser`` macro
    (``templates/_macros/countries.html``) as checkboxes, the network's countries first.
    Codes are upper-cased; one that is not a country is refused with a message (422), not
    stored."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("choices", lambda: country_choices())
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist):
        """Codes as posted, trimmed and upper-cased, each once, at most 300."""
        codes = [str(value).strip().upper() for value in valuelist[:300]]
        self.data = list(dict.fromkeys(code for code in codes if code))

    def pre_validate(self, form):
        """Refuse codes that are not in the list of countries."""
        known = {code for code, _name in self.choices}
        if any(code not in known for code in self.data or ()):
            raise ValidationError(str(_l("Choose countries from the list.")))

    def groups(self) -> dict[str, list[tuple[str, str]]]:
        """The choices as the chooser shows them: chosen, the network's, the rest."""
        return split_choices(self.choices, self.data or ())
