"""Reading the handbook: the latest edition's contents, every edition at its own address,
section pages with previous/next, the print page, the PDF and the diff between editions.
Editing is in ``edit_views`` (same blueprint)."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_limiter.util import get_remote_address

from headstart.core import file_cache
from headstart.core.i18n import current_locale_code, select_locale
from headstart.core.markdown import render
from headstart.extensions import limiter
from headstart.handbook import diff, editions, pdf
from headstart.handbook.rendering import section_html

bp = Blueprint("handbook", __name__, url_prefix="/handbook")


def _edition_or_404(number: int):
    edition = editions.by_number(number)
    if edition is None:
        abort(404)
    return edition


@bp.app_template_global()
def handbook_section_url(edition_number: int, slug: str, **kwargs) -> str:
    """The address of a section within an edition."""
    return url_for("handbook.section", number=edition_number, slug=slug, **kwargs)


@bp.route("/")
def index():
    """The latest edition's table of contents (or a note that none is published)."""
    edition = editions.latest()
    if edition is None:
        return render_template("handbook/empty.html")
    return _contents(edition, latest=True)


@bp.route("/editions/")
def edition_list():
    """Every published edition, newest first."""
    return render_template("handbook/editions.html", editions=editions.all_editions())


@bp.route("/editions/<int:number>")
def edition(number: int):
    """An edition's table of contents and release notes (older ones stay readable)."""
    return _contents(_edition_or_404(number), latest=False)


def _contents(edition, *, latest: bool):
    newest = editions.latest()
    chapters = editions.read(edition, current_locale_code())
    return render_template("handbook/contents.html", edition=edition, chapters=chapters,
                           newest=newest, is_latest=newest is not None
                           and newest.id == edition.id, release_notes=render(
                               edition.release_notes))


@bp.route("/editions/<int:number>/<slug>")
def section(number: int, slug: str):
    """One section of an edition, in the reader's language when translated."""
    edition = _edition_or_404(number)
    chapters = editions.read(edition, current_locale_code())
    found = editions.find_section(chapters, slug)
    if found is None:
        abort(404)
    before, item, after = found
    body, headings = section_html(item.text.body, item.text.slug)
    newest = editions.latest()
    return render_template("handbook/section.html", edition=edition, item=item, body=body,
                           headings=headings, before=before, after=after, newest=newest,
                           is_latest=newest.id == edition.id)


@bp.route("/sections/<int:section_id>")
def section_latest(section_id: int):
    """A section in the newest edition that has it (stable links, e.g. from the forum)."""
    edition = editions.latest_with_section(section_id)
    if edition is None:
        abort(404)
    text = next(t for t in edition.texts if t.section_id == section_id and t.is_source)
    return redirect(url_for("handbook.section", number=edition.number, slug=text.slug))


def _whole(edition):
    """Every section of an edition rendered for the reader, for the print page and PDF."""
    chapters = editions.read(edition, current_locale_code())
    rendered = {item.source.section_id: section_html(item.text.body, item.text.slug,
                                                     heading_offset=3)[0]
                for item in editions.flat(chapters)}
    return chapters, rendered


@bp.route("/editions/<int:number>/print")
def print_page(number: int):
    """The whole edition on one print-friendly page."""
    edition = _edition_or_404(number)
    chapters, rendered = _whole(edition)
    return render_template("handbook/print.html", edition=edition, chapters=chapters,
                           rendered=rendered, release_notes=render(edition.release_notes))


def _pdf_limit() -> str:
    return current_app.config["PDF_LIMIT"]


@bp.route("/editions/<int:number>.pdf")
@limiter.limit(_pdf_limit, key_func=get_remote_address)
def pdf_download(number: int):
    """The edition as a PDF with a cover, contents and page numbers: rendered once per
    edition and language (an edition never changes) and kept for every worker."""
    edition = _edition_or_404(number)
    locale = current_locale_code()
    key = (edition.id, edition.number, locale, select_locale(), request.url_root)

    def render_pdf() -> bytes:
        chapters, rendered = _whole(edition)
        html = render_template("handbook/pdf.html", edition=edition, chapters=chapters,
                               rendered=rendered, release_notes=render(edition.release_notes))
        return pdf.to_pdf(html)

    handle = file_cache.fetch("handbook-pdf", pdf.fingerprint(), key, render_pdf,
                              suffix=".pdf")
    response = file_cache.send(handle, mimetype="application/pdf", as_attachment=False,
                               name=f"headstart-handbook-edition-{edition.number}.pdf")
    # An edition never changes (only its language varies, see Vary), and rendering takes
    # a second: let browsers and proxies keep it for a day.
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@bp.route("/editions/<int:old>/diff/<int:new>")
def edition_diff(old: int, new: int):
    """What changed in the sections' source texts between two editions."""
    before, after = _edition_or_404(old), _edition_or_404(new)
    changes = editions.compare(before, after)
    shown = []
    for change in changes:
        title_old = change.old.title if change.old else ""
        title_new = change.new.title if change.new else ""
        shown.append((change, diff.inline(
            f"# {title_old}\n\n{change.old.body if change.old else ''}",
            f"# {title_new}\n\n{change.new.body if change.new else ''}")))
    return render_template("handbook/edition_diff.html", old=before, new=after, changes=shown,
                           release_notes=render(after.release_notes))

