"""Things a forum topic can be about ("subjects"): a practice, a handbook section, an event.

Features sit side by side (practices, forum, handbook, events) and never import each other.
Each feature that owns a kind of subject registers a resolver for it here; the forum asks
the resolvers what a subject is called, where it lives and who may see it, and registers a
discussion provider that subject pages ask for their "Discuss" link and reply count
(``discussion_for`` in templates).

Resolvers and the provider are plain functions registered at import time of the owning
feature's module (the blueprint modules are imported by ``web.register_blueprints``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Subject:
    """What the forum needs to know of a subject."""

    kind: str
    id: int
    #: The subject's title in its own language (content, not an interface string).
    title: str
    #: The subject's page (a path from ``url_for``).
    url: str
    #: Visitors may see it (published practice, section of a published edition, approved event).
    public: bool


@dataclass(frozen=True)
class Discussion:
    """A subject's forum discussion, as its page shows it."""

    #: Where "Discuss" goes: the topic, or the page that starts one.
    url: str
    #: Replies in the topic (0 when there is no topic yet).
    reply_count: int
    #: A topic exists.
    exists: bool


#: kind → resolver(subject_id) returning the Subject, or None when there is no such subject.
_resolvers: dict[str, Callable[[int], Subject | None]] = {}
#: The forum's answer for a subject's page (None while no forum is installed).
_discussion_provider: Callable[[str, int], Discussion | None] | None = None


def register(kind: str, resolver: Callable[[int], Subject | None]) -> None:
    """Make ``kind`` a subject topics can be attached to."""
    _resolvers[kind] = resolver


def kinds() -> tuple[str, ...]:
    """The registered kinds of subject."""
    return tuple(sorted(_resolvers))


def resolve(kind: str, subject_id: int) -> Subject | None:
    """The subject ``kind``/``subject_id``, or None for an unknown kind or a missing subject.
    Callers decide visibility from ``Subject.public`` and the viewer's role."""
    resolver = _resolvers.get(kind)
    return resolver(subject_id) if resolver is not None else None


def set_discussion_provider(provider: Callable[[str, int], Discussion | None]) -> None:
    """The forum registers how a subject's page finds its discussion."""
    global _discussion_provider
    _discussion_provider = provider


def discussion_for(kind: str, subject_id: int) -> Discussion | None:
    """The discussion of a subject for its page's "Discuss" link, or None (no forum)."""
    if _discussion_provider is None:
        return None
    return _discussion_provider(kind, subject_id)
