"""The portal's content outside the running installation: ``export``/``import`` (an open
archive of JSON files plus attachments, docs/archive.md) and ``backup``/``restore`` (a
consistent copy of the database and the uploads).

Both work on every table of the schema, so an area added later is carried without code
here; they know only which tables hold runtime state rather than content (``RUNTIME``).
"""
