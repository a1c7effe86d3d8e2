"""Deterministic synthetic practices for benchmarks: ``flask demo synth --practices N --seed S``.

The same N and seed always give the same titles, texts, countries and codes, so figures
from different runs and machines compare like with like.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select

from headstart.directory.models import Organisation
from headstart.extensions import db
from headstart.practices import taxonomy

SUBJECTS = ["orientation", "language course", "job matching", "skills recognition",
            "counselling", "information centre", "mentoring", "vocational training",
            "health information", "housing advice", "community outreach", "return support"]
AUDIENCES = ["care workers", "seasonal workers", "young jobseekers", "families", "students",
             "refugees", "returnees", "women entrepreneurs", "nurses", "construction workers"]
CORRIDORS = [("MD", "IT"), ("XK", "AT"), ("MK", "DE"), ("UA", "CZ"), ("VN", "CZ"),
             ("PH", "IT"), ("MD", "CZ"), ("AL", "IT"), ("AM", "CZ"), ("MN", "CZ"),
             ("RS", "AT"), ("BA", "DE")]
WORDS = ("migrants prepare before departure learn rights contracts employers language "
         "trainers municipality counsellors recognition diplomas documents housing health "
         "insurance schools children networks partners destination origin arrival guidance "
         "workshop sessions online materials evaluation follow-up outcomes employment "
         "integration community volunteers interpreters information brochures").split()


def _paragraph(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        words = rng.choices(WORDS, k=rng.randint(8, 16))
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def synthesise(count: int, seed: int, *, author_id: int | None = None) -> int:
    """Add ``count`` published practices generated from ``seed``; returns how many."""
    rng = random.Random(seed)
    organisations = list(db.session.scalars(select(Organisation.id).order_by(Organisation.id)))
    if not organisations:
        organisation = Organisation(name="Synthetic provider", kind="ngo", side="both",
                                    country="CZ")
        db.session.add(organisation)
        db.session.flush()
        organisations = [organisation.id]
    from headstart.practices.models import Practice, PracticeCountry, PracticeTerm

    themes, targets = list(taxonomy.THEMES), list(taxonomy.TARGETS)
    phases, languages = list(taxonomy.PHASES), ["en", "en", "en", "cs", "de", "it", "ro"]
    for n in range(count):
        origin, destination = rng.choice(CORRIDORS)
        subject, audience = rng.choice(SUBJECTS), rng.choice(AUDIENCES)
        start = date(rng.randint(2003, 2025), rng.randint(1, 12), 1)
        practice = Practice(
            title=f"{subject.capitalize()} for {audience} ({origin}→{destination}) #{n + 1}",
            summary=_paragraph(rng, 3), challenge=_paragraph(rng, 5),
            approach=_paragraph(rng, 8), results=_paragraph(rng, 5),
            evaluation=_paragraph(rng, 3), beneficiaries=_paragraph(rng, 2),
            funding=_paragraph(rng, 1), start_date=start,
            end_date=date(start.year + rng.randint(0, 3), start.month, 1),
            phase=rng.choice(phases), language=rng.choice(languages), status="published",
            lead_organisation_id=rng.choice(organisations), author_id=author_id,
            published_at=None,
        )
        practice.terms = (
            [PracticeTerm(vocabulary="theme", code=c) for c in rng.sample(themes, 2)]
            + [PracticeTerm(vocabulary="target", code=c) for c in rng.sample(targets, 2)])
        practice.countries = [
            PracticeCountry(role="implementation", country=rng.choice([origin, destination])),
            PracticeCountry(role="origin", country=origin),
            PracticeCountry(role="destination", country=destination)]
        db.session.add(practice)
        if n % 500 == 499:
            db.session.flush()
    db.session.flush()
    for practice in db.session.scalars(select(Practice).where(Practice.group_id.is_(None))):
        practice.group_id = practice.id
    db.session.flush()
    return count
