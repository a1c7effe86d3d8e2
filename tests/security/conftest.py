"""The mass-assignment cases assert in helper modules: let pytest explain their failures."""

import pytest

from tests.events.conftest import event_form  # noqa: F401 - the events' valid form (quota tests)

pytest.register_assert_rewrite("tests.security.mass")
