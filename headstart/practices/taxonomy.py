"""Built-in vocabularies of the practice record (SPEC §2), as codes with translatable labels.

These are the defaults a new portal starts with; the ``taxonomy_terms`` table holds the
terms in use, which admins can extend, relabel, reorder or retire. Codes never change once
published, because records, filters and exports refer to them.
"""

from headstart.core.i18n import _l

PHASES = {
    "pre_departure": _l("Pre-departure"),
    "post_arrival": _l("Post-arrival"),
    "continuum": _l("Continuum (before and after)"),
}

#: Themes in their EWSI groups: {group code: (group label, {theme code: label})}.
THEME_GROUPS = {
    "economic": (_l("Economic participation"), {
        "employment": _l("Employment"),
        "vocational_training": _l("Vocational training"),
        "entrepreneurship": _l("Entrepreneurship"),
    }),
    "social": (_l("Social cohesion"), {
        "social_inclusion": _l("Social inclusion"),
        "social_protection": _l("Social protection"),
        "health": _l("Health"),
        "housing": _l("Housing"),
        "other_services": _l("Other services"),
    }),
    "education": (_l("Education and language"), {
        "education_language": _l("Education and language"),
    }),
    "civic": (_l("Civic participation"), {
        "civic_participation": _l("Civic participation"),
    }),
    "equality": (_l("Anti-discrimination and equality"), {
        "anti_discrimination": _l("Anti-discrimination and equality"),
    }),
    "information": (_l("Information and orientation"), {
        "information_orientation": _l("Information and orientation"),
    }),
}

#: Target groups in their EWSI groups.
TARGET_GROUPS = {
    "age": (_l("Age"), {
        "age_under_18": _l("Under 18"),
        "age_18_25": _l("18–25"),
        "age_25_40": _l("25–40"),
        "age_40_65": _l("40–65"),
        "age_65_plus": _l("65 and over"),
    }),
    "employment_status": (_l("Employment status"), {
        "students": _l("Students"),
        "vocational_trainees": _l("In vocational training"),
        "unemployed": _l("Unemployed"),
        "employed": _l("Employed"),
        "self_employed": _l("Self-employed"),
    }),
    "gender": (_l("Gender"), {
        "women": _l("Women"),
        "men": _l("Men"),
    }),
    "characteristics": (_l("Specific characteristics"), {
        "disability": _l("Disability or illness"),
        "refugees": _l("Refugees and beneficiaries of protection"),
        "returnees": _l("Returnees"),
        "ethnic_minorities": _l("Ethnic minorities"),
        "families_children": _l("Families and children"),
    }),
}

#: Good-practice criteria, self-assessed by the submitter and confirmed by the reviewer.
CRITERIA = {
    "clear_objectives": _l("Clear objectives"),
    "evaluated": _l("Evaluated"),
    "results_documented": _l("Results documented"),
    "innovative": _l("Innovative"),
    "transferable": _l("Transferable"),
    "sustainable": _l("Sustainable"),
    "participatory": _l("Participatory"),
}

#: The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration.
GCM_OBJECTIVES = {
    1: _l("Collect and use accurate and disaggregated data"),
    2: _l("Minimize the adverse drivers that compel people to leave their country of origin"),
    3: _l("Provide accurate and timely information at all stages of migration"),
    4: _l("Ensure that all migrants have proof of legal identity and adequate documentation"),
    5: _l("Enhance availability and flexibility of pathways for regular migration"),
    6: _l("Facilitate fair and ethical recruitment and safeguard conditions for decent work"),
    7: _l("Address and reduce vulnerabilities in migration"),
    8: _l("Save lives and establish coordinated efforts on missing migrants"),
    9: _l("Strengthen the transnational response to smuggling of migrants"),
    10: _l("Prevent, combat and eradicate trafficking in persons"),
    11: _l("Manage borders in an integrated, secure and coordinated manner"),
    12: _l("Strengthen certainty and predictability in migration procedures"),
    13: _l("Use migration detention only as a measure of last resort"),
    14: _l("Enhance consular protection, assistance and cooperation"),
    15: _l("Provide access to basic services for migrants"),
    16: _l("Empower migrants and societies to realize full inclusion and social cohesion"),
    17: _l("Eliminate discrimination and promote evidence-based public discourse"),
    18: _l("Invest in skills development and facilitate mutual recognition of skills"),
    19: _l("Create conditions for migrants and diasporas to contribute to development"),
    20: _l("Promote faster, safer and cheaper transfer of remittances"),
    21: _l("Cooperate in facilitating safe and dignified return and reintegration"),
    22: _l("Establish mechanisms for the portability of social security entitlements"),
    23: _l("Strengthen international cooperation and global partnerships"),
}


def flat(groups: dict) -> dict:
    """``{code: label}`` of a grouped vocabulary."""
    return {code: label for _group, (_label, terms) in groups.items()
            for code, label in terms.items()}


THEMES = flat(THEME_GROUPS)
TARGETS = flat(TARGET_GROUPS)
