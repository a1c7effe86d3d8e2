"""``/healthz``, settings from the environment and the generated secret key."""

import pytest

from headstart import create_app


def test_healthz_reports_database_and_index(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.get_json()
    assert data["database"]["status"] == "ok"
    assert data["search"]["backend"] == "whoosh"
    assert data["search"]["status"] in {"ok", "missing"}


def test_healthz_is_503_when_the_database_is_unreachable(tmp_path):
    app = create_app({
        "INSTANCE_PATH": str(tmp_path),
        "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:9/none",
        "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"connect_timeout": 1}},
    })
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"]["status"] == "unavailable"


# Whoosh leaves the unreadable file open when it fails; its finaliser warns later.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_healthz_reports_a_corrupt_index(tmp_path):
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / "_MAIN_1.toc").write_bytes(b"\x00garbage")
    app = create_app({"INSTANCE_PATH": str(tmp_path),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
    data = app.test_client().get("/healthz").get_json()
    assert data["search"]["status"] == "corrupt"


def test_defaults_put_everything_under_instance_and_keep_one_secret_key(tmp_path, monkeypatch):
    for name in ("HEADSTART_DATABASE_URL", "HEADSTART_SECRET_KEY", "HEADSTART_INDEX_DIR"):
        monkeypatch.delenv(name, raising=False)
    first = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert first.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'headstart.sqlite3'}"
    assert first.config["INDEX_DIR"] == str(tmp_path / "index")
    assert first.config["OUTBOX_DIR"] == str(tmp_path / "outbox")
    key_file = tmp_path / "secret_key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    second = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"] == key_file.read_text()
    assert len(first.config["SECRET_KEY"]) >= 40


def test_environment_settings_win_over_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("HEADSTART_DATABASE_URL", "postgres://u@db.internal/portal")
    monkeypatch.setenv("HEADSTART_SEARCH_BACKEND", "postgres")
    monkeypatch.setenv("HEADSTART_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("HEADSTART_RATELIMIT_STORAGE", "redis://127.0.0.1:6379/3")
    monkeypatch.setenv("HEADSTART_SECURE_COOKIES", "true")
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db.internal/portal"
    assert app.config["SEARCH_BACKEND"] == "postgres"
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/3"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert not (tmp_path / "secret_key").exists()


def test_an_unknown_search_backend_is_a_clear_start_up_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HEADSTART_SEARCH_BACKEND", "elastic")
    with pytest.raises(ValueError, match="whoosh' or 'postgres'"):
        create_app({"INSTANCE_PATH": str(tmp_path)})


def test_secure_cookie_setting_adds_hsts(tmp_path):
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SESSION_COOKIE_SECURE": True,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
    response = app.test_client().get("/healthz")
    assert "max-age=" in response.headers["Strict-Transport-Security"]


def test_mail_goes_over_smtp_when_configured(app, make_user, monkeypatch):
    from headstart.core import mail

    sent = []

    class FakeSMTP:
        def __init__(self, host, port, timeout, **kwargs):
            sent.append(("connect", host, port))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def starttls(self, context):
            sent.append(("starttls",))

        def login(self, user, password):
            sent.append(("login", user, password))

        def send_message(self, message):
            sent.append(("send", message["To"]))

    monkeypatch.setattr(mail.smtplib, "SMTP", FakeSMTP)
    app.config["MAIL_URL"] = "smtp://mailer:s%40cret@mail.example.org:587?starttls=1"
    try:
        from tests.helpers import post_form

        post_form(app.test_client(), "/auth/reset", {"email": make_user().email})
    finally:
        app.config["MAIL_URL"] = None
    assert ("connect", "mail.example.org", 587) in sent
    assert ("starttls",) in sent
    assert ("login", "mailer", "s@cret") in sent
    assert any(step[0] == "send" for step in sent)


def test_favicon_ico_leads_to_the_svg_icon(client):
    """Browsers ask for /favicon.ico whatever the page links; it must not be a 404."""
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    icon = client.get(response.headers["Location"])
    assert icon.status_code == 200
    assert icon.headers["Content-Type"].startswith("image/svg+xml")
    icon.close()
