"""Who may read and do what in the forum. Every view and every notification asks here."""

from __future__ import annotations

from headstart.core.auth import has_role


def is_moderator(user) -> bool:
    """Coordinators (and admins) moderate the forum and manage its categories."""
    return has_role(user, "coordinator")


def is_member(user) -> bool:
    """A signed-in member, who may post, follow and flag."""
    return bool(getattr(user, "is_authenticated", False)) and not getattr(user, "disabled", False)


def readable_levels(user) -> tuple[str, ...]:
    """The category access levels ``user`` may read (``None`` is a visitor)."""
    if user is None or not is_member(user):
        return ("public",)
    if is_moderator(user):
        return ("public", "members", "coordinators")
    return ("public", "members")


def can_see_category(user, category) -> bool:
    """Whether ``user`` may read ``category`` and its topics."""
    return category is not None and category.access in readable_levels(user)


def _own_or_moderator(user, author_id) -> bool:
    return is_moderator(user) or (is_member(user) and author_id == user.id)


def can_see_topic(user, topic) -> bool:
    """Whether ``user`` may read ``topic`` (one waiting for approval: its author and
    coordinators only)."""
    if topic is None or not can_see_category(user, topic.category):
        return False
    return not topic.held or _own_or_moderator(user, topic.author_id)


def can_read_post(user, post) -> bool:
    """Whether ``user`` may read the body of ``post`` (a hidden post, or one waiting for
    approval: its author and coordinators only)."""
    if not can_see_topic(user, post.topic):
        return False
    if not (post.hidden or post.held):
        return True
    return _own_or_moderator(user, post.author_id)


def sees_held(user):
    """Who sees posts and topics waiting for approval: None for everyone (coordinators),
    else the id of the only author whose held posts ``user`` sees (0: none)."""
    if is_moderator(user):
        return None
    return user.id if is_member(user) else 0


def can_edit_post(user, post) -> bool:
    """The author (while the topic is open) and coordinators edit a post."""
    if not can_read_post(user, post) or not is_member(user):
        return False
    if is_moderator(user):
        return True
    return post.author_id == user.id and not post.topic.locked


def search_audience(category) -> str:
    """The search audience of a category's posts (``search.base.SearchDocument``)."""
    return category.access
