"""Dashboard fixtures: the events' own ``make_event`` (proposed events wait for approval)."""

from tests.events.conftest import make_event  # noqa: F401 - a fixture shared with events
