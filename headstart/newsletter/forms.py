"""Forms of the newsletter: subscribing, writing an issue and its translations."""

from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import Email, InputRequired, Length, Optional

from headstart.core.forms import single_line
from headstart.core.i18n import LOCALES, _l, language_name


def _languages():
    return [(code, language_name(code)) for code in LOCALES]


class SubscribeForm(FlaskForm):
    """An address and the language to read the newsletter in."""

    email = EmailField(_l("E-mail address"), filters=[single_line], validators=[
        InputRequired(_l("Give your e-mail address.")),
        Email(_l("This does not look like an e-mail address."), check_deliverability=False),
        Length(max=254)])
    language = SelectField(_l("Language"), choices=_languages)


class IssueForm(FlaskForm):
    """An issue in its own language."""

    subject = StringField(_l("Subject"), filters=[single_line],
                          validators=[Optional(), Length(max=200)])
    language = SelectField(_l("Language of this text"), choices=_languages)
    body = TextAreaField(_l("Text"), validators=[Optional(), Length(max=50000)])

    def values(self) -> dict:
        """The submitted values as the service takes them."""
        return {"subject": self.subject.data or "", "language": self.language.data,
                "body": self.body.data or ""}


class TranslationForm(IssueForm):
    """The same issue in another language."""

    language = SelectField(_l("Language of the translation"), choices=_languages)
