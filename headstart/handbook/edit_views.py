"""Editing the handbook (coordinators only): chapters and their order, sections with
revisions, preview, conflict warnings, history, diffs, restoring, translations and
publishing editions. Drafts live only here; readers see editions."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from headstart.core import bounds
from headstart.core.auth import role_required
from headstart.core.errors import DomainError
from headstart.core.forms import ActionForm, apply_error
from headstart.core.i18n import LOCALES, _, language_name
from headstart.core.markdown import render
from headstart.extensions import db
from headstart.handbook import diff, editions, services
from headstart.handbook.forms import (
    ChapterForm,
    ChapterTitleForm,
    NewSectionForm,
    PublishForm,
    SectionForm,
    TranslationForm,
)
from headstart.handbook.models import Chapter, Section
from headstart.handbook.rendering import section_html
from headstart.handbook.views import bp


def _get(model, object_id: int):
    found = db.session.get(model, object_id)
    if found is None:
        abort(404)
    return found


@bp.route("/edit/")
@role_required("coordinator")
def edit_index():
    """The editor's overview: chapters and sections with their state, sections due for
    review, publishing."""
    latest = editions.latest()
    changed = {s.id for s in editions.unpublished_changes(latest)}
    return render_template(
        "handbook/edit/index.html", chapters=services.chapters(), changed=changed,
        latest=latest, due=services.due_for_review(), chapter_form=ChapterForm(),
        title_form=ChapterTitleForm(),
        action_form=ActionForm(), current=services.current, translations=services.translations)


@bp.route("/edit/chapters", methods=["POST"])
@role_required("coordinator")
def create_chapter():
    """Add a chapter."""
    form = ChapterForm()
    if not form.validate_on_submit():
        flash(_("A chapter needs a title."), "error")
        return redirect(url_for("handbook.edit_index"))
    services.create_chapter(form.title.data, actor=current_user)
    db.session.commit()
    flash(_("Chapter added."), "success")
    return redirect(url_for("handbook.edit_index"))


@bp.route("/edit/chapters/<int:chapter_id>", methods=["POST"])
@role_required("coordinator")
def rename_chapter(chapter_id: int):
    """Change a chapter's title."""
    chapter = _get(Chapter, chapter_id)
    form = ChapterForm()
    if not form.validate_on_submit():
        flash(_("A chapter needs a title."), "error")
        return redirect(url_for("handbook.edit_index"))
    services.rename_chapter(chapter, form.title.data, actor=current_user)
    db.session.commit()
    flash(_("Chapter renamed."), "success")
    return redirect(url_for("handbook.edit_index"))


@bp.route("/edit/chapters/<int:chapter_id>/titles", methods=["POST"])
@role_required("coordinator")
def chapter_title(chapter_id: int):
    """Give (or remove) a chapter's title in another language."""
    chapter = _get(Chapter, chapter_id)
    form = ChapterTitleForm()
    if not form.validate_on_submit():
        flash(_("Choose one of the portal's languages."), "error")
        return redirect(url_for("handbook.edit_index"))
    services.set_chapter_title(chapter, form.language.data, form.title.data or "",
                               actor=current_user)
    db.session.commit()
    flash(_("Chapter title saved. Readers get it with the next edition."), "success")
    return redirect(url_for("handbook.edit_index"))


def _move(item):
    form = ActionForm()
    direction = request.form.get("direction", "")
    if not form.validate_on_submit() or direction not in {"up", "down"}:
        abort(400)
    services.move(item, direction, actor=current_user)
    db.session.commit()
    return redirect(url_for("handbook.edit_index"))


@bp.route("/edit/chapters/<int:chapter_id>/move", methods=["POST"])
@role_required("coordinator")
def move_chapter(chapter_id: int):
    """Move a chapter up or down."""
    return _move(_get(Chapter, chapter_id))


@bp.route("/edit/sections/<int:section_id>/move", methods=["POST"])
@role_required("coordinator")
def move_section(section_id: int):
    """Move a section up or down within its chapter."""
    return _move(_get(Section, section_id))


