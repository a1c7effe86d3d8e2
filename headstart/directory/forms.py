"""Forms of the directory pages."""

from __future__ import annotations

import re
from itertools import zip_longest

from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.utils import unset_value
from wtforms.validators import (
    URL,
    DataRequired,
    Email,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from headstart.core.bounds import form_id
from headstart.core.countries import split_choices
from headstart.core.forms import single_line
from headstart.core.i18n import _l, country_choices
from headstart.directory.services import parse_corridor
from headstart.directory.taxonomy import KINDS, SERVICES, SIDES, language_choices


def _service_choices():
    return [(code, str(label)) for code, label in SERVICES.items()]


def _code(value) -> str:
    # Cut, not to two letters: "MDX" must be refused, not read as "MD".
    return str(value or "").strip().upper()[:8]


class CorridorField(StringField):
    """One corridor chosen as two selects, ``<name>-origin`` and ``<name>-destination``
    (macro ``corridor_chooser``). ``data`` stays the text the services parse (``"MD-IT"``),
    so storage and API do not change; a typed ``<name>`` (old clients) is still read."""

    #: How many corridors one field takes at most (``parse_corridors`` refuses more).
    max_rows = 1

    def process(self, formdata, data=unset_value, extra_filters=None):
        """Read the chosen pairs when the selects were posted, the typed text otherwise."""
        super().process(formdata, data, extra_filters)
        self.posted_pairs = None
        origins_key, destinations_key = f"{self.name}-origin", f"{self.name}-destination"
        if formdata is None or (origins_key not in formdata
                                and destinations_key not in formdata):
            return
        pairs = [(_code(origin), _code(destination)) for origin, destination in zip_longest(
            formdata.getlist(origins_key)[:self.max_rows],
            formdata.getlist(destinations_key)[:self.max_rows], fillvalue="")]
        self.posted_pairs = [pair for pair in pairs if any(pair)]
        chosen = [f"{origin}-{destination}" for origin, destination in self.posted_pairs
                  if origin and destination]
        typed = self.data if isinstance(self.data, str) and self.data.strip() else ""
        self.data = ", ".join(chosen + ([typed] if typed else []))
        # What validators such as Optional() look at: a half-chosen row is not empty.
        self.raw_data = [self.data or " ".join("".join(pair) for pair in self.posted_pairs)]

    def pre_validate(self, form):
        """Each chosen row needs two different countries from the list."""
        known = {code for code, _name in country_choices("en")}
        for origin, destination in self.posted_pairs or ():
            if not origin or not destination:
                raise ValidationError(str(_l(
                    "Choose both countries of each corridor: where people leave from and "
                    "where they go.")))
            if origin not in known or destination not in known:
                raise ValidationError(str(_l("Choose countries from the list.")))
            if origin == destination:
                raise ValidationError(str(_l(
                    "A corridor joins two different countries: choose another destination "
                    "country.")))

    def pairs(self) -> list[tuple[str, str]]:
        """The corridors to show as selected: as posted, or from the stored text."""
        if self.posted_pairs is not None:
            return list(self.posted_pairs)
        data = self.data
        pieces = data if isinstance(data, list | tuple) else re.split(r"[,;\n]+", data or "")
        found = (parse_corridor(str(piece)) for piece in pieces)
        return [pair for pair in found if pair is not None]

    def rows(self, spare: int = 0) -> list[tuple[str, str]]:
        """The pairs to render: the chosen ones, then ``spare`` empty rows (one at least,
        none beyond ``max_rows``)."""
        pairs = self.pairs()[:self.max_rows]
        empty = max(spare, 0 if pairs else 1)
        return pairs + [("", "")] * max(0, min(empty, self.max_rows - len(pairs)))

    def country_groups(self) -> dict[str, list[tuple[str, str]]]:
        """Countries for the selects: the network's first, then all the others."""
        groups = split_choices(country_choices(), ())
        return {"network": groups["network"], "rest": groups["rest"]}


class CorridorsField(CorridorField):
    """Several corridors, each a row of two selects with the same names (the browser posts
    them in order, so the n-th origin goes with the n-th destination)."""

    max_rows = 40


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
    corridors = CorridorsField(_l("Corridors served"), filters=[single_line],
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
    corridor = CorridorField(_l("Corridor the link covers"), filters=[single_line],
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
