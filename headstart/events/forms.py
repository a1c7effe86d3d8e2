"""The event form."""

from flask_wtf import FlaskForm
from wtforms import (
    DateTimeLocalField,
    MultipleFileField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Length, Optional

from headstart.core.bounds import form_id
from headstart.core.forms import single_line
from headstart.core.i18n import _l
from headstart.core.uploads import ACCEPTED_EXTENSIONS
from headstart.directory.forms import CorridorsField

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


def _line(label, max_length=300):
    return StringField(label, filters=[single_line],
                       validators=[Optional(), Length(max=max_length)])


class EventForm(FlaskForm):
    """An event as a member proposes it; the service checks times, zone and addresses."""

    title = _line(_l("Title"))
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=20000)])
    starts = DateTimeLocalField(_l("Starts"), format=DATETIME_FORMATS,
                                validators=[Optional()])
    ends = DateTimeLocalField(_l("Ends"), format=DATETIME_FORMATS, validators=[Optional()])
    timezone = StringField(_l("Time zone of these times"), filters=[single_line],
                           validators=[Optional(), Length(max=64)],
                           render_kw={"list": "zone-names", "autocomplete": "off"})
    place = _line(_l("Place (venue and city)"))
    online_url = _line(_l("Online link"), 500)
    languages = SelectMultipleField(_l("Languages"), validate_choice=False)
    #: Choices: the member's own organisations (all for coordinators), checked.
    organisation_id = SelectField(_l("Organiser"), coerce=form_id)
    corridors = CorridorsField(_l("Corridors"), filters=[single_line],
                               validators=[Optional(), Length(max=500)])
    themes = SelectMultipleField(_l("Themes"), validate_choice=False)
    practice_ids = SelectMultipleField(_l("Related practices"), coerce=form_id,
                                       validate_choice=False)
    materials = TextAreaField(_l("Materials"), validators=[Optional(), Length(max=20000)])
    attachments = MultipleFileField(_l("Add files"),
                                    render_kw={"accept": ",".join(ACCEPTED_EXTENSIONS)})
    remove_attachments = SelectMultipleField(_l("Remove"), coerce=form_id, validate_choice=False)

    #: Fields the view handles itself.
    NOT_VALUES = frozenset({"csrf_token", "attachments", "remove_attachments"})

    def values(self) -> dict:
        """The submitted values as the service takes them."""
        data = {name: field.data for name, field in self._fields.items()
                if name not in self.NOT_VALUES}
        data["organisation_id"] = data.get("organisation_id") or None
        return data
