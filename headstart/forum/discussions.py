"""The forum's answer to subject pages' "Discuss" link (``core.subjects``)."""

from __future__ import annotations

from flask import url_for
from flask_login import current_user

from headstart.core import subjects
from headstart.forum import access, services


def discussion(kind: str, subject_id: int) -> subjects.Discussion | None:
    """The discussion of a subject as the current reader may see it: the topic with its
    reply count, or the page that starts one (a topic the reader may not read counts as
    none, so its title and size never leak)."""
    start = url_for("forum.discuss", kind=kind, subject_id=subject_id)
    topic = services.topic_about(kind, subject_id)
    if topic is None or not access.can_see_topic(current_user, topic):
        return subjects.Discussion(url=start, reply_count=0, exists=False)
    return subjects.Discussion(url=url_for("forum.topic", topic_id=topic.id),
                               reply_count=topic.reply_count, exists=True)


def subject_visible(user, subject: subjects.Subject | None) -> bool:
    """Whether ``user`` may see the subject a topic is about (drafts: coordinators)."""
    return subject is not None and (subject.public or access.is_moderator(user))


subjects.set_discussion_provider(discussion)
