"""Demo practice records for the HEADSTART repository, written from the seed documents.

Sources (all paraphrased, none quoted):

- "IOM Integration Projects", an IOM overview of projects in which integration is a main
  focus or one component (Greece, Estonia, Russia, Italy, Kyrgyzstan, the Czech Republic,
  Poland, Japan, the Philippines, Latvia, Portugal and five Central European countries).
  That overview gives no project dates, so those records carry ``None`` dates.
- The European Website on Integration (EWSI) record "Assistance for Third Country Nationals"
  in Romania (German interface, English content), including its budget breakdown.
- Two Czech pages of IOM Prague: the international project HEADSTART and the pilot project
  on integration of foreigners and support to foreign community organisations, plus an
  English page on the same pilot project.

Facts (countries, dates, beneficiary numbers, funding sources, partners) come from those
documents; where a source is silent the record says so instead of guessing. Contact persons
are invented and use reserved ``example.org`` addresses; nobody real is named.

``NEW_ORGANISATIONS`` lists every lead organisation or partner named here that is not
already in :data:`headstart.demo.data.ORGANISATIONS`, in the same tuple shape.
"""

from __future__ import annotations

#: (name, acronym, kind, side, country, city, description)
NEW_ORGANISATIONS = [
    # IOM country offices leading or co-implementing the practices below.
    ("IOM Athens", "IOM", "international", "destination", "GR", "Athens",
     "IOM office in Greece; ran social support and employment-readiness work with migrants, "
     "refugees and repatriates."),
    ("IOM Tallinn", "IOM", "international", "destination", "EE", "Tallinn",
     "IOM office in Estonia; ran vocational and language training for non-Estonian residents "
     "in the north-east of the country."),
    ("IOM Moscow", "IOM", "international", "destination", "RU", "Moscow",
     "IOM office in the Russian Federation; supported small enterprises of forced migrants "
     "in the Belgorod, Bryansk, Voronezh and Tambov regions."),
    ("IOM Rome", "IOM", "international", "destination", "IT", "Rome",
     "IOM office in Italy; worked on employment services for foreign workers and on "
     "regional dialogue about migrants' health."),
    ("IOM Bishkek", "IOM", "international", "origin", "KG", "Bishkek",
     "IOM office in Kyrgyzstan; supported the authorities on legislation for ethnic Kyrgyz "
     "returning to the country."),
    ("IOM Warsaw", "IOM", "international", "destination", "PL", "Warsaw",
     "IOM office in Poland; worked on Roma social-economy cooperatives, research on migrant "
     "women and training for public officials."),
    ("IOM Tokyo", "IOM", "international", "destination", "JP", "Tokyo",
     "IOM office in Japan; surveyed the integration of Vietnamese women resettled after 1979."),
    ("IOM Manila", "IOM", "international", "origin", "PH", "Manila",
     "IOM office in the Philippines; researched the situation of Filipino workers in Italy "
     "and the families they leave behind."),
    ("IOM Riga", "IOM", "international", "destination", "LV", "Riga",
     "IOM office in Latvia; worked with government and NGO partners on the integration of "
     "asylum seekers and migrants."),
    ("IOM Lisbon", "IOM", "international", "destination", "PT", "Lisbon",
     "IOM office in Portugal; evaluated the National Immigrant Support Centres and took part "
     "in HEADSTART."),
    ("IOM Vienna", "IOM", "international", "destination", "AT", "Vienna",
     "IOM office in Austria; participating office in the HEADSTART project."),
    ("IOM Brussels", "IOM", "international", "destination", "BE", "Brussels",
     "IOM office in Belgium; participating office in the HEADSTART project."),
    ("IOM Berlin", "IOM", "international", "destination", "DE", "Berlin",
     "IOM office in Germany; participating office in the HEADSTART project."),
    ("IOM The Hague", "IOM", "international", "destination", "NL", "The Hague",
     "IOM office in the Netherlands; participating office in the HEADSTART project."),
    ("IOM Bratislava", "IOM", "international", "destination", "SK", "Bratislava",
     "IOM office in Slovakia; participating office in HEADSTART and in regional information "
     "work for migrants."),
    # Partners named in the IOM overview.
    ("National Confederation of Disabled People (Greece)", "", "ngo", "destination", "GR",
     "Athens",
     "Umbrella body of organisations of persons with disabilities; partnered with IOM on the "
     "labour-market inclusion of disabled migrants."),
    ("Caritas Latvia", "", "ngo", "destination", "LV", "Riga",
     "Catholic charity; partner in building a system for integrating asylum seekers and "
     "migrants in Latvia."),
    ("Latvian Red Cross", "", "ngo", "destination", "LV", "Riga",
     "National Red Cross society; partner in the integration of asylum seekers and migrants."),
    ("Municipality of Liepaja", "", "public_authority", "destination", "LV", "Liepāja",
     "City administration of Liepāja; local partner in the Latvian migrant integration "
     "project."),
    ("High Commissariat for Immigration and Ethnic Minorities", "ACIME", "public_authority",
     "destination", "PT", "Lisbon",
     "Portuguese public body that set up the National Immigrant Support Centres (CNAI) in "
     "Lisbon and Porto and commissioned their evaluation."),
    # Donor and partners of the Czech pilot project.
    ("Ministry of Labour and Social Affairs of the Czech Republic", "MPSV", "public_authority",
     "destination", "CZ", "Prague",
     "Commissioned and funded the 2003 IOM pilot project on integration of foreigners and "
     "support to foreign community organisations."),
    ("Department of Social Geography and Regional Development, Faculty of Science", "",
     "education", "destination", "CZ", "Prague",
     "University department that took part in the research of the Czech pilot project."),
    ("Czech Helsinki Committee", "ČHV", "ngo", "destination", "CZ", "Prague",
     "Human rights NGO hosting the Counselling Centre for Refugees; cooperated with IOM on "
     "replicating the domavcr.cz model in neighbouring countries (INTI 2004)."),
    # HEADSTART partners and associated partners not yet in data.ORGANISATIONS.
    ("Ministry of the Interior of Austria", "BMI", "public_authority", "destination", "AT",
     "Vienna", "HEADSTART partner and one of its national co-funders."),
    ("Ministry of the Interior of the Czech Republic", "MV ČR", "public_authority",
     "destination", "CZ", "Prague",
     "HEADSTART partner responsible for the integration policy for foreigners."),
    ("Office of Immigration and Nationality", "OIN", "public_authority", "destination", "HU",
     "Budapest", "Hungarian immigration authority; HEADSTART partner."),
    ("Ministry of the Interior of Italy", "", "public_authority", "destination", "IT", "Rome",
     "HEADSTART partner and one of its national co-funders."),
    ("Ministry of Social Affairs and Employment of the Netherlands", "SZW", "public_authority",
     "destination", "NL", "The Hague", "HEADSTART partner."),
    ("Centre for Coordination of Integration of Foreigners (Slovakia)", "", "public_authority",
     "destination", "SK", "Bratislava",
     "Unit of the Slovak Ministry of Labour, Social Affairs and Family; HEADSTART partner."),
    ("Ministry of Foreign Affairs of Kosovo", "", "public_authority", "origin", "XK",
     "Pristina", "Associated partner of HEADSTART."),
    ("Foreigners and Borders Service of Portugal", "SEF", "public_authority", "destination",
     "PT", "Lisbon", "Associated partner of HEADSTART."),
]


