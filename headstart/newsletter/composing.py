"""Writing issues: block lines filled in from the registered blocks, the versions an issue
has (its language and translations), and what a version looks like as HTML and text."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from babel.dates import format_date
from markupsafe import Markup

from headstart.core import blocks
from headstart.core.errors import DomainError, PermissionDenied
from headstart.core.i18n import LOCALES, _l, formatting_locale
from headstart.core.markdown import render
from headstart.extensions import db
from headstart.newsletter.models import Issue, IssueTranslation

logger = logging.getLogger(__name__)

#: A line of its own ``{{ practices 5 }}``: the block's name and how many items. A
#: browser sends CRLF line ends (HTML's form encoding): a trailing ``\r`` still ends the
#: line, for texts saved before bodies were normalised on saving.
BLOCK_LINE = re.compile(
    r"^[ \t]*\{\{[ \t]*([a-z][a-z_]{0,30})(?:[ \t]+(\d{1,3}))?[ \t]*\}\}[ \t\r]*$",
    re.MULTILINE)
DEFAULT_ITEMS = 5
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~])")


def escape_markdown(text: str) -> str:
    """``text`` with Markdown's special characters escaped (a title stays a title)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def block_lines(body: str) -> list[tuple[str, int]]:
    """The block lines of ``body``: (name, number of items)."""
    return [(m.group(1), int(m.group(2) or DEFAULT_ITEMS)) for m in BLOCK_LINE.finditer(body)]


def unknown_blocks(body: str) -> list[str]:
    """Names used in ``body`` that no feature registered."""
    return sorted({name for name, _n in block_lines(body) if blocks.get(name) is None})


def _item_markdown(item: blocks.BlockItem, language: str) -> str:
    line = f"- **[{escape_markdown(item.title)}](<{item.url}>)**"
    if item.date is not None:
        line += " · " + format_date(item.date, format="long", locale=formatting_locale(language))
    if item.summary:
        line += "  \n  " + escape_markdown(item.summary)
    return line


def _item_text(item: blocks.BlockItem, language: str) -> str:
    lines = [f"- {' '.join(item.title.split())}", f"  {item.url}"]
    details = ([format_date(item.date, format="long", locale=formatting_locale(language))]
               if item.date else [])
    if item.summary:
        details.append(" ".join(item.summary.split()))
    if details:
        lines.append("  " + " · ".join(details))
    return "\n".join(lines)


def expand(body: str, language: str, *, plain: bool = False) -> str:
    """``body`` with every block line replaced by its items: a Markdown list, or with
    ``plain`` the same list as readable text with bare addresses (the plain-text mail).
    Unknown blocks and empty ones leave nothing."""
    item_text = _item_text if plain else _item_markdown

    def replace(match: re.Match) -> str:
        name, count = match.group(1), int(match.group(2) or DEFAULT_ITEMS)
        items = blocks.fetch(name, count, language)
        return ("\n\n" if plain else "\n").join(item_text(item, language) for item in items)

    return BLOCK_LINE.sub(replace, body or "")


@dataclass(frozen=True)
class Version:
    """An issue in one language, ready to show or send."""

    language: str
    subject: str
    #: Markdown with the blocks filled in.
    markdown: str
    #: The plain-text body: the Markdown as written, the blocks as text with addresses.
    plain: str

    @property
    def html(self) -> Markup:
        """The sanitised HTML (``core.markdown``)."""
        return render(self.markdown, heading_offset=1)

    @property
    def text(self) -> str:
        """The plain-text body (written Markdown reads as text)."""
        return (self.plain or self.markdown).strip() + "\n"


def version(issue: Issue, language: str | None) -> Version:
    """``issue`` in ``language`` when it has that translation, else in its own language.
    A sent issue shows what was sent; a draft fills its blocks in now (the preview)."""
    translation = issue.translation(language) if language else None
    frozen = issue.status != "draft"
    source = translation if translation is not None else issue
    if frozen:
        return Version(source.language, source.subject, source.sent_body, source.sent_text)
    return Version(source.language, source.subject, expand(source.body, source.language),
                   expand(source.body, source.language, plain=True))


def freeze(issue: Issue) -> None:
    """Fill the blocks in for good when sending starts: every mail and the archive show the
    same text, whatever is published while the sending runs."""
    for source in (issue, *issue.translations):
        source.sent_body = expand(source.body, source.language)
        source.sent_text = expand(source.body, source.language, plain=True)


def _lines(text: str) -> str:
    """``text`` with LF line ends (browsers send CRLF), trimmed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _check(subject: str, body: str, language: str) -> dict[str, str]:
    problems = {}
    if not (subject or "").strip():
        problems["subject"] = str(_l("Give the newsletter a subject."))
    if not (body or "").strip():
        problems["body"] = str(_l("Write the newsletter's text."))
    if language not in LOCALES:
        problems["language"] = str(_l("Choose one of the offered languages."))
    return problems


class InvalidIssue(DomainError):
    """The issue's values are wrong; ``problems`` maps fields to messages."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(str(_l("Please correct the fields marked below.")))
        self.problems = problems


def _editable(issue: Issue) -> None:
    if issue.status != "draft":
        raise PermissionDenied(str(_l("This newsletter is being sent or was sent; it can no "
                                      "longer be changed.")))


def save_issue(values: dict, *, actor, issue: Issue | None = None) -> Issue:
    """Write a new draft or change one (coordinators)."""
    if issue is not None:
        _editable(issue)
    problems = _check(values.get("subject"), values.get("body"), values.get("language"))
    if issue is not None and issue.translation(values.get("language")) is not None:
        problems["language"] = str(_l("There is a translation in this language already."))
    if problems:
        raise InvalidIssue(problems)
    if issue is None:
        issue = Issue(created_by_id=actor.id, subject="")
        db.session.add(issue)
    issue.subject = values["subject"].strip()
    issue.body = _lines(values["body"])
    issue.language = values["language"]
    db.session.flush()
    logger.info("user %s saved newsletter %s", actor.id, issue.id)
    return issue


def save_translation(issue: Issue, values: dict, *, actor) -> IssueTranslation:
    """Add or change the translation of a draft into ``values["language"]``."""
    _editable(issue)
    language = values.get("language") or ""
    problems = _check(values.get("subject"), values.get("body"), language)
    if language == issue.language:
        problems["language"] = str(_l("This is the newsletter's own language."))
    if problems:
        raise InvalidIssue(problems)
    translation = issue.translation(language)
    if translation is None:
        translation = IssueTranslation(language=language, subject="")
        issue.translations.append(translation)
    translation.subject = values["subject"].strip()
    translation.body = _lines(values["body"])
    db.session.flush()
    logger.info("user %s saved the %s translation of newsletter %s", actor.id, language,
                issue.id)
    return translation
