"""The XSS payload corpus the suite pushes through every Markdown and plain-text field, and
the HTML checker that says whether a page came out harmless (OWASP ASVS 5.3.3, 5.2.1).

Each payload is stored behind a short marker (``xs0712``: field 07, payload 12), so that
when the checker finds a script, handler or dangerous address it names the field and the
payload that caused it, even when many payloads share one record.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

#: Markdown and HTML vectors. Markdown fields get all of them; plain-text fields too
#: where their length allows (see :func:`pack`).
PAYLOADS = [
    # script elements
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<<script>script>alert(1)<</script>/script>",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    # event handlers
    "<img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>",
    # javascript: in links and images, in every disguise
    "<a href=\"javascript:alert(1)\">click</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;&#x61;vascript&#x3A;alert(1))",
    "[click](jav%0Aascript:alert(1))",
    "[click](\tjavascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
    "![x](javascript:alert(1))",
    # data: addresses
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    "![x](data:image/png;base64,iVBORw0KGgo=)",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    # link reference definitions
    "[click][evil]\n\n[evil]: javascript:alert(1)",
    "[evil2]\n\n[evil2]: JAVA&#x53;CRIPT:alert(1) \"title\"",
    # SVG
    "<svg/onload=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text y=\"20\">x</text></a></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate attributeName=href to=javascript:alert(1) /></svg>",
    # broken and unclosed markup, breaking out of attributes and elements
    "<img src=x onerror=alert(1)//",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "\" autofocus onfocus=\"alert(1)",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!--><script>alert(1)</script>-->",
    "<!-- --!><img src=x onerror=alert(1)>",
    # elements that load or submit elsewhere
    "<iframe src=\"https://evil.example\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=javascript:alert(1)><button>go</button></form>",
    "<button formaction=javascript:alert(1)>x</button>",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]

#: Short vectors for one-line plain-text fields (never Markdown, always escaped by Jinja):
#: what matters there is every HTML-significant character in every context a value can
#: land in (element text, attribute values, <title>, <textarea>, JSON-LD, mail).
LINE_PAYLOADS = [
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "\" autofocus onfocus=\"alert(1)",
    "' autofocus onfocus='alert(1)",
    "<img src=x onerror=alert(1)//",
    "<svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</script><svg onload=alert(1)>",
    "<!--><script>alert(1)</script>",
    "&lt;svg onload=1&gt;",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
]

#: The one-line vectors short enough for 40-character fields (acronyms, phone numbers).
TINY_PAYLOADS = [
    "\"><svg onload=1>",
    "'><svg onload=1>",
    "\" onfocus=\"alert(1)",
    "' onfocus='alert(1)",
    "<img src=x onerror=1//",
    "</textarea><svg onload=1>",
    "</title><svg onload=1>",
]

#: Addresses a URL field must refuse (or show harmlessly).
URL_PAYLOADS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://example.org/%0Aalert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "https://example.org/\"><script>alert(1)</script>",
    "https://example.org/' onmouseover='alert(1)",
]

MARKER = re.compile(r"xs(\d\d)(\d\d)")


def marker(field: int, payload: int) -> str:
    """The marker stored before payload number ``payload`` in field number ``field``."""
    return f"xs{field:02d}{payload:02d}"


def markdown_chunks(field: int, limit: int, payloads=PAYLOADS) -> list[str]:
    """``payloads`` as Markdown paragraphs, each after its marker, in as few values of at
    most ``limit`` characters as they fit in."""
    pieces = [f"{marker(field, n)}\n\n{p}" for n, p in enumerate(payloads)]
    return _pack(pieces, limit, "\n\n")


def line_chunks(field: int, limit: int, payloads=LINE_PAYLOADS) -> list[str]:
    """``payloads`` for a one-line field, each after its marker, packed into values of at
    most ``limit`` characters (a payload longer than the field is left out)."""
    pieces = [f"{marker(field, n)} {p}" for n, p in enumerate(payloads)]
    return _pack([p for p in pieces if len(p) <= limit], limit, " ")


def _pack(pieces: list[str], limit: int, glue: str) -> list[str]:
    chunks: list[str] = []
    for piece in pieces:
        if chunks and len(chunks[-1]) + len(glue) + len(piece) <= limit:
            chunks[-1] += glue + piece
        else:
            chunks.append(piece)
    return chunks


# --- the checker --------------------------------------------------------------------

#: Attributes whose value the browser loads or runs as an address.
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "cite", "srcset", "ping", "lowsrc", "dynsrc", "codebase", "longdesc", "manifest",
    "icon", "usemap", "archive", "classid", "to", "from", "values", "by",
}
BAD_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:")
#: Never in a HEADSTART page, whoever wrote it.
FORBIDDEN_TAGS = {
    "object", "embed", "applet", "frame", "frameset", "base", "math", "foreignobject",
    "use", "animate", "set", "handler", "listener", "portal", "xmp", "noembed", "isindex",
    "textpath",
}
FORBIDDEN_ATTRIBUTES = {"srcdoc"}
#: Elements the portal writes in <head> only.
HEAD_ONLY = {"style", "link", "meta", "title"}
CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]+")


@dataclass
class Problem:
    """Something on a page that could run script, with the field and payload to blame."""

    page: str
    what: str
    blame: str

    def __str__(self) -> str:
        return f"{self.page}: {self.what} (after {self.blame})"


def _normal(value: str) -> str:
    return CONTROL.sub("", value or "").lower()


class _Checker(HTMLParser):
    def __init__(self, page: str, names: dict[int, str], payloads: dict[int, list[str]]):
        super().__init__(convert_charrefs=True)
        self.page, self.names, self.payloads = page, names, payloads
        self.problems: list[Problem] = []
        self.markers: set[tuple[int, int]] = set()
        self.last: tuple[int, int] | None = None
        self.in_head = False
        self.script: dict | None = None

    def _see(self, text: str) -> None:
        for match in MARKER.finditer(text or ""):
            self.last = (int(match.group(1)), int(match.group(2)))
            self.markers.add(self.last)

    def blame(self) -> str:
        if self.last is None:
            return "no payload marker: the portal's own markup"
        field, n = self.last
        name = self.names.get(field, f"field {field}")
        corpus = self.payloads.get(field) or []
        payload = corpus[n] if n < len(corpus) else "?"
        return f"field {name!r}, payload {payload!r}"

    def problem(self, what: str) -> None:
        self.problems.append(Problem(self.page, what, self.blame()))

    def handle_starttag(self, tag, attrs):
        for _, value in attrs:
            self._see(value or "")
        shown = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attrs)}>"
        values = {name: value or "" for name, value in attrs}
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        if tag == "script":
            external = values.get("src", "").startswith("/static/") and set(values) <= {
                "src", "defer", "async", "type"}
            json_ld = values.get("type") == "application/ld+json" and set(values) == {"type"}
            if not (external or json_ld):
                self.problem(f"script element {shown}")
            self.script = {"json": json_ld, "text": ""}
        elif tag in FORBIDDEN_TAGS:
            self.problem(f"forbidden element {shown}")
        elif tag in HEAD_ONLY and not self.in_head:
            self.problem(f"{tag} element outside <head> {shown}")
        elif tag == "iframe" and not ("sandbox" in values and _same_site(values.get("src"))):
            self.problem(f"iframe {shown}")
        elif tag == "form" and not ("method" in values and _same_site(values.get("action", "/"))):
            self.problem(f"form that is not the portal's {shown}")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.problem(f"meta refresh {shown}")
        for name, value in values.items():
            if name.startswith("on"):
                self.problem(f"event handler {name}= in {shown}")
            elif name in FORBIDDEN_ATTRIBUTES:
                self.problem(f"attribute {name}= in {shown}")
            elif name in URL_ATTRIBUTES or name.endswith(":href"):
                if _normal(value).startswith(BAD_SCHEMES) or (
                        name == "srcset" and any(s in _normal(value) for s in BAD_SCHEMES)):
                    self.problem(f"dangerous address in {shown}")
            elif name == "style":
                style = _normal(value)
                if any(s in style for s in ("javascript:", "vbscript:", "expression(",
                                            "-moz-binding", "behavior:", "url(data:")):
                    self.problem(f"dangerous style in {shown}")
            elif name == "content" and "url=" in _normal(value):
                self.problem(f"address in content= of {shown}")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == "script" and self.script is not None:
            text = self.script["text"]
            if self.script["json"]:
                try:
                    json.loads(text)
                except ValueError:
                    self.problem("JSON-LD that is not JSON (something broke out of it)")
                if "<" in text:
                    self.problem("raw < in JSON-LD")
            elif text.strip():
                self.problem(f"inline script text {text[:80]!r}")
            self.script = None

    def handle_data(self, data):
        self._see(data)
        if self.script is not None:
            self.script["text"] += data

    def handle_comment(self, data):
        self._see(data)
        if MARKER.search(data):
            self.problem(f"user text inside an HTML comment {data[:80]!r}")


def _same_site(url: str | None) -> bool:
    url = (url or "").strip()
    return url == "" or (url.startswith("/") and not url.startswith("//"))


class Corpus:
    """The values stored in an area's fields, and the problems found on its pages."""

    def __init__(self):
        self.names: dict[int, str] = {}
        self.payloads: dict[int, list[str]] = {}
        self.problems: list[Problem] = []
        self.seen: dict[int, set[str]] = {}

    def field(self, name: str, *, limit: int, markdown: bool = False,
              payloads: list[str] | None = None) -> list[str]:
        """The values to store in field ``name`` (as many as needed for its length)."""
        number = len(self.names)
        self.names[number] = name
        chosen = payloads or (PAYLOADS if markdown else LINE_PAYLOADS)
        self.payloads[number] = chosen
        return (markdown_chunks if markdown else line_chunks)(number, limit, chosen)

    def check_html(self, page: str, html: str) -> set[tuple[int, int]]:
        """Check one HTML document; returns the markers found on it."""
        checker = _Checker(page, self.names, self.payloads)
        checker.feed(html)
        checker.close()
        self.problems.extend(checker.problems)
        for field, _ in checker.markers:
            self.seen.setdefault(field, set()).add(page)
        return checker.markers

    def check(self, client, url: str, *, status: int = 200, shows: bool = True) -> str:
        """GET ``url`` with ``client``, check it, and (with ``shows``) that it shows at
        least one stored payload (so the check is not vacuous)."""
        response = client.get(url)
        assert response.status_code == status, (url, response.status_code)
        body = response.get_data(as_text=True)
        kind = response.mimetype
        if kind in {"text/html", "application/xhtml+xml"}:
            markers = self.check_html(url, body)
        elif kind in {"application/atom+xml", "application/rss+xml", "application/xml",
                      "text/xml"}:
            markers = self.check_feed(url, body)
        else:
            raise AssertionError(f"{url}: unexpected type {kind}")
        if shows:
            assert markers, f"{url} shows none of the stored payloads"
        return body

    def check_feed(self, page: str, xml: str) -> set[tuple[int, int]]:
        """A feed must parse as XML (nothing broke out of it), and any HTML it carries as
        text must pass the HTML check."""
        root = ET.fromstring(xml.encode())
        found: set[tuple[int, int]] = set()
        for element in root.iter():
            for name, value in element.attrib.items():
                self._mark(found, page, value)
                if name in {"href", "src", "uri"} and _normal(value).startswith(BAD_SCHEMES):
                    self.problems.append(Problem(page, f"dangerous address {value!r}", "feed"))
            if element.text:
                self._mark(found, page, element.text)
                if element.get("type") in {"html", "xhtml"}:
                    found |= self.check_html(f"{page} <{element.tag}>", element.text)
        return found

    def _mark(self, found, page, text):
        for match in MARKER.finditer(text):
            found.add((int(match.group(1)), int(match.group(2))))
            self.seen.setdefault(int(match.group(1)), set()).add(page)

    def assert_clean(self) -> None:
        """No problem on any page, and every field was shown on at least one page."""
        unseen = [name for number, name in self.names.items() if number not in self.seen]
        report = "\n".join(str(p) for p in self.problems[:40])
        assert not self.problems, f"{len(self.problems)} problems:\n{report}"
        assert not unseen, f"fields never shown on a checked page: {unseen}"
