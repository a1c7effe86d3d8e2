"""``/notifications/``: what happened that concerns the signed-in member."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from headstart.core.auth import safe_next
from headstart.core.i18n import _
from headstart.extensions import db
from headstart.notifications import services
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
