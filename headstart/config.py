"""Settings: built-in defaults, then ``instance/config.py``, then ``HEADSTART_*`` variables.

Every setting works without configuration: SQLite, the Whoosh index, uploads and the
mail outbox all live under the instance folder, and a secret key is generated there on
first run so that sessions survive restarts.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

#: Environment variables read at start-up, mapped to the Flask config key they set.
ENVIRONMENT_SETTINGS = {
    "HEADSTART_DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "HEADSTART_SEARCH_BACKEND": "SEARCH_BACKEND",
    "HEADSTART_INDEX_DIR": "INDEX_DIR",
    # (bandit B105 mistakes this setting name for a password)
    "HEADSTART_SECRET_KEY": "SECRET_KEY",  # nosec B105
    "HEADSTART_MAIL_URL": "MAIL_URL",
    "HEADSTART_MAIL_SENDER": "MAIL_SENDER",
    "HEADSTART_UPLOAD_DIR": "UPLOAD_DIR",
    "HEADSTART_OUTBOX_DIR": "OUTBOX_DIR",
    "HEADSTART_RATELIMIT_STORAGE": "RATELIMIT_STORAGE_URI",
    "HEADSTART_RATELIMIT_KEY_PREFIX": "RATELIMIT_KEY_PREFIX",
    "HEADSTART_SECURE_COOKIES": "SESSION_COOKIE_SECURE",
    "HEADSTART_BASE_URL": "BASE_URL",
    "HEADSTART_PROXY_HOPS": "PROXY_HOPS",
    "HEADSTART_TRUSTED_HOSTS": "TRUSTED_HOSTS",
    "HEADSTART_ATTACHMENT_MAX_MB": "ATTACHMENT_MAX_MB",
    "HEADSTART_PAGE_CACHE_BYTES": "PAGE_CACHE_BYTES",
    "HEADSTART_DATABASE_BUSY_SECONDS": "DATABASE_BUSY_SECONDS",
    "HEADSTART_FORUM_POST_LIMIT": "FORUM_POST_LIMIT",
    "HEADSTART_PRACTICE_CREATE_LIMIT": "PRACTICE_CREATE_LIMIT",
    "HEADSTART_EVENT_PROPOSAL_LIMIT": "EVENT_PROPOSAL_LIMIT",
    "HEADSTART_UPLOAD_QUOTA_MB": "UPLOAD_QUOTA_MB",
    "HEADSTART_FORUM_HOLD_FIRST_POSTS": "FORUM_HOLD_FIRST_POSTS",
    "HEADSTART_NEWSLETTER_BATCH": "NEWSLETTER_BATCH",
    "HEADSTART_EXPORT_LIMIT": "EXPORT_LIMIT",
    "HEADSTART_PDF_LIMIT": "PDF_LIMIT",
    "HEADSTART_FILE_CACHE_DIR": "FILE_CACHE_DIR",
    "HEADSTART_FILE_CACHE_BYTES": "FILE_CACHE_BYTES",
    "HEADSTART_MAX_FORM_PARTS": "MAX_FORM_PARTS",
    "HEADSTART_SEARCH_MISSES_PER_DAY": "SEARCH_MISSES_PER_DAY",
}

BOOLEAN_SETTINGS = {"SESSION_COOKIE_SECURE"}


class Defaults:
    """Working defaults; paths that depend on the instance folder are filled in later."""

    SQLALCHEMY_DATABASE_URI: str | None = None
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    #: Seconds a request waits for a database lock before answering 503.
    DATABASE_BUSY_SECONDS = 10
    SEARCH_BACKEND = "whoosh"
    #: Apply index changes right after each commit in the request (tests) instead of in a
    #: background thread of the process.
    SEARCH_SYNC = False
    #: Run queued after-response jobs (``core.jobs``) right after the commit, before the
    #: request returns (tests), instead of in a background thread of the process.
    JOBS_SYNC = False
    #: Attempts of a failing job before it is kept as failed (1, 2, 4 … minutes apart).
    JOB_ATTEMPTS = 8
    #: Rebuild a missing or damaged index in the background when a search finds it so.
    SEARCH_AUTO_REPAIR = True
    #: New distinct searches that found nothing kept per day (0: none are kept).
    SEARCH_MISSES_PER_DAY = 5_000
    #: Days searches that found nothing are kept.
    SEARCH_MISSES_DAYS = 90
    #: How long a practice page's "similar practices" are kept in each process.
    SIMILAR_CACHE_SECONDS = 60
    #: Bytes of rendered pages kept for anonymous visitors in each process (0: none).
    PAGE_CACHE_BYTES = 32 * 1024 * 1024
    #: Seconds a kept page is served at most (pages showing today's date or a deadline
    #: move on even when nothing changed; 0: until the content changes).
    PAGE_CACHE_SECONDS = 600
    INDEX_DIR: str | None = None
    UPLOAD_DIR: str | None = None
    OUTBOX_DIR: str | None = None
    SECRET_KEY: str | None = None
    MAIL_URL: str | None = None
    MAIL_SENDER = "HEADSTART <no-reply@headstart.localhost>"
    BASE_URL: str | None = None
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = False
    #: Prefix of rate-limit keys, so several portals (or test runs) can share one Redis.
    RATELIMIT_KEY_PREFIX = "headstart"
    #: Failed sign-ins allowed per account and per client address before answering 429.
    LOGIN_LIMIT_PER_ACCOUNT = "10 per 15 minutes"
    LOGIN_LIMIT_PER_ADDRESS = "50 per 15 minutes"
    #: Mail-sending forms (registration, password reset) per client address.
    MAIL_FORM_LIMIT = "10 per hour"
    #: Newsletter mails sent per batch (each mail is its own transaction; see
    #: ``newsletter.sending``); lists up to this size are sent while the coordinator waits.
    NEWSLETTER_BATCH = 50
    #: Link proposals and answers per member: each one e-mails another organisation.
    LINK_ACTION_LIMIT = "30 per hour"
    #: Forum posts (topics and replies) per member; a refused post keeps its text.
    FORUM_POST_LIMIT = "10 per 10 minutes"
    #: New practices (drafts) and event proposals per member (coordinators are not limited);
    #: a refused form keeps its text (429).
    PRACTICE_CREATE_LIMIT = "20 per day"
    EVENT_PROPOSAL_LIMIT = "5 per day"
    #: A member's first posts wait for a coordinator's approval (0: none do).
    FORUM_HOLD_FIRST_POSTS = 1
    #: Practice exports (CSV, JSON) and handbook PDFs per client address (429 beyond).
    EXPORT_LIMIT = "30 per minute"
    PDF_LIMIT = "30 per minute"
    #: Rendered exports and PDFs kept on disk, shared by the worker processes (default:
    #: ``cache`` in the instance folder), and their bound in bytes.
    FILE_CACHE_DIR: str | None = None
    FILE_CACHE_BYTES = 512 * 1024 * 1024
    #: Confirmation mails re-sent by sign-in attempts of an unconfirmed account.
    CONFIRMATION_RESEND_LIMIT = "3 per hour"
    #: Reverse proxies in front of the portal whose X-Forwarded-* headers are trusted.
    PROXY_HOPS = 0
    #: Host names the portal answers to (None: any; set it in production).
    TRUSTED_HOSTS: list[str] | None = None
    #: Largest attachment, in megabytes (10⁶ bytes, as people read file sizes).
    ATTACHMENT_MAX_MB = 10
    #: Megabytes of files (practice attachments and event materials) one practitioner may
    #: have stored; coordinators and admins have no quota (0: no quota for anyone).
    UPLOAD_QUOTA_MB = 200
    #: Files one form may carry; the request limit follows from these two.
    ATTACHMENTS_PER_REQUEST = 5
    #: Text fields of one form (Werkzeug's 500 kB default is too small for a long practice
    #: record in a non-Latin script, which URL-encoding multiplies up to six times).
    MAX_FORM_MEMORY_SIZE = 4 * 1000 * 1000
    #: Fields of one form, in every encoding (more: 413 before the body is parsed). The
    #: largest real form is a practice record with every country ticked in its three
    #: country lists (3 × 250) plus about 150 other fields.
    MAX_FORM_PARTS = 2000
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    SESSION_COOKIE_NAME = "headstart_session"
    PERMANENT_SESSION_LIFETIME = 14 * 24 * 3600
    #: The same lifetime, enforced on the server-side session row (absolute, from sign-in).
    PERMANENT_SESSION_LIFETIME_SECONDS = 14 * 24 * 3600
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    #: Lifetimes of e-mailed tokens, in seconds.
    CONFIRM_TOKEN_MAX_AGE = 7 * 24 * 3600
    RESET_TOKEN_MAX_AGE = 3600
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "UTC"
    #: argon2id cost; the defaults are the OWASP minimum (19 MiB, 2 passes, 1 lane).
    ARGON2_MEMORY_KIB = 19 * 1024
    ARGON2_TIME_COST = 2
    ARGON2_PARALLELISM = 1


def load(app, overrides: dict | None = None) -> None:
    """Fill ``app.config`` from defaults, the instance file, the environment and ``overrides``."""
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    for env_name, key in ENVIRONMENT_SETTINGS.items():
        value = os.environ.get(env_name)
        if value:
            if key in BOOLEAN_SETTINGS:
                value = value.strip().lower() in {"1", "true", "yes", "on"}
            app.config[key] = value
    if overrides:
        app.config.update(overrides)
    if isinstance(app.config["TRUSTED_HOSTS"], str):
        app.config["TRUSTED_HOSTS"] = [h.strip() for h in app.config["TRUSTED_HOSTS"].split(",")
                                       if h.strip()]
    app.config["PROXY_HOPS"] = int(app.config["PROXY_HOPS"] or 0)
    busy = float(app.config["DATABASE_BUSY_SECONDS"])
    if not 0 < busy <= 600:
        raise ValueError("HEADSTART_DATABASE_BUSY_SECONDS must be a number of seconds (0–600]")
    app.config["DATABASE_BUSY_SECONDS"] = busy
    app.config["FORUM_HOLD_FIRST_POSTS"] = int(app.config["FORUM_HOLD_FIRST_POSTS"] or 0)
    for name in ("FORUM_POST_LIMIT", "PRACTICE_CREATE_LIMIT", "EVENT_PROPOSAL_LIMIT",
                 "EXPORT_LIMIT", "PDF_LIMIT"):
        _check_rate(name, app.config[name])
    app.config["FILE_CACHE_BYTES"] = int(app.config["FILE_CACHE_BYTES"] or 0)
    app.config["MAX_FORM_PARTS"] = int(app.config["MAX_FORM_PARTS"])
    app.config["SEARCH_MISSES_PER_DAY"] = max(0, int(app.config["SEARCH_MISSES_PER_DAY"] or 0))
    app.config["SEARCH_MISSES_DAYS"] = max(1, int(app.config["SEARCH_MISSES_DAYS"] or 90))
    app.config["NEWSLETTER_BATCH"] = max(1, int(app.config["NEWSLETTER_BATCH"] or 50))
    attachment_mb = float(app.config["ATTACHMENT_MAX_MB"])
    if not 0 < attachment_mb <= 1000:
        raise ValueError("HEADSTART_ATTACHMENT_MAX_MB must be a number of megabytes (0–1000]")
    app.config["ATTACHMENT_MAX_BYTES"] = int(attachment_mb * 1_000_000)
    quota_mb = float(app.config["UPLOAD_QUOTA_MB"] or 0)
    if not 0 <= quota_mb <= 10**7:
        raise ValueError("HEADSTART_UPLOAD_QUOTA_MB must be a number of megabytes (0: none)")
    app.config["UPLOAD_QUOTA_BYTES"] = int(quota_mb * 1_000_000)
    # A body holding the largest allowed files plus the text of the form; anything bigger
    # is refused before it is read (413).
    app.config.setdefault("MAX_CONTENT_LENGTH", None)
    if not app.config["MAX_CONTENT_LENGTH"]:
        app.config["MAX_CONTENT_LENGTH"] = (
            app.config["ATTACHMENT_MAX_BYTES"] * app.config["ATTACHMENTS_PER_REQUEST"]
            + app.config["MAX_FORM_MEMORY_SIZE"])
    if app.config["BASE_URL"]:
        app.config["BASE_URL"] = app.config["BASE_URL"].rstrip("/")

    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    config = app.config
    config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        config["SQLALCHEMY_DATABASE_URI"] or f"sqlite:///{instance / 'headstart.sqlite3'}"
    )
    config["INDEX_DIR"] = config["INDEX_DIR"] or str(instance / "index")
    config["UPLOAD_DIR"] = config["UPLOAD_DIR"] or str(instance / "uploads")
    config["OUTBOX_DIR"] = config["OUTBOX_DIR"] or str(instance / "outbox")
    config["FILE_CACHE_DIR"] = config["FILE_CACHE_DIR"] or str(instance / "cache")
    if not config["SECRET_KEY"]:
        config["SECRET_KEY"] = _instance_secret_key(instance)
    if config["SEARCH_BACKEND"] == "postgres" and not config["SQLALCHEMY_DATABASE_URI"].startswith(
            "postgresql"):
        raise ValueError("HEADSTART_SEARCH_BACKEND=postgres needs a PostgreSQL "
                         "HEADSTART_DATABASE_URL")
    if config["SEARCH_BACKEND"] not in {"whoosh", "postgres"}:
        raise ValueError(
            "HEADSTART_SEARCH_BACKEND must be 'whoosh' or 'postgres', "
            f"not {config['SEARCH_BACKEND']!r}"
        )


def _check_rate(name: str, value: str) -> None:
    """A rate such as "10 per 10 minutes", refused at start-up rather than on first use."""
    from limits import parse

    try:
        parse(value)
    except ValueError as error:
        raise ValueError(f"HEADSTART_{name} must read like '10 per 10 minutes'") from error


def normalise_database_url(url: str) -> str:
    """Use the psycopg 3 driver for plain ``postgres://`` and ``postgresql://`` URLs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _instance_secret_key(instance: Path) -> str:
    """Return the key kept in ``instance/secret_key``, creating it (mode 0600) when absent."""
    path = instance / "secret_key"
    try:
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(48)
    # O_EXCL: when two workers start at once, one writes and the other reads its key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip() or key
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    logger.info("generated a new secret key in %s", path)
    return key


