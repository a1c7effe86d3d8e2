"""Limits on what one request body may hold, applied before it is parsed.

Werkzeug caps the parts of a ``multipart/form-data`` body (``MAX_FORM_PARTS``) but parses
an ``application/x-www-form-urlencoded`` body whole, whatever the number of fields and
(since 3.1.9) whatever its size below ``MAX_CONTENT_LENGTH``: 1.3 million empty fields in
4 MB took 1.5 s to parse, before any check ran. Here the URL-encoded body is counted
(one pass over the bytes) and refused with 413 when it holds more fields than
``MAX_FORM_PARTS`` or more bytes than ``MAX_FORM_MEMORY_SIZE``.
"""

from __future__ import annotations

from flask import Request, jsonify, render_template
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser

from headstart.core.errors import ERROR_TEXTS, wants_json
from headstart.core.i18n import _l


class TooManyFields(RequestEntityTooLarge):
    """The form holds more fields (or more text) than any form of the portal."""

    description = _l("The form sent more fields or text than any form of this portal "
                     "holds, so nothing was saved.")


class _Parser(FormDataParser):
    def __init__(self, *args, max_form_parts: int | None = None, **kwargs):
        super().__init__(*args, max_form_parts=max_form_parts, **kwargs)
        self._urlencoded_fields = max_form_parts

    def _parse_urlencoded(self, stream, mimetype, content_length, options):
        data = stream.read()
        limit = self._urlencoded_fields
        if limit is not None and data.count(b"&") >= limit:  # fields = "&" + 1
            raise TooManyFields()
        if self.max_form_memory_size is not None and len(data) > self.max_form_memory_size:
            raise TooManyFields()
        return super()._parse_urlencoded(_Replay(data), mimetype, content_length, options)


class _Replay:
    """The already read body, read once more by Werkzeug's own parser."""

    def __init__(self, data: bytes):
        self._data = data

    def read(self, *_args) -> bytes:
        data, self._data = self._data, b""
        return data


class LimitedRequest(Request):
    """The portal's request: form bodies bounded in fields for every encoding."""

    form_data_parser_class = _Parser


def init_app(app) -> None:
    """Use :class:`LimitedRequest` (the limit is the ``MAX_FORM_PARTS`` setting) and answer
    its refusal with a page that says what happened."""
    app.request_class = LimitedRequest

    @app.errorhandler(TooManyFields)
    def too_many_fields(error):
        message = str(error.description)
        if wants_json():
            return jsonify({"error": {"code": 413, "message": message}}), 413
        return render_template("errors/error.html", code=413, title=ERROR_TEXTS[400][0],
                               explanation=message, message=None), 413
