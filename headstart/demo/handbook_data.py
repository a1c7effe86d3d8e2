"""The demo handbook for Migrant Information Centres: chapters following the HEADSTART
handbook's scope (standard operating procedures, design, institutional arrangements,
training, competences, data collection, evaluation), drawn from the seed documents'
facts (the Romanian network of migrant information centres, the Czech pilot with
community organisations, HEADSTART itself) and written in our own words.

Each section is ``(slug, title, body, review_in_days)``; ``review_in_days`` sets the
review-by date relative to the day the demo is loaded (negative: already due).
"""

CHAPTERS = [
    ("Standard operating procedures", [
        ("first-contact", "First contact and needs assessment", """\
The first conversation decides whether a person comes back. Whoever answers the door, the
phone or the chat follows the same steps, so that every visitor gets the same quality of
advice whichever officer is on duty.

# Before the conversation

- Offer a quiet place and ask which language the person prefers; book an interpreter or a
  colleague from the community organisation if needed.
- Explain in two sentences what the centre does and what it does not do (it informs and
  refers; it does not issue visas or job contracts).
- Ask for consent before writing anything down, and say how long notes are kept.

# What to ask

1. Where is the person going, when, and for what purpose (work, study, family)?
2. Does a job offer, school place or family member already wait at the destination?
3. Which documents are ready: passport, diplomas, translations, certificates?
4. What is the person's level in the destination country's language?
5. Are there health needs, children travelling, or other vulnerabilities?

# After the conversation

- Give a written summary of the next steps in the person's language.
- Open a case file only when there will be a follow-up (see *Data collection*).
- Agree on a date for the next contact, even if it is only a phone call.
""", 180),
        ("information-sessions", "Pre-departure information sessions", """\
Group sessions reach more people than one-to-one counselling and let migrants learn from
each other's questions. Plan them with the counterpart organisation in the destination
country, so the information is current and the faces are familiar on arrival.

# A session in half a day

- **Arrival and rights**: residence registration, health insurance, labour rights and
  where to complain.
- **Work**: how contracts, wages and working hours are regulated; how to recognise an
  abusive recruiter.
- **Daily life**: housing, schools, public services, banking.
- **Language**: where courses continue after arrival and how to enrol before leaving.

# Good practice

- Keep groups below twenty-five people, with time for questions at the end.
- Invite a migrant who has already made the journey to speak.
- Hand out the centre's contacts and those of the counterpart in the destination.
- Ask every participant for a short feedback form; review the programme every quarter.
""", 120),
        ("referral", "Referral to counterparts in the destination country", """\
Pre-departure support only pays off when it connects to what happens after arrival. A
referral hands a person over to a named service on the other side of the corridor, with
their consent and the information that service needs.

# When to refer

- The person has a confirmed destination and a date of departure.
- A service there can continue what the centre started (a language course, recognition of
  qualifications, counselling for families).
- The person agrees to the referral and to sharing the details it needs.

# How to refer

1. Find the counterpart in the portal's directory, preferably one the centre is already
   linked with.
2. Send only what the counterpart needs: name, contact, the service asked for, the
   expected arrival date.
3. Tell the person whom to contact and how, in writing.
4. Follow up once after the expected arrival date and record whether the contact happened.

A referral that was never taken up is useful information too: record it, and discuss the
pattern with the counterpart at the next partnership meeting.
""", 200),
    ]),
    ("Design of a Migrant Information Centre", [
        ("location-and-access", "Location, opening hours and accessibility", """\
The Romanian network of migrant information centres showed that centres work best when
they are hosted by local organisations people already know: fifteen centres in as many
cities, each grafted onto an existing local partner rather than built from nothing.

# Choosing the place

- Close to public transport and to the offices migrants have to visit anyway (labour
  office, passport office, consulate).
- A private room for counselling, and a waiting area with printed information.
- Step-free access, and signs in the main languages of the people served.

# Opening hours

- At least one late afternoon or Saturday slot each week, for people who work.
- A phone line and an e-mail address answered within two working days.
- Outreach days in towns without a centre, announced through community organisations.
""", 365),
        ("information-materials", "Information materials and channels", """\
Information is only useful when it reaches people in a language and a format they use.
Prepare materials with experts who check the legal content, and review them whenever the
rules change.

# Formats

- Short leaflets on one topic each (work contracts, health insurance, schooling).
- Posters for waiting rooms and partner offices.
- A monthly newsletter sent by e-mail to people who asked for it on the counselling form.

# Languages

Translate into the languages of the communities served, not only the destination
country's language. Ask community organisations to read drafts: they spot what official
texts leave unclear.

# Checking that it works

- Count which leaflets are taken and which questions keep coming back.
- Replace a leaflet that does not answer the questions people actually ask.
""", 90),
    ]),
    ("Institutional arrangements", [
        ("partnerships", "Partnerships and inter-agency cooperation", """\
A centre cannot answer every question itself. Its value lies in knowing who can, and in
having agreed with them how people are passed on.

# Partners to agree with

- The public employment service and the labour inspectorate.
- Health authorities and the national health insurance fund.
- Schools and providers of language and vocational training.
- Community organisations of the migrant groups served.
- Counterparts in the destination countries of the main corridors.

# Making it last

- Put each partnership in a short written agreement: who refers what to whom, contact
  persons, how data is shared.
- Meet partners at least twice a year; invite them to local events with migrants,
  authorities and the media.
- Record links between organisations in the portal's directory, so that colleagues
  across the network can find them.

The Czech pilot project relied on community organisations to pass information on through
their own periodicals: programmes run with the communities reflect their needs better
than those designed for them.
""", 300),
    ]),
    ("Training", [
        ("staff-training", "Training plan for new staff", """\
New information officers should not counsel alone before they have completed the basic
programme below. The plan takes about four weeks alongside supervised work.

# Week 1: the centre and the law

- The centre's mandate, procedures and data protection rules.
- Entry, residence and work rules of the main destination countries.

# Week 2: counselling skills

- Active listening, working with interpreters, managing difficult conversations.
- Recognising signs of exploitation and trafficking, and whom to alert.

# Weeks 3 and 4: shadowing

- Sit in on at least ten counselling sessions and two group sessions.
- Run sessions under supervision and discuss them afterwards.

Refresher training follows every year and whenever the law changes. Exchanges with
counterparts, such as the seminar and the fair HEADSTART organised for practitioners from
origin and destination countries, are part of it.
""", 240),
    ]),
    ("Competences of staff", [
        ("competences", "Competence profile of an information officer", """\
The profile helps to recruit, to plan training and to hold yearly appraisals.

# Knowledge

- Migration, residence and labour law of the corridors served, and where to check it.
- The local services for employment, health, housing and education.

# Skills

- Clear, plain communication, orally and in writing, in at least two languages.
- Intercultural communication and working with interpreters.
- Keeping accurate, minimal records.

# Attitudes

- Impartiality: the officer informs; the migrant decides.
- Respect for confidentiality.
- Willingness to say "I do not know, but I will find out" rather than guess.
""", 300),
    ]),
    ("Data collection", [
        ("data-collection", "What to record and how to protect it", """\
Data helps the centre to see who it reaches and what they need, and funders to see what
the centre achieves. It also creates risks for the people recorded. Collect as little as
the purpose needs.

# Record for every contact

- Date, channel (visit, phone, e-mail, session) and language used.
- Country of origin and intended destination, sex and age group.
- Topics asked about, and any referral made.

# Do not record

- Names and contact details unless there is a follow-up or a referral.
- Religion, ethnicity, health or legal status beyond what a referral strictly requires.

# Protecting it

- Store files in one protected place; paper files in a locked cabinet.
- Delete personal data when the follow-up ends, and at the latest after a year.
- Report figures only in aggregate.
""", -10),
    ]),
    ("Monitoring and evaluation", [
        ("monitoring", "Monitoring and evaluation", """\
Monitoring checks that the centre works as planned; evaluation asks whether it makes a
difference for the people it serves.

# Monitor every month

- Number of contacts by channel, topic, origin and destination.
- Referrals made and referrals taken up.
- Feedback from session participants.

# Visit every centre

Coordinators of a network visit each centre at least twice a year, as the Romanian
network did, to check procedures and records and to offer advice, not only to inspect.

# Evaluate every two years

- Follow up a sample of migrants three to six months after arrival: did the information
  prove right, and did the referral help?
- Ask counterparts in destination countries what they notice in the people referred.
- Publish the findings as a practice in the portal, so other centres can learn from them.
""", 20),
    ]),
]

