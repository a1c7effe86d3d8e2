"""Writing in the forum: new topics, replies (with preview and quoting), edits, flags,
following, and the member's forum settings. A refused post (rate limit, locked topic)
answers with the page and the member's text kept."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from headstart.core.errors import DomainError
from headstart.core.forms import ActionForm, apply_error
from headstart.core.i18n import _, current_locale_code
from headstart.core.markdown import render
from headstart.extensions import db
from headstart.forum import access, mentions, moderation, notices, services, throttle
from headstart.forum.forms import BODY_HINT, EditForm, ReplyForm, RequiredReasonForm, SettingsForm
from headstart.forum.views import bp, render_topic


def _limited() -> str:
    return _("You have posted a lot in a short time. Please wait a few minutes and send it "
             "again: your text is kept below.")


def _held_message() -> str:
    return _("Thank you! New members' first posts are read by a coordinator before they "
             "appear; you will be told when yours is published.")


def start_topic(form, category, *, subject=None, language: str = "en"):
    """Show or handle the new-topic form: in ``category``, or (from a subject's page)
    in the category the member picks."""
    choices = [(c.id, c.shown_name) for c in services.categories_for(current_user)]
    if category is None:
        form.category_id.choices = choices
    action = (url_for("forum.discuss", kind=subject.kind, subject_id=subject.id) if subject
              else url_for("forum.new_topic", category_id=category.id))
    status, preview = 200, None
    if request.method == "POST":
        if not form.validate_on_submit():
            status = 422
        elif form.previewing:
            preview = render(form.body.data)
        elif not throttle.may_post(current_user):
            form.form_errors.append(_limited())
            status = 429
        else:
            chosen = category or services.category_for(current_user, form.category_id.data)
            try:
                post = services.create_topic(chosen, form.title.data, form.body.data,
                                             actor=current_user, language=language,
                                             subject=subject)
            except DomainError as error:
                db.session.rollback()
                apply_error(form, error)
                status = error.status_code
            else:
                db.session.commit()
                throttle.count_post(current_user)
                flash(_held_message() if post.held else _("Your topic is posted."), "success")
                return redirect(url_for("forum.topic", topic_id=post.topic_id))
    return render_template("forum/new_topic.html", form=form, category=category,
                           subject=subject, action=action, preview=preview,
                           body_hint=BODY_HINT, with_category=category is None), status


@bp.route("/c/<int:category_id>/new", methods=["GET", "POST"])
@login_required
def new_topic(category_id: int):
    """Open a topic in a category."""
    from headstart.forum.forms import TopicForm

    category = services.category_for(current_user, category_id)
    form = TopicForm()
    del form.category_id
    return start_topic(form, category, language=current_locale_code())


@bp.route("/t/<int:topic_id>/reply", methods=["POST"])
@login_required
def reply(topic_id: int):
    """Reply to a topic ("Preview" shows the text rendered, without saving it)."""
    topic = services.topic_for(current_user, topic_id)
    form = ReplyForm()
    last = services.posts_page(topic, 1, current_user)[1]
    if not form.validate_on_submit():
        return render_topic(topic, page=last, form=form, status=422)
    if form.previewing:
        return render_topic(topic, page=last, form=form, preview=render(form.body.data))
    if topic.locked:
        return render_topic(topic, page=last, form=form, status=409, problem=_(
            "This topic is locked: it takes no more replies. Your text was not posted; it "
            "is kept below so you can copy it."))
    if not throttle.may_post(current_user):
        return render_topic(topic, page=last, form=form, status=429, problem=_limited())
    try:
        post = services.reply(topic, form.body.data, actor=current_user)
    except DomainError as error:
        db.session.rollback()
        return render_topic(topic, page=last, form=form, status=error.status_code,
                            problem=error.message)
    db.session.commit()
    throttle.count_post(current_user)
    flash(_held_message() if post.held else _("Your reply is posted."), "success")
    return redirect(url_for("forum.post", post_id=post.id))


@bp.route("/p/<int:post_id>/edit", methods=["GET", "POST"])
@login_required
def edit(post_id: int):
    """Edit a post (its author, or a coordinator); the earlier text stays in its history."""
    post = services.post_for(current_user, post_id)
    if not access.can_read_post(current_user, post):
        abort(404)
    opening = services.first_post(post.topic).id == post.id
    if not access.can_edit_post(current_user, post):
        if post.topic.locked and post.author_id == current_user.id:
            flash(_("This topic is locked: its posts can no longer be edited."), "error")
            return redirect(url_for("forum.post", post_id=post.id))
        abort(403)
    form = EditForm(obj=None if request.method == "POST" else post)
    if request.method == "GET" and opening:
        form.title.data = post.topic.title
    if not opening:
        del form.title
    status, preview = 200, None
    if request.method == "POST":
        if not form.validate_on_submit():
            status = 422
        elif form.previewing:
            preview = render(form.body.data)
        elif (adds := mentions.adds_mentions(post, form.body.data)) and \
                not throttle.may_post(current_user):  # each new mention e-mails a member
            form.form_errors.append(_limited())
            status = 429
        else:
            try:
                changed = services.edit_post(post, form.body.data, actor=current_user,
                                             title=form.title.data if opening else None)
            except DomainError as error:
                db.session.rollback()
                apply_error(form, error)
                status = error.status_code
            else:
                db.session.commit()
                if adds:
                    throttle.count_post(current_user)
                flash(_("Your changes are saved.") if changed else _("Nothing was changed."),
                      "success")
                return redirect(url_for("forum.post", post_id=post.id))
    return render_template("forum/edit.html", form=form, post=post, preview=preview,
                           body_hint=BODY_HINT), status


@bp.route("/p/<int:post_id>/flag", methods=["GET", "POST"])
@login_required
def flag(post_id: int):
    """Report a post to the coordinators, with a reason."""
    post = services.post_for(current_user, post_id)
    if not access.can_read_post(current_user, post):
        abort(404)
    form = RequiredReasonForm()
    status = 200
    if request.method == "POST":
        if not form.validate_on_submit():
            status = 422
        elif not throttle.may_post(current_user):  # each flag e-mails every coordinator
            form.form_errors.append(_limited())
            status = 429
        else:
            try:
                moderation.flag(post, form.reason.data, actor=current_user)
            except DomainError as error:
                db.session.rollback()
                apply_error(form, error)
                status = error.status_code
            else:
                db.session.commit()
                throttle.count_post(current_user)
                flash(_("Thank you: the coordinators will look at this post."), "success")
                return redirect(url_for("forum.post", post_id=post.id))
    return render_template("forum/flag.html", form=form, post=post, render=render), status


def _follow(action: str, **target):
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    if action == "follow":
        services.follow(current_user, **target)
        message = _("You follow it now: you will be told about new posts.")
    else:
        services.unfollow(current_user, **target)
        message = _("You no longer follow it.")
    db.session.commit()
    flash(message, "success")


@bp.route("/t/<int:topic_id>/<any(follow, unfollow):action>", methods=["POST"])
@login_required
def follow_topic(topic_id: int, action: str):
    """Follow or stop following a topic."""
    topic = services.topic_for(current_user, topic_id)
    _follow(action, topic=topic)
    return redirect(url_for("forum.topic", topic_id=topic.id))


@bp.route("/c/<int:category_id>/<any(follow, unfollow):action>", methods=["POST"])
@login_required
def follow_category(category_id: int, action: str):
    """Follow or stop following every topic of a category."""
    category = services.category_for(current_user, category_id)
    _follow(action, category=category)
    return redirect(url_for("forum.category", category_id=category.id))


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    """What the member follows, and whether forum notifications come by e-mail."""
    form = SettingsForm()
    if request.method == "GET":
        form.email.data = notices.email_preference(current_user)
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            services.set_email_preference(current_user, form.email.data)
            db.session.commit()
            flash(_("Your forum settings are saved."), "success")
            return redirect(url_for("forum.settings"))
        status = 422
    return render_template("forum/settings.html", form=form, action_form=ActionForm(),
                           subscriptions=services.subscriptions_of(current_user)), status
