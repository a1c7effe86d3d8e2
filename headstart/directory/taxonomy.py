"""Organisation kinds and sides, stored as codes and labelled in the reader's language."""

from headstart.core.i18n import _l

KINDS = {
    "public_authority": _l("Public authority"),
    "employment_service": _l("Employment service"),
    "ngo": _l("Non-governmental organisation"),
    "community": _l("Migrant community organisation"),
    "international": _l("International organisation"),
    "education": _l("Education or training provider"),
    "other": _l("Other"),
}

SIDES = {
    "origin": _l("Origin provider"),
    "destination": _l("Destination counterpart"),
    "both": _l("Origin and destination"),
}
