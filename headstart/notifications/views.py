"""``/notifications/``: what happened that concerns the signed-in member."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from headstart.core.auth import safe_next
from headstart.core.errors import DomainError
from headstart.core.i18n import _
from headstart.extensions import db
from headstart.notifications import services
from headstart.notifications.forms import settings_form
from headstart.notifications.models import Notification

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


@bp.route("/")
@login_required
def index():
    """The member's latest notifications, newest first."""
    items = services.recent(current_user)
    return render_template("notifications/index.html", items=items, text=services.text)


@bp.route("/<int:notification_id>/open", methods=["POST"])
@login_required
def open_one(notification_id: int):
    """Mark one notification read and go where it leads."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != current_user.id:
        abort(404)
    services.mark_read(current_user, notification_id)
    db.session.commit()
    return redirect(safe_next(notification.url, url_for("notifications.index")))


@bp.route("/read", methods=["POST"])
@login_required
def read_all():
    """Mark every notification read."""
    count = services.mark_read(current_user)
    db.session.commit()
    if count:
        flash(_("All notifications are marked as read."), "success")
    return redirect(safe_next(request.form.get("next"), url_for("notifications.index")))


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    """Per kind of notification, whether its e-mail comes at once, in the daily digest or
    never (the portal always shows it)."""
    kinds = services.kinds_for(current_user)
    form = settings_form(kinds)
    if request.method == "GET":
        for kind, choice in services.email_choices(current_user).items():
            form[kind].data = choice
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                services.set_email_choices(current_user,
                                           {kind: form[kind].data for kind in kinds})
            except DomainError as error:
                db.session.rollback()
                flash(error.message, "error")
                status = error.status_code
            else:
                db.session.commit()
                flash(_("Your notification settings are saved."), "success")
                return redirect(url_for("notifications.settings"))
        else:
            status = 422
    return render_template("notifications/settings.html", form=form, kinds=kinds), status