#: Czech translations of two sections: slug → (title, body).
TRANSLATIONS_CS = {
    "first-contact": ("První kontakt a zjištění potřeb", """\
První rozhovor rozhoduje o tom, zda se člověk vrátí. Kdokoli otevře dveře, zvedne telefon
nebo odpoví na chat, postupuje podle stejných kroků, aby každý návštěvník dostal stejně
kvalitní radu bez ohledu na to, kdo má právě službu.

# Před rozhovorem

- Nabídněte klidné místo a zeptejte se, jakým jazykem chce člověk mluvit; je-li třeba,
  zajistěte tlumočníka nebo kolegu z komunitní organizace.
- Dvěma větami vysvětlete, co centrum dělá a co ne (informuje a odkazuje dál; nevydává
  víza ani pracovní smlouvy).
- Než si začnete cokoli zapisovat, požádejte o souhlas a řekněte, jak dlouho se poznámky
  uchovávají.

# Na co se ptát

1. Kam člověk odjíždí, kdy a za jakým účelem (práce, studium, rodina)?
2. Čeká ho v cílové zemi nabídka práce, místo ve škole nebo člen rodiny?
3. Které doklady má připravené: pas, diplomy, překlady, potvrzení?
4. Jak dobře ovládá jazyk cílové země?
5. Má zdravotní potřeby, cestuje s dětmi nebo je jinak zranitelný?

# Po rozhovoru

- Předejte písemné shrnutí dalších kroků v jazyce klienta.
- Složku případu zakládejte jen tehdy, bude-li následovat další kontakt (viz *Sběr dat*).
- Domluvte termín dalšího kontaktu, i kdyby měl být jen telefonický.
"""),
    "referral": ("Předání protějškům v cílové zemi", """\
Podpora před odjezdem se vyplatí jen tehdy, když navazuje na to, co přijde po příjezdu.
Předání svěří člověka konkrétní službě na druhém konci koridoru, s jeho souhlasem a s
informacemi, které tato služba potřebuje.

# Kdy předávat

- Člověk má potvrzenou cílovou zemi a datum odjezdu.
- Služba v cílové zemi může pokračovat v tom, co centrum začalo (jazykový kurz, uznání
  kvalifikace, poradenství pro rodiny).
- Člověk s předáním a se sdílením potřebných údajů souhlasí.

# Jak předávat

1. Najděte protějšek v adresáři portálu, nejlépe takový, s nímž je centrum již propojeno.
2. Pošlete jen to, co protějšek potřebuje: jméno, kontakt, požadovanou službu a
   předpokládané datum příjezdu.
3. Písemně sdělte klientovi, na koho se má obrátit a jak.
4. Po předpokládaném datu příjezdu se jednou ozvěte a zaznamenejte, zda ke kontaktu došlo.

I předání, které nikdo nevyužil, je užitečná informace: zaznamenejte ho a o opakujících se
případech mluvte s protějškem na příští schůzce partnerů.
"""),
}

