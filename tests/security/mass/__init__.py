"""Mass-assignment cases, one module per area, registered by URL rule (see
``tests/security/test_mass_assignment.py``)."""
