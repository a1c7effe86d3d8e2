"""The mass-assignment cases assert in helper modules: let pytest explain their failures."""

import pytest

pytest.register_assert_rewrite("tests.security.mass")
