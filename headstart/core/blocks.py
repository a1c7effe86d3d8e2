"""Content blocks a newsletter can pull in ("the latest practices", "upcoming events").

Features register a block here at import time (``register("practices", label, fetch)``);
the newsletter composer lists whatever is registered, so a feature added later (the
handbook's editions) appears without the newsletter importing it. ``fetch(limit,
language)`` returns :class:`BlockItem` values with absolute URLs (they go into e-mails).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class BlockItem:
    """One entry of a block: a title linking to a page, a date and a short summary."""

    title: str
    #: Absolute address (``core.mail.external_url``): the item is read in a mail program.
    url: str
    date: date | datetime | None = None
    summary: str = ""


@dataclass(frozen=True)
class Block:
    """A registered block."""

    name: str
    #: What the composer calls it (a lazy translation).
    label: object
    fetch: Callable[[int, str], list[BlockItem]]


#: Largest number of items one block line may ask for.
MAX_ITEMS = 20

_blocks: dict[str, Block] = {}


def register(name: str, label, fetch: Callable[[int, str], list[BlockItem]]) -> None:
    """Make block ``name`` available to the newsletter (``{{ name N }}`` in an issue)."""
    _blocks[name] = Block(name, label, fetch)


def registered() -> list[Block]:
    """The registered blocks, by name."""
    return [_blocks[name] for name in sorted(_blocks)]


def get(name: str) -> Block | None:
    """Block ``name``, or None when no feature registered it."""
    return _blocks.get(name)


def fetch(name: str, limit: int, language: str) -> list[BlockItem]:
    """Items of block ``name`` (at most ``limit``, capped at :data:`MAX_ITEMS`) for readers
    of ``language``; an unknown block gives nothing."""
    block = _blocks.get(name)
    if block is None:
        return []
    return list(block.fetch(max(1, min(limit, MAX_ITEMS)), language))[:MAX_ITEMS]
