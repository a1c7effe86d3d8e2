"""Reading a rendered form as a person sees it: which boxes are ticked and in which group of
a country chooser they stand, which option each select shows. (Plain ``html.parser``: the
tests need no HTML library.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_CONTAINERS = {"div", "details", "fieldset", "select", "optgroup"}


@dataclass
class Box:
    """A checkbox: its field, value, whether it is ticked, and its chooser group
    (``chosen``, ``network``, ``rest`` or ``""``) and chooser (fieldset id)."""

    name: str
    value: str
    checked: bool
    group: str
    chooser: str


@dataclass
class Select:
    """A select: its name and id, the value shown, the options with their group label."""

    name: str
    id: str
    value: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)


class FormPage(HTMLParser):
    """The boxes and selects of ``body``."""

    def __init__(self, body: str):
        super().__init__(convert_charrefs=True)
        self.boxes: list[Box] = []
        self.selects: list[Select] = []
        self._stack: list[tuple[str, dict]] = []
        self.feed(body)

    def _context(self) -> tuple[str, str]:
        group, chooser = "", ""
        for tag, attrs in reversed(self._stack):
            if not group:
                if "data-chooser-chosen" in attrs:
                    group = "chosen"
                elif tag == "details" and "data-chooser-all" in attrs:
                    group = "rest"
                elif (attrs.get("aria-labelledby") or "").endswith("-network-label"):
                    group = "network"
            if tag == "fieldset" and "data-country-chooser" in attrs and not chooser:
                chooser = attrs.get("id", "")
        return group, chooser

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "checkbox":
            group, chooser = self._context()
            self.boxes.append(Box(attrs.get("name", ""), attrs.get("value", ""),
                                  "checked" in attrs, group, chooser))
        elif tag == "option" and self.selects and self._open("select"):
            label = next((a.get("label", "") for t, a in reversed(self._stack)
                          if t == "optgroup"), "")
            current = self.selects[-1]
            current.options.append((attrs.get("value", ""), label))
            if "selected" in attrs:
                current.value = attrs.get("value", "")
        if tag == "select":
            self.selects.append(Select(attrs.get("name", ""), attrs.get("id", "")))
        if tag in _CONTAINERS:
            self._stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag in _CONTAINERS and self._open(tag):
            while self._stack:
                if self._stack.pop()[0] == tag:
                    break

    def _open(self, tag: str) -> bool:
        return any(t == tag for t, _a in self._stack)

    def ticked(self, name: str) -> list[str]:
        """Values of the ticked boxes of field ``name``, in page order."""
        return [b.value for b in self.boxes if b.name == name and b.checked]

    def group_of(self, name: str, value: str) -> str:
        """The chooser group the box ``value`` of field ``name`` stands in."""
        return next(b.group for b in self.boxes if b.name == name and b.value == value)

    def values(self, name: str) -> list[str]:
        """What each select named ``name`` shows, in page order (``""``: nothing chosen)."""
        return [s.value for s in self.selects if s.name == name]

    def select(self, select_id: str) -> Select:
        """The select with this id."""
        return next(s for s in self.selects if s.id == select_id)
