"""The workflow state machine, tested directly (no Flask, no database)."""

import pytest

from headstart.practices import workflow
from headstart.practices.workflow import WorkflowError, next_state

AUTHOR = {"is_author": True, "is_coordinator": False}
COORDINATOR = {"is_author": False, "is_coordinator": True}
STRANGER = {"is_author": False, "is_coordinator": False}


@pytest.mark.parametrize(("state", "action", "who", "expected"), [
    ("draft", "submit", AUTHOR, "submitted"),
    ("returned", "submit", AUTHOR, "submitted"),
    ("submitted", "publish", COORDINATOR, "published"),
    ("submitted", "archive", COORDINATOR, "archived"),
    ("published", "archive", COORDINATOR, "archived"),
    ("archived", "restore", COORDINATOR, "submitted"),
])
def test_allowed_transitions(state, action, who, expected):
    assert next_state(state, action, **who) == expected


def test_returning_needs_comments():
    with pytest.raises(WorkflowError, match="comment"):
        next_state("submitted", "return", **COORDINATOR, comment="  ")
    assert next_state("submitted", "return", **COORDINATOR, comment="Add results") == "returned"


@pytest.mark.parametrize(("state", "action", "who"), [
    ("submitted", "publish", AUTHOR),       # authors cannot publish themselves
    ("draft", "publish", COORDINATOR),      # nothing is published unreviewed
    ("published", "submit", AUTHOR),
    ("draft", "submit", STRANGER),
    ("archived", "publish", COORDINATOR),
    ("submitted", "fly", COORDINATOR),
])
def test_refused_transitions(state, action, who):
    with pytest.raises(WorkflowError):
        next_state(state, action, **who, comment="x")


def test_visibility_and_editing_rules():
    assert workflow.can_view("published", **STRANGER)
    for state in ("draft", "submitted", "returned", "archived"):
        assert not workflow.can_view(state, **STRANGER)
        assert workflow.can_view(state, **AUTHOR)
    assert workflow.can_edit("draft", **AUTHOR)
    assert workflow.can_edit("returned", **AUTHOR)
    assert not workflow.can_edit("submitted", **AUTHOR)
    assert not workflow.can_edit("published", **AUTHOR)
    assert workflow.can_edit("published", **COORDINATOR)
    assert not workflow.can_edit("archived", **COORDINATOR)


def test_available_actions():
    assert workflow.available_actions("draft", **AUTHOR) == ["submit"]
    assert set(workflow.available_actions("submitted", **COORDINATOR)) == {
        "publish", "return", "archive"}
    assert workflow.available_actions("published", **STRANGER) == []
