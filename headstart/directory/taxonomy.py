"""Organisation kinds, sides, services and languages served: stored as codes and labelled
in the reader's language."""

from __future__ import annotations

from babel import Locale

from headstart.core.i18n import _l, current_locale_code

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

#: The service taxonomy of SPEC §1: the same services exist before departure and after
#: arrival; the side of the organisation says which.
SERVICES = {
    "language_training": _l("Language training"),
    "civic_orientation": _l("Civic and cultural orientation"),
    "labour_market_information": _l("Labour-market information"),
    "job_matching": _l("Job matching and recruitment"),
    "skills_recognition": _l("Recognition of qualifications and skills validation"),
    "vocational_training": _l("Vocational training"),
    "legal_counselling": _l("Legal and administrative counselling"),
    "health_psychosocial": _l("Health and psychosocial support"),
    "housing_information": _l("Housing information"),
    "family_reunification": _l("Family reunification"),
    "return_reintegration": _l("Return and reintegration"),
    "information_centre": _l("Information centre services"),
    "other": _l("Other services"),
}

#: Languages an organisation can say it serves people in (ISO 639-1): the interface
#: languages and those of the main corridors' communities.
LANGUAGES_SERVED = (
    "ar", "bg", "bs", "cs", "de", "el", "en", "es", "et", "fa", "fil", "fr", "hr", "hu",
    "hy", "it", "ka", "ky", "lt", "lv", "mk", "mn", "nl", "pl", "ps", "pt", "ro", "ru",
    "sk", "sl", "sq", "sr", "tr", "uk", "ur", "uz", "vi", "zh",
)


def language_label(code: str, in_locale: str | None = None) -> str:
    """The name of language ``code`` in the reader's language ("ro" → "Romanian")."""
    names = Locale.parse(in_locale or current_locale_code()).languages
    name = names.get(code, code)
    return name[:1].upper() + name[1:]


def language_choices(in_locale: str | None = None) -> list[tuple[str, str]]:
    """``LANGUAGES_SERVED`` as ``(code, name)`` sorted by name."""
    return sorted(((code, language_label(code, in_locale)) for code in LANGUAGES_SERVED),
                  key=lambda pair: pair[1].casefold())


#: A link's state as the reader sees it.
LINK_STATES = {
    "proposed": _l("Proposed, waiting for an answer"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "withdrawn": _l("Withdrawn"),
    "ended": _l("Ended"),
}

#: Steps of a link's history.
LINK_ACTIONS = {
    "proposed": _l("Proposed"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "withdrawn": _l("Withdrawn"),
    "ended": _l("Ended"),
}
