"""Saved searches: a member keeps a practice search and is told (in the portal and by
e-mail) when a newly published practice matches it.

After the index has taken in newly published practices (``service.on_indexed``), each
saved search is run again; a practice published after the search was saved, and not yet
announced for it, is announced once per translation group (a later translation or edit
does not repeat the news).
"""

from __future__ import annotations

import logging
from datetime import datetime
from urllib.parse import parse_qsl, urlencode

from flask import has_request_context
from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from headstart.core.errors import Conflict, DomainError, NotFound
from headstart.core.i18n import _l
from headstart.core.models import UTCDateTime, as_utc, utcnow
from headstart.core.signals import account_export
from headstart.extensions import db
from headstart.search import service

logger = logging.getLogger(__name__)

MAX_PER_MEMBER = 50
#: Newest matches looked at per saved search and check.
CHECK_DEPTH = 50
#: The search parameters a saved search keeps, in this order.
KEPT = ("q", "country", "corridor", "phase", "theme", "target", "lang", "year", "org_kind",
        "gcm")


class SavedSearch(db.Model):
    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    #: The practice search as URL parameters (``q=care&country=IT``).
    query: Mapped[str] = mapped_column(String(2000), default="")
    #: Also send an e-mail (the portal notice is always made).
    email: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    user = relationship("User")


class SavedSearchNotice(db.Model):
    """A practice (translation group) already announced for a saved search."""

    __tablename__ = "saved_search_notices"
    __table_args__ = (UniqueConstraint("saved_search_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    saved_search_id: Mapped[int] = mapped_column(
        ForeignKey("saved_searches.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


def as_query(filters: dict) -> str:
    """The kept search parameters of ``filters`` as URL parameters, in a fixed order."""
    return urlencode([(key, str(filters[key])) for key in KEPT if filters.get(key)])


def filters_of(saved: SavedSearch) -> dict:
    """The saved search's parameters, cleaned as the list page cleans them."""
    from headstart.practices import listing

    return listing.clean_filters(dict(parse_qsl(saved.query)))


def filters_without_blanks(saved: SavedSearch) -> dict:
    """The saved search's parameters that are set (for links to the list page)."""
    return {key: value for key, value in filters_of(saved).items() if value}


def describe(filters: dict) -> str:
    """A short description of a search, as a default name."""
    from headstart.practices import listing

    parts = [f"“{filters['q']}”"] if filters.get("q") else []
    for parameter, facet in listing.PARAMETERS.items():
        for value in listing.selected_values(facet, str(filters.get(parameter) or "")):
            parts.append(listing.facet_label(facet, value))
    return " · ".join(parts)[:200] or str(_l("All new practices"))


def of(user) -> list[SavedSearch]:
    return list(db.session.scalars(select(SavedSearch).where(SavedSearch.user_id == user.id)
                                   .order_by(SavedSearch.id)))


def save(user, filters: dict, *, name: str = "", email: bool = True) -> SavedSearch:
    """Keep ``filters`` as a saved search of ``user``."""
    query = as_query(filters)
    name = " ".join((name or "").split())[:200] or describe(filters)
    existing = db.session.scalar(select(SavedSearch).where(
        SavedSearch.user_id == user.id, SavedSearch.query == query))
    if existing is not None:
        raise Conflict(str(_l("You have already saved this search as “%(name)s”.",
                              name=existing.name)))
    count = db.session.scalar(select(func.count(SavedSearch.id)).where(
        SavedSearch.user_id == user.id)) or 0
    if count >= MAX_PER_MEMBER:
        raise DomainError(str(_l("You can keep up to %(count)d saved searches. Delete one "
                                 "you no longer need first.", count=MAX_PER_MEMBER)))
    saved = SavedSearch(user_id=user.id, name=name, query=query, email=email)
    db.session.add(saved)
    db.session.flush()
    logger.info("user %s saved search %s", user.id, saved.id)
    return saved


def get_own(user, saved_id: int) -> SavedSearch:
    saved = db.session.get(SavedSearch, saved_id)
    if saved is None or saved.user_id != user.id:
        raise NotFound(str(_l("No such saved search.")))
    return saved


def delete(user, saved_id: int) -> None:
    db.session.delete(get_own(user, saved_id))


def check_new_matches() -> int:
    """Announce newly published practices to the saved searches they match; returns how
    many notices were made."""
    if has_request_context():
        return _check()
    from headstart.core.mail import link_context

    with link_context():
        return _check()


def _check() -> int:
    from headstart.core.slugs import slugify
    from headstart.notifications.services import notify
    from headstart.practices import listing

    made = 0
    for saved in list(db.session.scalars(select(SavedSearch).order_by(SavedSearch.id))):
        user = saved.user
        if user is None or not user.is_active:
            continue
        filters = filters_of(saved)
        filters["sort"] = "newest"
        found = listing.find(filters, reader=user.preferred_language or "en", page=1,
                             per_page=CHECK_DEPTH, with_facets=False, with_snippets=False)
        since = as_utc(saved.created_at)
        fresh = [p for p in found.practices if p.published_at and as_utc(p.published_at) > since]
        if not fresh:
            continue
        announced = set(db.session.scalars(select(SavedSearchNotice.group_id).where(
            SavedSearchNotice.saved_search_id == saved.id)))
        for practice in reversed(fresh):  # oldest first, so the newest is on top
            group = practice.group_id or practice.id
            if group in announced:
                continue
            announced.add(group)
            db.session.add(SavedSearchNotice(saved_search_id=saved.id, group_id=group))
            notify(user, "saved_search", {"search": saved.name, "title": practice.title},
                   endpoint="practices.detail", email=saved.email, practice_id=practice.id,
                   slug=slugify(practice.title) or None)
            made += 1
    db.session.commit()
    return made


@service.on_indexed
def _after_indexing(keys: set[str]) -> None:
    if any(key.startswith("practice:") for key in keys):
        made = check_new_matches()
        if made:
            logger.info("saved searches: %d notices", made)


@account_export.connect
def _export(user) -> tuple[str, list]:
    return "saved_searches", [{"name": s.name, "query": s.query, "email": s.email,
                               "created_at": s.created_at.isoformat()} for s in of(user)]
