"""``GET /api/v1/handbook``: the latest edition of the handbook (``?edition=n`` an older
one), every section in the reader's language (``Accept-Language``) where the edition has
that translation, as rendered HTML and as Markdown."""

from __future__ import annotations

from flask import jsonify, request

from headstart.api.views import _int, bp
from headstart.core.errors import render_error
from headstart.core.i18n import current_locale_code
from headstart.core.mail import external_url
from headstart.core.markdown import render
from headstart.handbook import editions
from headstart.handbook.rendering import section_html


@bp.route("/handbook")
def handbook():
    """An edition of the handbook: chapters with their sections."""
    if not request.args.get("edition"):  # left out or empty: the latest, as everywhere
        edition = editions.latest()
        if edition is None:
            return render_error(404, "No edition of the handbook is published yet.")
    else:
        edition = editions.by_number(_int("edition", 1, 1, 2**31 - 1))
        if edition is None:
            return render_error(404, "No edition has this number.")
    reader = current_locale_code()
    chapters = editions.read(edition, reader)
    return jsonify({
        "edition": edition.number,
        "published_at": edition.published_at.isoformat(),
        "release_notes": edition.release_notes,
        "release_notes_html": str(render(edition.release_notes)),
        "url": external_url("handbook.edition", number=edition.number),
        "pdf_url": external_url("handbook.pdf_download", number=edition.number),
        "latest": edition.id == editions.latest().id,
        "chapters": [{
            "title": chapter.title,
            "sections": [{
                "id": item.source.section_id, "slug": item.source.slug,
                "title": item.text.title,
                "url": external_url("handbook.section", number=edition.number,
                                    slug=item.source.slug),
                "language": item.text.language,
                "translated": not item.fallback,
                "languages": item.languages,
                "markdown": item.text.body,
                "html": str(section_html(item.text.body, item.source.slug)[0]),
            } for item in chapter.sections],
        } for chapter in chapters],
    })
