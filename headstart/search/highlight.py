"""Highlighted snippets: the part of a text around the words someone searched for, with
those words marked.

Only the texts a page shows are highlighted (the 20 hits of a page, never every match),
and the same analysis as the index decides what matches, so "trainings" marks
"training" and "Brasov" marks "Brașov".
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from headstart.search import analysis

#: Characters of text shown around the matches.
SNIPPET_CHARS = 240


def _marked_spans(text: str, forms: frozenset[str], language: str) -> list[tuple[int, int]]:
    # Words repeat: decide each distinct word once, then find where the marked ones are.
    marked = {word for word in set(analysis.WORD_RE.findall(text))
              if len(word) <= analysis.MAX_WORD and analysis.matches(word, language, forms)}
    if not marked:
        return []
    return [match.span() for match in analysis.WORD_RE.finditer(text)
            if match.group() in marked]


def _window(text: str, spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    """The ``size``-character stretch of ``text`` holding the most marked words."""
    best_start, best_count = spans[0][0], 0
    right = 0
    for left, (start, _end) in enumerate(spans):
        right = max(right, left)
        while right + 1 < len(spans) and spans[right + 1][1] - start <= size:
            right += 1
        count = right - left + 1
        if count > best_count:
            best_start, best_count = start, count
    # Begin a little before the first marked word, on a word boundary.
    start = max(0, best_start - size // 4)
    if start > 0:
        space = text.find(" ", start, best_start)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > best_start else end
    return start, end


def snippet(text: str, forms: frozenset[str], language: str,
            size: int = SNIPPET_CHARS) -> Markup | None:
    """A stretch of plain ``text`` with the words matching ``forms`` in ``<mark>``, or
    None when nothing in ``text`` matches."""
    text = " ".join((text or "").split())
    if not text or not forms:
        return None
    spans = _marked_spans(text, forms, language)
    if not spans:
        return None
    start, end = _window(text, spans, size)
    pieces = [Markup("…")] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(Markup("<mark>%s</mark>") % text[span_start:span_end])
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append(Markup("…"))
    return Markup("").join(pieces)


def best_snippet(texts: Iterable[str], forms: frozenset[str], language: str,
                 size: int = SNIPPET_CHARS) -> Markup | None:
    """The snippet of the first of ``texts`` (in order of preference) that matches; a
    generator of texts is only consumed up to that one."""
    for text in texts:
        found = snippet(text, forms, language, size)
        if found is not None:
            return found
    return None
