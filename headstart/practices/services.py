"""Practice operations: create and edit drafts, the review workflow, history and listing.

Views call these and commit; every change is recorded as a :class:`PracticeEvent`.
"""

from __future__ import annotations

import logging
import re
import time
from datetime import date

from flask import current_app
from sqlalchemy import and_, case, exists, func, or_, select, union_all

from headstart.core.auth import has_role
from headstart.core.bounds import MAX_ID
from headstart.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from headstart.core.i18n import _l
from headstart.core.models import utcnow
from headstart.directory.models import Organisation
from headstart.extensions import db
from headstart.practices import notices, terms, workflow
from headstart.practices.models import (
    Practice,
    PracticeCall,
    PracticeCountry,
    PracticeEvent,
    PracticePartner,
    PracticeTerm,
)

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("title", "summary", "challenge", "approach", "results", "evaluation",
               "beneficiaries", "funding", "city_region", "website", "contact_name",
               "contact_role", "contact_email", "phase", "language")
DATE_FIELDS = ("start_date", "end_date")
#: Multi-valued form keys and the vocabulary they are stored under.
TERM_FIELDS = {"themes": "theme", "target_groups": "target", "criteria": "criterion",
               "gcm_objectives": "gcm"}
COUNTRY_FIELDS = {"implementation_countries": "implementation",
                  "origin_countries": "origin", "destination_countries": "destination"}
