"""Public newsletter pages: the archive with the subscription form, an issue, and the
confirmation and unsubscribe links (which work without signing in)."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import current_user
from sqlalchemy import select

from headstart.accounts.tokens import TokenError
from headstart.core.auth import has_role
from headstart.core.errors import NotFound
from headstart.core.forms import ActionForm
from headstart.core.i18n import _, current_locale_code, is_supported, language_name
from headstart.extensions import csrf, db, limiter
from headstart.newsletter import composing, subscriptions
from headstart.newsletter.forms import SubscribeForm
from headstart.newsletter.models import Issue

bp = Blueprint("newsletter", __name__, url_prefix="/newsletter")


def _mail_form_limit() -> str:
    return current_app.config["MAIL_FORM_LIMIT"]


def _archive() -> list[Issue]:
    return list(db.session.scalars(select(Issue).where(Issue.status.in_(("sending", "sent")))
                                   .order_by(Issue.send_started_at.desc(), Issue.id.desc())))


def _archive_page(form: SubscribeForm, status: int = 200):
    return render_template("newsletter/index.html", issues=_archive(), form=form,
                           language=current_locale_code()), status


@bp.route("/")
def index():
    """Sent issues, newest first, and the subscription form."""
    form = SubscribeForm(language=current_locale_code())
    return _archive_page(form)


@bp.route("/subscribe", methods=["POST"])
@limiter.limit(_mail_form_limit)
def subscribe():
    """Ask for the newsletter: a confirmation link is sent; the answer is the same whether
    the address was subscribed already or not."""
    form = SubscribeForm()
    if not form.validate_on_submit():
        return _archive_page(form, 422)
    language = form.language.data if is_supported(form.language.data) else "en"
    subscriptions.subscribe(form.email.data, language)
    db.session.commit()
    return render_template("newsletter/check_inbox.html")


@bp.route("/<int:issue_id>")
@bp.route("/<int:issue_id>-<slug>")
def issue(issue_id: int, slug: str | None = None):
    """A sent issue in the reader's language when it has that translation (``?language=``
    chooses another); coordinators also see drafts."""
    found = db.session.get(Issue, issue_id)
    if found is None or (found.status == "draft" and not has_role(current_user,
                                                                   "coordinator")):
        raise NotFound(str(_("No such newsletter.")))
    wanted = request.args.get("language") or current_locale_code()
    version = composing.version(found, wanted)
    languages = [found.language] + [t.language for t in found.translations]
    return render_template("newsletter/issue.html", issue=found, version=version,
                           languages=languages, language_name=language_name)


def _token_problem(error: TokenError):
    return render_template("newsletter/token_problem.html", expired=error.expired), 400


@bp.route("/confirm/<token>", methods=["GET", "POST"])
def confirm(token: str):
    """The confirmation link shows a button (mail scanners that open links confirm
    nothing); the button confirms."""
    try:
        subscriptions.check_confirm_token(token)
    except TokenError as error:
        return _token_problem(error)
    form = ActionForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        subscriptions.confirm(token)
        db.session.commit()
        return render_template("newsletter/done.html", confirmed=True)
    return render_template("newsletter/confirm.html", form=form)


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058: mail programs POST without a form token; the signed token guards it
def unsubscribe(token: str):
    """GET shows a button; POST (the button, or a mail program's one-click request)
    unsubscribes, without signing in."""
    try:
        subscriptions.check_unsubscribe_token(token)
    except TokenError as error:
        return _token_problem(error)
    if request.method == "POST":
        subscriptions.unsubscribe(token)
        db.session.commit()
        return render_template("newsletter/done.html", confirmed=False)
    return render_template("newsletter/unsubscribe.html")
