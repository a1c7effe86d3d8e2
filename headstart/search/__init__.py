"""Search: one interface over the Whoosh and PostgreSQL backends (see issue #4)."""