def serving_problems(config, *, workers: int = 1) -> list[str]:
    """What keeps a production start (gunicorn, ``make serve``) from being safe, each as a
    sentence saying what to set; empty when nothing does.

    Without ``HEADSTART_BASE_URL`` links in mail could only be guessed; with several
    worker processes on ``memory://`` every rate limit would count per process (ten
    wrong passwords per worker instead of ten in all).
    """
    problems = []
    base = config.get("BASE_URL") or ""
    parts = urlsplit(base)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        problems.append(
            "HEADSTART_BASE_URL must be the portal's public address, such as "
            "https://portal.example.org: links in mail (password resets, confirmations, "
            "notifications) are built on it and never on the request's Host header.")
    storage = str(config.get("RATELIMIT_STORAGE_URI") or "memory://")
    if workers > 1 and storage.startswith("memory://"):
        problems.append(
            f"{workers} worker processes cannot share rate limits kept in memory: set "
            "HEADSTART_RATELIMIT_STORAGE=redis://… or serve with one worker and threads "
            "(make serve does so by default).")
    return problems


def require_serving_settings(app, *, workers: int = 1) -> None:
    """Refuse to serve (``RuntimeError`` with every problem) when ``serving_problems``
    finds any; tests and commands run by hand are not production starts."""
    problems = serving_problems(app.config, workers=workers)
    if problems:
        raise RuntimeError("HEADSTART will not start: " + " ".join(problems))
