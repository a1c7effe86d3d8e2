"""Forms of the directory pages."""

from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField, TextAreaField, URLField
from wtforms.validators import URL, DataRequired, Email, Length, Optional

from headstart.core.forms import single_line
from headstart.core.i18n import _l, country_choices
from headstart.directory.taxonomy import KINDS, SIDES


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
    website = URLField(_l("Website"), validators=[
        Optional(), URL(message=_l("Please enter a full web address, e.g. https://example.org.")),
        Length(max=500)])
    contact_email = EmailField(_l("Contact e-mail (members only)"), validators=[
        Optional(), Email(_l("Please enter a valid e-mail address.")), Length(max=254)])
    contact_phone = StringField(_l("Contact phone (members only)"),
                                filters=[single_line],
                                validators=[Optional(), Length(max=40)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