#: What a practice needs before it can be submitted for review.
REQUIRED_FOR_REVIEW = ("title", "summary", "challenge", "approach", "results", "phase",
                       "language")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class IncompletePractice(DomainError):
    """The practice lacks what review needs; ``problems`` maps fields to messages."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(str(_l("Please complete the fields marked below before submitting.")))
        self.problems = problems


def is_author(practice: Practice, user) -> bool:
    """True when ``user`` wrote ``practice``."""
    return bool(getattr(user, "is_authenticated", False)) and practice.author_id == user.id


def _roles(practice: Practice, user) -> dict:
    return {"is_author": is_author(practice, user),
            "is_coordinator": has_role(user, "coordinator")}


def get_practice(practice_id: int, *, viewer) -> Practice:
    """The practice if ``viewer`` may see it, else :class:`NotFound` (drafts stay hidden)."""
    practice = db.session.get(Practice, practice_id)
    if practice is None or not workflow.can_view(practice.status, **_roles(practice, viewer)):
        raise NotFound(str(_l("No such practice.")))
    return practice


def can_edit(practice: Practice, user) -> bool:
    """Whether ``user`` may edit ``practice`` now."""
    return workflow.can_edit(practice.status, **_roles(practice, user))


def can_translate(practice: Practice, user) -> bool:
    """Members may start a translation of a published practice; its author and
    coordinators also of one not yet published."""
    if practice.status == "archived" or not has_role(user, "practitioner"):
        return False
    roles = _roles(practice, user)
    return practice.status == "published" or roles["is_author"] or roles["is_coordinator"]


def actions_for(practice: Practice, user) -> list[str]:
    """Workflow actions ``user`` may take on ``practice``."""
    return workflow.available_actions(practice.status, **_roles(practice, user))


def check_values(values: dict) -> dict[str, str]:
    """Problems with values that must hold even in a draft (dates, e-mail, URL, codes)."""
    problems = {}
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        problems["end_date"] = str(_l("The end date cannot be before the start date."))
    email = values.get("contact_email") or ""
    if email and not EMAIL_RE.match(email):
        problems["contact_email"] = str(_l("Please enter a valid e-mail address."))
    website = values.get("website") or ""
    if website and not re.match(r"^https?://[^\s/]+\.[^\s]+$", website, re.IGNORECASE):
        problems["website"] = str(_l("Please enter a full web address, e.g. https://example.org."))
    phase = values.get("phase") or ""
    if phase and phase not in terms.codes("phase", include_retired=True):
        problems["phase"] = str(_l("Choose one of the offered phases."))
    for field, vocabulary in TERM_FIELDS.items():
        # Retired codes are accepted: a record keeps the terms it already has.
        unknown = set(values.get(field) or ()) - terms.codes(vocabulary, include_retired=True)
        if unknown:
            problems[field] = str(_l("Choose from the offered options."))
    return problems


def missing_for_review(practice: Practice) -> dict[str, str]:
    """What ``practice`` still lacks before it can be submitted, by field."""
    problems = {}
    required = str(_l("This field is required before submitting."))
    for field in REQUIRED_FOR_REVIEW:
        if not (getattr(practice, field) or "").strip():
            problems[field] = required
    if not practice.codes("theme"):
        problems["themes"] = str(_l("Choose at least one theme."))
    if not practice.codes("target"):
        problems["target_groups"] = str(_l("Choose at least one target group."))
    if not practice.country_codes("implementation"):
        problems["implementation_countries"] = str(_l("Choose at least one country."))
    if practice.lead_organisation_id is None:
        problems["lead_organisation_id"] = str(_l("Choose the lead organisation."))
    return problems


def _snapshot(practice: Practice) -> dict:
    data = {field: getattr(practice, field) for field in TEXT_FIELDS}
    data.update({field: (getattr(practice, field).isoformat() if getattr(practice, field)
                         else None) for field in DATE_FIELDS})
    data.update({field: practice.codes(vocabulary) for field, vocabulary in TERM_FIELDS.items()})
    data.update({field: practice.country_codes(role) for field, role in COUNTRY_FIELDS.items()})
    data["lead_organisation_id"] = practice.lead_organisation_id
    data["call_id"] = practice.call_id
    data["partner_ids"] = [p.organisation_id for p in practice.partners]
    return data


def _apply(practice: Practice, values: dict) -> None:
    for field in TEXT_FIELDS:
        if field in values:
            setattr(practice, field, (values[field] or "").strip())
    for field in DATE_FIELDS:
        if field in values:
            setattr(practice, field, values[field])
    if "lead_organisation_id" in values:
        practice.lead_organisation_id = values["lead_organisation_id"] or None
    if "call_id" in values:
        practice.call_id = values["call_id"] or None
    for field, vocabulary in TERM_FIELDS.items():
        if field in values:
            wanted = list(dict.fromkeys(str(code) for code in values[field] or ()))
            _sync(practice.terms, lambda t, v=vocabulary: t.vocabulary == v,
                  lambda t: t.code, wanted,
                  lambda code, v=vocabulary: PracticeTerm(vocabulary=v, code=code))
    for field, role in COUNTRY_FIELDS.items():
        if field in values:
            wanted = list(dict.fromkeys(c.upper() for c in values[field] or ()))
            _sync(practice.countries, lambda c, r=role: c.role == r, lambda c: c.country,
                  wanted, lambda code, r=role: PracticeCountry(role=r, country=code))
    if "partner_ids" in values:
        wanted = [pid for pid in dict.fromkeys(values["partner_ids"] or ())
                  if pid != practice.lead_organisation_id]
        _sync(practice.partners, lambda p: True, lambda p: p.organisation_id, wanted,
              lambda pid: PracticePartner(organisation_id=pid))
        for position, partner in enumerate(sorted(
                practice.partners, key=lambda p: wanted.index(p.organisation_id))):
            partner.position = position


def _sync(rows: list, selected, key, wanted: list, make) -> None:
    """Make the ``selected`` rows of a collection hold exactly ``wanted`` keys, in place:
    unchanged rows stay, so the unit of work never inserts a duplicate before a delete."""
    for row in [r for r in rows if selected(r) and key(r) not in wanted]:
        rows.remove(row)
    present = {key(r) for r in rows if selected(r)}
    rows.extend(make(value) for value in wanted if value not in present)


def _record(practice: Practice, action: str, *, actor, changes=None, comment: str = "") -> None:
    practice.events.append(PracticeEvent(action=action, actor_id=getattr(actor, "id", None),
                                         changes=changes or {}, comment=comment))


def _check_call(values: dict, current_call_id: int | None) -> dict[str, str]:
    """A practice may name a call that is open, or keep the one it already answers."""
    call_id = values.get("call_id")
    if not call_id or call_id == current_call_id:
        return {}
    call = db.session.get(PracticeCall, call_id) if 0 < call_id <= MAX_ID else None
    if call is None or not call.is_open(date.today()):
        return {"call_id": str(_l("This call for practices is closed. Choose an open call "
                                  "or none."))}
    return {}


def _check_organisations(values: dict) -> dict[str, str]:
    """The lead and partner organisations must exist (a forged or stale id is the field's
    error, not a foreign-key failure at commit)."""
    problems = {}
    for field in ("lead_organisation_id", "partner_ids"):
        if field not in values:
            continue
        value = values[field]
        wanted = {value} if field == "lead_organisation_id" else set(value or ())
        wanted.discard(None)
        wanted.discard(0)
        in_range = {i for i in wanted if isinstance(i, int) and 0 < i <= MAX_ID}
        found = set(db.session.scalars(select(Organisation.id).where(
            Organisation.id.in_(in_range)))) if in_range else set()
        if wanted - found:
            problems[field] = str(_l("No such organisation."))
    return problems


def _blocking(user_id: int | None):
    """Versions that hold their language: any past the draft stage, and one's own drafts
    (someone else's forgotten draft must not block a language for good)."""
    return or_(Practice.status != "draft", Practice.author_id == user_id)


def _check_language(language: str, group_id: int | None, practice_id: int | None,
                    user_id: int | None = None) -> dict:
    """One version per language in a translation group."""
    if not group_id or not language:
        return {}
    taken = db.session.scalar(select(Practice.id).where(
        Practice.group_id == group_id, Practice.language == language,
        Practice.id != (practice_id or 0), _blocking(user_id)).limit(1))
    if taken:
        return {"language": str(_l("This practice already has a version in this language."))}
    return {}


def create_practice(values: dict, *, actor, translation_of: Practice | None = None) -> Practice:
    """Save a new draft by ``actor`` (incomplete is fine; broken values are not). With
    ``translation_of``, the draft joins that practice's group as another language version."""
    group_id = (translation_of.group_id or translation_of.id) if translation_of else None
    problems = check_values(values)
    problems.update(_check_call(values, None))
    problems.update(_check_organisations(values))
    problems.update(_check_language(values.get("language") or "", group_id, None,
                                    getattr(actor, "id", None)))
    if not (values.get("title") or "").strip():
        problems["title"] = str(_l("Give the practice a title, even for a draft."))
    if problems:
        raise IncompleteValues(problems)
    practice = Practice(author_id=actor.id, status="draft", title="", group_id=group_id)
    _apply(practice, values)
    db.session.add(practice)
    db.session.flush()
    practice.group_id = practice.group_id or practice.id
    _record(practice, "created", actor=actor,
            changes={"translation_of": [None, translation_of.id]} if translation_of else None)
    db.session.flush()
    logger.info("user %s created practice %s", actor.id, practice.id)
    return practice


class IncompleteValues(IncompletePractice):
    """Values that are wrong even for a draft."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(problems)
        self.message = str(_l("Please correct the fields marked below."))


def update_practice(practice: Practice, values: dict, *, actor) -> bool:
    """Save edits; records which fields changed. Returns False when nothing changed."""
    if not can_edit(practice, actor):
        raise PermissionDenied(str(_l("You cannot edit this practice now.")))
    problems = check_values(values)
    problems.update(_check_call(values, practice.call_id))
    problems.update(_check_organisations(values))
    problems.update(_check_language(values.get("language", practice.language) or "",
                                    practice.group_id, practice.id, getattr(actor, "id", None)))
    if not (values.get("title", practice.title) or "").strip():
        problems["title"] = str(_l("Give the practice a title, even for a draft."))
    if problems:
        raise IncompleteValues(problems)
    before = _snapshot(practice)
    _apply(practice, values)
    db.session.flush()
    after = _snapshot(practice)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    if not changes:
        return False
    _record(practice, "edited", actor=actor, changes=changes)
    logger.info("user %s edited practice %s: %s", actor.id, practice.id, sorted(changes))
    return True


def transition(practice: Practice, action: str, *, actor, comment: str = "",
               confirmed_criteria=None) -> None:
    """Move ``practice`` through the workflow (submit, publish, return, archive, restore).
    When publishing, ``confirmed_criteria`` are the good-practice criteria the reviewer
    confirms (None keeps what was confirmed before)."""
    if action == "submit":
        problems = missing_for_review(practice)
        if problems:
            raise IncompletePractice(problems)
    try:
        target = workflow.next_state(practice.status, action, comment=comment,
                                     **_roles(practice, actor))
    except workflow.WorkflowError as error:
        if error.reason == "comment":
            raise DomainError(str(_l("Please write comments for the author.")),
                              field="comment") from error
        if error.reason == "state":
            raise Conflict(str(_l("This action is not possible in the practice's current "
                                  "state. It may have changed meanwhile."))) from error
        raise PermissionDenied(str(_l("You are not allowed to do this."))) from error
    practice.status = target
    now = utcnow()
    if action == "submit":
        practice.submitted_at = now
    if target == "published" and practice.published_at is None:
        practice.published_at = now
    if action == "return":
        practice.review_comment = comment.strip()
    changes = None
    if action == "publish" and confirmed_criteria is not None:
        before = practice.codes("criterion_confirmed")
        known = terms.codes("criterion", include_retired=True)
        wanted = [c for c in dict.fromkeys(confirmed_criteria) if c in known]
        _sync(practice.terms, lambda t: t.vocabulary == "criterion_confirmed",
              lambda t: t.code, wanted,
              lambda code: PracticeTerm(vocabulary="criterion_confirmed", code=code))
        if before != wanted:
            changes = {"criteria_confirmed": [before, wanted]}
    _record(practice, action, actor=actor, comment=comment.strip(), changes=changes)
    db.session.flush()
    if action == "submit":
        notices.submitted(practice, actor=actor)
    elif action == "return":
        notices.returned(practice, actor=actor, comment=comment)
    elif action == "publish":
        notices.published(practice, actor=actor)
    logger.info("user %s: %s practice %s → %s", actor.id, action, practice.id, target)


def review_queue() -> list[Practice]:
    """Submitted practices, oldest first."""
    return list(db.session.scalars(select(Practice).where(Practice.status == "submitted")
                                   .order_by(Practice.submitted_at)))


def authored_by(user) -> list[Practice]:
    """``user``'s practices, newest first."""
    return list(db.session.scalars(select(Practice).where(Practice.author_id == user.id)
                                   .order_by(Practice.updated_at.desc())))


SORTS = ("relevance", "newest", "title")


def list_published(*, q: str = "", country: str = "", corridor: str = "", phase: str = "",
                   theme: str = "", target: str = "", lang: str = "", year: int | None = None,
                   org_kind: str = "", gcm=(), sort: str = "newest",
                   reader_language: str = "en", page: int = 1, per_page: int = 20):
    """Published practices matching the filters, one per translation group (the reader's
    language when that version exists), paginated; ``gcm`` holds objective numbers a
    practice must all serve.

    Plain database filtering, used when the search index cannot answer
    (``practices.listing``) and by the similar-practices box.
    """
    query = select(Practice).where(Practice.status == "published")
    if q:
        for word in q.split()[:8]:
            pattern = f"%{word.lower()}%"
            query = query.where(or_(func.lower(Practice.title).like(pattern),
                                    func.lower(Practice.summary).like(pattern)))
    if country:
        query = query.where(exists().where(and_(PracticeCountry.practice_id == Practice.id,
                                                PracticeCountry.country == country.upper())))
    wanted = [("theme", theme), ("target", target), *(("gcm", code) for code in gcm)]
    for vocabulary, code in wanted:  # GCM objectives: each one asked for
        if code:
            query = query.where(exists().where(and_(
                PracticeTerm.practice_id == Practice.id, PracticeTerm.vocabulary == vocabulary,
                PracticeTerm.code == code)))
    if corridor:
        origin, _sep, destination = corridor.partition("-")
        for role, code in (("origin", origin), ("destination", destination)):
            query = query.where(exists().where(and_(
                PracticeCountry.practice_id == Practice.id, PracticeCountry.role == role,
                PracticeCountry.country == code)))
    if org_kind:
        query = query.where(Practice.lead_organisation.has(Organisation.kind == org_kind))
    if phase:
        query = query.where(Practice.phase == phase)
    if lang:
        query = query.where(Practice.language == lang)
    if year:
        query = query.where(Practice.start_date >= date(year, 1, 1),
                            Practice.start_date <= date(year, 12, 31))
    rows = list(db.session.scalars(query))
    chosen: dict[int, Practice] = {}
    for practice in rows:
        key = practice.group_id or practice.id
        current = chosen.get(key)
        if current is None or (practice.language == reader_language
                               and current.language != reader_language):
            chosen[key] = practice
    items = list(chosen.values())
    if sort == "title":
        items.sort(key=lambda p: p.title.casefold())
    else:
        items.sort(key=lambda p: (p.published_at or p.created_at), reverse=True)
    total = len(items)
    start = (max(page, 1) - 1) * per_page
    return items[start:start + per_page], total


def translations_of(practice: Practice) -> list[Practice]:
    """Other published language versions of ``practice``."""
    return list(db.session.scalars(select(Practice).where(
        Practice.group_id == (practice.group_id or practice.id), Practice.id != practice.id,
        Practice.status == "published").order_by(Practice.language)))


#: Matching rows of each kind considered when looking for similar practices.
SIMILAR_CANDIDATES = 2000


#: Similar practices found recently, by practice: (when, practice ids).
_similar_seen: dict[tuple[int, int], tuple[float, list[int]]] = {}
SIMILAR_KEPT = 4096


def similar_to(practice: Practice, limit: int = 5) -> list[Practice]:
    """Published practices most like ``practice`` (see :func:`_similar`).

    The answer is kept for ``SIMILAR_CACHE_SECONDS`` (default 60) in this process, as the
    scoring reads many rows on a large portal; a practice unpublished meanwhile is still
    left out, and one published meanwhile shows up when the time is over."""
    seconds = current_app.config.get("SIMILAR_CACHE_SECONDS", 60)
    key = (practice.id, limit)
    kept = _similar_seen.get(key)
    now = time.monotonic()
    if kept is not None and now - kept[0] < seconds:
        ids = kept[1]
        if not ids:
            return []
        found = {p.id: p for p in db.session.scalars(select(Practice).where(
            Practice.id.in_(ids), Practice.status == "published"))}
        return [found[i] for i in ids if i in found]
    similar = _similar(practice, limit)
    if seconds > 0:
        if len(_similar_seen) >= SIMILAR_KEPT:
            _similar_seen.clear()
        _similar_seen[key] = (now, [p.id for p in similar])
    return similar


def _similar(practice: Practice, limit: int) -> list[Practice]:
    """Published practices most like ``practice``: shared themes and corridor countries weigh
    most, then countries of implementation, target groups and the phase. One per translation
    group (never ``practice``'s own), best first, newest on ties. Scored in the database."""
    own_terms = [(t.vocabulary, t.code) for t in practice.terms
                 if t.vocabulary in ("theme", "target")]
    own_countries = [(c.role, c.country) for c in practice.countries]
    parts = []
    if own_terms:
        parts.append(select(PracticeTerm.practice_id.label("pid"), case(
            (PracticeTerm.vocabulary == "theme", 3), else_=1).label("weight")).where(
            or_(*(and_(PracticeTerm.vocabulary == v, PracticeTerm.code == c)
                  for v, c in own_terms))))
    if own_countries:
        parts.append(select(PracticeCountry.practice_id.label("pid"), case(
            (PracticeCountry.role == "implementation", 2), else_=3).label("weight")).where(
            or_(*(and_(PracticeCountry.role == r, PracticeCountry.country == c)
                  for r, c in own_countries))))
    if not parts:
        return []
    # Each kind of match looks at the most recent candidates only, so the page stays
    # fast however many practices share a common theme or country.
    bounded = []
    for part in parts:
        recent = part.order_by(part.selected_columns.pid.desc()).limit(SIMILAR_CANDIDATES)
        inner = recent.subquery()
        bounded.append(select(inner.c.pid, inner.c.weight))
    matches = union_all(*bounded).subquery()
    score = (func.sum(matches.c.weight)
             + func.max(case((Practice.phase == (practice.phase or "-"), 1), else_=0)))
    rows = db.session.execute(
        select(Practice, score.label("score")).join(matches, matches.c.pid == Practice.id)
        .where(Practice.status == "published",
               Practice.group_id != (practice.group_id or practice.id))
        .group_by(Practice.id)
        .order_by(score.desc(), Practice.published_at.desc(), Practice.id.desc())
        .limit(limit * 4)).all()
    chosen: dict[int, Practice] = {}
    for candidate, _score in rows:
        key = candidate.group_id or candidate.id
        if key not in chosen or (candidate.language == practice.language
                                 and chosen[key].language != practice.language):
            chosen[key] = candidate
    return list(chosen.values())[:limit]


def missing_languages(practice: Practice, languages, user=None) -> list[str]:
    """Of ``languages``, those the practice's group has no version in (other people's
    drafts do not count)."""
    taken = set(db.session.scalars(select(Practice.language).where(
        Practice.group_id == (practice.group_id or practice.id),
        _blocking(getattr(user, "id", None)))))
    return [code for code in languages if code not in taken]
