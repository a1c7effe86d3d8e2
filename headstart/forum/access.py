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


def can_read_post(user, post) -> bool:
    """Whether ``user`` may read the body of ``post`` (a hidden post: its author and
    coordinators only)."""
    if not can_see_category(user, post.topic.category):
        return False
    if not post.hidden:
        return True
    return is_moderator(user) or (is_member(user) and post.author_id == user.id)


def can_edit_post(user, post) -> bool:
    """The author (while the topic is open) and coordinators edit a post."""
    if not can_see_category(user, post.topic.category) or not is_member(user):
        return False
    if is_moderator(user):
        return True
    return post.author_id == user.id and not post.topic.locked


def search_audience(category) -> str:
    """The search audience of a category's posts (``search.base.SearchDocument``)."""
    return category.access
