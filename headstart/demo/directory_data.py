"""The demo directory: what each demo organisation offers, to whom and on which
corridors; more origin-side providers and destination counterparts for the corridors of
SPEC §8 (Moldova → Italy, Kosovo → Austria, North Macedonia → Germany, Ukraine → Czech
Republic, Vietnam → Czech Republic, Philippines → Italy); and links between them, some
accepted and some still waiting for an answer.

The providers added here are made up (realistic, not real); contact details use
``example.org`` addresses.
"""

from __future__ import annotations

#: (name, acronym, kind, side, country, city, description), as in ``data.ORGANISATIONS``.
PROVIDERS = [
    ("National Employment Agency of Moldova", "ANOFM", "employment_service", "origin", "MD",
     "Chișinău",
     "Public employment service; tells jobseekers about legal work abroad, bilateral "
     "agreements and the recognition of their qualifications before they leave."),
    ("Care Workers' Preparation School Bălți", "", "education", "origin", "MD", "Bălți",
     "Italian for care work, first aid and a cultural orientation week for women preparing "
     "to work as carers in Italy."),
    ("Employment Agency of Kosovo", "", "employment_service", "origin", "XK", "Pristina",
     "Public employment service with a migration desk: labour-market information on "
     "Austria and Germany, vocational training and job matching with employers abroad."),
    ("German Language Centre Prizren", "", "education", "origin", "XK", "Prizren",
     "German courses from A1 to B1 with the orientation content of the Austrian values and "
     "orientation courses, for people joining family or work in Austria."),
    ("Migration Info Point Tetovo", "", "ngo", "origin", "MK", "Tetovo",
     "Advice in Albanian and Macedonian on work visas for Germany, recognition of diplomas "
     "and safe recruitment."),
    ("Kyiv Centre for Safe Labour Migration", "", "ngo", "origin", "UA", "Kyiv",
     "Legal advice before departure, document checks and referrals for people going to "
     "work in the Czech Republic and Poland."),
    ("Vietnamese Overseas Workers' Training Centre Hai Phong", "", "education", "origin", "VN",
     "Hai Phong",
     "Czech language, vocational skills and orientation for workers recruited for Czech "
     "factories."),
    ("Integration Services Desk Turin", "", "public_authority", "destination", "IT", "Turin",
     "The city's one-stop desk for newcomers: Italian courses, civic orientation, housing "
     "and legal advice."),
    ("Care Work Cooperative Bologna", "", "ngo", "destination", "IT", "Bologna",
     "Social cooperative that places care workers with families, recognises their "
     "training and offers further vocational courses."),
    ("Welcome Centre for Skilled Workers Munich", "", "public_authority", "destination", "DE",
     "Munich",
     "Advice on recognition of foreign qualifications, job matching and the first steps in "
     "Bavaria for skilled workers."),
]

