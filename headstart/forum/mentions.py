"""@mentions: how a member is named in a post, and who a post mentions.

A member's *handle* is their display name in lower case with every run of characters
other than letters and digits replaced by one hyphen: "Ana Rusu" is ``@ana-rusu``,
"Jan Novák (NGO)" is ``@jan-novák-ngo``. The forum shows each author's handle beside
their name. Mentions inside code (`` `…` `` or fenced blocks) do not count. When
several members share a handle, each of them is told.
"""

from __future__ import annotations

import re

from sqlalchemy import select

#: At most this many members are told about one post (a list of names is not a mailing).
MAX_MENTIONS = 10

_NOT_WORD = re.compile(r"[\W_]+")
_MENTION = re.compile(r"(?<![\w@/.])@(\w[\w-]*)")
_FENCED = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def handle(display_name: str) -> str:
    """The handle of a member called ``display_name`` (without the ``@``)."""
    return _NOT_WORD.sub("-", display_name.casefold()).strip("-")


def handles_in(body: str) -> list[str]:
    """Handles mentioned in Markdown ``body``, in order, without repeats."""
    text = _INLINE_CODE.sub("", _FENCED.sub("", body or ""))
    found: list[str] = []
    for match in _MENTION.finditer(text):
        name = match.group(1).casefold().strip("-")
        if name and name not in found:
            found.append(name)
    return found[:MAX_MENTIONS]


def mentioned_users(body: str) -> list:
    """Active accounts mentioned in ``body``."""
    from headstart.accounts.models import User
    from headstart.extensions import db

    wanted = set(handles_in(body))
    if not wanted:
        return []
    # Display names are free text, so handles are compared in Python (one narrow query).
    rows = db.session.execute(select(User.id, User.display_name).where(
        User.disabled.is_(False), User.confirmed_at.is_not(None))).all()
    ids = [row.id for row in rows if handle(row.display_name) in wanted][:MAX_MENTIONS]
    if not ids:
        return []
    return list(db.session.scalars(select(User).where(User.id.in_(ids)).order_by(User.id)))


def adds_mentions(post, body: str) -> bool:
    """Whether changing ``post``'s text to ``body`` mentions a member it did not mention
    before (other than its author): such an edit tells someone, so it counts against
    the posting limit like a new post."""
    before = {user.id for user in mentioned_users(post.body)} | {post.author_id}
    return any(user.id not in before for user in mentioned_users(body))
