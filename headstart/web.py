"""Binding extensions, request hooks and blueprints to an application."""

from __future__ import annotations

import re

from flask import request, session, url_for
from flask_babel import format_decimal
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.middleware.proxy_fix import ProxyFix

from headstart.core.errors import BadInput
from headstart.core.i18n import _
from headstart.core.markdown import plain_text
from headstart.extensions import babel, csrf, db, limiter, login_manager, migrate


def init_extensions(app) -> None:
    """Bind the extensions and the request hooks."""
    from headstart.core import database, jobs, mail, page_cache, request_limits  # noqa: F401  (database: pragmas and lock waits)
    from headstart.core.i18n import _l, remember_locale, select_locale
    from headstart.core.security import add_retry_after, add_security_headers

    hops = app.config["PROXY_HOPS"]
    if hops:  # client address and scheme from the trusted proxies' X-Forwarded-* headers
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    request_limits.init_app(app)
    database.init_app(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"),
                     render_as_batch=True, compare_type=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to open this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = None  # server-side session rows do this job
    mail.init_app(app)
    jobs.init_app(app)

    @login_manager.user_loader
    def load_user(user_id: str):
        from headstart.accounts.services import session_user

        if not user_id.isdigit():
            return None
        return session_user(int(user_id), session.get("sid"))

    app.before_request(_refuse_control_characters)
    app.after_request(add_security_headers)
    app.after_request(add_retry_after)
    app.after_request(remember_locale)
    app.after_request(_no_store_for_members)
    page_cache.init_app(app)
    _register_template_helpers(app)


#: Control characters that never belong in text: C0 (but tab, line feed and carriage
#: return) and DEL. NUL would also make PostgreSQL fail; the others hide text, break
#: terminals that read logs, or smuggle line breaks into mail headers.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _refuse_control_characters():
    """Refuse the request with 400 and a clear message when the address, the query or a
    form field holds a control character (nothing is saved)."""
    values = [request.path, *request.args.values()]
    if request.mimetype in {"application/x-www-form-urlencoded", "multipart/form-data"}:
        values.extend(request.form.values())
    if any(CONTROL_CHARACTERS.search(value) for value in values):
        raise BadInput(_("The text you sent holds invisible control characters, so it was "
                         "not saved. Please retype it (or paste it as plain text) and send "
                         "it again."))


def _no_store_for_members(response):
    """Pages for a signed-in member may hold personal data: keep them out of shared caches."""
    if session.get("_user_id"):  # no user lookup needed (static files pass here too)
        response.headers.setdefault("Cache-Control", "private, no-store")
    return response


def _register_jobs() -> None:
    """The kinds of after-response work (``core.jobs``) and who does each."""
    from headstart.accounts.services import send_password_reset
    from headstart.core import jobs
    from headstart.newsletter import sending

    jobs.register("password_reset", send_password_reset)
    jobs.register(sending.BATCH_JOB, sending.send_queued_batch)


def register_blueprints(app) -> None:
    """Register every area's blueprint."""
    from headstart.core import bounds

    bounds.register(app)  # <int:…> is bounded for every route, <year:…> and <month:…> too
    _register_jobs()
    from headstart.accounts.views import account, auth
    from headstart.admin.views import bp as admin
    from headstart.api import forum as _forum_api  # noqa: F401 - adds its routes
    from headstart.api import handbook as _handbook_api  # noqa: F401 - adds its route
    from headstart.api.views import bp as api
    from headstart.dashboard.views import bp as dashboard
    from headstart.directory import link_views, network_views  # noqa: F401 - add routes
    from headstart.directory import search_documents as _organisations  # noqa: F401
    from headstart.directory import search_vocabulary as _services  # noqa: F401 (registers)
    from headstart.directory.views import bp as directory
    from headstart.events import edit_views as _event_edit_views  # noqa: F401 - add routes
    from headstart.events import month_views  # noqa: F401 - add routes
    from headstart.events import search_documents as _events  # noqa: F401 (registers)
    from headstart.events import subjects as _event_subjects  # noqa: F401 (registers)
    from headstart.events.views import bp as events
    from headstart.forum import moderation_views, writing_views  # noqa: F401 - add routes
    from headstart.forum.views import bp as forum
    from headstart.handbook import blocks as _handbook_blocks  # noqa: F401 (registers)
    from headstart.handbook import edit_views as _handbook_edit_views  # noqa: F401 - routes
    from headstart.handbook import search_documents as _handbook  # noqa: F401 (registers)
    from headstart.handbook import subjects as _handbook_subjects  # noqa: F401 (registers)
    from headstart.handbook.views import bp as handbook
    from headstart.main.views import bp as main
    from headstart.newsletter import compose_views as _composer  # noqa: F401 - add routes
    from headstart.newsletter.views import bp as newsletter
    from headstart.notifications.views import bp as notifications
    from headstart.practices import blocks as _practice_blocks  # noqa: F401 (registers)
    from headstart.practices import search_documents  # noqa: F401 (registers the area)
    from headstart.practices import search_vocabulary as _terms  # noqa: F401 (registers)
    from headstart.practices import subjects as _practice_subjects  # noqa: F401 (registers)
    from headstart.practices.calls_views import bp as calls
    from headstart.practices.views import bp as practices
    from headstart.search.views import bp as search

    for blueprint in (main, auth, account, directory, practices, calls, search, notifications,
                      admin, api, forum, handbook, events, newsletter, dashboard):
        app.register_blueprint(blueprint)


def url_with(endpoint: str, base: dict, **changes) -> str:
    """The address of ``endpoint`` with the parameters of ``base`` updated by ``changes``;
    a change to None or "" removes that parameter, and the page number is dropped unless
    it is one of the changes (a new filter starts at page one)."""
    args = {k: v for k, v in base.items() if k != "page"}
    args.update(changes)
    return url_for(endpoint, **{k: v for k, v in args.items() if v not in (None, "")})


def _register_template_helpers(app) -> None:
    from headstart.core import i18n, subjects
    from headstart.core.auth import ROLE_LABELS, has_role
    from headstart.core.mail import absolute_url, external_url

    def url_with_lang(code: str) -> str:
        """The current page in language ``code`` (query string kept)."""
        args = request.args.to_dict(flat=False)
        args["lang"] = [code]
        rule = request.url_rule
        if request.endpoint in i18n.CONTENT_LANGUAGE_ENDPOINTS:
            return url_for("main.set_language", code=code, next=request.full_path)
        if request.endpoint and rule is not None and "GET" in (rule.methods or ()):
            try:
                return url_for(request.endpoint, **(request.view_args or {}), **args)
            except (TypeError, ValueError, LookupError):  # an odd URL must not break it
                pass
        return url_for("main.home", lang=code)

    def unread_notifications() -> int:
        from flask_login import current_user

        from headstart.notifications.services import unread_count

        if not current_user or not current_user.is_authenticated:
            return 0
        try:
            return unread_count(current_user)
        except SQLAlchemyError:  # an error page must render even without the database
            db.session.rollback()
            return 0

    def nav_items():
        items = [("main.home", i18n._l("Home")), ("directory.index", i18n._l("Directory"))]
        for endpoint, label in (
            ("practices.index", i18n._l("Practices")),
            ("search.page", i18n._l("Search")),
            ("forum.index", i18n._l("Forum")),
            ("handbook.index", i18n._l("Handbook")),
            ("events.index", i18n._l("Events")),
        ):
            if endpoint in app.view_functions:
                items.append((endpoint, label))
        return items

    app.jinja_env.globals["external_url"] = external_url
    app.jinja_env.globals["absolute_url"] = absolute_url
    app.jinja_env.filters["machine_datetime"] = i18n.machine_datetime
    app.jinja_env.globals["format_number"] = format_decimal
    app.jinja_env.globals["url_with"] = url_with
    app.jinja_env.globals["plain_text"] = plain_text
    app.jinja_env.globals["language_name"] = i18n.language_name
    app.jinja_env.globals["forward_arrow"] = i18n.forward_arrow
    app.jinja_env.globals["back_arrow"] = i18n.back_arrow
    app.jinja_env.globals["discussion_for"] = subjects.discussion_for

    @app.context_processor
    def inject():
        code = i18n.current_locale_code()
        return {
            "locale_code": code,
            "text_direction": i18n.text_direction(code),
            "interface_languages": [(c, i18n.language_name(c))
                                    for c in i18n.available_locales()],
            "url_with_lang": url_with_lang,
            "nav_items": nav_items(),
            "unread_notifications": unread_notifications(),
            "has_role": has_role,
            "role_labels": ROLE_LABELS,
            "country_name": i18n.country_name,
        }