#: What each organisation offers: services, languages it serves people in, corridors.
PROFILES = {
    "IOM Budapest – Regional Office": (
        ["information_centre", "civic_orientation", "labour_market_information"],
        ["en", "hu", "ru"], ["MD-IT", "XK-AT", "MK-DE", "UA-CZ", "VN-CZ", "PH-IT"]),
    "IOM Prague": (["information_centre", "civic_orientation", "legal_counselling"],
                   ["cs", "en", "uk", "ru", "vi"], ["UA-CZ", "VN-CZ"]),
    "Migrant Resource Centre Chișinău": (
        ["civic_orientation", "labour_market_information", "legal_counselling",
         "information_centre"], ["ro", "ru", "it"], ["MD-IT", "MD-CZ"]),
    "Ministry of Labour, Social Protection and Family of Moldova": (
        ["labour_market_information", "return_reintegration"], ["ro", "ru"], ["MD-IT"]),
    "Employment Service Agency of North Macedonia": (
        ["labour_market_information", "job_matching", "vocational_training"],
        ["mk", "sq"], ["MK-DE"]),
    "Ministry of Labour and Social Policy of North Macedonia": (
        ["labour_market_information"], ["mk", "sq"], ["MK-DE"]),
    "Ministry of Labour and Social Welfare of Kosovo": (
        ["civic_orientation", "language_training"], ["sq", "sr"], ["XK-AT"]),
    "Overseas Labour Information Centre Hanoi": (
        ["civic_orientation", "labour_market_information", "information_centre"], ["vi"],
        ["VN-CZ"]),
    "Pre-Departure Orientation Centre Manila": (
        ["language_training", "civic_orientation"], ["fil", "en"], ["PH-IT"]),
    "Lviv Labour Migration Advice Centre": (
        ["legal_counselling", "skills_recognition", "labour_market_information"],
        ["uk", "ru"], ["UA-CZ"]),
    "Integration Centre Prague": (
        ["language_training", "legal_counselling", "civic_orientation", "information_centre"],
        ["cs", "uk", "ru", "vi", "en"], ["UA-CZ", "VN-CZ", "MD-CZ"]),
    "Counselling Centre for Refugees": (["legal_counselling"], ["cs", "en", "ru"],
                                        ["UA-CZ"]),
    "Counselling Centre for Integration": (
        ["legal_counselling", "language_training", "housing_information"],
        ["cs", "uk", "vi", "en"], ["UA-CZ", "VN-CZ"]),
    "Multicultural Centre Prague": (["civic_orientation"], ["cs", "en"], []),
    "Vietnamese Community Association in the Czech Republic": (
        ["information_centre", "civic_orientation"], ["vi", "cs"], ["VN-CZ"]),
    "Austrian Integration Fund": (
        ["language_training", "civic_orientation", "information_centre"],
        ["de", "sq", "sr", "ar", "fa"], ["XK-AT"]),
    "Public Employment Service Vienna": (
        ["job_matching", "skills_recognition", "vocational_training"], ["de", "en", "sr"],
        ["XK-AT"]),
    "Federal Office for Migration and Refugees": (
        ["language_training", "civic_orientation"], ["de", "en"], ["MK-DE"]),
    "Ministry of Labour and Social Policies of Italy": (
        ["labour_market_information", "skills_recognition"], ["it"], ["MD-IT", "PH-IT"]),
    "IOM Romania": (["information_centre", "legal_counselling", "civic_orientation"],
                    ["ro", "en", "ar"], []),
    "Asociația Serviciul APEL": (["health_psychosocial", "legal_counselling"], ["ro", "en"],
                                 []),
    "IOM Rome": (["information_centre", "language_training", "health_psychosocial"],
                 ["it", "en", "fil"], ["PH-IT", "MD-IT"]),
    "IOM Vienna": (["information_centre", "return_reintegration"], ["de", "en"], ["XK-AT"]),
    "IOM Berlin": (["information_centre"], ["de", "en"], ["MK-DE"]),
    "National Employment Agency of Moldova": (
        ["labour_market_information", "job_matching", "skills_recognition"], ["ro", "ru"],
        ["MD-IT", "MD-CZ"]),
    "Care Workers' Preparation School Bălți": (
        ["language_training", "vocational_training", "civic_orientation"], ["ro", "ru", "it"],
        ["MD-IT"]),
    "Employment Agency of Kosovo": (
        ["labour_market_information", "vocational_training", "job_matching"], ["sq", "sr"],
        ["XK-AT"]),
    "German Language Centre Prizren": (["language_training", "civic_orientation"],
                                       ["sq", "de"], ["XK-AT"]),
    "Migration Info Point Tetovo": (
        ["labour_market_information", "skills_recognition", "legal_counselling"],
        ["sq", "mk"], ["MK-DE"]),
    "Kyiv Centre for Safe Labour Migration": (
        ["legal_counselling", "labour_market_information"], ["uk", "ru"], ["UA-CZ"]),
    "Vietnamese Overseas Workers' Training Centre Hai Phong": (
        ["language_training", "vocational_training", "civic_orientation"], ["vi"],
        ["VN-CZ"]),
    "Integration Services Desk Turin": (
        ["language_training", "civic_orientation", "housing_information",
         "legal_counselling"], ["it", "ro", "en"], ["MD-IT"]),
    "Care Work Cooperative Bologna": (
        ["job_matching", "vocational_training", "skills_recognition"], ["it", "ro", "fil"],
        ["MD-IT", "PH-IT"]),
    "Welcome Centre for Skilled Workers Munich": (
        ["skills_recognition", "job_matching", "labour_market_information"],
        ["de", "en", "mk", "sq"], ["MK-DE"]),
}

#: (proposing organisation, organisation asked, corridor, services, note, state)
LINKS = [
    ("Migrant Resource Centre Chișinău", "Integration Services Desk Turin", "MD-IT",
     ["civic_orientation", "language_training"],
     "Our orientation sessions end with the Turin desk's address and a date for the first "
     "Italian lesson; let us agree on one shared checklist.", "accepted"),
    ("Employment Service Agency of North Macedonia", "Welcome Centre for Skilled Workers Munich",
     "MK-DE", ["labour_market_information", "skills_recognition"],
     "We would send diplomas for a first recognition check before people apply.",
     "accepted"),
    ("Employment Agency of Kosovo", "Public Employment Service Vienna", "XK-AT",
     ["job_matching", "labour_market_information"],
     "Shared vacancy lists for seasonal and care work.", "accepted"),
    ("German Language Centre Prizren", "Austrian Integration Fund", "XK-AT",
     ["language_training", "civic_orientation"],
     "Our A1 certificates and the values course content, aligned with yours.", "accepted"),
    ("Lviv Labour Migration Advice Centre", "Integration Centre Prague", "UA-CZ",
     ["skills_recognition", "legal_counselling"],
     "Referrals of nurses and teachers for recognition advice after arrival.", "accepted"),
    ("Overseas Labour Information Centre Hanoi",
     "Vietnamese Community Association in the Czech Republic", "VN-CZ",
     ["civic_orientation", "information_centre"],
     "Your periodicals could carry our pre-departure guide.", "accepted"),
    ("Pre-Departure Orientation Centre Manila", "IOM Rome", "PH-IT",
     ["language_training", "civic_orientation"],
     "Continue our Italian course for care workers after arrival.", "accepted"),
    ("Migrant Resource Centre Chișinău", "Integration Centre Prague", "MD-CZ",
     ["civic_orientation", "legal_counselling"],
     "More people from Moldova go to Prague each year; could we refer them to your "
     "counselling and Czech courses?", "proposed"),
    ("Vietnamese Overseas Workers' Training Centre Hai Phong",
     "Counselling Centre for Integration", "VN-CZ", ["language_training"],
     "Our Czech course reaches A1; yours could take learners on to A2.", "proposed"),
]
