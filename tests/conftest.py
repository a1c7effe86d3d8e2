"""Fixtures: one application per database (SQLite always; PostgreSQL when
``HEADSTART_TEST_DATABASE_URL`` is set), tables emptied after each test, the outbox,
user factories and signed-in clients.

In CI (``CI=true``) a missing service is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

from headstart import create_app
from headstart.extensions import db, limiter
from tests.helpers import PASSWORD, Outbox, sign_in

PG_URL = os.environ.get("HEADSTART_TEST_DATABASE_URL")
REDIS_URL = os.environ.get("HEADSTART_TEST_REDIS_URL")
IN_CI = os.environ.get("CI", "").lower() == "true"
#: Prefix of the PostgreSQL schemas the tests create, so that several checkouts can run
#: their suites against the same database at once.
SCHEMA_PREFIX = os.environ.get("HEADSTART_TEST_SCHEMA_PREFIX", "hs")

#: Tables whose rows come from migrations (vocabularies): kept between tests.
SEEDED_TABLES = {"taxonomy_terms", "page_generations"}

#: Cheaper argon2 in tests (same algorithm); the real cost is covered by its own test.
FAST_ARGON2 = {"ARGON2_MEMORY_KIB": 1024, "ARGON2_TIME_COST": 1}


def need_service(what: str, variable: str):
    """Skip (or in CI, fail) when a service the test needs is not configured."""
    message = f"{what} tests need {variable} (e.g. set by .ci/run)"
    if IN_CI:
        pytest.fail(f"CI must not skip: {message}")
    pytest.skip(message)


def pg_schema_url(base_url: str, schema: str) -> str:
    """``base_url`` with every connection's search_path set to ``schema`` (created afresh)."""
    from headstart.config import normalise_database_url

    url = normalise_database_url(base_url)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"


