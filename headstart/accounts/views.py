"""Sign-in, registration, confirmation, password reset (``/auth``) and the account pages
(``/account``)."""

from __future__ import annotations

import json

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from headstart.accounts import services, throttle
from headstart.accounts.forms import (
    ConfirmForm,
    DeleteForm,
    LoginForm,
    PasswordForm,
    ProfileForm,
    RegisterForm,
    ResetForm,
    ResetRequestForm,
)
from headstart.accounts.tokens import TokenError
from headstart.core.auth import safe_next
from headstart.core.errors import DomainError
from headstart.core.forms import ActionForm, apply_error
from headstart.core.i18n import LANG_COOKIE, _, current_locale_code, set_language_cookie
from headstart.extensions import db, limiter

auth = Blueprint("auth", __name__, url_prefix="/auth")
account = Blueprint("account", __name__, url_prefix="/account")

SESSION_KEY = "sid"


def _mail_form_limit() -> str:
    return current_app.config["MAIL_FORM_LIMIT"]


@auth.route("/login", methods=["GET", "POST"])
def login():
    """Sign in with e-mail and password; failures are throttled per account and address."""
    next_url = safe_next(request.values.get("next"), url_for("main.home"))
    if current_user.is_authenticated:
        return redirect(next_url)
    form = LoginForm(next=request.args.get("next", ""))
    status = 200
    if form.validate_on_submit():
        email = services.normalise_email(form.email.data)
        address = request.remote_addr
        if throttle.is_blocked(email, address):
            form.form_errors.append(_("Too many failed attempts. Please wait a few minutes "
                                      "and try again, or reset your password."))
            status = 429
        else:
            try:
                user = services.authenticate(email, form.password.data)
            except services.NotConfirmed as error:
                if throttle.allow_confirmation_resend(email):
                    services.send_confirmation(error.user)
                    db.session.commit()
                    form.form_errors.append(error.message)
                else:
                    db.session.rollback()
                    form.form_errors.append(_("Please confirm your e-mail address first, "
                                              "using the link we sent you."))
                status = 403
            except services.SignInFailed as error:
                db.session.rollback()
                throttle.record_failure(email, address)
                form.form_errors.append(error.message)
            else:
                throttle.clear_account(email)
                return _sign_in(user, next_url)
    elif request.method == "POST":
        status = 422
    return render_template("accounts/login.html", form=form, next_url=next_url), status


def _sign_in(user, next_url: str):
    """Start a fresh session for ``user`` and redirect."""
    session.clear()  # a new session (and CSRF token) at every sign-in
    key = services.open_session(user, request.headers.get("User-Agent", ""))
    db.session.commit()
    session[SESSION_KEY] = key
    session.permanent = True
    login_user(user)
    flash(_("Welcome, %(name)s.", name=user.display_name), "success")
    response = redirect(next_url)
    if request.cookies.get(LANG_COOKIE) not in (None, user.preferred_language):
        # The member's saved preference now wins over the visitor's remembered choice.
        set_language_cookie(response, user.preferred_language)
    return response


@auth.route("/logout", methods=["POST"])
def logout():
    """Sign out: the session is revoked on the server, so a copied cookie stops working."""
    if ActionForm().validate_on_submit() and current_user.is_authenticated:
        services.close_session(session.get(SESSION_KEY))
        db.session.commit()
        logout_user()
    session.clear()
    flash(_("You have signed out."), "info")
    return redirect(url_for("main.home"))


@auth.route("/register", methods=["GET", "POST"])
@limiter.limit(_mail_form_limit, methods=["POST"])
def register():
    """Create an account; a confirmation link is e-mailed."""
    if current_user.is_authenticated:
        return redirect(url_for("account.profile"))
    form = RegisterForm(language=current_locale_code())
    if form.validate_on_submit():
        try:
            services.register(form.email.data, form.password.data,
                              display_name=form.display_name.data, language=form.language.data)
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            apply_error(form, error)
        except IntegrityError:  # the same address registered twice at once: same answer
            db.session.rollback()
            return render_template("accounts/check_inbox.html", purpose="register")
        else:
            return render_template("accounts/check_inbox.html", purpose="register")
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/register.html", form=form), status


