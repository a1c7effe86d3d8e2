"""The network's pages over the directory: the counterpart finder and the corridor
matrix. Routes of the ``directory`` blueprint."""

from __future__ import annotations

from flask import render_template, request
from flask_login import current_user

from headstart.core import bounds
from headstart.core.i18n import _, country_choices, country_name
from headstart.directory import countries, finder, links, matrix, services
from headstart.directory.taxonomy import SERVICES
from headstart.directory.views import bp


@bp.route("/counterparts")
def counterparts():
    """Suggest counterparts: for one of the signed-in member's organisations, or for a
    corridor and service anyone chooses."""
    mine = links.member_organisations(current_user)
    typed = request.args.get("corridor") or ""
    if not typed and request.args.get("origin") and request.args.get("destination"):
        typed = f"{request.args['origin']}-{request.args['destination']}"
    chosen_corridor = services.parse_corridor(typed)
    service = request.args.get("service") if request.args.get("service") in SERVICES else ""
    looking_for = "origin" if request.args.get("looking_for") == "origin" else "destination"
    organisation, suggestions, asked, error = None, [], False, None
    wanted = bounds.id_arg("organisation")
    if chosen_corridor is not None:
        asked = True
        suggestions = finder.counterparts_for(*chosen_corridor, service=service or None,
                                              looking_for=looking_for, mine=mine)
    elif typed or request.args.get("origin") or request.args.get("destination"):
        error = _("Choose two different countries: where people leave from and where they "
                  "go.")
    elif mine:
        organisation = next((o for o in mine if o.id == wanted), mine[0])
        asked = True
        suggestions = finder.counterparts_for_organisation(organisation)
    # What the selects show: the corridor asked for, or (after an error) the valid codes
    # the reader picked, so one wrong choice does not undo the other.
    known = {code for code, _name in country_choices("en")}
    shown = chosen_corridor or tuple(
        code if code in known else ""
        for code in ((request.args.get("origin") or "").strip().upper(),
                     (request.args.get("destination") or "").strip().upper()))
    return render_template(
        "directory/counterparts.html", mine=mine, organisation=organisation,
        suggestions=suggestions[:30], total=len(suggestions), asked=asked, error=error,
        corridor=shown, service=service, looking_for=looking_for,
        services_offered=SERVICES, countries=countries.filter_choices(*shown),
        can_propose=bool(mine)), 422 if error else 200


#: Fill colours of the matrix cells, from no coverage to the most (each readable with
#: the text colour beside it).
SHADES = (("#ffffff", "#1b1f24"), ("#e3f0f1", "#1b1f24"), ("#b5d8db", "#1b1f24"),
          ("#2f7c84", "#ffffff"), ("#0b5c63", "#ffffff"))


def shade_of(total: int) -> int:
    """Shade step of a cell covered by ``total`` linked providers and practices."""
    return 0 if total <= 0 else 1 if total == 1 else 2 if total <= 3 else 3 if total <= 6 else 4


def matrix_picture(counts: matrix.Matrix, rtl: bool) -> dict:
    """Positions of the labels and cells of the matrix drawn as SVG (mirrored for
    right-to-left languages: the origin countries on the right)."""
    cell_w, cell_h, label_w, top, spare = 72, 40, 190, 130, 120
    columns, rows = len(counts.destinations), len(counts.origins)
    width = label_w + columns * cell_w + spare
    height = top + rows * cell_h + 8
    grid_left = spare if rtl else label_w

    def column_x(j: int) -> int:
        return grid_left + ((columns - 1 - j) if rtl else j) * cell_w

    cells, row_labels = [], []
    for i, origin in enumerate(counts.origins):
        y = top + i * cell_h
        row_labels.append({"x": width - label_w + 8 if rtl else label_w - 8,
                           "y": y + cell_h / 2 + 5, "anchor": "start" if rtl else "end",
                           "text": country_name(origin)})
        for j, destination in enumerate(counts.destinations):
            if origin == destination:
                continue
            providers, practices = counts.cell(origin, destination)
            step = shade_of(providers + practices)
            cells.append({"x": column_x(j), "y": y, "origin": origin,
                          "destination": destination, "providers": providers,
                          "practices": practices, "fill": SHADES[step][0],
                          "ink": SHADES[step][1], "gap": step == 0})
    column_labels = [{"x": column_x(j) + cell_w / 2, "y": top - 8,
                      "text": country_name(destination)}
                     for j, destination in enumerate(counts.destinations)]
    return {"width": width, "height": height, "cell_w": cell_w, "cell_h": cell_h,
            "cells": cells, "rows": row_labels, "columns": column_labels}


@bp.route("/corridors")
def corridors():
    """The corridor matrix: origin countries × destination countries, shaded by how many
    linked providers and published practices cover each corridor."""
    from headstart.core.i18n import RTL_LOCALES, current_locale_code

    counts = matrix.corridor_matrix()
    picture = matrix_picture(counts, current_locale_code() in RTL_LOCALES)
    legend = [(SHADES[step][0], label) for step, label in enumerate(
        [_("not covered"), "1", "2–3", "4–6", _("7 or more")])]
    return render_template("directory/corridors.html", matrix=counts, picture=picture,
                           legend=legend)