@bp.route("/edit/sections/new", methods=["GET", "POST"])
@role_required("coordinator")
def new_section():
    """Write a new section."""
    form = NewSectionForm()
    chapter_list = services.chapters()
    if not chapter_list:
        flash(_("Add a chapter first."), "info")
        return redirect(url_for("handbook.edit_index"))
    form.chapter_id.choices = [(c.id, c.title) for c in chapter_list]
    if request.method == "GET" and bounds.id_arg("chapter"):
        form.chapter_id.data = bounds.id_arg("chapter")
    preview = None
    status = 200
    if form.validate_on_submit():
        if form.preview.data:
            preview = render(form.body.data, heading_offset=1)
        else:
            chapter = db.session.get(Chapter, form.chapter_id.data)
            try:
                if chapter is None:
                    raise DomainError(_("Choose a chapter."), field="chapter_id")
                section = services.create_section(
                    chapter, title=form.title.data, slug=form.slug.data,
                    body=form.body.data or "", summary=form.summary.data or "",
                    language=form.language.data, review_by=form.review_by.data,
                    actor=current_user)
            except DomainError as error:
                db.session.rollback()
                apply_error(form, error)
                status = 422
            else:
                db.session.commit()
                flash(_("Section saved as a draft. Readers see it once you publish an "
                        "edition."), "success")
                return redirect(url_for("handbook.edit_section", section_id=section.id))
    elif request.method == "POST":
        status = 422
    return render_template("handbook/edit/new_section.html", form=form,
                           preview=preview), status


def _submit_revision(form, section: Section, save, saved_message: str):
    """The POST flow the section and translation editors share: show a preview, or call
    ``save()`` (the new revision, or None when nothing changed), commit and go back to the
    section's editor. A save over a newer revision (409) or a refused one (422) re-shows
    the form with the text kept. Returns ``(redirect or None, preview, conflict, status)``."""
    if not form.validate_on_submit():
        return None, None, None, 422 if request.method == "POST" else 200
    if form.preview.data:
        return None, section_html(form.body.data or "", section.slug)[0], None, 200
    try:
        revision = save()
    except services.EditConflict as error:
        db.session.rollback()
        conflict = _conflict(error.current, form.body.data or "")
        form.base_revision.data = str(error.current.id)
        return None, None, conflict, 409
    except DomainError as error:
        db.session.rollback()
        apply_error(form, error)
        return None, None, None, 422
    db.session.commit()
    if revision is None:
        flash(_("Nothing changed in the text, so no revision was added."), "info")
    else:
        flash(saved_message, "success")
    return redirect(url_for("handbook.edit_section", section_id=section.id)), None, None, 200


@bp.route("/edit/sections/<int:section_id>", methods=["GET", "POST"])
@role_required("coordinator")
def edit_section(section_id: int):
    """Edit a section's source text: every save is a revision; a save over a newer
    revision than the one the form was opened on is refused with the difference (409)."""
    section = _get(Section, section_id)
    latest = services.current(section)
    form = SectionForm()
    form.chapter_id.choices = [(c.id, c.title) for c in services.chapters()]
    if request.method == "GET":
        if latest is not None:
            form.title.data, form.body.data = latest.title, latest.body
            form.base_revision.data = str(latest.id)
        form.review_by.data = section.review_by
        form.chapter_id.data = section.chapter_id

    def save():
        revision = services.save(
            section, title=form.title.data, body=form.body.data or "",
            summary=form.summary.data or "", base_revision_id=_int(form.base_revision.data),
            actor=current_user)
        services.set_review_by(section, form.review_by.data, actor=current_user)
        chapter = db.session.get(Chapter, form.chapter_id.data or 0)
        if chapter is not None:
            services.move_to_chapter(section, chapter, actor=current_user)
        return revision

    done, preview, conflict, status = _submit_revision(
        form, section, save, _("Revision saved. Readers see it once you publish an edition."))
    if done is not None:
        return done
    return render_template(
        "handbook/edit/section.html", section=section, form=form, latest=latest,
        preview=preview, conflict=conflict, translations=services.translations(section),
        languages=[code for code in LOCALES if code != section.language],
        action_form=ActionForm()), status


