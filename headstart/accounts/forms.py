"""Forms of the account pages."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from headstart.core.forms import single_line
from headstart.core.i18n import _l, available_locales, language_name
from headstart.core.security import password_problem


def _language_choices():
    return [(code, language_name(code)) for code in available_locales()]


class NewPassword:
    """Validator: the password meets the portal's rules."""

    def __call__(self, form, field):
        email = form.email.data if hasattr(form, "email") else ""
        problem = password_problem(field.data or "", email=email or "")
        if problem:
            raise ValidationError(problem)


_EMAIL = [DataRequired(_l("Please enter your e-mail address.")),
          Email(_l("Please enter a valid e-mail address.")), Length(max=254)]


class RegisterForm(FlaskForm):
    """Create an account."""

    display_name = StringField(_l("Display name"), filters=[single_line], validators=[
        DataRequired(_l("Please enter a display name.")), Length(max=120)])
    email = EmailField(_l("E-mail address"), validators=_EMAIL)
    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Please choose a password.")), NewPassword()])
    password_again = PasswordField(_l("Repeat the password"), validators=[
        DataRequired(_l("Please repeat the password.")),
        EqualTo("password", _l("The two passwords do not match."))])
    language = SelectField(_l("Preferred language"), choices=_language_choices)


class LoginForm(FlaskForm):
    """Sign in."""

    email = EmailField(_l("E-mail address"), validators=_EMAIL)
    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Please enter your password."))])
    next = HiddenField()


class ResetRequestForm(FlaskForm):
    """Ask for a password-reset link."""

    email = EmailField(_l("E-mail address"), validators=_EMAIL)


class ResetForm(FlaskForm):
    """Choose a new password through a reset link."""

    password = PasswordField(_l("New password"), validators=[
        DataRequired(_l("Please choose a password.")), NewPassword()])
    password_again = PasswordField(_l("Repeat the new password"), validators=[
        DataRequired(_l("Please repeat the password.")),
        EqualTo("password", _l("The two passwords do not match."))])


class ConfirmForm(FlaskForm):
    """One button that confirms an e-mail address (a POST, so link scanners change nothing)."""


class ProfileForm(FlaskForm):
    """Display name and preferred language."""

    display_name = StringField(_l("Display name"), filters=[single_line], validators=[
        DataRequired(_l("Please enter a display name.")), Length(max=120)])
    preferred_language = SelectField(_l("Preferred language"), choices=_language_choices)


class PasswordForm(FlaskForm):
    """Change the password, proving the current one."""

    current_password = PasswordField(_l("Current password"), validators=[
        DataRequired(_l("Please enter your current password."))])
    password = PasswordField(_l("New password"), validators=[
        DataRequired(_l("Please choose a password.")), NewPassword()])
    password_again = PasswordField(_l("Repeat the new password"), validators=[
        DataRequired(_l("Please repeat the password.")),
        EqualTo("password", _l("The two passwords do not match."))])


class DeleteForm(FlaskForm):
    """Delete the account, proving the password and confirming the intent."""

    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Please enter your password."))])
    understood = BooleanField(_l("I understand that this cannot be undone."), validators=[
        DataRequired(_l("Please confirm that you want to delete your account."))])
