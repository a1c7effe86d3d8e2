"""The handbook for Migrant Information Centres (SPEC §5)."""
