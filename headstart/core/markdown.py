"""Markdown to safe HTML: markdown-it-py (CommonMark, raw HTML off) then nh3 (an allow-list).

One renderer for the whole portal: practices, forum posts, handbook sections.
"""

from __future__ import annotations

import html as html_module
import re
from functools import cache, lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


@cache
def _parser() -> MarkdownIt:
    # html=False: raw HTML in the source is shown as text, never passed through.
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
        ["table", "strikethrough"])


def render(source: str | None, *, heading_offset: int = 2) -> Markup:
    """Render Markdown ``source`` to sanitised HTML, safe to put in a page.

    Headings move down ``heading_offset`` levels (``#`` becomes ``h3``), so content sits
    under the page's own headings and keeps the outline valid.
    """
    if not source:
        return Markup("")
    tokens = _parser().parse(source)
    for token in tokens:
        if token.type in {"heading_open", "heading_close"}:
            token.tag = f"h{min(int(token.tag[1]) + heading_offset, 6)}"
    html = _parser().renderer.render(tokens, _parser().options, {})
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
        strip_comments=True,
    )
    # nh3 has just sanitised it (the one place Markdown becomes markup).
    return Markup(clean)  # noqa: S704  # nosec B704


#: What can make Markdown differ from its plain text: inline markup, escapes, entities
#: and HTML anywhere, block markers at the start of a line (lists, quotes, headings,
#: setext underlines, thematic breaks, ordered lists), and NUL (replaced by the parser).
_MARKUP = re.compile(r"[\\`*_\[\]<>&~|\x00]|^[ \t]*(?:[-+=#>]|\d+[.)])", re.MULTILINE)


def plain_text(source: str | None, limit: int = 300) -> str:
    """A short plain-text version of Markdown ``source`` (for lists, feeds and metadata)."""
    if not source:
        return ""
    text = _plain(source)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


@lru_cache(maxsize=4096)
def _plain(source: str) -> str:
    """The whole text of Markdown ``source`` on one line (kept: lists render the same
    summaries and snippets again and again). Text without any Markdown is its own plain
    text: it skips the parser (most records are typed as plain prose)."""
    if _MARKUP.search(source) is None:
        return " ".join(source.split())
    text = html_module.unescape(nh3.clean(_parser().render(source), tags=set()))
    return " ".join(text.split())
