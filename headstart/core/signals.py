"""Documented blinker signals through which areas extend each other without imports.

``account_export``: sent with the exporting ``User`` as sender; a receiver returns
``(key, data)`` to add its part of the user's data to the JSON export.
"""

from blinker import Namespace

_signals = Namespace()

account_export = _signals.signal("account-export")


def collect_export(user) -> dict:
    """Ask every area for its part of ``user``'s data export."""
    result = {}
    for _receiver, value in account_export.send(user):
        if value:
            key, data = value
            result[key] = data
    return result
