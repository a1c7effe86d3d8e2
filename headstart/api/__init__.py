"""The read-only JSON API ``/api/v1/`` (SPEC §7) and its OpenAPI document."""
