"""The demo forum: categories by theme and by corridor (one for members only, one for
coordinators only) and conversations drawn from the seed documents, in our own words.

Authors are demo accounts by e-mail (see ``data.ACCOUNTS``); ``days`` is how long ago a
post was written. ``subject`` names a demo practice by its English title.
"""

#: (name, grouping, access, position, description)
CATEGORIES = [
    ("Language and orientation before departure", "theme", "public", 10,
     "Pre-departure language courses, cultural and civic orientation: curricula, trainers, "
     "what migrants said helped them most."),
    ("Recognition of qualifications and skills", "theme", "public", 20,
     "Diplomas, nostrification, skills validation and regulated professions."),
    ("Information centres and outreach", "theme", "public", 30,
     "Migrant information centres, multilingual websites, community organisations as "
     "messengers."),
    ("Moldova → Italy", "corridor", "public", 40,
     "Practitioners on both sides of the Moldova–Italy corridor."),
    ("Ukraine → Czech Republic", "corridor", "public", 50,
     "Practitioners on both sides of the Ukraine–Czech Republic corridor."),
    ("Partnerships in progress", "theme", "members", 60,
     "For network members: looking for partners, preparing joint proposals."),
    ("Coordinators' room", "theme", "coordinators", 70,
     "For the network's coordinators: planning, moderation, reviews."),
]

ION = "practitioner@headstart.example"
LUCIE = "counterpart@headstart.example"
MAGDA = "coordinator@headstart.example"
ALEX = "admin@headstart.example"

#: category, title, subject (practice title or None), [(author, days ago, Markdown)]
TOPICS = [
    ("Moldova → Italy", "Preparing Moldovan care workers for Italy", None, [
        (ION, 12,
         "Most of the women who come to our centre in Chișinău will work as live-in carers "
         "for elderly people in northern Italy. We run a three-day orientation before they "
         "leave: contracts and rights, basic Italian for care work, and who to call once "
         "they arrive.\n\nWhat do colleagues in Italy see going wrong in the **first "
         "weeks**? We would like to adjust the programme."),
        (MAGDA, 11,
         "Thank you for starting this, @ion-practitioner. From the reports of the Italian "
         "partners, three things come back again and again:\n\n"
         "1. people do not know that a written contract under the national agreement for "
         "domestic work is required;\n"
         "2. the difference between *badante* work and nursing is not clear, so "
         "expectations clash;\n"
         "3. newcomers do not know where the local migrant desks are.\n\n"
         "The Italian ministry's integration portal lists those desks by region."),
        (LUCIE, 9,
         "In Prague we saw the same with Ukrainian carers. A one-page sheet with the "
         "addresses of two or three services in the town where the person is going "
         "worked better than a long brochure."),
        (ION, 8,
         "> A one-page sheet with the addresses of two or three services\n\n"
         "Good idea. We will try it with the next group in March and report back here."),
    ]),
    ("Ukraine → Czech Republic", "Recognising Ukrainian qualifications in the Czech Republic",
     None, [
         (LUCIE, 20,
          "Many Ukrainian nurses and teachers we meet in Prague work far below their "
          "qualifications because the recognition of their diplomas (nostrification) takes "
          "months and the documents have to be translated by a sworn translator.\n\n"
          "Could origin-country services help people **prepare the documents before "
          "departure**? Which papers are most often missing?"),
         (ION, 18,
          "On our side we tell people to bring the diploma supplement with the list of "
          "subjects and hours, not only the diploma. Without it the Czech university cannot "
          "compare the curricula."),
         (MAGDA, 15,
          "For regulated professions in health care the Ministry of Health decides, not "
          "the universities. It helps to say this before departure: people lose weeks "
          "applying at the wrong office. I pinned this topic so it stays easy to find."),
     ]),
    ("Information centres and outreach",
     "Reaching Vietnamese and Ukrainian families through their own organisations",
     "Pilot Project: Integration of Foreigners and Support to Organizations and "
     "Associations of Foreign Communities in the Czech Republic", [
         (MAGDA, 30,
          "The 2003 Czech pilot worked with Vietnamese, Ukrainian and Armenian community "
          "organisations: they carried the integration information in their own "
          "periodicals and meetings, and a multilingual website gathered it. Is anyone "
          "doing something similar today?"),
         (LUCIE, 27,
          "Yes: the Vietnamese community association still distributes our leaflets at its "
          "events. People trust information that comes through people they know."),
     ]),
    ("Language and orientation before departure",
     "What makes a pre-departure language course stick?", None, [
         (ION, 6,
          "Our Italian course is 40 hours. Participants say the role plays (a doctor's "
          "visit, a call with the employer) help more than grammar. How long are your "
          "courses, and do you test at the end?"),
         (LUCIE, 5,
          "Czech courses for newcomers here are longer, but the first 20 hours are all "
          "about everyday situations, very much like yours."),
     ]),
    ("Partnerships in progress",
     "Looking for a destination partner in Austria for Kosovo job seekers", None, [
         (ION, 4,
          "A colleague in Pristina is looking for an Austrian employment or integration "
          "service to prepare a joint proposal for pre-departure German courses. Any "
          "contacts?"),
     ]),
    ("Coordinators' room", "Planning the next network seminar", None, [
        (MAGDA, 3,
         "HEADSTART ran a one-and-a-half-day seminar and a half-day fair. Shall we keep that "
         "format for the next meeting, with one session per corridor?"),
        (ALEX, 2, "Fine by me. I can set up the registration page once the dates are fixed."),
    ]),
]

#: Topics pinned or locked in the demo (by title).
PINNED = {"Recognising Ukrainian qualifications in the Czech Republic"}
