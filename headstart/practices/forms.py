"""The practice form, split into the record's sections."""

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    MultipleFileField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Length, Optional

from headstart.core.bounds import form_id
from headstart.core.forms import CountriesField, single_line
from headstart.core.i18n import LOCALES, _l, language_name
from headstart.core.uploads import ACCEPTED_EXTENSIONS

LONG_TEXT = 20000


def _text(label, max_length=LONG_TEXT):
    return TextAreaField(label, validators=[Optional(), Length(max=max_length)])


def _line(label, max_length=200):
    return StringField(label, filters=[single_line], validators=[Optional(),
                                                                 Length(max=max_length)])


def _countries(label):
    return CountriesField(label)


class PracticeForm(FlaskForm):
    """Every field of the record. Required-ness is checked on submission, not on saving a
    draft; the service checks codes, dates, e-mail and web address."""

    # About
    title = _line(_l("Title"), 300)
    summary = _text(_l("Summary"), 3000)
    language = SelectField(_l("Language of this record"),
                           choices=lambda: [(code, language_name(code)) for code in LOCALES])
    phase = SelectField(_l("Phase"), validate_choice=False)
    call_id = SelectField(_l("In answer to a call for practices"), coerce=form_id,
                          validate_choice=False)
    # Where and when
    implementation_countries = _countries(_l("Countries of implementation"))
    origin_countries = _countries(_l("Countries of origin (corridor)"))
    destination_countries = _countries(_l("Destination countries (corridor)"))
    city_region = _line(_l("City or region"))
    start_date = DateField(_l("Start date"), validators=[Optional()],
                           render_kw={"type": "date"})
    end_date = DateField(_l("End date"), validators=[Optional()], render_kw={"type": "date"})
    # The practice
    challenge = _text(_l("Challenge and objectives"))
    approach = _text(_l("How it works"))
    results = _text(_l("Results"))
    evaluation = _text(_l("Evaluation"))
    beneficiaries = _text(_l("Who benefits"))
    funding = _text(_l("Funding and resources"))
    # Who
    lead_organisation_id = SelectField(_l("Lead organisation"), coerce=form_id,
                                       validate_choice=False)
    partner_ids = SelectMultipleField(_l("Partner organisations"), coerce=form_id,
                                      validate_choice=False)
    contact_name = _line(_l("Contact person"))
    contact_role = _line(_l("Role of the contact person"))
    contact_email = StringField(_l("Contact e-mail"), filters=[single_line],
                                validators=[Optional(), Length(max=254)])
    website = StringField(_l("Website"), filters=[single_line],
                          validators=[Optional(), Length(max=500)])
    # Classification
    themes = SelectMultipleField(_l("Themes"), validate_choice=False)
    target_groups = SelectMultipleField(_l("Target groups"), validate_choice=False)
    gcm_objectives = SelectMultipleField(_l("Global Compact for Migration objectives"),
                                         validate_choice=False)
    criteria = SelectMultipleField(_l("Good-practice criteria it meets"),
                                   validate_choice=False)
    # Attachments (checked and stored by the view, not part of ``values``)
    attachments = MultipleFileField(_l("Add files"),
                                    render_kw={"accept": ",".join(ACCEPTED_EXTENSIONS)})
    remove_attachments = SelectMultipleField(_l("Remove"), coerce=form_id, validate_choice=False)

    SECTIONS = (
        (_l("About the practice"), ("title", "summary", "language", "phase", "call_id")),
        (_l("Where and when"), ("implementation_countries", "origin_countries",
                                "destination_countries", "city_region", "start_date",
                                "end_date")),
        (_l("The practice"), ("challenge", "approach", "results", "evaluation",
                              "beneficiaries", "funding")),
        (_l("Organisations and contact"), ("lead_organisation_id", "partner_ids",
                                           "contact_name", "contact_role", "contact_email",
                                           "website")),
        (_l("Classification"), ("themes", "target_groups", "gcm_objectives", "criteria")),
        (_l("Attachments"), ("attachments",)),
    )
    #: Fields the view handles itself.
    NOT_VALUES = frozenset({"csrf_token", "attachments", "remove_attachments"})

    def values(self) -> dict:
        """The submitted values as the service takes them."""
        data = {name: field.data for name, field in self._fields.items()
                if name not in self.NOT_VALUES}
        data["lead_organisation_id"] = data.get("lead_organisation_id") or None
        data["call_id"] = data.get("call_id") or None
        return data


class ReviewForm(FlaskForm):
    """Comments for the author when returning a practice; the criteria a reviewer confirms
    when publishing."""

    comment = TextAreaField(_l("Comments for the author"),
                            validators=[Optional(), Length(max=5000)])
    confirmed_criteria = SelectMultipleField(_l("Good-practice criteria you confirm"),
                                             validate_choice=False)


class CallForm(FlaskForm):
    """A call for practices."""

    title = _line(_l("Title"), 300)
    description = _text(_l("What the call asks for"), 10000)
    phase = SelectField(_l("Phase"), validate_choice=False)
    themes = SelectMultipleField(_l("Themes"), validate_choice=False)
    origin_countries = _countries(_l("Countries of origin (corridor)"))
    destination_countries = _countries(_l("Destination countries (corridor)"))
    deadline = DateField(_l("Deadline (last day for answers)"), validators=[Optional()],
                         render_kw={"type": "date"})

    def values(self) -> dict:
        """The submitted values as the service takes them."""
        return {name: field.data for name, field in self._fields.items()
                if name != "csrf_token"}


class TermForm(FlaskForm):
    """A taxonomy term as an admin edits it; labels in other languages come as
    ``label_<code>`` fields read by the view."""

    code = StringField(_l("Code"), filters=[single_line],
                       validators=[Optional(), Length(max=40)])
    label = _line(_l("Label in English"))
    group = SelectField(_l("Group"), validate_choice=False)
    position = StringField(_l("Position in the list"), filters=[single_line],
                           validators=[Optional(), Length(max=6)])