RELEASE_NOTES = """\
The first edition of the handbook for Migrant Information Centres: standard operating
procedures, the design of a centre, institutional arrangements, training, competences of
staff, data collection, and monitoring and evaluation. Two sections are also available in
Czech.
"""

#: A newer draft of one section, saved after the first edition (not yet published).
DRAFT = ("information-materials", """\
Information is only useful when it reaches people in a language and a format they use.
Prepare materials with experts who check the legal content, and review them whenever the
rules change.

# Formats

- Short leaflets on one topic each (work contracts, health insurance, schooling).
- Posters for waiting rooms and partner offices.
- A monthly newsletter sent by e-mail to people who asked for it on the counselling form.
- A multilingual website, like "Home in the Czech Republic", which the Czech pilot
  project published in Czech, English, Ukrainian, Vietnamese and Armenian.

# Languages

Translate into the languages of the communities served, not only the destination
country's language. Ask community organisations to read drafts: they spot what official
texts leave unclear, and their own newsletters and periodicals carry the information
further.

# Checking that it works

- Count which leaflets are taken and which questions keep coming back.
- Replace a leaflet that does not answer the questions people actually ask.
""", "Add the multilingual website and community periodicals")

#: Czech chapter titles (the chapters' English titles → Czech).
CHAPTER_TITLES_CS = {
    "Standard operating procedures": "Standardní operační postupy",
    "Design of a Migrant Information Centre": "Uspořádání Migračního informačního centra",
    "Institutional arrangements": "Institucionální uspořádání",
    "Training": "Školení",
    "Competences of staff": "Kompetence pracovníků",
    "Data collection": "Sběr dat",
    "Monitoring and evaluation": "Monitorování a hodnocení",
}