PRACTICES = [
    # ------------------------------------------------------------------ Greece
    {
        "key": "path-to-progress",
        "title": "Path to Progress",
        "summary": (
            "A Greek project that helps migrants, refugees and repatriates take an equal part "
            "in Greek society. Participants receive individual and group social-support "
            "sessions that prepare them for active employment measures, while a parallel "
            "awareness strand works against xenophobic stereotypes among the public."
        ),
        "challenge": (
            "Newcomers to Greece often lack the social skills, contacts and knowledge of their "
            "rights needed to use the integration services that already exist, and they face "
            "prejudice from parts of the host population.\n\n"
            "The project set out to:\n"
            "- give the target group the social skills needed to settle successfully;\n"
            "- make existing integration structures and the framework of rights and "
            "obligations in Greece known to them;\n"
            "- prepare participants to enter active employment measures;\n"
            "- sensitise public opinion in order to counter xenophobic stereotypes."
        ),
        "approach": (
            "Selected members of the target group join a programme of social-support "
            "sessions, held one-to-one or in groups depending on need. The sessions combine:\n"
            "- psychological and social support;\n"
            "- broad information and orientation on the services that already assist "
            "migrants, refugees and repatriates;\n"
            "- explanation of rights and obligations in Greece.\n\n"
            "From there, participants are guided towards one of the active employment "
            "measures in force: pre-training, training, employment, self-employment or "
            "work-experience placements. Awareness-raising activities for the general public "
            "run alongside the support sessions."
        ),
        "results": (
            "The project planned to reach 375 people in total: 250 migrants, 75 refugees and "
            "50 repatriates. The expected outcome is that participants move from the support "
            "sessions into an active employment measure of their choice. The source "
            "describes planned outputs; achieved figures are not reported."
        ),
        "evaluation": "",
        "beneficiaries": (
            "375 people expected: 250 migrants, 75 refugees and 50 repatriates living in "
            "Greece; indirectly, the wider public reached by the awareness activities."
        ),
        "funding": "European Social Fund and the Greek Government.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["GR"],
        "origin_countries": [],
        "destination_countries": ["GR"],
        "city_region": "",
        "lead_organisation": "IOM Athens",
        "partners": [],
        "contact": {"name": "Eleni Markou", "role": "Project coordinator",
                    "email": "path-to-progress@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["social_inclusion", "social_protection", "employment",
                   "information_orientation", "anti_discrimination"],
        "target_groups": ["refugees", "returnees", "unemployed"],
        "gcm_objectives": [3, 16, 17],
        "criteria": ["clear_objectives", "participatory"],
        "language": "en",
        "translations": [],
    },
    {
        "key": "new-approach-worldwide",
        "title": "New Approach Worldwide",
        "summary": (
            "A development partnership tackling the discrimination and inequality that "
            "disabled migrants meet when they try to enter or return to the labour market. "
            "IOM works with the National Confederation of Disabled People and ten further "
            "partners to build a network linking disabled migrants with service providers "
            "and to train social workers and employment advisers."
        ),
        "challenge": (
            "Migrants with disabilities face a double barrier: the obstacles that all "
            "newcomers meet in the labour market, and discrimination linked to their "
            "disability. Information on job opportunities rarely reaches them, and the "
            "services meant to help are not always prepared to work with them.\n\n"
            "Objectives:\n"
            "- develop and promote methods and services that ease disabled migrants' access, "
            "or return, to work;\n"
            "- promote their socio-economic integration;\n"
            "- counter discrimination and promote diversity among front-line professionals."
        ),
        "approach": (
            "The partnership brings together IOM, the National Confederation of Disabled "
            "People and ten other organisations. Its main tools are:\n"
            "- a network of disabled migrants and integration service providers, through "
            "which members get information on employment opportunities and can communicate "
            "directly with the services;\n"
            "- training seminars, with IOM taking part, for social workers and advisers of "
            "employment bodies on non-discrimination and diversity."
        ),
        "results": (
            "Expected results are a working network that supports disabled migrants through "
            "the steps of labour-market insertion, and front-line staff better equipped to "
            "counter discrimination. The source does not report achieved figures."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Disabled migrants seeking work; social workers and employment advisers who "
            "attend the seminars; integration service providers joining the network."
        ),
        "funding": (
            "Not stated in the source. Resources come from a partnership of IOM, the National "
            "Confederation of Disabled People and ten other partners."
        ),
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["GR"],
        "origin_countries": [],
        "destination_countries": ["GR"],
        "city_region": "",
        "lead_organisation": "IOM Athens",
        "partners": ["National Confederation of Disabled People (Greece)"],
        "contact": {"name": "Nikos Pappas", "role": "Partnership liaison officer",
                    "email": "new-approach@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["employment", "anti_discrimination", "information_orientation"],
        "target_groups": ["disability", "unemployed"],
        "gcm_objectives": [7, 16, 17],
        "criteria": ["clear_objectives", "participatory", "innovative"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Estonia
    {
        "key": "estonia-vocational-training-young-unemployed",
        "title": (
            "Integration of Non-Estonians through Vocational Training for the Young and "
            "Unemployed"
        ),
        "summary": (
            "Four-month vocational courses for 200 young, unemployed non-citizens living in "
            "Ida-Virumaa county in north-east Estonia. Trainees learn a trade, receive a tool "
            "kit, do a practical placement with a local company and take extra Estonian "
            "lessons, which together ease their way into work and into Estonian society."
        ),
        "challenge": (
            "Ida-Virumaa has a large population of young non-citizens who are out of work and "
            "have limited Estonian. Without a recognised trade or the state language they "
            "struggle to find jobs, which holds back both their integration and the "
            "development of the north-eastern region.\n\n"
            "The project aimed to help participants enter the labour market, support their "
            "integration into a democratic and pluralistic society, and contribute to the "
            "overall development of the north-east."
        ),
        "approach": (
            "Each participant follows a four-month course in one trade. The offer covered:\n"
            "- auto mechanics, carpentry, electrical and sanitary installation work;\n"
            "- indoor and outdoor construction work;\n"
            "- cooking and baking, hotel services, sewing;\n"
            "- computer skills and book-keeping, secretarial and record-keeping skills;\n"
            "- work as a sales (commercial) agent.\n\n"
            "Trainees are given a tool kit for their trade and complete hands-on practice in "
            "local enterprises. Estonian language lessons are added to the vocational "
            "programme."
        ),
        "results": (
            "200 young unemployed non-citizens were to complete vocational training, leaving "
            "with a trade, basic equipment, workplace experience and better Estonian. The "
            "source presents these as planned outputs and gives no placement figures."
        ),
        "evaluation": "",
        "beneficiaries": (
            "200 young unemployed non-citizens (non-Estonians) resident in Ida-Virumaa; local "
            "enterprises hosting placements."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["EE"],
        "origin_countries": [],
        "destination_countries": ["EE"],
        "city_region": "Ida-Virumaa county",
        "lead_organisation": "IOM Tallinn",
        "partners": [],
        "contact": {"name": "Kristi Tamm", "role": "Training programme manager",
                    "email": "ida-viru-training@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["vocational_training", "employment", "education_language"],
        "target_groups": ["age_18_25", "unemployed", "vocational_trainees",
                          "ethnic_minorities"],
        "gcm_objectives": [16, 18],
        "criteria": ["clear_objectives", "transferable"],
        "language": "en",
        "translations": [],
    },
    {
        "key": "estonia-integration-through-training-women",
        "title": "Integration through Training",
        "summary": (
            "A follow-up to the joint IOM-OSCE project started in 1998 for non-Estonian and "
            "Estonian women. It supports socially vulnerable non-Estonian women through "
            "language training for about 150 participants and through training in community "
            "participation, NGO development and seminars."
        ),
        "challenge": (
            "Socially vulnerable non-Estonian women risk being left out of both the economy "
            "and community life, mainly because of limited language skills and few channels "
            "for civic involvement.\n\n"
            "The aim is to help these women integrate into a multicultural, pluralistic "
            "society by strengthening their socio-economic position."
        ),
        "approach": (
            "The project builds on the activities of the 1998 IOM-OSCE project and works in "
            "two training strands:\n"
            "- language courses to improve the skills of roughly 150 socially vulnerable "
            "non-Estonian women;\n"
            "- training in community participation, delivered through support to NGO "
            "development and a series of seminars."
        ),
        "results": (
            "Around 150 women were expected to improve their language abilities, and "
            "participants gained tools for taking part in community and NGO life. No "
            "outcome data are given in the source."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Approximately 150 socially vulnerable non-Estonian women in Estonia."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["EE"],
        "origin_countries": [],
        "destination_countries": ["EE"],
        "city_region": "",
        "lead_organisation": "IOM Tallinn",
        "partners": [],
        "contact": {"name": "Anna Kask", "role": "Project officer",
                    "email": "women-training-ee@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["education_language", "civic_participation", "social_inclusion"],
        "target_groups": ["women", "ethnic_minorities"],
        "gcm_objectives": [16],
        "criteria": ["clear_objectives", "participatory", "sustainable"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Russia
    {
        "key": "russia-migrant-enterprises",
        "title": "Direct Assistance to Migrant Enterprises",
        "summary": (
            "Grants or micro-credits help forced migrants in the Belgorod, Bryansk, Voronezh "
            "and Tambov regions of Russia start or expand small businesses. Twenty migrant "
            "enterprises serving about 10,000 migrants in temporary accommodation centres and "
            "compact settlements were targeted, with management and vocational training on "
            "top."
        ),
        "challenge": (
            "Forced migrants living in Temporary Accommodation Centres (TAC) and Migrant "
            "Compact Settlements (MCS) often depend on assistance and have few local "
            "employment options.\n\n"
            "The project seeks to strengthen their local integration and self-sufficiency, in "
            "line with the follow-up to the CIS Conference, the priorities of the Russian "
            "Federal Migration Service and the regional economic development plans."
        ),
        "approach": (
            "Small-scale enterprises run by migrants receive a grant or a micro-credit to "
            "set up or grow their business. Around this financial support the project:\n"
            "- trains migrant entrepreneurs in basic management;\n"
            "- offers vocational training or advisory and consulting services to migrants "
            "and members of the local population alike."
        ),
        "results": (
            "Planned targets:\n"
            "- 20 small migrant enterprises supported, serving some 10,000 migrants;\n"
            "- about 100 new jobs for migrants and local residents;\n"
            "- 40 migrant entrepreneurs trained in basic management;\n"
            "- 100 people (migrants and locals) given vocational training or advice;\n"
            "- an added stimulus to regional economic development."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Some 10,000 forced migrants in TACs and MCSs served by 20 enterprises; 40 "
            "migrant entrepreneurs; 100 trainees or advice recipients; local residents who "
            "gain jobs."
        ),
        "funding": (
            "Not stated in the source; support is channelled to enterprises as grants or "
            "micro-credits."
        ),
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["RU"],
        "origin_countries": [],
        "destination_countries": ["RU"],
        "city_region": "Belgorod, Bryansk, Voronezh and Tambov regions",
        "lead_organisation": "IOM Moscow",
        "partners": [],
        "contact": {"name": "Olga Ivanova", "role": "Micro-enterprise programme officer",
                    "email": "migrant-enterprises@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["entrepreneurship", "employment", "vocational_training"],
        "target_groups": ["refugees", "self_employed", "unemployed"],
        "gcm_objectives": [16, 18],
        "criteria": ["clear_objectives", "sustainable"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Italy
    {
        "key": "italy-system-actions-migrant-workers",
        "title": (
            "System Actions to Support Social Integration and Employment Policies on Behalf "
            "of Migrant Workers in Italy"
        ),
        "summary": (
            "A set of system-level actions to make Italy's employment policies work better "
            "for migrant workers. It promotes nationally coordinated employment and "
            "recruitment services, a database that matches foreign labour supply with "
            "demand, and the social and labour inclusion of immigrants."
        ),
        "challenge": (
            "Employment and recruitment services for foreign workers in Italy were not "
            "consistently coordinated at national level, and information on the demand for "
            "and supply of foreign labour was not brought together in one place.\n\n"
            "Specific objectives:\n"
            "- more reliance on employment and recruitment services coordinated nationwide;\n"
            "- better job matching through a database of foreign labour supply and demand;\n"
            "- social integration and labour insertion of immigrants."
        ),
        "approach": (
            "The project works on the system rather than on individual cases: it supports "
            "coordination of employment and recruitment services across the country and "
            "programmes a database recording employers' demand and the foreign workforce "
            "available, so that the two can be matched. These tools are combined with "
            "measures that promote immigrants' social integration."
        ),
        "results": (
            "Expected outputs are a job-matching database for the foreign workforce and "
            "stronger use of coordinated national services. The source lists objectives only "
            "and reports no figures."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Migrant workers in Italy and employers seeking staff; employment and recruitment "
            "services using the coordinated tools."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["IT"],
        "origin_countries": [],
        "destination_countries": ["IT"],
        "city_region": "",
        "lead_organisation": "IOM Rome",
        "partners": [],
        "contact": {"name": "Giulia Rossi", "role": "Labour mobility officer",
                    "email": "system-actions-it@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["employment", "social_inclusion"],
        "target_groups": ["employed", "unemployed"],
        "gcm_objectives": [1, 6, 16],
        "criteria": ["clear_objectives", "sustainable"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Kyrgyzstan
    {
        "key": "kyrgyzstan-ethnic-kyrgyz-returnees",
        "title": (
            "Capacity Building of the Kyrgyz Authorities to Improve Legislation on Ethnic "
            "Kyrgyz Returnees"
        ),
        "summary": (
            "IOM supports the Kyrgyz authorities in regulating the return of ethnic Kyrgyz "
            "to the Kyrgyz Republic. The work covers documentation and regular settlement in "
            "the regions and aims to create conditions in which returnees can integrate and "
            "enjoy rights to work, education and free movement."
        ),
        "challenge": (
            "Ethnic Kyrgyz arriving from abroad need a clear legal path to documentation and "
            "settlement; without it they struggle to access work, schooling and services.\n\n"
            "The project seeks to:\n"
            "- respect freedom of movement and the right to choose one's place of residence, "
            "as set out in the Universal Declaration of Human Rights;\n"
            "- create favourable conditions for returnees' integration and socio-economic "
            "adaptation, including labour and education rights and freedom of movement;\n"
            "- safeguard the interests of people coming back to their ancestral "
            "homeland;\n"
            "- observe gender equality."
        ),
        "approach": (
            "The project works with the authorities on legislation and procedures that "
            "regulate the return process, the handling of returnees' documents and their "
            "regular settlement in the country's regions. Gender equality is treated as a "
            "cross-cutting principle."
        ),
        "results": (
            "The intended result is an improved legal and administrative framework for "
            "ethnic Kyrgyz returnees, giving them a regular status and access to rights. The "
            "source does not report specific outputs."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Ethnic Kyrgyz returning from abroad and the Kyrgyz authorities responsible for "
            "their documentation and settlement."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["KG"],
        "origin_countries": [],
        "destination_countries": ["KG"],
        "city_region": "",
        "lead_organisation": "IOM Bishkek",
        "partners": [],
        "contact": {"name": "Aida Asanova", "role": "Migration policy officer",
                    "email": "returnees-kg@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["social_protection", "social_inclusion", "other_services"],
        "target_groups": ["returnees", "ethnic_minorities"],
        "gcm_objectives": [4, 12, 16, 21],
        "criteria": ["clear_objectives"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Czech Republic
    {
        "key": "czech-labour-market-vietnamese-ukrainians",
        "title": (
            "Internal Restrictions in the Participation at the Czech Labor Market of Chosen "
            "Ethnic Groups: Vietnamese and Ukrainians"
        ),
        "summary": (
            "A research project that picks up the findings and recommendations of the 2003 "
            "IOM research on integration of foreigners and support to their organisations in "
            "the Czech Republic. It looks at what limits Vietnamese and Ukrainian workers' "
            "participation in the Czech labour market and compares their answers with a "
            "Czech sample."
        ),
        "challenge": (
            "The 2003 research showed that labour-market access is central to the "
            "integration of foreigners, but left open why some communities remain confined "
            "to particular segments of the market.\n\n"
            "The follow-up adds labour-market topics:\n"
            "- restrictions on the participation of groups such as Vietnamese and Ukrainians;\n"
            "- cultural differences in how these groups approach the Czech labour market;\n"
            "- comparison of data from the foreign groups with a Czech research sample."
        ),
        "approach": (
            "Data are collected from Vietnamese and Ukrainian respondents and set against a "
            "sample of Czech respondents, so that barriers specific to foreigners can be told "
            "apart from general labour-market conditions. The design deliberately builds on "
            "the 2003 research and its recommendations rather than starting from scratch."
        ),
        "results": (
            "The expected output is an evidence base on internal restrictions and cultural "
            "factors affecting the two communities, usable by policy makers and by services "
            "advising foreign workers. The source does not summarise findings."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Vietnamese and Ukrainian workers in the Czech Republic; public authorities and "
            "NGOs designing labour-market integration measures."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["CZ"],
        "origin_countries": ["VN", "UA"],
        "destination_countries": ["CZ"],
        "city_region": "",
        "lead_organisation": "IOM Prague",
        "partners": [],
        "contact": {"name": "Petra Novotná", "role": "Research coordinator",
                    "email": "labour-research-cz@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["employment", "anti_discrimination"],
        "target_groups": ["employed", "self_employed", "ethnic_minorities"],
        "gcm_objectives": [1, 6, 17],
        "criteria": ["clear_objectives", "transferable"],
        "language": "en",
        "translations": [
            {
                "language": "cs",
                "title": (
                    "Vnitřní omezení účasti vybraných etnických skupin na českém trhu práce: "
                    "Vietnamci a Ukrajinci"
                ),
                "summary": (
                    "Výzkumný projekt navazuje na zjištění a doporučení výzkumu IOM z roku "
                    "2003 o integraci cizinců a podpoře jejich organizací v České republice. "
                    "Zkoumá, co omezuje uplatnění vietnamských a ukrajinských pracovníků na "
                    "českém trhu práce, a porovnává jejich odpovědi s českým vzorkem."
                ),
                "challenge": (
                    "Výzkum z roku 2003 ukázal, že přístup na trh práce je pro integraci "
                    "cizinců klíčový, ale nevysvětlil, proč některé komunity zůstávají "
                    "uzavřeny v určitých segmentech trhu.\n\n"
                    "Navazující projekt proto přidává témata spojená s trhem práce:\n"
                    "- omezení účasti skupin, jako jsou Vietnamci a Ukrajinci;\n"
                    "- kulturní rozdíly v tom, jak tyto skupiny k českému trhu práce "
                    "přistupují;\n"
                    "- srovnání dat od cizinců s českým výzkumným vzorkem."
                ),
                "approach": (
                    "Data od vietnamských a ukrajinských respondentů se porovnávají se "
                    "vzorkem českých respondentů, aby bylo možné odlišit bariéry specifické "
                    "pro cizince od obecných podmínek na trhu práce. Projekt záměrně staví na "
                    "výzkumu z roku 2003 a jeho doporučeních."
                ),
                "results": (
                    "Očekávaným výstupem je soubor poznatků o vnitřních omezeních a "
                    "kulturních faktorech, které ovlivňují obě komunity, využitelný pro "
                    "tvůrce politik i pro služby, které radí zahraničním pracovníkům. Zdroj "
                    "konkrétní zjištění neuvádí."
                ),
                "evaluation": "",
                "beneficiaries": (
                    "Vietnamští a ukrajinští pracovníci v České republice; úřady a neziskové "
                    "organizace, které připravují opatření pro integraci na trhu práce."
                ),
                "funding": "Zdroj financování není ve výchozím dokumentu uveden.",
            },
        ],
    },
    {
        "key": "czech-roma-localities-monitoring",
        "title": "Monitoring of the Socially-Excluded Roma Localities in the Czech Republic",
        "summary": (
            "A study prepared to improve the Czech Government's knowledge of Slovak Roma "
            "immigration and of Roma localities in various stages of social decline. It "
            "assesses the needs of local authorities and ends in a comprehensive report, "
            "complemented by a media analysis and a review of current integration practice."
        ),
        "challenge": (
            "Local authorities dealing with socially excluded Roma localities, some of which "
            "receive Roma arriving from Slovakia, lacked a consolidated picture of the "
            "situation and of their own needs. The Government needed reliable information on "
            "the scale and character of Slovak Roma immigration to shape its response."
        ),
        "approach": (
            "The project maps Roma localities affected by different degrees of social "
            "decline and the immigration of Slovak Roma, and evaluates what local "
            "authorities need in order to respond. Two further strands complete the picture:\n"
            "- an analysis of how the media cover Roma issues;\n"
            "- an evaluation of the integration practices currently in use."
        ),
        "results": (
            "The main output is a comprehensive report to the Government of the Czech "
            "Republic on migration, the situation in Roma localities and the immigration of "
            "Slovak Roma, with the media analysis and the review of integration practice "
            "attached."
        ),
        "evaluation": (
            "The study itself includes an evaluation of existing integration practices in "
            "the localities concerned."
        ),
        "beneficiaries": (
            "The Government of the Czech Republic and local authorities; indirectly, Roma "
            "residents of socially excluded localities, including Roma from Slovakia."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["CZ"],
        "origin_countries": ["SK"],
        "destination_countries": ["CZ"],
        "city_region": "",
        "lead_organisation": "IOM Prague",
        "partners": [],
        "contact": {"name": "Tomáš Dvořák", "role": "Research officer",
                    "email": "roma-monitoring@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["social_inclusion", "anti_discrimination", "housing"],
        "target_groups": ["ethnic_minorities", "families_children"],
        "gcm_objectives": [1, 16, 17],
        "criteria": ["clear_objectives", "results_documented", "evaluated"],
        "language": "en",
        "translations": [],
    },
    {
        "key": "czech-pilot-integration-foreign-communities",
        "title": (
            "Pilot Project: Integration of Foreigners and Support to Organizations and "
            "Associations of Foreign Communities in the Czech Republic"
        ),
        "summary": (
            "A 2003 IOM Prague pilot, commissioned by the Czech Ministry of Labour and Social "
            "Affairs, to prevent the social exclusion of foreigners. It combined research on "
            "risk factors in the Ukrainian, Armenian and Vietnamese communities with "
            "information campaigns run through community organisations, including the "
            "multilingual website Home in the Czech Republic (www.domavcr.cz)."
        ),
        "challenge": (
            "Foreigners in the Czech Republic risked social exclusion, and the state "
            "administration had little first-hand knowledge of how immigrants themselves "
            "experienced integration.\n\n"
            "Objectives:\n"
            "- prevent social exclusion of foreigners and support their integration in the "
            "Czech Republic;\n"
            "- turn field research into practical recommendations for the state "
            "administration;\n"
            "- strengthen ethnic community organisations as channels of information and "
            "support."
        ),
        "approach": (
            "The pilot draws on Canadian practice, which regards agencies and non-profit "
            "organisations of ethnic communities as the most effective vehicle for "
            "integration, because programmes run by foreigners reflect their own needs.\n\n"
            "It followed a twofold strategy:\n"
            "- **Research and recommendations**: a field study of risk factors for social "
            "exclusion in the Ukrainian, Armenian and Vietnamese communities, translated "
            "into recommendations on employment, housing, education, social security and "
            "health.\n"
            "- **Information through communities**: the website Home in the Czech Republic "
            "(www.domavcr.cz) was created, and its content was passed on through the "
            "periodicals of community organisations.\n"
            "- **Capacity building**: financial support for community periodicals and two "
            "training courses on project writing and fundraising.\n\n"
            "Cooperation covered organisations serving the Ukrainian, Armenian and "
            "Vietnamese communities and also the Bulgarian community. Community "
            "organisations act as mediators between their compatriots and the host society; "
            "when they offer social and legal counselling, the risk of encouraging exclusion "
            "or ghettoisation is minimal."
        ),
        "results": (
            "- A research report (in Czech) on risk factors for social exclusion in three "
            "communities, with practical recommendations handed to the state administration.\n"
            "- The website www.domavcr.cz, available in Czech, English, Ukrainian, "
            "Vietnamese and Armenian; the Czech page also lists a Russian version and a "
            "Mongolian version in preparation.\n"
            "- Stronger community organisations, with supported periodicals and staff "
            "trained in project development and fundraising.\n"
            "- Replication: building on the Czech experience, similar websites were set up "
            "in Slovakia, Poland, Hungary and Slovenia under an INTI 2004 project in which "
            "IOM cooperated with the Czech Helsinki Committee."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Foreigners in the Czech Republic, especially the Ukrainian, Armenian and "
            "Vietnamese communities (and the Bulgarian community); their community "
            "organisations; the Czech state administration."
        ),
        "funding": (
            "Commissioned and funded by the Ministry of Labour and Social Affairs of the "
            "Czech Republic."
        ),
        "start_date": "2003-01-01",
        "end_date": None,
        "implementation_countries": ["CZ"],
        "origin_countries": ["UA", "AM", "VN", "BG"],
        "destination_countries": ["CZ"],
        "city_region": "",
        "lead_organisation": "IOM Prague",
        "partners": [
            "Ministry of Labour and Social Affairs of the Czech Republic",
            "Counselling Centre for Refugees",
            "Czech Helsinki Committee",
            "Counselling Centre for Integration",
            "Multicultural Centre Prague",
            "Department of Social Geography and Regional Development, Faculty of Science",
            "Vietnamese Community Association in the Czech Republic",
        ],
        "contact": {"name": "Jana Svobodová", "role": "Integration programme officer",
                    "email": "domavcr-pilot@example.org"},
        "website": "http://www.domavcr.cz",
        "phase": "post_arrival",
        "themes": ["information_orientation", "civic_participation", "social_inclusion"],
        "target_groups": ["ethnic_minorities", "families_children"],
        "gcm_objectives": [1, 3, 16],
        "criteria": ["clear_objectives", "innovative", "participatory", "transferable",
                     "results_documented"],
        "language": "en",
        "translations": [
            {
                "language": "cs",
                "title": (
                    "Pilotní projekt Integrace cizinců a podpora organizací a sdružení "
                    "komunit cizinců na území České republiky"
                ),
                "summary": (
                    "Pilotní projekt IOM Praha z roku 2003, zadaný Ministerstvem práce a "
                    "sociálních věcí ČR, měl předcházet sociálnímu vyloučení cizinců. "
                    "Propojil výzkum rizikových faktorů v ukrajinské, arménské a vietnamské "
                    "komunitě se šířením informací prostřednictvím komunitních organizací, "
                    "mimo jiné přes vícejazyčný web Doma v České republice (www.domavcr.cz)."
                ),
                "challenge": (
                    "Cizincům v České republice hrozilo sociální vyloučení a státní správa "
                    "měla jen málo poznatků o tom, jak integraci prožívají samotní "
                    "imigranti.\n\n"
                    "Cíle projektu:\n"
                    "- předcházet sociálnímu vyloučení cizinců a podporovat jejich "
                    "integraci;\n"
                    "- převést výsledky terénního výzkumu do praktických doporučení pro "
                    "státní správu;\n"
                    "- posílit organizace etnických komunit jako zdroj informací a pomoci."
                ),
                "approach": (
                    "Projekt vychází z kanadské zkušenosti, podle níž jsou agentury a "
                    "neziskové organizace etnických komunit nejúčinnějším nástrojem "
                    "integrace, protože programy vedené samotnými cizinci odpovídají jejich "
                    "skutečným potřebám.\n\n"
                    "Postup stál na dvou pilířích:\n"
                    "- **Výzkum a doporučení**: terénní šetření rizikových faktorů "
                    "sociálního vyloučení v ukrajinské, arménské a vietnamské komunitě, z "
                    "něhož vzešla doporučení v oblasti zaměstnání, bydlení, vzdělávání, "
                    "sociálního zabezpečení a zdravotní péče.\n"
                    "- **Informace přes komunity**: vznikl web Doma v České republice "
                    "(www.domavcr.cz), jehož obsah se k cizincům dostával díky komunitním "
                    "časopisům.\n"
                    "- **Budování kapacit**: finanční podpora komunitních časopisů a dvě "
                    "školení zaměřená na psaní projektů a fundraising.\n\n"
                    "Spolupráce zahrnovala organizace ukrajinské, arménské a vietnamské, ale "
                    "také bulharské komunity. Komunitní organizace zprostředkovávají vztah "
                    "mezi krajany a hostitelskou společností; pokud poskytují sociálně-právní "
                    "poradenství, riziko podpory vyloučení či ghettoizace je minimální."
                ),
                "results": (
                    "- Výzkumná zpráva o rizikových faktorech sociálního vyloučení ve třech "
                    "komunitách s praktickými doporučeními pro státní správu.\n"
                    "- Web www.domavcr.cz v češtině, angličtině, ruštině, ukrajinštině, "
                    "vietnamštině a arménštině; připravovala se mongolská verze.\n"
                    "- Posílené komunitní organizace s podporovanými časopisy a "
                    "proškolenými pracovníky.\n"
                    "- Přenos zkušenosti: podle českého vzoru vznikly podobné weby na "
                    "Slovensku, v Polsku, Maďarsku a Slovinsku v rámci projektu INTI 2004, "
                    "na kterém IOM spolupracovala s Českým helsinským výborem."
                ),
                "evaluation": "",
                "beneficiaries": (
                    "Cizinci v České republice, zejména ukrajinská, arménská a vietnamská "
                    "komunita (a také bulharská); jejich komunitní organizace; česká státní "
                    "správa."
                ),
                "funding": (
                    "Projekt zadalo a financovalo Ministerstvo práce a sociálních věcí ČR."
                ),
            },
        ],
    },
    # ------------------------------------------------------------------ Poland
    {
        "key": "poland-roma-social-economy",
        "title": (
            "Partnership for Vocational Activation of Roma People through Social Economy "
            "Tools"
        ),
        "summary": (
            "A Polish project that opens work opportunities for Roma through social-economy "
            "cooperatives. Four cooperatives are set up in different social settings, each "
            "built around skills local Roma already have or can acquire easily, with "
            "pre-training and mentoring for their staff throughout the project."
        ),
        "challenge": (
            "Many Roma in Poland have limited access to the labour market, which affects "
            "their income, quality of life and self-esteem.\n\n"
            "The project aims to:\n"
            "- improve the quality of life of Roma by enabling them to work and support "
            "themselves;\n"
            "- empower participants and raise their self-esteem;\n"
            "- promote Roma integration into the Polish labour market by widening the "
            "chances to test vocational activity."
        ),
        "approach": (
            "Four cooperatives are created, each in a different social environment and each "
            "designed to offer jobs that suit the needs and capabilities of the local Roma "
            "community. Their business profiles rest on skills and work potential community "
            "members already possess, or on skills that can be learned quickly, following "
            "general rules for employment programmes developed by international agencies. "
            "Cooperative staff receive pre-training and mentoring for the whole duration of "
            "the project."
        ),
        "results": (
            "- Four Roma social-economy cooperatives established.\n"
            "- Cooperative staff trained and mentored.\n"
            "- Results presented at a seminar and in a bilingual Polish-English book "
            "published by the project."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Members of local Roma communities in Poland working in or through the four "
            "cooperatives, and the cooperatives' staff."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["PL"],
        "origin_countries": [],
        "destination_countries": ["PL"],
        "city_region": "",
        "lead_organisation": "IOM Warsaw",
        "partners": [],
        "contact": {"name": "Marta Kowalska", "role": "Social economy project officer",
                    "email": "roma-cooperatives@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["employment", "entrepreneurship", "vocational_training",
                   "social_inclusion"],
        "target_groups": ["ethnic_minorities", "unemployed"],
        "gcm_objectives": [16, 18],
        "criteria": ["clear_objectives", "innovative", "participatory",
                     "results_documented", "transferable"],
        "language": "en",
        "translations": [],
    },
    {
        "key": "poland-female-immigrants-ageing-societies",
        "title": "Need for Female Immigrants in Ageing Societies",
        "summary": (
            "A Polish research project on what prevents and what helps the economic and "
            "social integration of immigrant women across their life course. It also builds "
            "a knowledge platform where key stakeholders can discuss policy, and formulates "
            "recommendations on integration policies and services in the light of Europe's "
            "ageing population."
        ),
        "challenge": (
            "Europe's populations are ageing, and immigrant women are increasingly needed, "
            "yet little is known about the barriers they meet at different stages of life or "
            "about the kind of contact with the host population that supports their "
            "integration.\n\n"
            "Objectives:\n"
            "- generate knowledge on the obstacles and needs of immigrant women in a "
            "life-course perspective;\n"
            "- identify what kind of contact between immigrants and the native population "
            "helps integration;\n"
            "- create a platform for policy deliberation among key stakeholders."
        ),
        "approach": (
            "The project combines research on immigrant women's situation over the life "
            "course with a structured dialogue among policy stakeholders. Findings feed into "
            "recommendations on the needs of immigrants and on the policies and services "
            "that support their integration."
        ),
        "results": (
            "Expected outputs are a body of knowledge on immigrant women's integration, a "
            "knowledge platform for policy discussion and a set of recommendations. The "
            "source gives no figures."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Immigrant women in Poland; policy makers and service providers working on "
            "integration and demographic change."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["PL"],
        "origin_countries": [],
        "destination_countries": ["PL"],
        "city_region": "",
        "lead_organisation": "IOM Warsaw",
        "partners": [],
        "contact": {"name": "Katarzyna Nowak", "role": "Research and policy officer",
                    "email": "women-ageing-research@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["employment", "social_inclusion"],
        "target_groups": ["women", "age_25_40", "age_40_65", "age_65_plus"],
        "gcm_objectives": [1, 16, 17],
        "criteria": ["clear_objectives", "participatory"],
        "language": "en",
        "translations": [],
    },
    {
        "key": "poland-mazovia-training-of-trainers",
        "title": "Training of Trainers for Public Administration Officials in the Mazovia Region",
        "summary": (
            "A pilot training-of-trainers scheme for public officials in Mazovia, the region "
            "where most migrants in Poland settle. It helps the Polish Government put its "
            "integration plans into practice in line with national and European priorities, "
            "with the aim of preventing migrants' marginalisation."
        ),
        "challenge": (
            "Mazovia is the main migrant settlement area in Poland, but officials had little "
            "preparation for working with migrants. Marginalised migrants are more likely to "
            "attempt irregular onward movement to Western Europe.\n\n"
            "The pilot aims to improve integration in the region, enable the Government to "
            "implement its integration plans in line with national and European priorities "
            "and its migration strategy, prevent marginalisation and reduce pressure to "
            "migrate irregularly."
        ),
        "approach": (
            "Trainers are prepared to teach public administration officials about migrant "
            "integration, so that knowledge spreads through the administration via a "
            "cascade rather than one-off courses. The project is run as a pilot in the "
            "Mazovia Region."
        ),
        "results": (
            "Expected results are a pool of trainers and officials better equipped to "
            "support migrants' integration in Mazovia. The source reports no figures."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Public administration officials in Mazovia and, through them, migrants living "
            "in the region."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["PL"],
        "origin_countries": [],
        "destination_countries": ["PL"],
        "city_region": "Mazovia Region",
        "lead_organisation": "IOM Warsaw",
        "partners": [],
        "contact": {"name": "Piotr Zieliński", "role": "Capacity-building officer",
                    "email": "mazovia-trainers@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["other_services", "social_inclusion"],
        "target_groups": ["age_18_25", "age_25_40", "age_40_65"],
        "gcm_objectives": [15, 16],
        "criteria": ["clear_objectives", "transferable", "sustainable"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Japan
    {
        "key": "japan-vietnamese-women-survey",
        "title": (
            "Survey Project on Vietnamese Women Resettled under the 1979 Indochinese Refugee "
            "Resettlement Programme"
        ),
        "summary": (
            "A 12-month survey in three areas of Japan on the integration of Vietnamese "
            "women resettled under the 1979 Indochinese Refugees Resettlement Programme. "
            "Life-history interviews and mailed questionnaires identify the issues they face, "
            "and the results are published in easy-to-read form in Vietnamese, English and "
            "Japanese."
        ),
        "challenge": (
            "Decades after resettlement, the integration issues of Vietnamese women in Japan "
            "were not well documented, making it hard to address their situation "
            "comprehensively or to point them to the right services.\n\n"
            "The project aims to strengthen the integration and empowerment of these women "
            "by identifying and analysing the issues they face."
        ),
        "approach": (
            "IOM runs a survey lasting twelve months in three areas of Japan, using:\n"
            "- life-history interviews;\n"
            "- questionnaires mailed to Vietnamese migrant women.\n\n"
            "Results are written in plain language and laid out so that readers can easily "
            "find services relevant to each issue identified. The publication is translated "
            "into Vietnamese, English and Japanese and disseminated widely in the project "
            "areas."
        ),
        "results": (
            "An analysis of the integration issues of resettled Vietnamese women and an "
            "easy-to-read guide in three languages linking those issues to services. The "
            "survey also gives information needed for a more comprehensive response and "
            "supports the women in their integration process."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Vietnamese women resettled in Japan under the 1979 programme, in three project "
            "areas; services and authorities working with them."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["JP"],
        "origin_countries": ["VN"],
        "destination_countries": ["JP"],
        "city_region": "Three project areas in Japan",
        "lead_organisation": "IOM Tokyo",
        "partners": [],
        "contact": {"name": "Yuki Tanaka", "role": "Survey coordinator",
                    "email": "vietnamese-women-survey@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["information_orientation", "social_inclusion"],
        "target_groups": ["women", "refugees"],
        "gcm_objectives": [1, 3, 16],
        "criteria": ["clear_objectives", "participatory", "results_documented"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Philippines/Italy
    {
        "key": "philippines-italy-impact-of-migration",
        "title": "Impact of Migration and Possible Support Mechanisms",
        "summary": (
            "Research on Overseas Filipino Workers (OFWs) in Italy and the families they "
            "leave in the Philippines. It helps the Philippine Government strengthen welfare "
            "services for OFWs, their families and returning migrants, and supports the "
            "Italian Government's efforts to integrate Filipino workers."
        ),
        "challenge": (
            "Both countries lacked baseline data on Filipino workers in Italy: their jobs, "
            "well-being, family ties and awareness of available support. Without it, "
            "welfare and integration services could not be well targeted.\n\n"
            "The research seeks to:\n"
            "- establish baseline data on who the Filipino workers in Italy are;\n"
            "- document their work situation, social and cultural well-being and use of "
            "support;\n"
            "- find out how separation affects relations with families in the Philippines;\n"
            "- analyse which factors (gender, length of stay, status, age and others) affect "
            "family life most;\n"
            "- judge whether existing support mechanisms are adequate and known;\n"
            "- assess OFWs' intention and readiness to return."
        ),
        "approach": (
            "A two-country research design covers OFWs in Italy and their families in the "
            "Philippines, looking at both ends of the migration corridor. Findings are meant "
            "for the Philippine authorities responsible for overseas workers' welfare and "
            "for the Italian authorities responsible for integration."
        ),
        "results": (
            "Expected outputs are baseline data on OFWs in Italy, an assessment of support "
            "mechanisms and awareness of them, and evidence on return intentions and "
            "preparedness. The source does not report findings."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Overseas Filipino Workers in Italy, their families in the Philippines and "
            "returning migrants; the Philippine and Italian governments."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["PH", "IT"],
        "origin_countries": ["PH"],
        "destination_countries": ["IT"],
        "city_region": "",
        "lead_organisation": "IOM Manila",
        "partners": ["IOM Rome"],
        "contact": {"name": "Maria Santos", "role": "Research officer",
                    "email": "ofw-italy-research@example.org"},
        "website": "",
        "phase": "continuum",
        "themes": ["social_protection", "employment", "social_inclusion"],
        "target_groups": ["employed", "families_children", "returnees"],
        "gcm_objectives": [1, 7, 16, 21],
        "criteria": ["clear_objectives", "transferable"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Latvia
    {
        "key": "latvia-integration-of-migrants",
        "title": "Integration of Migrants",
        "summary": (
            "IOM works with the Latvian Government, Caritas, the Latvian Red Cross and the "
            "Municipality of Liepaja to set up an efficient system for the social and "
            "professional integration of asylum seekers and migrants. The project studies "
            "attitudes towards migrants and raises public awareness of migrants and of the "
            "benefits of multiculturalism."
        ),
        "challenge": (
            "Latvia had no established system for integrating asylum seekers and migrants, "
            "and public attitudes towards newcomers were little understood.\n\n"
            "The goal is an efficient system for their social and professional integration "
            "into Latvian society, supported by a better-informed public."
        ),
        "approach": (
            "The Latvian Government is involved throughout, and two NGOs and one municipality "
            "act as partners. Activities focus on:\n"
            "- a study of attitudes towards migrants;\n"
            "- public awareness-raising about migrants and the benefits of multiculturalism."
        ),
        "results": (
            "Expected results are evidence on public attitudes and awareness activities that "
            "prepare the ground for an integration system. The source reports no figures."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Asylum seekers and migrants in Latvia; the general public targeted by awareness "
            "activities; partner institutions."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["LV"],
        "origin_countries": [],
        "destination_countries": ["LV"],
        "city_region": "Liepāja and national level",
        "lead_organisation": "IOM Riga",
        "partners": ["Caritas Latvia", "Latvian Red Cross", "Municipality of Liepaja"],
        "contact": {"name": "Ilze Bērziņa", "role": "Project coordinator",
                    "email": "integration-latvia@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["social_inclusion", "employment", "anti_discrimination"],
        "target_groups": ["refugees"],
        "gcm_objectives": [16, 17],
        "criteria": ["clear_objectives", "participatory"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Portugal
    {
        "key": "portugal-cnai-evaluation",
        "title": "Evaluation of the National Support Centers for Immigrants (CNAI)",
        "summary": (
            "At the request of Portugal's High Commissariat for Immigration and Ethnic "
            "Minorities (ACIME), IOM evaluated the two National Immigrant Support Centres "
            "(CNAI) in Lisbon and Porto after their first year. The evaluation examined "
            "relevance, effectiveness, efficiency and impact, and whether the one-stop model "
            "could be shared with other EU countries."
        ),
        "challenge": (
            "ACIME set up the CNAI as one-stop centres offering migrants joined-up, efficient "
            "and humane help with integration problems. Because immigration and migrants' "
            "needs were changing fast, ACIME wanted to know after one year whether the "
            "centres were performing well and whether their scope should be refocused."
        ),
        "approach": (
            "IOM carried out an evaluation of the centres' overall performance, structured "
            "around four criteria:\n"
            "- relevance;\n"
            "- effectiveness;\n"
            "- efficiency;\n"
            "- impact.\n\n"
            "It also assessed whether the CNAI concept is transferable and how the "
            "experience could be shared with other EU countries where appropriate."
        ),
        "results": (
            "The evaluation gave ACIME an evidence base to improve the centres and, if "
            "needed, refocus their activities, together with proposals for sharing the model "
            "with other EU countries. Specific findings are not given in the source."
        ),
        "evaluation": (
            "This practice is itself an external evaluation, performed by IOM after one year "
            "of operation of the centres, using relevance, effectiveness, efficiency and "
            "impact as criteria."
        ),
        "beneficiaries": (
            "Migrants using the CNAI in Lisbon and Porto; ACIME as the managing authority; "
            "other EU countries interested in one-stop migrant support centres."
        ),
        "funding": "Not stated in the source; the evaluation was requested by ACIME.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["PT"],
        "origin_countries": [],
        "destination_countries": ["PT"],
        "city_region": "Lisbon and Porto",
        "lead_organisation": "IOM Lisbon",
        "partners": ["High Commissariat for Immigration and Ethnic Minorities"],
        "contact": {"name": "Sofia Almeida", "role": "Evaluation officer",
                    "email": "cnai-evaluation@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["information_orientation", "other_services"],
        "target_groups": ["age_18_25", "age_25_40", "age_40_65", "families_children"],
        "gcm_objectives": [3, 15, 16],
        "criteria": ["clear_objectives", "evaluated", "transferable"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Mediterranean
    {
        "key": "mediterranean-socio-sanitary-interventions",
        "title": "Improvement of Socio-Sanitary Interventions in the Mediterranean Area",
        "summary": (
            "An Italian-based initiative to draw up a regional strategy for better social and "
            "health interventions for immigrants in the Mediterranean. It includes a "
            "multi-sector intervention plan that sets out roles and each country's needs, and "
            "creates a space for dialogue and exchange of good practices among Mediterranean "
            "countries."
        ),
        "challenge": (
            "Immigrants' health problems, including HIV/AIDS and other sexually transmitted "
            "diseases, were addressed unevenly across Mediterranean countries, with little "
            "exchange of experience between them.\n\n"
            "Objectives:\n"
            "- elaborate a regional strategy with a multi-sectoral intervention plan;\n"
            "- open a space where countries communicate and exchange good practices;\n"
            "- facilitate multilateral discussion on immigration and its socio-sanitary "
            "implications."
        ),
        "approach": (
            "Experts from Mediterranean countries contribute updated information on their "
            "area and discuss possible responses to immigrants' health problems, including "
            "the sensitive topic of HIV/AIDS and other STDs. Italy, given its central "
            "position in the region, acts as a hub for this exchange."
        ),
        "results": (
            "Expected results are a regional strategy with a multi-sectoral plan defining "
            "roles and country-specific needs, and a standing forum for exchanging good "
            "practice. The source gives no figures."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Immigrants in Mediterranean countries; health and social-service experts and "
            "authorities taking part in the regional dialogue."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["IT"],
        "origin_countries": [],
        "destination_countries": ["IT"],
        "city_region": "Mediterranean area",
        "lead_organisation": "IOM Rome",
        "partners": [],
        "contact": {"name": "Luca Bianchi", "role": "Migration health officer",
                    "email": "med-health@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["health", "social_protection"],
        "target_groups": ["age_18_25", "age_25_40", "age_40_65"],
        "gcm_objectives": [15, 23],
        "criteria": ["clear_objectives", "participatory", "transferable"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Central Europe
    {
        "key": "central-europe-information-and-training",
        "title": "Integration through Information and Training",
        "summary": (
            "A project in the Czech Republic, Hungary, Poland, Slovakia and Slovenia that "
            "gives migrants better information and services for settling in, and helps "
            "public officials understand migrants' needs. It starts with a needs assessment "
            "and then collects and distributes targeted information in usable formats."
        ),
        "challenge": (
            "Migrants in the five countries lacked clear information on the culture, "
            "politics and society of their new country and on European values, while "
            "officials were not always familiar with migrants' specific needs.\n\n"
            "The project aims to help migrants integrate smoothly and to equip the "
            "non-migrant population, especially public officials, to ensure effective "
            "integration."
        ),
        "approach": (
            "A two-part strategy:\n"
            "- **Assessment**: research on the specific needs of migrants in each "
            "participating country, focusing on the information they need on cultural, "
            "political and social features of the country and on European values.\n"
            "- **Information**: the material migrants need is then gathered in practical "
            "formats and handed out to migrant communities and the agencies serving them."
        ),
        "results": (
            "Expected outputs are a needs assessment in five countries and information "
            "packages for migrants and agencies. The Czech pilot project page reports that "
            "websites modelled on www.domavcr.cz were created in Slovakia, Poland, Hungary "
            "and Slovenia under an INTI 2004 project; the source does not say whether that "
            "was this same project."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Migrants in the Czech Republic, Hungary, Poland, Slovakia and Slovenia; public "
            "officials and agencies working with them."
        ),
        "funding": "Not stated in the source.",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["CZ", "HU", "PL", "SK", "SI"],
        "origin_countries": [],
        "destination_countries": ["CZ", "HU", "PL", "SK", "SI"],
        "city_region": "",
        "lead_organisation": "IOM Budapest – Regional Office",
        "partners": ["IOM Prague", "IOM Warsaw", "IOM Bratislava"],
        "contact": {"name": "Zsófia Kovács", "role": "Regional project officer",
                    "email": "info-training-ce@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["information_orientation", "civic_participation", "other_services"],
        "target_groups": ["age_18_25", "age_25_40", "age_40_65"],
        "gcm_objectives": [3, 16],
        "criteria": ["clear_objectives", "transferable"],
        "language": "en",
        "translations": [],
    },
    # ------------------------------------------------------------------ Romania
    {
        "key": "romania-mic-network-if-2009",
        "title": "Network of Migrant Information Centers (MICs) in Romania (IF-2009)",
        "summary": (
            "A project funded under the Integration Fund 2009 that created a network of 15 "
            "migrant information centres (MICs) across Romania. Each centre is hosted by a "
            "local organisation, explains which integration services and opportunities exist "
            "in the area, and connects migrants with relevant local organisations and "
            "programmes."
        ),
        "challenge": (
            "Third-country nationals living legally in Romania needed a local, easy-to-reach "
            "place to learn about integration services and opportunities, outside the "
            "capital as well as in it. Local organisations had experience with migrants but "
            "no shared network or common information standards."
        ),
        "approach": (
            "Rather than build new structures, the project grafted the MICs onto existing "
            "local organisations in 15 locations. The centres:\n"
            "- provide basic information on integration services and opportunities in their "
            "area;\n"
            "- link up with all relevant local organisations and programmes;\n"
            "- benefit from IOM's know-how in communicating with and informing migrants."
        ),
        "results": (
            "A network of 15 MICs in București/Ilfov, Bacău, Brașov, Buzău, Cluj, Constanța, "
            "Craiova, Galați, Iași, Pitești, Ploiești, Sibiu, Suceava, Târgu Mureș and "
            "Timișoara. The network became the base on which the follow-up project "
            "Assistance for Third Country Nationals in Romania was built."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Third-country nationals legally residing in Romania; local host organisations "
            "running the centres."
        ),
        "funding": "European Integration Fund, 2009 allocation (project reference FM.0172).",
        "start_date": None,
        "end_date": None,
        "implementation_countries": ["RO"],
        "origin_countries": [],
        "destination_countries": ["RO"],
        "city_region": (
            "București/Ilfov, Bacău, Brașov, Buzău, Cluj, Constanța, Craiova, Galați, Iași, "
            "Pitești, Ploiești, Sibiu, Suceava, Târgu Mureș, Timișoara"
        ),
        "lead_organisation": "IOM Romania",
        "partners": [],
        "contact": {"name": "Andrei Popa", "role": "Network coordinator",
                    "email": "mic-network-ro@example.org"},
        "website": "",
        "phase": "post_arrival",
        "themes": ["information_orientation", "other_services"],
        "target_groups": ["age_18_25", "age_25_40", "age_40_65"],
        "gcm_objectives": [3, 15, 16],
        "criteria": ["clear_objectives", "sustainable", "transferable"],
        "language": "en",
        "translations": [],
    },
    {
        "key": "romania-assistance-third-country-nationals",
        "title": "Assistance for Third Country Nationals in Romania",
        "summary": (
            "Building on the network of 15 migrant information centres created under the "
            "Integration Fund 2009, this project helped legally resident migrants in Romania "
            "access jobs and health care. With 12 local partner organisations it delivered "
            "vocational training, labour counselling, help with medical services and "
            "information to some 2,224 migrants, and gave medical and material support to "
            "248 vulnerable migrants."
        ),
        "challenge": (
            "Third-country nationals in Romania often struggled to enter the labour market "
            "and to register with the health system, and the most vulnerable among them "
            "lacked any safety net.\n\n"
            "Project purposes:\n"
            "- better assistance for migrants across Romania;\n"
            "- improve migrants' access to work;\n"
            "- improve migrants' access to medical services;\n"
            "- medical and material help for vulnerable migrants and their families;\n"
            "- strengthen the staff working on migrant integration so they can give relevant "
            "information;\n"
            "- facilitate inter-agency cooperation."
        ),
        "approach": (
            "After a coordination meeting with the MIC teams and consultations with central "
            "and local authorities and communities, the project recruited experts and set up "
            "an assistance commission. It then worked along six lines:\n"
            "- **Labour market**: with local offices of the National Labour Agency, migrant "
            "communities and training providers, the MICs identified suitable courses, "
            "informed migrants, helped them enrol and followed up on completion.\n"
            "- **Health care**: with County Health Departments, general practitioners and the "
            "National Insurance House, a medical expert prepared leaflets; willing GPs were "
            "identified and migrants were helped to enrol on the insurance lists.\n"
            "- **Medical and psychological support**: agreed procedures and forms defined "
            "vulnerability and urgency; case files were reviewed by the project commission "
            "and approved cases received services, prescription medicine or equipment, "
            "monitored by the local MIC.\n"
            "- **Material support**: the same case procedure, coordinated with NGOs and "
            "social protection departments, covered household items, equipment and overdue "
            "rent or utility bills.\n"
            "- **Information**: a monthly newsletter sent by e-mail to partners and to "
            "migrants who left an address at a MIC, plus brochures, leaflets and posters.\n"
            "- **Visibility and cooperation**: local events and press conferences bringing "
            "together migrants, authorities, communities and the media."
        ),
        "results": (
            "- Some 2,224 migrants reached with vocational training, labour counselling, "
            "access to medical services, information and counselling.\n"
            "- 248 migrants given specific medical and material support.\n"
            "- The final results section counts direct assistance to some 750 migrants and "
            "information and counselling to some 1,000 visitors of IOM information centres in "
            "13 locations.\n"
            "- 33 local events with migrants, authorities, communities and the media; press "
            "conferences at launch and closing in Bucharest with Asociația Serviciul APEL and "
            "in the other 12 locations.\n"
            "- Data collected and analysed on beneficiaries' profiles and needs.\n\n"
            "The project answered Objective 1 of Romania's Annual Programme 2010 of the "
            "European Integration Fund."
        ),
        "evaluation": (
            "The project team kept continuous contact with the MICs on activities and "
            "expenditure reporting. Monitoring visits to every MIC took place in November "
            "2011 and in May/June 2012, checking compliance with financial and visibility "
            "rules and offering advice. An external financial auditor reviewed expenses and "
            "procedures against donor and European Commission requirements."
        ),
        "beneficiaries": (
            "Third-country nationals legally residing in Romania (about 2,224 reached; 248 "
            "with medical or material support), migrant communities, local bodies involved "
            "in integration and the general public. The EWSI record lists all age groups, "
            "both sexes, all employment situations and people with a disability or illness."
        ),
        "funding": (
            "Total budget 1,691,887.00 lei: 75% EU funding through the European Integration "
            "Fund (1,268,915.00 lei), 20% national budget (338,378.00 lei) and 5% "
            "beneficiary's contribution (84,594.00 lei)."
        ),
        "start_date": "2011-10-17",
        "end_date": "2012-06-30",
        "implementation_countries": ["RO"],
        "origin_countries": [],
        "destination_countries": ["RO"],
        "city_region": (
            "București/Ilfov, Bacău, Brașov, Buzău, Cluj, Constanța, Craiova, Galați, Iași, "
            "Pitești, Ploiești, Sibiu, Suceava, Târgu Mureș, Timișoara"
        ),
        "lead_organisation": "IOM Romania",
        "partners": ["Asociația Serviciul APEL"],
        "contact": {"name": "Ioana Stan", "role": "Communication officer",
                    "email": "tcn-assistance-ro@example.org"},
        "website": (
            "http://www.oim.ro/index.php/en/programs/past-programs/"
            "110-assistance-third-country-nationals"
        ),
        "phase": "post_arrival",
        "themes": ["employment", "vocational_training", "social_inclusion",
                   "social_protection", "health", "other_services", "anti_discrimination",
                   "information_orientation"],
        "target_groups": ["age_under_18", "age_18_25", "age_25_40", "age_40_65",
                          "age_65_plus", "students", "vocational_trainees", "unemployed",
                          "employed", "self_employed", "women", "men", "disability"],
        "gcm_objectives": [3, 7, 15, 16, 18],
        "criteria": ["clear_objectives", "evaluated", "results_documented", "sustainable",
                     "participatory"],
        "language": "en",
        "translations": [
            {
                "language": "ro",
                "title": "Asistență pentru resortisanții țărilor terțe în România",
                "summary": (
                    "Pornind de la rețeaua de 15 centre de informare pentru migranți create "
                    "prin Fondul de Integrare 2009, proiectul i-a ajutat pe migranții cu "
                    "ședere legală în România să aibă acces la locuri de muncă și la servicii "
                    "medicale. Împreună cu 12 organizații locale partenere, a oferit cursuri "
                    "de formare profesională, consiliere pe piața muncii, sprijin în accesarea "
                    "serviciilor medicale și informare pentru aproximativ 2.224 de migranți și "
                    "a acordat sprijin medical și material pentru 248 de migranți vulnerabili."
                ),
                "challenge": (
                    "Resortisanții țărilor terțe din România întâmpinau adesea dificultăți "
                    "în a se angaja și în a se înscrie în sistemul de sănătate, iar cei mai "
                    "vulnerabili nu aveau nicio plasă de siguranță.\n\n"
                    "Scopurile proiectului:\n"
                    "- îmbunătățirea asistenței oferite migranților în România;\n"
                    "- un acces mai bun al migranților la piața muncii;\n"
                    "- un acces mai bun al migranților la serviciile medicale;\n"
                    "- asistență materială și medicală pentru migranții vulnerabili și "
                    "familiile lor;\n"
                    "- consolidarea personalului care lucrează în domeniul integrării, "
                    "pentru a oferi migranților informații relevante;\n"
                    "- facilitarea cooperării între instituții."
                ),
                "approach": (
                    "După o întâlnire de coordonare cu echipele centrelor și consultări cu "
                    "autoritățile centrale și locale și cu comunitățile, proiectul a recrutat "
                    "experți și a constituit o comisie de asistență. Activitatea s-a "
                    "desfășurat pe șase direcții:\n"
                    "- **Piața muncii**: împreună cu agențiile locale pentru ocuparea forței "
                    "de muncă, comunitățile de migranți și furnizorii de formare, centrele au "
                    "identificat cursuri potrivite, i-au informat pe migranți, i-au ajutat la "
                    "înscriere și au urmărit absolvirea.\n"
                    "- **Servicii medicale**: cu direcțiile de sănătate publică județene, "
                    "medicii de familie și Casa Națională de Asigurări de Sănătate, un expert "
                    "medical a pregătit pliante; au fost identificați medici de familie "
                    "dispuși să colaboreze, iar migranții au fost sprijiniți să se înscrie "
                    "pe listele de asigurați.\n"
                    "- **Sprijin medical și psihologic**: proceduri și formulare comune au "
                    "definit vulnerabilitatea și urgența; dosarele au fost analizate de "
                    "comisia proiectului, iar cazurile aprobate au primit servicii, "
                    "medicamente pe rețetă sau echipamente, cu monitorizare din partea "
                    "centrului local.\n"
                    "- **Sprijin material**: aceeași procedură, coordonată cu ONG-uri și "
                    "direcțiile de asistență socială, a acoperit bunuri de uz casnic, "
                    "echipamente și chirii sau facturi restante.\n"
                    "- **Informare**: un buletin informativ lunar trimis prin e-mail "
                    "partenerilor și migranților care și-au lăsat adresa la un centru, "
                    "precum și broșuri, pliante și afișe.\n"
                    "- **Vizibilitate și cooperare**: evenimente locale și conferințe de "
                    "presă cu migranți, autorități, comunități și mass-media."
                ),
                "results": (
                    "- Aproximativ 2.224 de migranți au beneficiat de formare profesională, "
                    "consiliere în muncă, acces la servicii medicale, informare și "
                    "consiliere.\n"
                    "- 248 de migranți au primit sprijin medical și material specific.\n"
                    "- Secțiunea finală de rezultate menționează asistență directă pentru "
                    "circa 750 de migranți și informare și consiliere pentru circa 1.000 de "
                    "vizitatori ai centrelor OIM din 13 localități.\n"
                    "- 33 de evenimente locale cu migranți, autorități, comunități și "
                    "mass-media; conferințe de presă la lansare și la închidere, la "
                    "București împreună cu Asociația Serviciul APEL, și în celelalte 12 "
                    "localități.\n"
                    "- Date colectate și analizate privind profilul și nevoile "
                    "beneficiarilor.\n\n"
                    "Proiectul a răspuns Obiectivului 1 din Programul Anual 2010 al "
                    "României în cadrul Fondului European de Integrare."
                ),
                "evaluation": (
                    "Echipa proiectului a menținut o comunicare continuă cu centrele privind "
                    "activitățile și raportarea cheltuielilor. În noiembrie 2011 și în "
                    "mai–iunie 2012 au avut loc vizite de monitorizare la fiecare centru, "
                    "pentru verificarea regulilor financiare și de vizibilitate și pentru "
                    "consiliere. Un auditor financiar extern a verificat cheltuielile și "
                    "procedurile în raport cu cerințele donatorului și ale Comisiei Europene."
                ),
                "beneficiaries": (
                    "Resortisanți ai țărilor terțe cu ședere legală în România (circa 2.224 "
                    "de persoane, dintre care 248 cu sprijin medical sau material), "
                    "comunitățile de migranți, instituțiile locale implicate în integrare și "
                    "publicul larg."
                ),
                "funding": (
                    "Buget total de 1.691.887,00 lei: 75% finanțare UE prin Fondul European "
                    "de Integrare (1.268.915,00 lei), 20% de la bugetul național "
                    "(338.378,00 lei) și 5% contribuția beneficiarului (84.594,00 lei)."
                ),
            },
        ],
    },
    # ------------------------------------------------------------------ HEADSTART
    {
        "key": "headstart",
        "title": "HEADSTART: Fostering Integration before Departure",
        "summary": (
            "An 18-month international project (1 January 2014 – 30 June 2015) led by IOM "
            "Budapest that strengthens pre-departure integration services for third-country "
            "nationals moving to the EU. It reviews existing practice, connects practitioners "
            "in countries of origin and destination, and produces a handbook for Migrant "
            "Information Centres, closing with an EU-wide policy dialogue."
        ),
        "challenge": (
            "Lessons from the many actors offering integration support before departure had "
            "never been consolidated, and links between pre-departure and post-arrival "
            "services were weak.\n\n"
            "Objectives:\n"
            "- strengthen service providers in countries of origin so they can deliver "
            "relevant, cost-effective pre-departure integration services to third-country "
            "nationals migrating to the EU;\n"
            "- improve networking among these providers and with their counterparts in EU "
            "destination countries;\n"
            "- coordinate pre-departure and post-arrival services better, based on good "
            "practices identified during the project;\n"
            "- improve migrants' socio-economic integration outcomes through better "
            "information and training before departure."
        ),
        "approach": (
            "Four activities:\n"
            "1. A review and assessment of approaches and practices worldwide in "
            "pre-departure integration support, focusing on the EU and its neighbours, and "
            "on links with post-arrival services.\n"
            "2. Knowledge sharing and networking among practitioners from sending and "
            "receiving countries at a one-and-a-half-day seminar and a half-day fair, with a "
            "continuous virtual exchange on a dedicated website.\n"
            "3. A handbook for Migrant Information Centres as a channel for pre-departure "
            "information and training, with recommendations on standard operating "
            "procedures, design, institutional set-up, training, competences, data "
            "collection and evaluation.\n"
            "4. A closing EU-wide policy dialogue.\n\n"
            "IOM Budapest coordinates, supported by IOM offices in Austria, Belgium, the "
            "Czech Republic, Germany, Italy, the Netherlands, Portugal and Slovakia, together "
            "with national partners and associated partners in Moldova, North Macedonia, "
            "Kosovo and Portugal."
        ),
        "results": (
            "- A review of global pre-departure integration practice.\n"
            "- A practitioner network built through the seminar, the fair and the online "
            "exchange.\n"
            "- A handbook for Migrant Information Centres.\n"
            "- An EU-wide policy dialogue at the close of the project.\n\n"
            "The project is expected to raise the quality and availability of pre-departure "
            "support and to ease early integration after arrival, including access to "
            "information, language and other courses, and support for recognition of "
            "qualifications and validation of skills."
        ),
        "evaluation": "",
        "beneficiaries": (
            "Service providers and policy makers in countries of origin and destination; "
            "through them, third-country nationals preparing to migrate to the EU."
        ),
        "funding": (
            "Co-funded by the European Union and the Ministries of the Interior of Austria "
            "and Italy."
        ),
        "start_date": "2014-01-01",
        "end_date": "2015-06-30",
        "implementation_countries": ["HU", "AT", "BE", "CZ", "DE", "IT", "NL", "PT", "SK",
                                     "MD", "MK", "XK"],
        "origin_countries": ["MD", "MK", "XK"],
        "destination_countries": ["AT", "BE", "CZ", "DE", "HU", "IT", "NL", "PT", "SK"],
        "city_region": "",
        "lead_organisation": "IOM Budapest – Regional Office",
        "partners": [
            "IOM Vienna",
            "IOM Brussels",
            "IOM Prague",
            "IOM Berlin",
            "IOM Rome",
            "IOM The Hague",
            "IOM Lisbon",
            "IOM Bratislava",
            "World Association of Public Employment Services",
            "Ministry of the Interior of Austria",
            "Austrian Integration Fund",
            "Ministry of the Interior of the Czech Republic",
            "Federal Office for Migration and Refugees",
            "Office of Immigration and Nationality",
            "Ministry of the Interior of Italy",
            "Ministry of Labour and Social Policies of Italy",
            "Ministry of Social Affairs and Employment of the Netherlands",
            "Centre for Coordination of Integration of Foreigners (Slovakia)",
            "Ministry of Labour, Social Protection and Family of Moldova",
            "Ministry of Labour and Social Policy of North Macedonia",
            "Ministry of Labour and Social Welfare of Kosovo",
            "Ministry of Foreign Affairs of Kosovo",
            "Foreigners and Borders Service of Portugal",
        ],
        "contact": {"name": "Eva Szabó", "role": "HEADSTART project coordinator",
                    "email": "headstart@example.org"},
        "website": "",
        "phase": "continuum",
        "themes": ["information_orientation", "education_language", "vocational_training",
                   "employment"],
        "target_groups": ["age_18_25", "age_25_40", "age_40_65"],
        "gcm_objectives": [3, 16, 18, 23],
        "criteria": ["clear_objectives", "innovative", "participatory", "transferable"],
        "language": "en",
        "translations": [
            {
                "language": "cs",
                "title": "HEADSTART: podpora integrace před odjezdem",
                "summary": (
                    "Mezinárodní projekt trvající 18 měsíců (od 1. ledna 2014 do 30. června "
                    "2015), který vede IOM v Budapešti. Posiluje integrační služby, jež "
                    "státní příslušníci třetích zemí mohou využít ještě před odjezdem do EU: "
                    "mapuje stávající praxi, propojuje odborníky ze zemí původu a cílových "
                    "zemí, připravuje příručku pro migrační informační centra a končí "
                    "celoevropským politickým jednáním."
                ),
                "challenge": (
                    "Zkušenosti mnoha aktérů, kteří poskytují integrační podporu před "
                    "odjezdem, dosud nikdo souhrnně nevyhodnotil a vazby mezi službami "
                    "před odjezdem a po příjezdu byly slabé.\n\n"
                    "Cíle:\n"
                    "- posílit poskytovatele služeb v zemích původu, aby mohli nabízet "
                    "relevantní a nákladově efektivní předodjezdové integrační služby "
                    "migrantům ze třetích zemí směřujícím do EU;\n"
                    "- zlepšit propojení těchto poskytovatelů mezi sebou i s jejich "
                    "protějšky v cílových zemích EU;\n"
                    "- lépe sladit služby před odjezdem a po příjezdu na základě osvědčených "
                    "postupů zjištěných v průběhu projektu;\n"
                    "- zlepšit socioekonomické výsledky integrace díky lepšímu informování a "
                    "přípravě před odjezdem."
                ),
                "approach": (
                    "Čtyři aktivity:\n"
                    "1. Přehled a zhodnocení přístupů a postupů předodjezdové integrační "
                    "podpory ve světě se zaměřením na EU a sousední země a na návaznost na "
                    "služby po příjezdu.\n"
                    "2. Výměna zkušeností a propojování odborníků z vysílajících a "
                    "přijímajících zemí na jeden a půl denním semináři a půldenním veletrhu, "
                    "doplněné průběžnou virtuální výměnou zkušeností na webových stránkách "
                    "projektu.\n"
                    "3. Příručka pro migrační informační centra jako nástroj pro poskytování "
                    "informací a školení před odjezdem, s doporučeními ke standardním "
                    "operačním postupům, uspořádání, institucionálnímu zázemí, školení, "
                    "kompetencím, sběru dat a hodnocení.\n"
                    "4. Závěrečné celoevropské politické jednání.\n\n"
                    "Projekt koordinuje IOM Budapešť s podporou poboček IOM v Rakousku, "
                    "Belgii, České republice, Německu, Itálii, Nizozemsku, Portugalsku a na "
                    "Slovensku, ve spolupráci s národními partnery a s přidruženými partnery "
                    "z Moldavska, Severní Makedonie, Kosova a Portugalska."
                ),
                "results": (
                    "- Přehled předodjezdové integrační praxe ve světě.\n"
                    "- Síť odborníků vzniklá díky semináři, veletrhu a online výměně.\n"
                    "- Příručka pro migrační informační centra.\n"
                    "- Celoevropské politické jednání na závěr projektu.\n\n"
                    "Projekt má přispět k vyšší kvalitě a dostupnosti podpory před odjezdem "
                    "a usnadnit začlenění co nejdříve po příjezdu, včetně přístupu k "
                    "informacím, jazykovým i jiným kurzům a podpory při uznávání kvalifikací "
                    "a ověřování dovedností."
                ),
                "evaluation": "",
                "beneficiaries": (
                    "Poskytovatelé služeb a tvůrci politik v zemích původu i v cílových "
                    "zemích; jejich prostřednictvím státní příslušníci třetích zemí, kteří "
                    "se chystají migrovat do EU."
                ),
                "funding": (
                    "Spolufinancováno Evropskou unií a ministerstvy vnitra Rakouska a Itálie."
                ),
            },
        ],
    },
]
