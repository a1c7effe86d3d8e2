"""Forms of the directory pages."""

from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.validators import URL, DataRequired, Email, InputRequired, Length, Optional

from headstart.core.bounds import form_id
from headstart.core.forms import single_line
from headstart.core.i18n import _l, country_choices
from headstart.directory.taxonomy import KINDS, SERVICES, SIDES, language_choices


def _service_choices():
    return [(code, str(label)) for code, label in SERVICES.items()]


class OrganisationForm(FlaskForm):
    """Create or edit an organisation."""

    name = StringField(_l("Name"), filters=[single_line], validators=[
        DataRequired(_l("Please enter the organisation's name.")), Length(max=200)])
    acronym = StringField(_l("Acronym"), filters=[single_line],
                          validators=[Optional(), Length(max=40)])
    kind = SelectField(_l("Kind of organisation"),
                       choices=lambda: [(code, str(label)) for code, label in KINDS.items()])
    side = SelectField(_l("Side of the corridor"),
                       choices=lambda: [(code, str(label)) for code, label in SIDES.items()])
    country = SelectField(_l("Country"), choices=lambda: country_choices(),
                          validators=[DataRequired(_l("Choose a country."))])
    city = StringField(_l("City"), filters=[single_line], validators=[Optional(), Length(max=120)])
    services = SelectMultipleField(_l("Services offered"), choices=_service_choices)
    languages = SelectMultipleField(_l("Languages people are served in"),
                                    choices=lambda: language_choices())
    corridors = StringField(_l("Corridors served"), filters=[single_line],
                            validators=[Optional(), Length(max=400)])
    website = URLField(_l("Website"), validators=[
        Optional(), URL(message=_l("Please enter a full web address, e.g. https://example.org.")),
        Length(max=500)])
    contact_email = EmailField(_l("Contact e-mail (members only)"), validators=[
        Optional(), Email(_l("Please enter a valid e-mail address.")), Length(max=254)])
    contact_phone = StringField(_l("Contact phone (members only)"),
                                filters=[single_line],
                                validators=[Optional(), Length(max=40)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])


class LinkForm(FlaskForm):
    """Propose a link from one of the member's organisations to another organisation."""

    organisation = SelectField(_l("On behalf of"), coerce=form_id, validate_choice=False)
    corridor = StringField(_l("Corridor the link covers"), filters=[single_line],
                           validators=[DataRequired(_l("Choose the corridor the link covers: "
                                                       "two different countries.")),
                                       Length(max=20)])
    services = SelectMultipleField(_l("Services the link covers"), choices=_service_choices)
    note = TextAreaField(_l("Note to the other organisation"),
                         validators=[Optional(), Length(max=2000)])


class LinkAnswerForm(FlaskForm):
    """Accept, decline, withdraw or end a link, with an optional note for the history."""

    note = TextAreaField(_l("Note (kept in the history)"),
                         validators=[Optional(), Length(max=2000)])


class MergeForm(FlaskForm):
    """Merge a duplicate into another organisation."""

    target = SelectField(_l("Merge into"), coerce=form_id, validate_choice=False,
                         validators=[InputRequired(_l("Choose the organisation to keep."))])
