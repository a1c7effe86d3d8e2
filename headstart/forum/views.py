"""Reading the forum: the front page, categories, topics, a post's place and its edit
history, and "Discuss" for subjects of other areas. Writing is in ``writing_views``,
moderation in ``moderation_views`` (same blueprint)."""

from __future__ import annotations

import logging

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import OperationalError

from headstart.core import bounds, subjects
from headstart.core.forms import ActionForm
from headstart.core.i18n import current_locale_code
from headstart.core.markdown import render
from headstart.extensions import db, login_manager
from headstart.forum import access, account_data, discussions, mentions, services  # noqa: F401
from headstart.forum import search_documents as _documents  # noqa: F401 (registers the area)
from headstart.forum.forms import BODY_HINT, ReplyForm, TopicForm
from headstart.forum.models import ForumPost

logger = logging.getLogger(__name__)

bp = Blueprint("forum", __name__, url_prefix="/forum")


@bp.app_template_global()
def forum_handle(user) -> str:
    """``@handle`` of a member (how others mention them)."""
    return "@" + mentions.handle(user.display_name) if user is not None else ""


def _page() -> int:
    return bounds.page_arg()


@bp.route("/")
def index():
    """Categories the reader may see, grouped by theme and corridor, and recent topics."""
    categories = services.categories_for(current_user)
    latest = services.latest_topics(current_user)
    return render_template(
        "forum/index.html", categories=categories, stats=services.category_stats(categories),
        latest=latest, unread=services.unread_ids(current_user, latest),
        is_moderator=access.is_moderator(current_user))


@bp.route("/c/<int:category_id>")
def category(category_id: int):
    """A category's topics: pinned first, then by last activity, with unread markers."""
    found = services.category_for(current_user, category_id)
    page = _page()
    topics, pages = services.topics_page(found, page, current_user)
    if page > pages:
        abort(404)
    return render_template(
        "forum/category.html", category=found, topics=topics, page=page, pages=pages,
        unread=services.unread_ids(current_user, topics),
        following=services.is_following(current_user, category=found),
        action_form=ActionForm(), is_moderator=access.is_moderator(current_user))


@bp.route("/c/<int:category_id>/feed.atom")
def category_feed(category_id: int):
    """The newest posts of a public category as Atom (no feed for other categories)."""
    from headstart.forum import feeds
    from headstart.forum.models import ForumCategory

    found = db.session.get(ForumCategory, category_id)
    if found is None or found.access != "public":
        abort(404)
    return feeds.category_feed(found)


def render_topic(topic, *, page: int | None = None, form: ReplyForm | None = None,
                 preview=None, status: int = 200, problem: str | None = None):
    """The topic page (also after a refused or previewed reply, with the text kept)."""
    if page is None:
        page = _page()
    posts, pages = services.posts_page(topic, page, current_user)
    if page > pages:
        abort(404)
    read_before = services.last_read(current_user, [topic]).get(topic.id, 0)
    if form is None and access.is_member(current_user):
        form = ReplyForm(formdata=None)
        quoted = bounds.id_arg("quote")
        post = db.session.get(ForumPost, quoted) if quoted else None
        # Only a readable post of this topic; any other id is ignored, not an error.
        if post is not None and post.topic_id == topic.id and \
                access.can_read_post(current_user, post):
            form.body.data = services.quote(post, url_for("forum.post", post_id=post.id))
    subject = None
    if topic.subject_kind and topic.subject_id:
        found = subjects.resolve(topic.subject_kind, topic.subject_id)
        subject = found if discussions.subject_visible(current_user, found) else None
    if access.is_member(current_user) and posts and status == 200:
        _remember_read(topic, posts[-1].id)
    return render_template(
        "forum/topic.html", topic=topic, posts=posts, page=page, pages=pages, form=form,
        preview=preview, problem=problem, read_before=read_before, subject=subject,
        body_hint=BODY_HINT, action_form=ActionForm(),
        following=services.is_following(current_user, topic=topic),
        is_moderator=access.is_moderator(current_user),
        can_read=lambda post: access.can_read_post(current_user, post),
        can_edit=lambda post: access.can_edit_post(current_user, post),
        render=render), status


def _remember_read(topic, post_id: int) -> None:
    """Unread markers are a convenience: a busy database must not break the page."""
    try:
        services.mark_read(current_user, topic, post_id)
        db.session.commit()
    except OperationalError:
        db.session.rollback()
        logger.warning("could not record reading of topic %s by %s", topic.id, current_user.id)


@bp.route("/t/<int:topic_id>")
def topic(topic_id: int):
    """A topic's posts, twenty to a page, with the reply form for members."""
    return render_topic(services.topic_for(current_user, topic_id))


@bp.route("/p/<int:post_id>")
def post(post_id: int):
    """A post's place: its topic's page, at the post."""
    found = services.post_for(current_user, post_id)
    return redirect(url_for("forum.topic", topic_id=found.topic_id,
                            page=services.page_of(found, current_user),
                            _anchor=f"post-{found.id}"))


@bp.route("/p/<int:post_id>/history")
def history(post_id: int):
    """Every earlier version of a post, for anyone who may read the post."""
    found = services.post_for(current_user, post_id)
    if not access.can_read_post(current_user, found):
        abort(404)
    return render_template("forum/history.html", post=found, render=render)


@bp.route("/discuss/<kind>/<int:subject_id>", methods=["GET", "POST"])
def discuss(kind: str, subject_id: int):
    """A subject's discussion: its topic when there is one the reader may see; otherwise
    the form that starts it (members) or a sign-in prompt (visitors). A topic the reader
    may not see answers exactly like no topic, so that its existence never leaks (a
    member who posts the form then learns it, from the refusal: one topic per subject)."""
    subject = subjects.resolve(kind, subject_id) if kind in subjects.kinds() else None
    if not discussions.subject_visible(current_user, subject):
        abort(404)
    topic = services.topic_about(kind, subject_id)
    if topic is not None and access.can_see_topic(current_user, topic):
        return redirect(url_for("forum.topic", topic_id=topic.id))
    if not access.is_member(current_user):
        if request.method == "POST":
            return login_manager.unauthorized()
        return render_template("forum/discuss_sign_in.html", subject=subject)
    from headstart.forum.writing_views import start_topic

    form = TopicForm()
    if request.method == "GET":
        form.title.data = subject.title[:services.MAX_TITLE]
    return start_topic(form, None, subject=subject,
                       language=current_locale_code())