def pytest_collection_modifyitems(config, items):
    """Tests marked ``sqlite_only`` or ``postgres_only`` run on that database only (the
    other pairing is deselected, not skipped: CI reports no skips)."""
    keep, drop = [], []
    for item in items:
        database = getattr(item, "callspec", None) and item.callspec.params.get("database_url")
        unfit = ((item.get_closest_marker("sqlite_only") and database == "postgresql")
                 or (item.get_closest_marker("postgres_only") and database == "sqlite"))
        (drop if unfit else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def make_app(database_url: str, instance_path, **overrides):
    """An application on ``database_url`` with its schema migrated to the newest revision."""
    from flask_migrate import upgrade

    config = {
        "TESTING": True,
        "INSTANCE_PATH": str(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret-key",
        "RATELIMIT_STORAGE_URI": "memory://",
        "SEARCH_SYNC": True,
        "JOBS_SYNC": True,
        "SEARCH_AUTO_REPAIR": False,
        "SIMILAR_CACHE_SECONDS": 0,
        "PAGE_CACHE_BYTES": 0,  # on only in the page cache's own tests
        **FAST_ARGON2,
        **overrides,
    }
    app = create_app(config)
    with app.app_context():
        upgrade()
    return app


def empty_database_url(kind: str, folder, name: str) -> str:
    """A new, empty database: a SQLite file in ``folder`` or a fresh PostgreSQL schema."""
    if kind == "sqlite":
        return f"sqlite:///{folder / f'{name}.sqlite3'}"
    if not PG_URL:
        need_service("PostgreSQL", "HEADSTART_TEST_DATABASE_URL")
    return pg_schema_url(PG_URL, name)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory, worker_id):
    """The database each test runs on: SQLite, then PostgreSQL."""
    return empty_database_url(request.param, tmp_path_factory.mktemp("db"),
                              f"{SCHEMA_PREFIX}_test_{worker_id}")


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    """The application under test (one per database and worker)."""
    app = make_app(database_url, tmp_path_factory.mktemp("instance"))
    with app.app_context():
        app.extensions["seeded_rows"] = _seeded_rows()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean_state(request):
    """After each test: empty every table, the outbox and the rate-limit counters."""
    yield
    if "app" not in request.fixturenames:
        return
    app = request.getfixturevalue("app")
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                if table.name not in SEEDED_TABLES:
                    connection.execute(table.delete())
        _restore_seeded_rows(app.extensions["seeded_rows"])
        limiter.reset()
    Outbox(app.config["OUTBOX_DIR"]).clear()
    shutil.rmtree(app.config["UPLOAD_DIR"], ignore_errors=True)
    shutil.rmtree(app.config["FILE_CACHE_DIR"], ignore_errors=True)  # generations restart
    search_backend = app.extensions.get("search_backend")
    if search_backend is not None and hasattr(search_backend, "_reset"):
        search_backend._reset()
    shutil.rmtree(app.config["INDEX_DIR"], ignore_errors=True)


def _seeded_rows() -> dict[str, list[dict]]:
    """The rows the migrations put in the seeded tables, without ids."""
    rows = {}
    with db.engine.connect() as connection:
        for name in sorted(SEEDED_TABLES):
            table = db.metadata.tables[name]
            rows[name] = [{k: v for k, v in row._mapping.items() if k != "id"}
                          for row in connection.execute(table.select().order_by(
                              *table.primary_key.columns))]
    return rows


def _restore_seeded_rows(snapshot: dict[str, list[dict]]) -> None:
    """Put seeded tables back as the migrations left them when a test changed them
    (e.g. an admin retiring a theme)."""
    if _seeded_rows() == snapshot:
        return
    with db.engine.begin() as connection:
        for name, rows in snapshot.items():
            table = db.metadata.tables[name]
            connection.execute(table.delete())
            connection.execute(table.insert(), rows)


@pytest.fixture
def client(app):
    """A browser-like test client."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """The CLI runner."""
    return app.test_cli_runner()


@pytest.fixture
def outbox(app):
    """Mail written to the outbox folder."""
    return Outbox(app.config["OUTBOX_DIR"])


@pytest.fixture
def make_user(app):
    """Create a confirmed account: ``make_user(role="coordinator", email=...)``."""
    from headstart.accounts import services

    counter = {"n": 0}

    def factory(role="practitioner", *, email=None, password=PASSWORD, confirmed=True,
                name=None, language="en"):
        counter["n"] += 1
        email = email or f"{role}{counter['n']}@example.org"
        with app.app_context():
            user = services.create_user(
                email, password, display_name=name or f"{role} {counter['n']}", role=role,
                confirmed=confirmed, language=language)
            db.session.commit()
            db.session.refresh(user)
            db.session.expunge(user)
        return user

    return factory


@pytest.fixture
def make_org(app):
    """Create an organisation, optionally with active members."""
    from headstart.directory.models import Membership, Organisation
    from headstart.directory.services import set_terms

    def factory(name="Test organisation", *, side="origin", country="MD", kind="ngo",
                members=(), services=(), languages=(), corridors=(), **fields):
        with app.app_context():
            organisation = Organisation(name=name, side=side, country=country, kind=kind,
                                        **fields)
            db.session.add(organisation)
            set_terms(organisation, services=list(services), languages=list(languages),
                      corridors=list(corridors))
            db.session.flush()
            for user in members:
                db.session.add(Membership(user_id=user.id, organisation_id=organisation.id,
                                          status="active"))
            db.session.commit()
            organisation = db.session.get(Organisation, organisation.id)
            organisation.terms  # noqa: B018 - loaded before the object leaves the session
            db.session.expunge(organisation)
        return organisation

    return factory


@pytest.fixture
def login_as(app, make_user):
    """A new client signed in with a new account of ``role`` (``None``: a visitor)."""

    def factory(role="practitioner", user=None):
        client = app.test_client()
        if role is None and user is None:
            return client
        user = user or make_user(role)
        response = sign_in(client, user.email)
        assert response.status_code == 302, response.get_data(as_text=True)
        client.user = user
        return client

    return factory


# --- practices ---------------------------------------------------------------

COMPLETE = {
    "title": "Pre-departure orientation for care workers",
    "summary": "Three-day orientation in Chișinău for women going to work in care in Italy.",
    "language": "en", "phase": "pre_departure",
    "implementation_countries": ["MD"], "origin_countries": ["MD"],
    "destination_countries": ["IT"], "city_region": "Chișinău",
    "start_date": "2023-03-01", "end_date": "2024-06-30",
    "challenge": "Care workers arrive **unprepared** for contracts and rights.",
    "approach": "- Rights and contracts\n- Italian for care work\n- Contacts in Italy",
    "results": "240 women prepared; 9 in 10 found the first weeks easier.",
    "evaluation": "Follow-up calls after three months.",
    "beneficiaries": "Women aged 25–65 leaving for care work.",
    "funding": "Municipal budget and a small EU grant.",
    "contact_name": "Ana Rusu", "contact_role": "Coordinator",
    "contact_email": "ana@centre.example.org", "website": "https://centre.example.org",
    "themes": ["employment", "information_orientation"],
    "target_groups": ["women", "age_25_40"], "gcm_objectives": ["3", "6"],
    "criteria": ["clear_objectives", "evaluated"],
}


@pytest.fixture
def practice_form(make_org):
    """Form data for a complete practice led by a new organisation."""
    organisation = make_org("Migrant Centre Chișinău")
    partner = make_org("Care Network Italy", side="destination", country="IT")
    return dict(COMPLETE, lead_organisation_id=str(organisation.id),
                partner_ids=[str(partner.id)])


@pytest.fixture
def make_practice(app, make_user, make_org):
    """Create a practice in a given state: ``make_practice(status="published", author=u)``."""
    from headstart.practices import services
    from headstart.practices.models import Practice

    def factory(status="published", *, author=None, title="A practice", language="en",
                group_of=None, **values):
        author = author or make_user("practitioner")
        organisation = make_org(f"Lead of {title}")
        with app.app_context():
            from datetime import date

            data = dict(COMPLETE, title=title, language=language,
                        lead_organisation_id=organisation.id,
                        start_date=date(2023, 3, 1), end_date=date(2024, 6, 30), **values)
            actor = db.session.get(type(author), author.id)
            practice = services.create_practice(data, actor=actor)
            if group_of is not None:
                practice.group_id = group_of.group_id or group_of.id
            if status != "draft":
                services.transition(practice, "submit", actor=actor)
            if status in {"published", "returned", "archived"}:
                action = {"published": "publish", "returned": "return",
                          "archived": "archive"}[status]
                services.transition(practice, action, actor=_Coordinator(),
                                    comment="Please add figures.")
            db.session.commit()
            practice = db.session.get(Practice, practice.id)
            db.session.expunge(practice)
        return practice

    return factory


class _Coordinator:
    """A stand-in reviewer for fixtures (no account row needed)."""

    id = None
    role = "coordinator"
    is_authenticated = True


def pytest_report_header(config):
    """Say which services the run uses, so a skipped half is never a surprise."""
    return [
        f"PostgreSQL: {'configured' if PG_URL else 'not configured (its tests skip)'}",
        f"Redis: {'configured' if REDIS_URL else 'not configured (its tests skip)'}",
        f"CI: {IN_CI} (in CI a missing service fails instead of skipping)",
    ]
