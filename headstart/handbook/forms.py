"""Forms of the handbook editor."""

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from headstart.core.bounds import form_id
from headstart.core.forms import single_line
from headstart.core.i18n import LOCALES, _l, language_name

BODY_MAX = 100_000


class ChapterForm(FlaskForm):
    """A new chapter (or a new title for one)."""

    title = StringField(_l("Chapter title"), filters=[single_line],
                        validators=[DataRequired(), Length(max=200)])


class ChapterTitleForm(FlaskForm):
    """A chapter's title in another language (empty: remove it)."""

    language = SelectField(_l("Language"),
                           choices=lambda: [(code, language_name(code)) for code in LOCALES])
    title = StringField(_l("Title in that language"), filters=[single_line],
                        validators=[Optional(), Length(max=200)])


class SectionForm(FlaskForm):
    """An edit of a section's title and text; ``base_revision`` is the revision the editor
    started from (conflict detection)."""

    title = StringField(_l("Title"), filters=[single_line],
                        validators=[DataRequired(), Length(max=300)])
    body = TextAreaField(_l("Text (Markdown)"), validators=[Optional(), Length(max=BODY_MAX)],
                         render_kw={"rows": 24})
    summary = StringField(_l("Summary of your change"), filters=[single_line],
                          validators=[Optional(), Length(max=300)])
    review_by = DateField(_l("Review by"), validators=[Optional()], render_kw={"type": "date"})
    chapter_id = SelectField(_l("Chapter"), coerce=form_id, validate_choice=False)
    base_revision = HiddenField()
    preview = SubmitField(_l("Preview"))
    save = SubmitField(_l("Save revision"))


class NewSectionForm(SectionForm):
    """A new section: also its address and language."""

    slug = StringField(_l("Address (slug)"), filters=[single_line],
                       validators=[DataRequired(), Length(max=80)])
    language = SelectField(_l("Language the section is written in"), default="en",
                           choices=lambda: [(code, language_name(code)) for code in LOCALES])


class TranslationForm(FlaskForm):
    """A translation of a section into one language."""

    title = StringField(_l("Title"), filters=[single_line],
                        validators=[DataRequired(), Length(max=300)])
    body = TextAreaField(_l("Text (Markdown)"), validators=[Optional(), Length(max=BODY_MAX)],
                         render_kw={"rows": 24})
    summary = StringField(_l("Summary of your change"), filters=[single_line],
                          validators=[Optional(), Length(max=300)])
    base_revision = HiddenField()
    preview = SubmitField(_l("Preview"))
    save = SubmitField(_l("Save translation"))


class PublishForm(FlaskForm):
    """Publishing a new edition."""

    release_notes = TextAreaField(_l("Release notes (Markdown)"),
                                  validators=[Optional(), Length(max=20_000)],
                                  render_kw={"rows": 8})
