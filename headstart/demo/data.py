"""The demo network: accounts for each role and organisations named in the seed documents.

Organisations come from the HEADSTART project page (its partners and associated partners),
the IOM Czech pilot project and the EWSI record of the Romanian migrant information centres.
Contact details use reserved ``example.org`` addresses: nothing here reaches a real person.
"""

#: Password of every demo account (local use only; documented in the README).
DEMO_PASSWORD = "headstart-demo-2026"

#: (e-mail, display name, role, language, organisation names the account is a member of)
ACCOUNTS = [
    ("admin@headstart.example", "Alex Admin", "admin", "en", []),
    ("coordinator@headstart.example", "Magda Coordinator", "coordinator", "en",
     ["IOM Budapest – Regional Office"]),
    ("practitioner@headstart.example", "Ion Practitioner", "practitioner", "ro",
     ["Migrant Resource Centre Chișinău"]),
    ("counterpart@headstart.example", "Lucie Counterpart", "practitioner", "cs",
     ["Integration Centre Prague"]),
]

#: (name, acronym, kind, side, country, city, description)
ORGANISATIONS = [
    ("IOM Budapest – Regional Office", "IOM", "international", "both", "HU", "Budapest",
     "Coordinated the HEADSTART project (2014–2015) with IOM offices in Austria, Belgium, the "
     "Czech Republic, Germany, Italy, the Netherlands, Portugal and Slovakia."),
    ("IOM Prague", "IOM", "international", "destination", "CZ", "Prague",
     "Ran the Czech pilot project with migrant community organisations and the multilingual "
     "website for foreigners, Home in the Czech Republic."),
    ("Migrant Resource Centre Chișinău", "MRC", "ngo", "origin", "MD", "Chișinău",
     "Pre-departure information and orientation for people from Moldova preparing to work "
     "in the European Union, especially in Italy and the Czech Republic."),
    ("Ministry of Labour, Social Protection and Family of Moldova", "", "public_authority",
     "origin", "MD", "Chișinău",
     "Associated partner of HEADSTART; responsible for labour migration policy in Moldova."),
    ("Employment Service Agency of North Macedonia", "ESA", "employment_service", "origin",
     "MK", "Skopje",
     "Public employment service offering labour-market information and counselling to "
     "jobseekers, including those considering work in Germany."),
    ("Ministry of Labour and Social Policy of North Macedonia", "", "public_authority",
     "origin", "MK", "Skopje", "Associated partner of HEADSTART."),
    ("Ministry of Labour and Social Welfare of Kosovo", "", "public_authority", "origin", "XK",
     "Pristina", "Associated partner of HEADSTART; prepares workers leaving for Austria."),
    ("Overseas Labour Information Centre Hanoi", "", "public_authority", "origin", "VN", "Hanoi",
     "Pre-departure orientation for Vietnamese workers and students going to Central Europe."),
    ("Pre-Departure Orientation Centre Manila", "", "education", "origin", "PH", "Manila",
     "Language and cultural orientation courses for Filipino care workers bound for Italy."),
    ("Lviv Labour Migration Advice Centre", "", "ngo", "origin", "UA", "Lviv",
     "Advice on legal work abroad, recognition of qualifications and safe migration."),
    ("Integration Centre Prague", "ICP", "ngo", "destination", "CZ", "Prague",
     "Courses of Czech, social and legal counselling, and community interpreting for "
     "newcomers in Prague."),
    ("Counselling Centre for Refugees", "", "ngo", "destination", "CZ", "Prague",
     "Legal counselling for refugees and foreigners; partner of the Czech pilot project."),
    ("Counselling Centre for Integration", "", "ngo", "destination", "CZ", "Prague",
     "Social and legal counselling and Czech courses; partner of the Czech pilot project."),
    ("Multicultural Centre Prague", "", "ngo", "destination", "CZ", "Prague",
     "Intercultural education and a library of resources on migration."),
    ("Vietnamese Community Association in the Czech Republic", "", "community", "destination",
     "CZ", "Prague", "Migrant community organisation that spread integration information to "
     "Vietnamese families through its periodicals."),
    ("Austrian Integration Fund", "ÖIF", "public_authority", "destination", "AT", "Vienna",
     "HEADSTART partner; German courses, values and orientation courses, and integration "
     "centres across Austria."),
    ("Public Employment Service Vienna", "AMS", "employment_service", "destination", "AT",
     "Vienna", "Job placement, recognition advice and vocational training for newcomers."),
    ("Federal Office for Migration and Refugees", "BAMF", "public_authority", "destination",
     "DE", "Nuremberg", "HEADSTART partner; integration courses across Germany."),
    ("Ministry of Labour and Social Policies of Italy", "", "public_authority", "destination",
     "IT", "Rome", "HEADSTART partner responsible for the integration of foreign workers."),
    ("IOM Romania", "IOM", "international", "destination", "RO", "Bucharest",
     "Ran the network of fifteen migrant information centres in Romania."),
    ("Asociația Serviciul APEL", "APEL", "ngo", "destination", "RO", "Bucharest",
     "Partner of IOM Romania in assistance for third-country nationals."),
    ("World Association of Public Employment Services", "WAPES", "international", "both", "BE",
     "Brussels", "HEADSTART partner linking public employment services worldwide."),
]
