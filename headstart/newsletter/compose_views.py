"""Writing, translating, previewing and sending newsletters (coordinators). Routes of the
``newsletter`` blueprint under ``/newsletter/compose``."""

from __future__ import annotations

import logging

from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from sqlalchemy import select

from headstart.core import blocks
from headstart.core.auth import role_required
from headstart.core.errors import DomainError, NotFound
from headstart.core.forms import ActionForm
from headstart.core.i18n import _, _n, current_locale_code, language_name
from headstart.extensions import db
from headstart.newsletter import composing, sending, subscriptions
from headstart.newsletter.forms import IssueForm, TranslationForm
from headstart.newsletter.models import Issue
from headstart.newsletter.views import bp

logger = logging.getLogger(__name__)


def _get(issue_id: int) -> Issue:
    issue = db.session.get(Issue, issue_id)
    if issue is None:
        raise NotFound(str(_("No such newsletter.")))
    return issue


@bp.route("/compose/")
@role_required("coordinator")
def compose_index():
    """Every issue with its state, and how many people subscribe (counts only)."""
    issues = list(db.session.scalars(select(Issue).order_by(Issue.id.desc())))
    progress = {i.id: (sending.delivered_count(i.id), sending.pending_count(i.id))
                for i in issues if i.status == "sending"}
    return render_template("newsletter/compose_index.html", issues=issues,
                           counts=subscriptions.counts(), progress=progress,
                           language_name=language_name)


def _editor(form, issue, status=200, problems=None, translation=False):
    for field, message in (problems or {}).items():
        if field in form._fields:
            form[field].errors = [*form[field].errors, message]
    return render_template("newsletter/compose.html", form=form, issue=issue,
                           blocks=blocks.registered(), translation=translation,
                           language_name=language_name), status


@bp.route("/compose/new", methods=["GET", "POST"])
@bp.route("/compose/<int:issue_id>", methods=["GET", "POST"])
@role_required("coordinator")
def compose(issue_id: int | None = None):
    """Write a new issue or change a draft."""
    issue = _get(issue_id) if issue_id is not None else None
    if issue is not None and issue.status != "draft":
        return redirect(url_for("newsletter.preview", issue_id=issue.id))
    form = IssueForm(obj=issue if request.method == "GET" else None)
    if request.method == "GET" and issue is None:
        form.language.data = current_locale_code()
    if not form.validate_on_submit():
        return _editor(form, issue, 422 if request.method == "POST" else 200)
    try:
        saved = composing.save_issue(form.values(), actor=current_user, issue=issue)
    except composing.InvalidIssue as error:
        db.session.rollback()
        form.form_errors.append(error.message)
        return _editor(form, issue, 422, error.problems)
    db.session.commit()
    flash(_("The newsletter was saved."), "success")
    return redirect(url_for("newsletter.preview", issue_id=saved.id))


@bp.route("/compose/<int:issue_id>/translation", methods=["GET", "POST"])
@role_required("coordinator")
def translate(issue_id: int):
    """Add or change the issue in another language (``?language=`` opens one)."""
    issue = _get(issue_id)
    if issue.status != "draft":
        return redirect(url_for("newsletter.preview", issue_id=issue.id))
    form = TranslationForm()
    if request.method == "GET":
        existing = issue.translation(request.args.get("language", ""))
        if existing is not None:
            form.language.data, form.subject.data = existing.language, existing.subject
            form.body.data = existing.body
        else:
            form.body.data = issue.body  # start from the original, blocks included
    if not form.validate_on_submit():
        return _editor(form, issue, 422 if request.method == "POST" else 200,
                       translation=True)
    try:
        composing.save_translation(issue, form.values(), actor=current_user)
    except composing.InvalidIssue as error:
        db.session.rollback()
        form.form_errors.append(error.message)
        return _editor(form, issue, 422, error.problems, translation=True)
    db.session.commit()
    flash(_("The translation was saved."), "success")
    return redirect(url_for("newsletter.preview", issue_id=issue.id,
                            language=form.language.data))


@bp.route("/compose/<int:issue_id>/preview")
@role_required("coordinator")
def preview(issue_id: int):
    """The mail as it will be sent in one language: HTML and plain text."""
    issue = _get(issue_id)
    language = request.args.get("language") or issue.language
    version = composing.version(issue, language)
    counts = subscriptions.counts()
    languages = [issue.language] + [t.language for t in issue.translations]
    own = counts["by_language"].get
    # Subscribers of a language without translation get the original.
    original_readers = counts["confirmed"] - sum(own(code, 0) for code in languages[1:])
    text_preview = render_template("email/newsletter.txt", version=version, online_url="…",
                                   unsubscribe_url="…")
    return render_template(
        "newsletter/preview.html", issue=issue, version=version, languages=languages,
        text_preview=text_preview,
        language_name=language_name, counts=counts, original_readers=original_readers,
        unknown=composing.unknown_blocks(issue.body) if issue.status == "draft" else [],
        action_form=ActionForm(), online_url="#", unsubscribe_url="#",
        progress=(sending.delivered_count(issue.id), sending.pending_count(issue.id)))


@bp.route("/compose/<int:issue_id>/preview/mail.html")
@role_required("coordinator")
def preview_mail(issue_id: int):
    """The HTML mail itself, exactly as sent, for the preview page's frame: its inline styles
    are allowed here only, and it runs nothing."""
    issue = _get(issue_id)
    version = composing.version(issue, request.args.get("language") or issue.language)
    body = render_template("email/newsletter.html", version=version, online_url="#",
                           unsubscribe_url="#")
    return body, 200, {
        "Content-Security-Policy": ("default-src 'none'; style-src 'unsafe-inline'; "
                                    "img-src data:; frame-ancestors 'self'; sandbox"),
        "X-Frame-Options": "SAMEORIGIN"}


@bp.route("/compose/<int:issue_id>/send", methods=["POST"])
@role_required("coordinator")
def send(issue_id: int):
    """Send (or go on sending) the issue to every confirmed subscriber: at once for a short
    list, in the background for a long one."""
    if not ActionForm().validate_on_submit():
        abort(400)
    issue = _get(issue_id)
    try:
        sending.start(issue, actor=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(url_for("newsletter.compose_index"))
    if sending.pending_count(issue.id) <= current_app.config["NEWSLETTER_BATCH"]:
        db.session.commit()
        sent = sending.send(issue.id)
        flash(_n("The newsletter was sent to %(num)d subscriber.",
                 "The newsletter was sent to %(num)d subscribers.", sent), "success")
    else:
        sending.queue(issue)
        db.session.commit()
        flash(_("Sending has started; this page shows how far it got."), "success")
    return redirect(url_for("newsletter.compose_index"))
