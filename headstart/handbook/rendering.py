"""Section text as HTML with citable headings: every heading the shared Markdown renderer
makes gets an ``id`` (the section's slug, then the heading's), so a paragraph of the
handbook can be cited as ``…/editions/2/first-contact#first-contact--what-to-ask``.

The anchors are added here rather than in ``core.markdown`` so other areas' HTML (forum
posts, practices) keeps no ids that could clash with their pages' own.
"""

from __future__ import annotations

import html
import re
import unicodedata

from markupsafe import Markup

from headstart.core.markdown import render

_HEADING = re.compile(r"<h([2-6])>(.*?)</h\1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def anchor(text: str) -> str:
    """An ASCII fragment for a heading text ("" when nothing ASCII is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].rstrip("-")


def section_html(body: str, slug: str, *, heading_offset: int = 1) -> tuple[Markup, list]:
    """The sanitised HTML of a section's Markdown with ids on its headings, and the
    headings as ``(level, text, id)``."""
    rendered = str(render(body, heading_offset=heading_offset))
    headings: list[tuple[int, str, str]] = []
    used: set[str] = set()

    def add_id(match: re.Match) -> str:
        level, inner = match.group(1), match.group(2)
        text = html.unescape(_TAGS.sub("", inner)).strip()
        base = f"{slug}--{anchor(text) or f'h{len(headings) + 1}'}"
        fragment, n = base, 2
        while fragment in used:
            fragment, n = f"{base}-{n}", n + 1
        used.add(fragment)
        headings.append((int(level), text, fragment))
        return f'<h{level} id="{fragment}">{inner}</h{level}>'

    # The ids are built from [a-z0-9-] only, so adding them keeps the HTML safe.
    return Markup(_HEADING.sub(add_id, rendered)), headings  # noqa: S704  # nosec B704
