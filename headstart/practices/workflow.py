"""The practice workflow as a pure state machine (no Flask, no database).

draft → submitted → published, or submitted → returned (with comments) → submitted again;
any state but archived → archived; archived → submitted (restore for a new review).
"""

from __future__ import annotations

from dataclasses import dataclass

STATES = ("draft", "submitted", "returned", "published", "archived")
PUBLIC_STATES = frozenset({"published"})


class WorkflowError(Exception):
    """The action is not possible; ``reason`` says why: ``unknown`` action, wrong
    ``state``, wrong ``actor``, or missing ``comment``."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Transition:
    """An action: from which states, to which state, and who may take it."""

    sources: frozenset[str]
    target: str
    #: ``author`` (the author or a coordinator) or ``coordinator`` (coordinators only).
    who: str
    needs_comment: bool = False


TRANSITIONS = {
    "submit": Transition(frozenset({"draft", "returned"}), "submitted", "author"),
    "publish": Transition(frozenset({"submitted"}), "published", "coordinator"),
    "return": Transition(frozenset({"submitted", "published"}), "returned", "coordinator",
                         needs_comment=True),
    "archive": Transition(frozenset({"draft", "submitted", "returned", "published"}),
                          "archived", "coordinator"),
    "restore": Transition(frozenset({"archived"}), "submitted", "coordinator"),
}


def next_state(state: str, action: str, *, is_author: bool, is_coordinator: bool,
               comment: str = "") -> str:
    """The state after ``action``, or :class:`WorkflowError` saying why not."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise WorkflowError(f"unknown action {action!r}", "unknown")
    allowed = is_coordinator or (transition.who == "author" and is_author)
    if not allowed:
        raise WorkflowError(f"not allowed to {action}", "actor")
    if state not in transition.sources:
        raise WorkflowError(f"cannot {action} a practice that is {state}", "state")
    if transition.needs_comment and not comment.strip():
        raise WorkflowError(f"{action} needs a comment", "comment")
    return transition.target


def available_actions(state: str, *, is_author: bool, is_coordinator: bool) -> list[str]:
    """The actions this actor can take now (comments aside)."""
    return [name for name, t in TRANSITIONS.items()
            if state in t.sources and (is_coordinator or (t.who == "author" and is_author))]


def can_view(state: str, *, is_author: bool, is_coordinator: bool) -> bool:
    """Published practices are public; the rest only for their author and coordinators."""
    return state in PUBLIC_STATES or is_author or is_coordinator


def can_edit(state: str, *, is_author: bool, is_coordinator: bool) -> bool:
    """Authors edit drafts and returned practices; coordinators edit anything not archived."""
    if is_coordinator:
        return state != "archived"
    return is_author and state in {"draft", "returned"}
