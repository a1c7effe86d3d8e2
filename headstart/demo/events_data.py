"""Demo events and the demo newsletter, written from the seed documents (the HEADSTART
project shared knowledge through a one-and-a-half-day seminar and a half-day fair)."""

HEADSTART_PRACTICE = "HEADSTART: Fostering Integration before Departure"

#: Past events: fixed dates (the project ran from January 2014 to June 2015).
PAST_EVENTS = [
    {
        "title": "HEADSTART seminar: linking pre-departure and post-arrival integration",
        "description": (
            "A seminar of one and a half days for practitioners from countries of origin and "
            "of destination. Service providers who prepare migrants before they leave met "
            "the counterparts who receive them in the EU, compared what each side offers, "
            "and looked for the places where a course or a piece of advice stops at the "
            "border instead of carrying on.\n\n"
            "**Programme**\n\n"
            "- Day 1: what the review of pre-departure practices found; working groups by "
            "corridor\n"
            "- Day 2 (morning): how to match services on both sides, and what to measure"),
        "starts": "2015-03-24T09:00", "ends": "2015-03-25T13:00", "timezone": "Europe/Budapest",
        "place": "IOM Regional Office, Budapest", "online_url": "",
        "organisation": "IOM Budapest – Regional Office", "languages": ["en"],
        "corridors": ["MD-IT", "XK-AT", "UA-CZ", "VN-CZ"],
        "themes": ["information_orientation", "employment"],
        "materials": (
            "The seminar's conclusions went into the project's review of pre-departure "
            "practices and into the handbook for migrant information centres. The working "
            "groups' notes by corridor are summarised in the HEADSTART practice record."),
        "practices": [HEADSTART_PRACTICE],
    },
    {
        "title": "HEADSTART fair: meet your counterpart",
        "description": (
            "A half-day fair after the seminar: each organisation had a table, and "
            "providers from countries of origin went from table to table to meet the "
            "integration services of the countries their clients move to. The aim was "
            "simple: leave with the name of someone on the other side of the corridor."),
        "starts": "2015-03-25T14:00", "ends": "2015-03-25T18:00", "timezone": "Europe/Budapest",
        "place": "IOM Regional Office, Budapest", "online_url": "",
        "organisation": "IOM Budapest – Regional Office", "languages": ["en"],
        "corridors": ["MD-IT", "XK-AT", "MK-DE", "UA-CZ", "PH-IT"],
        "themes": ["information_orientation"],
        "materials": (
            "The list of organisations that took part became the first entries of the "
            "directory on this portal; the links made at the fair are recorded there."),
        "practices": [HEADSTART_PRACTICE],
    },
]

#: Upcoming events: ``days`` from the day the demo is loaded, at local ``time``.
UPCOMING_EVENTS = [
    {
        "title": "Webinar: migrant information centres, lessons from Romania",
        "description": (
            "The migrant information centres in Romania kept partners and communities "
            "informed with a monthly newsletter and walk-in advice. Their coordinators "
            "explain what worked, what it cost and how other countries can start a "
            "similar network."),
        "days": 21, "time": "15:00", "hours": 1.5, "timezone": "Europe/Bucharest",
        "place": "", "online_url": "https://meet.example.org/headstart-mic-webinar",
        "organisation": "IOM Budapest – Regional Office", "languages": ["en", "ro"],
        "corridors": [], "themes": ["information_orientation"], "practices": [],
    },
    {
        "title": "Preparing for care work in Italy: orientation day in Chișinău",
        "description": (
            "A day for women about to leave for care work in Italy: contracts and rights, "
            "health insurance, who to call in Italy, and a first meeting with the Italian "
            "partners over video."),
        "days": 35, "time": "10:00", "hours": 6, "timezone": "Europe/Chisinau",
        "place": "Migrant Resource Centre, Chișinău",
        "online_url": "https://meet.example.org/chisinau-italy",
        "organisation": "Migrant Resource Centre Chișinău", "languages": ["ro", "it"],
        "corridors": ["MD-IT"], "themes": ["employment", "information_orientation"],
        "practices": [],
    },
    {
        "title": "Recognition of qualifications: advice afternoon for people from Ukraine",
        "description": (
            "Nurses, teachers and engineers from Ukraine learn how to get their diplomas "
            "recognised in the Czech Republic and meet employers who wait for them."),
        "days": 49, "time": "14:00", "hours": 4, "timezone": "Europe/Prague",
        "place": "Integration Centre Prague", "online_url": "",
        "organisation": "Integration Centre Prague", "languages": ["uk", "cs"],
        "corridors": ["UA-CZ"], "themes": ["employment", "vocational_training"],
        "practices": [],
    },
    {
        "title": "German before departure: teachers' exchange Kosovo – Austria",
        "description": (
            "Teachers of German in Kosovo and in Austrian integration courses compare "
            "curricula so that a course started in Pristina goes on in Vienna without a "
            "gap."),
        "days": 63, "time": "09:30", "hours": 7, "timezone": "Europe/Belgrade",
        "place": "Pristina", "online_url": "",
        "organisation": "Austrian Integration Fund", "languages": ["de", "sq"],
        "corridors": ["XK-AT"], "themes": ["education_language"], "practices": [],
    },
]

DEMO_SUBSCRIBERS = [
    ("reader.chisinau@example.org", "ro"),
    ("reader.prague@example.org", "cs"),
    ("reader.vienna@example.org", "de"),
    ("reader.manila@example.org", "en"),
]

NEWSLETTER = {
    "subject": "HEADSTART network news: seminar materials and the months ahead",
    "language": "en",
    "body": (
        "Dear colleagues,\n\n"
        "the materials of the HEADSTART seminar and fair are now on the portal, next to "
        "the events themselves. Below are the newest practices in the repository and the "
        "events coming up in the network.\n\n"
        "## New practices\n\n"
        "{{ practices 3 }}\n\n"
        "## Coming events\n\n"
        "{{ events 3 }}\n\n"
        "Tell us about your own events: any member can propose one on the portal.\n"),
    "translations": [{
        "language": "cs",
        "subject": "Novinky sítě HEADSTART: materiály ze semináře a nadcházející měsíce",
        "body": (
            "Milé kolegyně, milí kolegové,\n\n"
            "materiály ze semináře a veletrhu HEADSTART jsou nyní na portálu, přímo u "
            "samotných akcí. Níže najdete nejnovější praxe v databázi a akce, které síť "
            "chystá.\n\n"
            "## Nové praxe\n\n"
            "{{ practices 3 }}\n\n"
            "## Nadcházející akce\n\n"
            "{{ events 3 }}\n\n"
            "Pošlete nám i své akce: každý člen je může na portálu navrhnout.\n"),
    }],
}
