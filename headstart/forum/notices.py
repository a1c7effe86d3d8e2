"""Who the forum tells about what: followers of a topic or category, mentioned members,
coordinators about new flags, authors about their hidden posts.

Only members who may still read the category are told (a topic moved to a coordinators'
category stops notifying its practitioner followers), and e-mail copies follow each
member's forum preference. Notifications are rows in the same transaction; their e-mails
leave after the commit (``core.mail``).
"""

from __future__ import annotations

from sqlalchemy import or_, select

from headstart.core.i18n import _l
from headstart.core.markdown import plain_text
from headstart.extensions import db
from headstart.forum import access
from headstart.forum.models import ForumPreference, ForumSubscription
from headstart.notifications import services as notifications

#: The forum's kinds of notification (see ``notifications.services.KINDS``).
KINDS = {
    "forum_reply": _l("%(author)s replied in “%(topic)s”"),
    "forum_topic": _l("%(author)s started the topic “%(topic)s” in %(category)s"),
    "forum_mention": _l("%(author)s mentioned you in “%(topic)s”"),
    "forum_flag": _l("A post in “%(topic)s” was flagged: %(reason)s"),
    "forum_hidden": _l("A coordinator hid your post in “%(topic)s”: %(reason)s"),
    "forum_held": _l("A new member's post in “%(topic)s” waits for your approval"),
    "forum_approved": _l("A coordinator approved your post in “%(topic)s”: it is published"),
}
notifications.KINDS.update(KINDS)

EMAIL_CHOICES = ("immediately", "daily", "weekly", "off")


def email_preference(user) -> str:
    """How ``user`` gets forum e-mails: ``immediately``, ``daily``, ``weekly`` or ``off``."""
    preference = db.session.get(ForumPreference, user.id)
    return preference.email if preference is not None else "immediately"


def _tell(user, kind: str, details: dict, post) -> None:
    if not access.is_member(user) or not access.can_see_category(user, post.topic.category):
        return
    notifications.notify(user, kind, details, endpoint="forum.post", post_id=post.id,
                         email=email_preference(user) == "immediately",
                         settings_endpoint="forum.settings")


def _author_name(post) -> str:
    return post.author.display_name if post.author is not None else ""


def _followers(topic, *, include_topic: bool = True) -> list:
    """Members following ``topic`` or its category."""
    from headstart.accounts.models import User

    conditions = [ForumSubscription.category_id == topic.category_id]
    if include_topic:
        conditions.append(ForumSubscription.topic_id == topic.id)
    query = (select(User).join(ForumSubscription, ForumSubscription.user_id == User.id)
             .where(or_(*conditions)).distinct().order_by(User.id))
    return list(db.session.scalars(query))


def _published(post) -> bool:
    """Whether everyone who may read the category sees ``post``: nobody is told about a
    post (or a topic) waiting for approval or hidden; its mentions go out when a
    coordinator approves it (:func:`post_added` then)."""
    return not (post.held or post.hidden or post.topic.held)


def post_added(post, *, new_topic: bool, mentioned: list) -> None:
    """Tell mentioned members and followers about a new post (never its author)."""
    if not _published(post):
        return
    topic = post.topic
    details = {"author": _author_name(post), "topic": topic.title,
               "category": topic.category.name}
    told = {post.author_id}
    for user in mentioned:
        if user.id not in told:
            told.add(user.id)
            _tell(user, "forum_mention", details, post)
    kind = "forum_topic" if new_topic else "forum_reply"
    for user in _followers(topic, include_topic=not new_topic):
        if user.id not in told:
            told.add(user.id)
            _tell(user, kind, details, post)


def post_edited(post, *, before: list, mentioned: list) -> None:
    """Tell members newly mentioned by an edit (those mentioned before were told); nobody
    while the post waits for approval or is hidden."""
    if not _published(post):
        return
    details = {"author": _author_name(post), "topic": post.topic.title,
               "category": post.topic.category.name}
    already = {user.id for user in before} | {post.author_id}
    for user in mentioned:
        if user.id not in already:
            _tell(user, "forum_mention", details, post)


def _coordinators(but=None) -> list:
    from headstart.accounts.models import User

    return [user for user in db.session.scalars(select(User).where(
        User.role.in_(("coordinator", "admin")), User.disabled.is_(False)).order_by(User.id))
        if user.id != but]


def held_for_approval(post) -> None:
    """Tell the coordinators that a new member's post waits for them."""
    for user in _coordinators(but=post.author_id):
        _tell(user, "forum_held", {"topic": post.topic.title}, post)


def post_approved(post) -> None:
    """Tell the author their post is published."""
    if post.author is not None:
        _tell(post.author, "forum_approved", {"topic": post.topic.title}, post)


def flag_raised(flag) -> None:
    """Tell every coordinator (and admin) that a post was flagged."""
    post = flag.post
    details = {"topic": post.topic.title, "reason": plain_text(flag.reason, 120)}
    for user in _coordinators(but=flag.user_id):
        _tell(user, "forum_flag", details, post)


def post_hidden(post, reason: str) -> None:
    """Tell the author that a coordinator hid their post, and why."""
    if post.author is not None:
        _tell(post.author, "forum_hidden",
              {"topic": post.topic.title, "reason": plain_text(reason, 200)}, post)
