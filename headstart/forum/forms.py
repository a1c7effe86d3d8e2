"""Forum forms. A writing form has two buttons: "Preview" renders the text without
saving it (works without JavaScript), "Post" saves it."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import IntegerField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from headstart.core.bounds import form_id
from headstart.core.forms import single_line
from headstart.core.i18n import _l
from headstart.forum.services import MAX_BODY, MAX_TITLE

ACCESS_LABELS = {"public": _l("Everyone, visitors included"),
                 "members": _l("Signed-in members only"),
                 "coordinators": _l("Coordinators only")}
GROUPING_LABELS = {"theme": _l("By theme"), "corridor": _l("By corridor")}
EMAIL_LABELS = {"immediately": _l("Immediately, one e-mail per notification"),
                "daily": _l("Once a day, a digest of what happened"),
                "weekly": _l("Once a week, a digest of what happened"),
                "off": _l("Never (I read them on the portal)")}


def _choices(labels: dict):
    return lambda: [(code, str(label)) for code, label in labels.items()]
BODY_HINT = _l("Markdown: **bold**, *italic*, [link](https://…), > quote, - list. "
               "Mention a member with @ and their handle, e.g. @ana-rusu.")


def _body():
    return TextAreaField(_l("Your message"), validators=[
        DataRequired(_l("Please write something.")), Length(max=MAX_BODY)],
        render_kw={"rows": 10})


class _Writing(FlaskForm):
    preview = SubmitField(_l("Preview"))
    submit = SubmitField(_l("Post"))

    @property
    def previewing(self) -> bool:
        return bool(self.preview.data)


class TopicForm(_Writing):
    """A new topic: its title and first post (and its category when started from a
    subject's page)."""

    category_id = SelectField(_l("Category"), coerce=form_id, validate_choice=False)
    title = StringField(_l("Title"), filters=[single_line], validators=[
        DataRequired(_l("Please give the topic a title.")), Length(max=MAX_TITLE)])
    body = _body()


class ReplyForm(_Writing):
    body = _body()


class EditForm(_Writing):
    """Editing a post; the title only for the post that opened the topic."""

    title = StringField(_l("Title"), filters=[single_line],
                        validators=[Optional(), Length(max=MAX_TITLE)])
    body = _body()
    submit = SubmitField(_l("Save changes"))


class ReasonForm(FlaskForm):
    """A moderation action with an optional reason."""

    reason = StringField(_l("Reason"), filters=[single_line],
                         validators=[Optional(), Length(max=1000)])


class RequiredReasonForm(FlaskForm):
    reason = StringField(_l("Reason"), filters=[single_line], validators=[
        DataRequired(_l("Please give a reason.")), Length(max=500)])


class MoveForm(FlaskForm):
    category_id = SelectField(_l("Move to category"), coerce=form_id, validate_choice=False)
    reason = StringField(_l("Reason"), filters=[single_line],
                         validators=[Optional(), Length(max=1000)])


class CategoryForm(FlaskForm):
    name = StringField(_l("Name"), filters=[single_line], validators=[
        DataRequired(_l("Please give the category a name.")), Length(max=120)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=2000)],
                                render_kw={"rows": 3})
    grouping = RadioField(_l("Kind of category"), choices=_choices(GROUPING_LABELS),
                          default="theme")
    access = RadioField(_l("Who may read it"), choices=_choices(ACCESS_LABELS), default="public")
    position = IntegerField(_l("Position (smallest first)"), default=0, validators=[
        InputRequired(_l("Please give a whole number.")), NumberRange(min=0, max=10_000)])


class SettingsForm(FlaskForm):
    email = RadioField(_l("E-mail me about forum notifications"),
                       choices=_choices(EMAIL_LABELS),
                       validators=[InputRequired(_l("Please choose one of the options."))])
