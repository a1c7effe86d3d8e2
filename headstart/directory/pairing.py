"""The counterpart finder: which organisations on the other side of a corridor suit an
organisation (or a corridor and service a visitor chose), and why.

The rules are data (``pairing.toml`` beside this file, explained in docs/directory.md):
which post-arrival services continue which pre-departure ones, and how much each kind of
agreement weighs. This module only applies them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from headstart.core.i18n import _l, corridor_name, country_name
from headstart.directory.taxonomy import SERVICES, language_label

RULES_FILE = Path(__file__).with_name("pairing.toml")


@dataclass(frozen=True)
class Rules:
    """The pairing rules: for each pre-departure service, the post-arrival services that
    are the same and those that complement it; and the weights."""

    same: dict[str, frozenset[str]]
    complementary: dict[str, frozenset[str]]
    weights: dict[str, int]

    def after(self, before: str) -> tuple[frozenset[str], frozenset[str]]:
        """Post-arrival services (same, complementary) that continue ``before``."""
        return self.same.get(before, frozenset()), self.complementary.get(before, frozenset())

    def before(self, after: str) -> tuple[frozenset[str], frozenset[str]]:
        """Pre-departure services (same, complementary) that prepare for ``after``."""
        same = frozenset(b for b, services in self.same.items() if after in services)
        complementary = frozenset(b for b, services in self.complementary.items()
                                  if after in services)
        return same, complementary


def parse_rules(text: str) -> Rules:
    """Read rules from TOML text, refusing unknown service codes and missing weights."""
    data = tomllib.loads(text)
    weights = {key: int(value) for key, value in data.get("weights", {}).items()}
    needed = {"corridor", "country", "same_service", "complementary_service",
              "shared_language", "max_languages", "verified"}
    if needed - weights.keys():
        raise ValueError(f"pairing rules lack weights: {sorted(needed - weights.keys())}")
    same: dict[str, frozenset[str]] = {}
    complementary: dict[str, frozenset[str]] = {}
    for rule in data.get("rule", []):
        before = rule["before"]
        codes = [before, *rule.get("same", []), *rule.get("complementary", [])]
        unknown = [code for code in codes if code not in SERVICES or code == "other"]
        if unknown:
            raise ValueError(f"pairing rule for {before!r} names unknown services {unknown}")
        same[before] = frozenset(rule.get("same", []))
        complementary[before] = frozenset(rule.get("complementary", [])) - same[before]
    return Rules(same, complementary, weights)


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The rules of ``pairing.toml``."""
    return parse_rules(RULES_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Need:
    """What the finder looks for: organisations on ``looking_for`` side ("destination" or
    "origin") of ``corridors`` (pairs of origin and destination countries), offering
    services that continue (or prepare for) ``services``, in ``languages``."""

    looking_for: str
    corridors: tuple[tuple[str, str], ...]
    services: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    #: Organisations not to suggest (the organisation itself and its current links).
    exclude: frozenset[int] = frozenset()


@dataclass
class Suggestion:
    organisation: object
    score: int
    #: Sentences in the reader's language saying why it is suggested.
    reasons: list[str] = field(default_factory=list)
    #: Machine-readable reasons: ``corridor``, ``country``, ``same_service``,
    #: ``complementary_service``, ``shared_language``, ``verified``.
    codes: list[str] = field(default_factory=list)
    #: The corridor the suggestion is for, as ``"MD-IT"``.
    corridor: str = ""
    #: The candidate's services that match or complement the ones sought.
    services: list[str] = field(default_factory=list)


def _covers(wanted: tuple[str, ...], pair: tuple[str, ...]) -> bool:
    """True when corridor ``pair`` is ``wanted`` (whose ends may be ``*``: any country)."""
    return len(pair) == 2 and all(w in {"*", p} for w, p in zip(wanted, pair, strict=True))


def _corridor_label(origin: str, destination: str) -> str:
    return corridor_name(origin, destination)


def _labels(codes, label) -> str:
    return ", ".join(sorted((label(code) for code in codes), key=str.casefold))


def _service_label(code: str) -> str:
    return str(SERVICES.get(code, code))


def judge(candidate, need: Need, the_rules: Rules | None = None) -> Suggestion | None:
    """How well ``candidate`` (an organisation with ``side``, ``country``, ``corridors``,
    ``services``, ``languages``, ``verified``) meets ``need``; ``None`` when it is not on
    the other side of any of the corridors."""
    the_rules = the_rules or rules()
    weights = the_rules.weights
    if candidate.id in need.exclude or candidate.side not in {need.looking_for, "both"}:
        return None
    served = [tuple(code.split("-", 1)) for code in candidate.corridors]
    at = 1 if need.looking_for == "destination" else 0
    # Of the corridors both serve, the one where the candidate is also based, if any.
    shared = [pair for wanted in need.corridors for pair in served if _covers(wanted, pair)]
    corridor_hit = max(shared, key=lambda pair: pair[at] == candidate.country, default=None)
    country_hit = None
    if corridor_hit is None:
        country_hit = next((pair for pair in need.corridors if pair[at] == candidate.country),
                           None)
        if country_hit is None:
            return None
    suggestion = Suggestion(candidate, 0, corridor="-".join(corridor_hit or country_hit))

    def add(code: str, points: int, sentence) -> None:
        suggestion.score += points
        suggestion.codes.append(code)
        suggestion.reasons.append(str(sentence))

    if corridor_hit is not None:
        add("corridor", weights["corridor"],
            _l("Serves the same corridor: %(corridor)s.",
               corridor=_corridor_label(*corridor_hit)))
        if candidate.country == corridor_hit[at]:
            add("country", weights["country"],
                _l("Based in %(country)s, at the other end of the corridor.",
                   country=country_name(candidate.country)))
    else:
        origin, destination = country_hit
        place = destination if need.looking_for == "destination" else origin
        add("country", weights["country"],
            _l("Works in %(country)s, at the other end of the %(corridor)s corridor.",
               country=country_name(place), corridor=_corridor_label(origin, destination)))

    offered = set(candidate.services)
    same: set[str] = set()
    complementary: set[str] = set()
    for service in need.services:
        if need.looking_for == "destination":
            same_codes, complementary_codes = the_rules.after(service)
        else:
            same_codes, complementary_codes = the_rules.before(service)
        same |= offered & same_codes
        complementary |= offered & complementary_codes
    complementary -= same
    suggestion.services = [code for code in candidate.services if code in same | complementary]
    if same:
        sentence = (_l("Offers the same services after arrival: %(services)s.",
                       services=_labels(same, _service_label))
                    if need.looking_for == "destination" else
                    _l("Offers the same services before departure: %(services)s.",
                       services=_labels(same, _service_label)))
        add("same_service", weights["same_service"] * len(same), sentence)
    if complementary:
        sentence = (_l("Its services after arrival continue yours: %(services)s.",
                       services=_labels(complementary, _service_label))
                    if need.looking_for == "destination" else
                    _l("Its services before departure prepare for yours: %(services)s.",
                       services=_labels(complementary, _service_label)))
        add("complementary_service", weights["complementary_service"] * len(complementary),
            sentence)
    shared = set(candidate.languages) & set(need.languages)
    if shared:
        add("shared_language",
            weights["shared_language"] * min(len(shared), weights["max_languages"]),
            _l("Serves people in languages you share: %(languages)s.",
               languages=_labels(shared, language_label)))
    if candidate.verified:
        add("verified", weights["verified"], _l("Verified by the network coordinators."))
    return suggestion


def rank(candidates, need: Need, the_rules: Rules | None = None) -> list[Suggestion]:
    """Suggestions for ``need`` among ``candidates``, best first (ties by name)."""
    found = [s for s in (judge(c, need, the_rules) for c in candidates) if s is not None]
    found.sort(key=lambda s: (-s.score, s.organisation.name.casefold(), s.organisation.id))
    return found


def need_of(organisation, exclude: set[int]) -> list[Need]:
    """What an organisation looks for: destination counterparts for its corridors when it
    works on the origin side, origin providers when on the destination side (both, for an
    organisation on both sides). Without listed corridors, its own country stands for
    one end and any country for the other."""
    corridors = tuple(tuple(code.split("-", 1)) for code in organisation.corridors)
    sides = (["destination", "origin"] if organisation.side == "both"
             else ["destination"] if organisation.side == "origin" else ["origin"])
    needs = []
    for looking_for in sides:
        mine = corridors
        if not mine:
            mine = ((organisation.country, "*"),) if looking_for == "destination" else \
                (("*", organisation.country),)
        needs.append(Need(looking_for, mine, frozenset(organisation.services),
                          frozenset(organisation.languages),
                          frozenset(exclude | {organisation.id})))
    return needs
