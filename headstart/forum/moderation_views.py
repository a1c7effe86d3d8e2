"""Coordinators' side of the forum: the moderation queue and log, hiding and restoring
posts, pinning, locking and moving topics, dismissing flags, and managing categories."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from headstart.core.auth import role_required
from headstart.core.errors import DomainError
from headstart.core.forms import ActionForm, apply_error
from headstart.core.i18n import _, _l, current_locale_code, language_name, other_locales
from headstart.core.markdown import render
from headstart.extensions import db
from headstart.forum import moderation, services
from headstart.forum.forms import CategoryForm, MoveForm, ReasonForm, RequiredReasonForm
from headstart.forum.models import ForumCategory, ForumFlag
from headstart.forum.views import bp

#: Names of the logged actions, for the log's table.
ACTION_NAMES = {
    "hide": _l("Hid a post"), "restore": _l("Restored a post"),
    "approve": _l("Approved a post"), "pin": _l("Pinned"),
    "unpin": _l("Unpinned"), "lock": _l("Locked"), "unlock": _l("Unlocked"),
    "move": _l("Moved"), "dismiss_flag": _l("Dismissed a flag"),
}
DONE = {
    "hide": _l("The post is hidden."), "restore": _l("The post is shown again."),
    "approve": _l("The post is approved and published."),
    "pin": _l("The topic is pinned."), "unpin": _l("The topic is no longer pinned."),
    "lock": _l("The topic is locked."), "unlock": _l("The topic is open for replies again."),
}


@bp.route("/moderation")
@role_required("coordinator")
def moderation_queue():
    """Open flags, hidden posts and the newest moderation actions."""
    return render_template("forum/moderation.html", flags=moderation.open_flags(),
                           held=moderation.held_posts(),
                           hidden=moderation.hidden_posts(), log=moderation.log_entries(),
                           hide_form=RequiredReasonForm(), reason_form=ReasonForm(),
                           action_names=ACTION_NAMES, render=render)


def _fail(error: DomainError, back: str):
    db.session.rollback()
    flash(error.message, "error")
    return redirect(back)


@bp.route("/p/<int:post_id>/<any(hide, restore, approve):action>", methods=["POST"])
@role_required("coordinator")
def moderate_post(post_id: int, action: str):
    """Hide (a reason is required), restore or approve a post."""
    post = services.post_for(current_user, post_id)
    form = RequiredReasonForm() if action == "hide" else ReasonForm()
    back = request.form.get("back") == "queue" and url_for("forum.moderation_queue") \
        or url_for("forum.post", post_id=post.id)
    if not form.validate_on_submit():
        flash(_("Please give a reason."), "error")
        return redirect(back)
    try:
        getattr(moderation, action)(post, form.reason.data, actor=current_user)
    except DomainError as error:
        return _fail(error, back)
    db.session.commit()
    flash(DONE[action], "success")
    return redirect(back)


@bp.route("/t/<int:topic_id>/<any(pin, unpin, lock, unlock):action>", methods=["POST"])
@role_required("coordinator")
def moderate_topic(topic_id: int, action: str):
    """Pin, unpin, lock or unlock a topic."""
    topic = services.topic_for(current_user, topic_id)
    form = ReasonForm()
    if not form.validate_on_submit():
        abort(400)
    back = url_for("forum.topic", topic_id=topic.id)
    try:
        moderation.switch(topic, action, form.reason.data, actor=current_user)
    except DomainError as error:
        return _fail(error, back)
    db.session.commit()
    flash(DONE[action], "success")
    return redirect(back)


@bp.route("/t/<int:topic_id>/move", methods=["GET", "POST"])
@role_required("coordinator")
def move(topic_id: int):
    """Move a topic to another category."""
    topic = services.topic_for(current_user, topic_id)
    form = MoveForm()
    form.category_id.choices = [(c.id, c.shown_name) for c in services.categories_for(current_user)]
    if request.method == "GET":
        form.category_id.data = topic.category_id
    status = 200
    if request.method == "POST":
        status = 422
        if form.validate_on_submit():
            target = (db.session.get(ForumCategory, form.category_id.data)
                      if form.category_id.data else None)
            if target is None:
                form.category_id.errors = [_("Please choose one of the options.")]
            else:
                try:
                    moderation.move(topic, target, form.reason.data, actor=current_user)
                except DomainError as error:
                    db.session.rollback()
                    apply_error(form, error)
                else:
                    db.session.commit()
                    flash(_("The topic is moved to %(category)s.", category=target.name),
                          "success")
                    return redirect(url_for("forum.topic", topic_id=topic.id))
    return render_template("forum/move.html", form=form, topic=topic), status


@bp.route("/flags/<int:flag_id>/dismiss", methods=["POST"])
@role_required("coordinator")
def dismiss_flag(flag_id: int):
    """Close a flag and keep the post as it is."""
    item = db.session.get(ForumFlag, flag_id)
    if item is None:
        abort(404)
    form = ReasonForm()
    if not form.validate_on_submit():
        abort(400)
    back = url_for("forum.moderation_queue")
    try:
        moderation.dismiss_flag(item, form.reason.data, actor=current_user)
    except DomainError as error:
        return _fail(error, back)
    db.session.commit()
    flash(_("The flag is dismissed; the post stays as it is."), "success")
    return redirect(back)


#: Longest name and description in another language (as the main ones).
TRANSLATION_LIMITS = {"name": 120, "description": 2000}


def _translations_given(category: ForumCategory | None) -> dict[str, str]:
    """The name and description in other languages as the form shows them: what was
    posted, or what the category has (fields ``name_<code>``, ``description_<code>``)."""
    if request.method == "POST":
        return {f"{part}_{code}": request.form.get(f"{part}_{code}", "")
                for part in TRANSLATION_LIMITS for code in other_locales()}
    if category is None:
        return {}
    return {**{f"name_{code}": text for code, text in (category.names or {}).items()},
            **{f"description_{code}": text
               for code, text in (category.descriptions or {}).items()}}


def _too_long(given: dict[str, str]) -> list[str]:
    """The languages whose name or description is longer than the main one may be."""
    return [language_name(code, current_locale_code()) for code in other_locales()
            if any(len(given.get(f"{part}_{code}", "").strip()) > limit
                   for part, limit in TRANSLATION_LIMITS.items())]


@bp.route("/categories/new", methods=["GET", "POST"])
@bp.route("/c/<int:category_id>/edit", methods=["GET", "POST"])
@role_required("coordinator")
def edit_category(category_id: int | None = None):
    """Create or change a category: name and description (also in other languages), kind,
    order and who may read it."""
    category = services.category_for(current_user, category_id) if category_id else None
    form = CategoryForm(obj=category)
    if request.method == "GET" and category is not None:
        form.access.data = category.access
    given = _translations_given(category)
    status = 200
    if request.method == "POST":
        status = 422
        too_long = _too_long(given)
        if too_long:
            form.validate_on_submit()
            form.form_errors.append(_(
                "A name in another language can have at most 120 characters and a "
                "description 2,000: please shorten %(languages)s.",
                languages=", ".join(too_long)))
        elif form.validate_on_submit():
            try:
                saved = services.save_category(
                    category, actor=current_user, name=form.name.data,
                    description=form.description.data or "", grouping=form.grouping.data,
                    position=form.position.data, access_level=form.access.data,
                    names={code: given[f"name_{code}"] for code in other_locales()},
                    descriptions={code: given[f"description_{code}"]
                                  for code in other_locales()})
            except DomainError as error:
                db.session.rollback()
                apply_error(form, error)
            else:
                db.session.commit()
                flash(_("The category is saved."), "success")
                return redirect(url_for("forum.category", category_id=saved.id))
    return render_template("forum/category_form.html", form=form, category=category,
                           action_form=ActionForm(), locales=other_locales(),
                           given=given, language_name=language_name), status
