"""The forum: practitioners' discussion with categories, mentions, subscriptions and
moderation (SPEC §4)."""
