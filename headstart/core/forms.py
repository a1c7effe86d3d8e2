"""Form helpers shared by the areas."""

from __future__ import annotations

from flask_wtf import FlaskForm

from headstart.core.errors import DomainError


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