@bp.route("/edit/sections/<int:section_id>/retire", methods=["POST"])
@role_required("coordinator")
def retire(section_id: int):
    """Leave a section out of the next editions."""
    section = _get(Section, section_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    services.retire(section, actor=current_user)
    db.session.commit()
    flash(_("The section will be left out of the next edition. Published editions keep "
            "it."), "success")
    return redirect(url_for("handbook.edit_index"))


@bp.route("/edit/sections/<int:section_id>/reinstate", methods=["POST"])
@role_required("coordinator")
def reinstate(section_id: int):
    """Bring a retired section back into the next editions."""
    section = _get(Section, section_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    services.reinstate(section, actor=current_user)
    db.session.commit()
    flash(_("The section will be in the next edition again."), "success")
    return redirect(url_for("handbook.edit_section", section_id=section.id))


def _int(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None


def _conflict(current_revision, own_text: str) -> dict:
    """What the conflict warning shows: who saved what, and the difference from their
    text to the editor's."""
    return {"revision": current_revision, "diff": diff.side_by_side(
        current_revision.body, own_text, old_label=_("Saved meanwhile"),
        new_label=_("Your text"), context=None)}


@bp.route("/edit/sections/<int:section_id>/history")
@role_required("coordinator")
def history(section_id: int):
    """A section's revisions in one language, newest first, with a compare form."""
    section = _get(Section, section_id)
    language = request.args.get("lang", section.language)
    if language not in LOCALES:
        abort(404)
    return render_template("handbook/edit/history.html", section=section, language=language,
                           revisions=services.revisions(section, language),
                           action_form=ActionForm())


@bp.route("/edit/sections/<int:section_id>/diff")
@role_required("coordinator")
def revision_diff(section_id: int):
    """The difference between two revisions of a section (``?a=…&b=…``, by id)."""
    section = _get(Section, section_id)
    a, b = bounds.id_arg("a"), bounds.id_arg("b")
    if a is None or b is None:
        abort(400)
    try:
        old, new = services.revision_of(section, a), services.revision_of(section, b)
    except DomainError:
        abort(404)
    view = request.args.get("view", "side")
    title_old, title_new = f"# {old.title}\n\n{old.body}", f"# {new.title}\n\n{new.body}"
    shown = diff.inline(title_old, title_new) if view == "inline" else diff.side_by_side(
        title_old, title_new, old_label=_("Revision %(id)s", id=old.id),
        new_label=_("Revision %(id)s", id=new.id))
    return render_template("handbook/edit/diff.html", section=section, old=old, new=new,
                           shown=shown, view=view, stats=diff.stats(old.body, new.body))


@bp.route("/edit/sections/<int:section_id>/revisions/<int:revision_id>")
@role_required("coordinator")
def revision(section_id: int, revision_id: int):
    """One revision as readers would see it."""
    section = _get(Section, section_id)
    try:
        shown = services.revision_of(section, revision_id)
    except DomainError:
        abort(404)
    return render_template("handbook/edit/revision.html", section=section, revision=shown,
                           body=section_html(shown.body, section.slug)[0],
                           action_form=ActionForm())


@bp.route("/edit/sections/<int:section_id>/revisions/<int:revision_id>/restore",
          methods=["POST"])
@role_required("coordinator")
def restore(section_id: int, revision_id: int):
    """Bring an old revision back as a new revision."""
    section = _get(Section, section_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        old = services.revision_of(section, revision_id)
    except DomainError:
        abort(404)
    restored = services.restore(section, old, actor=current_user)
    db.session.commit()
    if restored is None:
        flash(_("That revision is already the current text."), "info")
    else:
        flash(_("The old text is back, as a new revision."), "success")
    return redirect(url_for("handbook.history", section_id=section.id, lang=old.language))


@bp.route("/edit/sections/<int:section_id>/translations/<lang>", methods=["GET", "POST"])
@role_required("coordinator")
def translate(section_id: int, lang: str):
    """Translate a section into ``lang``; the translation records the source revision it
    was made from."""
    section = _get(Section, section_id)
    if lang not in LOCALES or lang == section.language:
        abort(404)
    source = services.current(section)
    state = services.translation_state(section, lang)
    form = TranslationForm()
    if request.method == "GET":
        if state is not None:
            form.title.data, form.body.data = state["revision"].title, state["revision"].body
            form.base_revision.data = str(state["revision"].id)
        elif source is not None:
            form.title.data, form.body.data = source.title, source.body

    def save():
        return services.save(
            section, title=form.title.data, body=form.body.data or "",
            summary=form.summary.data or "", language=lang,
            base_revision_id=_int(form.base_revision.data), actor=current_user)

    done, preview, conflict, status = _submit_revision(
        form, section, save, _("Translation saved. Readers get it with the next edition."))
    if done is not None:
        return done
    source_diff = None
    if state is not None and state["outdated"] and state["since"]:
        source_diff = url_for("handbook.revision_diff", section_id=section.id,
                              a=state["since"], b=source.id)
    return render_template("handbook/edit/translate.html", section=section, form=form,
                           lang=lang, language_label=language_name(lang), source=source,
                           state=state, source_diff=source_diff, preview=preview,
                           conflict=conflict), status


@bp.route("/edit/publish", methods=["GET", "POST"])
@role_required("coordinator")
def publish():
    """Publish a new edition: every section's current text, frozen."""
    form = PublishForm()
    latest = editions.latest()
    status = 200
    if form.validate_on_submit():
        try:
            edition = editions.publish(form.release_notes.data or "", actor=current_user)
            number = edition.number
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            apply_error(form, error)
            status = 422
        except IntegrityError:  # another coordinator published the same number just now
            db.session.rollback()
            form.form_errors.append(_("Another edition was published a moment ago. Check "
                                      "it, then publish again if needed."))
            latest, status = editions.latest(), 409
        else:
            flash(_("Edition %(number)s is published.", number=number), "success")
            return redirect(url_for("handbook.edition", number=number))
    elif request.method == "POST":
        status = 422
    return render_template("handbook/edit/publish.html", form=form, latest=latest,
                           changed=editions.unpublished_changes(latest),
                           current=services.current), status
