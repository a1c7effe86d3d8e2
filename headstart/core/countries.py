"""The network's countries: the few countries the portal's organisations and practices are
in, offered first by every country chooser so nobody scrolls through 250 territories.

Features register where their countries are stored (``register_source``); ``core`` imports
no feature, so the directory and the practices each tell it which column to read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from flask import g
from sqlalchemy import Select

from headstart.extensions import db

logger = logging.getLogger(__name__)

#: name → function giving a ``select()`` of one column of country codes.
_SOURCES: dict[str, Callable[[], Select]] = {}


def register_source(name: str, query: Callable[[], Select]) -> None:
    """Count the codes ``query()`` selects as countries of the network (registering the
    same name again replaces it, so a re-imported module does not count twice)."""
    _SOURCES[name] = query


def network_countries() -> frozenset[str]:
    """Codes of the countries organisations and practices are in. Computed once per
    request (a few ``DISTINCT`` queries on indexed columns), not cached longer, so a new
    organisation's country is offered first at once."""
    cached = g.get("_network_countries")
    if cached is None:
        codes: set[str] = set()
        for query in _SOURCES.values():
            codes.update(code.upper() for code in db.session.scalars(query().distinct())
                         if code)
        cached = g._network_countries = frozenset(codes)
    return cached


def split_choices(choices: Iterable[tuple[str, str]], chosen: Iterable[str] = (),
                  network: Iterable[str] | None = None) -> dict[str, list[tuple[str, str]]]:
    """``(code, name)`` choices in the three groups a chooser shows: the chosen ones, the
    network's other countries, and all the rest (each keeping the order of ``choices``)."""
    chosen = set(chosen or ())
    network = network_countries() if network is None else set(network)
    groups: dict[str, list[tuple[str, str]]] = {"chosen": [], "network": [], "rest": []}
    for code, name in choices:
        group = "chosen" if code in chosen else "network" if code in network else "rest"
        groups[group].append((code, name))
    return groups