@auth.route("/confirm/<token>", methods=["GET", "POST"])
def confirm(token: str):
    """Confirm an e-mail address: the link shows a button, the button confirms."""
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            services.confirm_email(token)
        except TokenError as error:
            return _token_problem(error)
        db.session.commit()
        flash(_("Your e-mail address is confirmed. You can sign in now."), "success")
        return redirect(url_for("auth.login"))
    return render_template("accounts/confirm.html", form=form)


@auth.route("/reset", methods=["GET", "POST"])
@limiter.limit(_mail_form_limit, methods=["POST"])
def reset_request():
    """Ask for a reset link; the answer is the same whether the account exists or not."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        db.session.commit()
        return render_template("accounts/check_inbox.html", purpose="reset")
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/reset_request.html", form=form), status


@auth.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    """Choose a new password through an e-mailed, single-use, expiring link."""
    try:
        services.user_for_reset_token(token)
    except TokenError as error:
        return _token_problem(error)
    form = ResetForm()
    if form.validate_on_submit():
        try:
            user = services.reset_password(token, form.password.data)
        except DomainError as error:
            db.session.rollback()
            apply_error(form, error)
        else:
            db.session.commit()
            throttle.clear_account(user.email)  # the owner proved themselves: unlock
            flash(_("Your password was changed. Please sign in with the new password."),
                  "success")
            return redirect(url_for("auth.login"))
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/reset.html", form=form), status


def _token_problem(error: TokenError):
    """The page shown for a used, expired or forged link."""
    return render_template("accounts/token_problem.html", expired=error.expired), 400


@account.route("/", methods=["GET", "POST"])
@login_required
def profile():
    """Display name and preferred language."""
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        try:
            services.update_profile(current_user, display_name=form.display_name.data,
                                    preferred_language=form.preferred_language.data)
        except DomainError as error:
            db.session.rollback()
            apply_error(form, error)
        else:
            db.session.commit()
            response = redirect(url_for("account.profile", lang=current_user.preferred_language))
            flash(_("Your profile was saved."), "success")
            return response
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/profile.html", form=form, password_form=PasswordForm(),
                           delete_form=DeleteForm()), status


@account.route("/password", methods=["POST"])
@login_required
def change_password():
    """Change the password; every other signed-in browser is signed out."""
    form = PasswordForm()
    if form.validate_on_submit():
        if throttle.is_blocked(current_user.email, request.remote_addr):
            form.form_errors.append(_("Too many failed attempts. Please wait a few minutes "
                                      "and try again."))
            return _profile_page(password_form=form), 429
        try:
            services.change_password(current_user, form.current_password.data,
                                     form.password.data, keep_key=session.get(SESSION_KEY))
        except DomainError as error:
            db.session.rollback()
            if error.field == "current_password":
                throttle.record_failure(current_user.email, request.remote_addr)
            apply_error(form, error)
        else:
            db.session.commit()
            flash(_("Your password was changed."), "success")
            return redirect(url_for("account.profile"))
    return _profile_page(password_form=form), 422


@account.route("/export")
@login_required
def export():
    """Download everything the portal holds about the signed-in member, as JSON."""
    data = services.export_data(current_user)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return Response(body, mimetype="application/json", headers={
        "Content-Disposition": 'attachment; filename="headstart-account.json"',
        "Cache-Control": "no-store",
    })


@account.route("/delete", methods=["POST"])
@login_required
def delete():
    """Delete the account after the password is confirmed."""
    form = DeleteForm()
    if form.validate_on_submit():
        if throttle.is_blocked(current_user.email, request.remote_addr):
            form.form_errors.append(_("Too many failed attempts. Please wait a few minutes "
                                      "and try again."))
            return _profile_page(delete_form=form), 429
        try:
            services.delete_account(current_user._get_current_object(), form.password.data)
        except DomainError as error:
            db.session.rollback()
            throttle.record_failure(current_user.email, request.remote_addr)
            apply_error(form, error)
        else:
            db.session.commit()
            logout_user()
            session.clear()
            flash(_("Your account was deleted."), "info")
            return redirect(url_for("main.home"))
    return _profile_page(delete_form=form), 422


def _profile_page(*, password_form=None, delete_form=None):
    """The account page, showing one of its forms with errors."""
    return render_template("accounts/profile.html", form=ProfileForm(obj=current_user),
                           password_form=password_form or PasswordForm(),
                           delete_form=delete_form or DeleteForm())
