"""Differences between two texts as escaped HTML (pure: no Flask, no database).

Revision text is never trusted as HTML: every piece of it is escaped before it is wrapped
in ``<ins>``/``<del>``. Two views: :func:`inline` (one column, removed and added lines
marked, changed words marked within a changed line) and :func:`side_by_side` (rows of
old | new). :func:`has_changes` tells whether two texts differ at all.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

_WORDS = re.compile(r"\s+|\S+\s*")


@dataclass(frozen=True)
class Row:
    """One row of a side-by-side diff: ``kind`` is equal, delete, insert or replace."""

    kind: str
    old: Markup
    new: Markup
    old_number: int | None
    new_number: int | None


def has_changes(old: str, new: str) -> bool:
    """True when the texts differ (line endings aside)."""
    return _lines(old) != _lines(new)


def _lines(text: str | None) -> list[str]:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _word_marks(old: str, new: str) -> tuple[Markup, Markup]:
    """The two lines with the changed words marked, escaped."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    old_out: list[str] = []
    new_out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            old_out.append(removed)
            new_out.append(added)
            continue
        if removed:
            old_out.append(Markup("<del>%s</del>") % removed)
        if added:
            new_out.append(Markup("<ins>%s</ins>") % added)
    return Markup("").join(old_out), Markup("").join(new_out)


def rows(old: str, new: str) -> list[Row]:
    """The side-by-side rows between two texts, line by line."""
    a, b = _lines(old), _lines(new)
    result: list[Row] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                result.append(Row("equal", escape(a[i1 + k]), escape(b[j1 + k]),
                                  i1 + k + 1, j1 + k + 1))
        elif tag == "replace":
            for k in range(max(i2 - i1, j2 - j1)):
                left = a[i1 + k] if i1 + k < i2 else None
                right = b[j1 + k] if j1 + k < j2 else None
                if left is not None and right is not None:
                    marked_old, marked_new = _word_marks(left, right)
                    result.append(Row("replace", marked_old, marked_new, i1 + k + 1,
                                      j1 + k + 1))
                elif left is not None:
                    result.append(Row("delete", escape(left), Markup(""), i1 + k + 1, None))
                else:
                    result.append(Row("insert", Markup(""), escape(right), None, j1 + k + 1))
        elif tag == "delete":
            for k in range(i1, i2):
                result.append(Row("delete", escape(a[k]), Markup(""), k + 1, None))
        else:
            for k in range(j1, j2):
                result.append(Row("insert", Markup(""), escape(b[k]), None, k + 1))
    return result


def side_by_side(old: str, new: str, *, old_label: str = "", new_label: str = "",
                 context: int | None = 3) -> Markup:
    """An HTML table of old and new, changed rows marked; unchanged runs longer than
    twice ``context`` lines are folded (None shows every line)."""
    shown = _fold(rows(old, new), context)
    out = [Markup('<table class="diff side-by-side"><thead><tr>'
                  '<th scope="col" colspan="2">%s</th><th scope="col" colspan="2">%s</th>'
                  '</tr></thead><tbody>') % (old_label, new_label)]
    for row in shown:
        if row is None:
            out.append(Markup('<tr class="diff-fold"><td colspan="4">…</td></tr>'))
            continue
        out.append(Markup(
            '<tr class="diff-%s"><td class="diff-number">%s</td><td class="diff-old">%s</td>'
            '<td class="diff-number">%s</td><td class="diff-new">%s</td></tr>') % (
            row.kind, row.old_number or "", _cell(row.old, row.kind in {"delete"}, "del"),
            row.new_number or "", _cell(row.new, row.kind in {"insert"}, "ins")))
    out.append(Markup("</tbody></table>"))
    return Markup("").join(out)


def _cell(text: Markup, whole: bool, tag: str) -> Markup:
    if whole and text:
        # The tag is "del" or "ins" from this module; the text is escaped by the % operator.
        return Markup(f"<{tag}>%s</{tag}>") % text  # nosec B704
    return text


def inline(old: str, new: str, *, context: int | None = 3) -> Markup:
    """One column: unchanged lines as they are, removed lines in ``<del>``, added ones in
    ``<ins>``, changed words within a changed line marked."""
    out = [Markup('<div class="diff inline">')]
    for row in _fold(rows(old, new), context):
        if row is None:
            out.append(Markup('<p class="diff-fold">…</p>'))
        elif row.kind == "equal":
            out.append(Markup('<p class="diff-equal">%s</p>') % (row.new or Markup("&nbsp;")))
        elif row.kind == "delete":
            out.append(Markup('<p class="diff-delete"><del>%s</del></p>') % row.old)
        elif row.kind == "insert":
            out.append(Markup('<p class="diff-insert"><ins>%s</ins></p>') % row.new)
        else:
            out.append(Markup('<p class="diff-delete">%s</p><p class="diff-insert">%s</p>')
                       % (row.old, row.new))
    out.append(Markup("</div>"))
    return Markup("").join(out)


def _fold(all_rows: list[Row], context: int | None) -> list[Row | None]:
    """Rows with long unchanged runs replaced by one ``None`` (a fold marker)."""
    if context is None:
        return list(all_rows)
    changed = [i for i, row in enumerate(all_rows) if row.kind != "equal"]
    if not changed:
        return []
    keep = set()
    for i in changed:
        keep.update(range(max(0, i - context), min(len(all_rows), i + context + 1)))
    shown: list[Row | None] = []
    for i, row in enumerate(all_rows):
        if i in keep:
            shown.append(row)
        elif shown and shown[-1] is not None or not shown:
            shown.append(None)
    return shown


def stats(old: str, new: str) -> tuple[int, int]:
    """Lines added and removed between the texts."""
    added = removed = 0
    for row in rows(old, new):
        if row.kind in {"insert", "replace"}:
            added += 1
        if row.kind in {"delete", "replace"}:
            removed += 1
    return added, removed
