"""The coordinators' newsletter: subscriptions with double opt-in, issues, sending (SPEC §5b)."""
