"""The demo content `load_demo_content` loads: the network's real texts plus example records.

What comes from the three source texts (`../shared/seeds/`) is written as close to them as a page
allows (typos fixed, nothing added). Everything else is example data: fictional organisations
named "Example ...", practices whose summary starts with "Example practice", and figures labelled
as examples. Real cities appear only with facts the source texts state. `docs/demo-content.md`
lists which is which.

Pages refer to each other with `Ref(kind, slug)`; the loader resolves them in load order, so a
record may only refer to kinds loaded before it (members, projects, practices, qualifications,
events, news, standard pages, campaigns, then the home page's featured practices).
"""

import datetime
import zoneinfo
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Ref:
    """A reference to another demo page by kind ("member", "event", ...) and slug."""

    kind: str
    slug: str


def at(moment, time_zone):
    """An aware datetime from "YYYY-MM-DD HH:MM" in the given time zone."""
    naive = datetime.datetime.strptime(moment, "%Y-%m-%d %H:%M")
    return naive.replace(tzinfo=zoneinfo.ZoneInfo(time_zone))


def coordinate(value):
    return Decimal(value).quantize(Decimal("0.000001"))


# StreamField blocks in their stored ("raw") JSON form, which the loader compares to detect changes.
def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def call_to_action(title, button_label, page=None, url="", text=""):
    return {
        "type": "call_to_action",
        "value": {"title": title, "text": text, "button_label": button_label, "page": page, "url": url},
    }


def key_figures(title, figures):
    return {
        "type": "key_figures",
        "value": {"title": title, "figures": [{"value": value, "label": label} for value, label in figures]},
    }


def unit(title, knowledge, skills, responsibility, credits):
    return {
        "type": "unit",
        "value": {
            "title": title,
            "knowledge": knowledge,
            "skills": skills,
            "responsibility_and_autonomy": responsibility,
            "credits": credits,
        },
    }


def occupation(title):
    # No ESCO URI: the demo does not invent concept identifiers.
    return {"type": "occupation", "value": {"title": title, "esco_uri": ""}}


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


EXAMPLE_NOTE = "Example data: this record is fictional demo content and does not describe a real organisation."
CONTACT_EMAIL = "info@guild.example"

# --------------------------------------------------------------------------------------------
# Site identity
# --------------------------------------------------------------------------------------------

SITE_NAME = "Cities for Apprenticeship network"

SITE_SETTINGS = {
    "network_name": "Cities for Apprenticeship network",
    "tagline": "Cities, VET providers, companies and chambers building quality apprenticeships together",
    "contact_email": CONTACT_EMAIL,
    "footer_text": (
        "The Network of Cities for Apprenticeship (Cities4Apprenticeship) is an initiative promoted in the frame "
        "of the European Alliance for Apprenticeships (EAfA). No fee is required to join. "
        "Demo site: info@guild.example is an example contact address, and records marked as examples are fictional."
    ),
}

# --------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------

# Each skill is an ESCO concept (`source` "esco", its real concept URI, checked against ESCO v1.2 data) or the
# network's own (`source` "network"): "green skills", "digital skills" and "soft skills" are whole ESCO
# collections, not concepts. Skills not linked yet (energy efficiency, circular economy, entrepreneurship) may have
# ESCO concepts: link them once their URI is checked against an ESCO download, never from memory.
SKILLS = [
    # green
    {
        "slug": "green-skills",
        "name": "Green skills",
        "category": "green",
        "description": "Knowledge, abilities and attitudes needed to live in and support a sustainable, "
        "resource-efficient society.",
    },
    {
        "slug": "energy-efficiency",
        "name": "Energy efficiency",
        "category": "green",
        "description": "Reducing the energy buildings, processes and products use.",
    },
    {
        "slug": "circular-economy",
        "name": "Circular economy",
        "category": "green",
        "description": "Repair, reuse, remanufacturing and recycling that keep materials in use.",
    },
    {
        "slug": "renewable-energy",
        "name": "Renewable energy",
        "category": "green",
        # ESCO v1.2: the broader concept of "solar energy" in the green skills collection.
        "source": "esco",
        "esco_uri": "http://data.europa.eu/esco/skill/f8413360-6114-40de-a276-c59b764b9913",
        "description": "Installing and maintaining solar, wind, heat-pump and other renewable systems.",
    },
    {
        "slug": "sustainable-construction",
        "name": "Sustainable construction",
        "category": "green",
        "description": "Low-carbon building and retrofitting methods and materials.",
    },
    # digital
    {
        "slug": "digital-skills",
        "name": "Digital skills",
        "category": "digital",
        "description": "Using digital tools, services and devices confidently and safely at work.",
    },
    {
        "slug": "data-literacy",
        "name": "Data literacy",
        "category": "digital",
        "description": "Reading, working with, analysing and communicating with data.",
    },
    {
        "slug": "coding",
        "name": "Computer programming",
        "category": "digital",
        # ESCO v1.2: the broader concept of Haskell, Erlang, SAS language ... in the digital skills collection.
        "source": "esco",
        "esco_uri": "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97",
        "alternative_labels": "coding",
        "description": "Writing and maintaining software, scripts and automation.",
    },
    {
        "slug": "industry-4-0",
        "name": "Industry 4.0 and automation",
        "category": "digital",
        "description": "Connected machines, sensors and automated production.",
    },
    # transversal
    {
        "slug": "soft-skills",
        "name": "Soft skills",
        "category": "transversal",
        "description": "Communication, teamwork, problem solving and other people skills.",
    },
    {
        "slug": "21st-century-skills",
        "name": "21st century skills",
        "category": "transversal",
        "description": "Critical thinking, creativity, collaboration and communication for a changing labour market.",
    },
    {
        "slug": "lifelong-learning",
        "name": "Lifelong learning",
        "category": "transversal",
        "description": "Learning to learn, reskilling and upskilling throughout working life.",
    },
    {
        "slug": "entrepreneurship",
        "name": "Entrepreneurship",
        "category": "transversal",
        "description": "Turning ideas into action: initiative, planning and managing projects.",
    },
    {
        "slug": "intercultural-skills",
        "name": "Languages and intercultural skills",
        "category": "transversal",
        "description": "Working across languages and cultures, for example during apprenticeship mobility.",
    },
]

TOPICS = [
    # the three topics of the working group employment page (001)
    ("culture", "culture"),
    ("economy", "economy"),
    ("knowledge-society", "knowledge society"),
    # further topics the texts are about
    ("employment", "employment"),
    ("inclusion", "inclusion"),
    ("apprenticeships", "apprenticeships"),
    ("skills-mismatch", "skills mismatch"),
    ("long-term-unemployment", "long-term unemployment"),
    ("social-economy", "social economy"),
    ("mobility", "mobility"),
    ("green-transition", "green transition"),
    ("digital-transition", "digital transition"),
]

# --------------------------------------------------------------------------------------------
# The home page and the section index pages
# --------------------------------------------------------------------------------------------

JOIN_INTRO = (
    "The Network Cities for Apprenticeship supports apprenticeships in collaboration with regional and national "
    "stakeholders, to become an advocacy platform, provide cities with information, training, and technical and "
    "policy assistance and build strong cross-city partnership."
)

HOME = {
    "slug": "home",
    "title": SITE_NAME,
    "hero_title": "Cities for Apprenticeship",
    "intro": JOIN_INTRO,
    "show_in_menus": False,
}

HOME_BODY = [
    paragraph(
        "<p>It will play a proactive role in encouraging development of green and digital skills in apprenticeships "
        "and give voice to cities in the European Alliance for Apprenticeship.</p>"
    ),
    call_to_action(
        "Join the network",
        "How to join",
        page=Ref("standard", "join-the-network"),
        text="No fee is required to join the Network of Cities for Apprenticeship.",
    ),
]

FEATURED_PRACTICES = [
    "ghent-strategic-approach-to-the-skills-mismatch",
    "green-retrofit-apprenticeships",
    "digital-skills-bootcamps-for-adult-apprentices",
    "cross-border-apprenticeship-mobility",
]

INDEX_PAGES = [
    {
        "key": "members",
        "model": "network.MemberIndexPage",
        "slug": "members",
        "title": "Members",
        "intro": "Cities, VET providers, companies, chambers and authorities that work with the network.",
    },
    {
        "key": "projects",
        "model": "network.ProjectIndexPage",
        "slug": "projects",
        "title": "Projects",
        "intro": "Funded projects the network's members run together.",
    },
    {
        "key": "campaigns",
        "model": "network.CampaignIndexPage",
        "slug": "campaigns",
        "title": "Campaigns",
        "intro": "Initiatives members join or pledge to.",
    },
    {
        "key": "events",
        "model": "network.EventIndexPage",
        "slug": "events",
        "title": "Events",
        "intro": "Workshops, webinars, forums, meetings and peer reviews, upcoming and past.",
    },
    {
        "key": "news",
        "model": "network.NewsIndexPage",
        "slug": "news",
        "title": "News",
        "intro": "News, highlights, videos and publications from the network.",
    },
    {
        "key": "practices",
        "model": "practices.PracticeIndexPage",
        "slug": "good-practices",
        "title": "Good practices",
        "intro": "What members did, what came of it, and what others can reuse.",
    },
    {
        "key": "qualifications",
        "model": "practices.QualificationIndexPage",
        "slug": "joint-vet-qualifications",
        "title": "Joint VET qualifications",
        "intro": "Joint vocational qualifications members develop together, described with EQF learning outcomes.",
    },
]

# --------------------------------------------------------------------------------------------
# Members
# --------------------------------------------------------------------------------------------

REVIEW_CITIES = ["Bristol", "Lille Metropole", "Madrid", "Lyon", "Barcelona", "Gijon", "Stockholm", "Twente"]


def _city_member(slug, title, country, city, lat, lon, facts, topics, skills=()):
    """A real city named in the source texts: only the facts the texts state, the rest marked as example."""
    return {
        "slug": slug,
        "title": title,
        "member_type": "city",
        "country": country,
        "city": city,
        "latitude": coordinate(lat),
        "longitude": coordinate(lon),
        "summary": (
            f"Example membership record for {title}, a city named in the network's source texts. "
            "Only the facts the texts state are shown."
        ),
        "body": [
            paragraph(f"<p>{facts}</p>"),
            paragraph(
                "<p><em>Example membership record: this demo lists the cities the source texts name as members "
                "to show how member pages work. It makes no claim about the city's actual membership, pledges "
                "or activities beyond the facts above.</em></p>"
            ),
        ],
        "skills": list(skills),
        "topics": list(topics),
    }


REVIEW_FACT = (
    "{name} was one of the 9 cities whose 20 participants took part in the EUROCITIES working group employment "
    "critical friend review in Ghent on 14-15 November 2019, on skills mismatch and 21st century skills."
)

MEMBERS = [
    _city_member(
        "ghent",
        "Ghent",
        "BE",
        "Ghent",
        "51.0543",
        "3.7174",
        "Ghent hosted the EUROCITIES working group employment critical friend review on 14-15 November 2019 and "
        "shared its strategic approach on tackling the skills mismatch and developing 21st century skills with "
        "20 participants from 9 cities.",
        ["employment", "skills-mismatch"],
        ["21st-century-skills"],
    ),
    _city_member(
        "bristol",
        "Bristol",
        "GB",
        "Bristol",
        "51.4545",
        "-2.5879",
        REVIEW_FACT.format(name="Bristol"),
        ["employment", "skills-mismatch"],
    ),
    _city_member(
        "lille-metropole",
        "Lille Metropole",
        "FR",
        "Lille",
        "50.6292",
        "3.0573",
        REVIEW_FACT.format(name="Lille Metropole") + " Lille Metropole's video on combating long-term "
        "unemployment shows how its innovative approach is succeeding in creating job opportunities through "
        "social economy.",
        ["employment", "long-term-unemployment", "social-economy"],
    ),
    _city_member(
        "madrid",
        "Madrid",
        "ES",
        "Madrid",
        "40.4168",
        "-3.7038",
        REVIEW_FACT.format(name="Madrid"),
        ["employment", "skills-mismatch"],
    ),
    _city_member(
        "lyon",
        "Lyon",
        "FR",
        "Lyon",
        "45.7640",
        "4.8357",
        REVIEW_FACT.format(name="Lyon"),
        ["employment", "skills-mismatch"],
    ),
    _city_member(
        "barcelona",
        "Barcelona",
        "ES",
        "Barcelona",
        "41.3874",
        "2.1686",
        REVIEW_FACT.format(name="Barcelona"),
        ["employment", "skills-mismatch"],
    ),
    _city_member(
        "gijon",
        "Gijon",
        "ES",
        "Gijón",
        "43.5322",
        "-5.6611",
        REVIEW_FACT.format(name="Gijon"),
        ["employment", "skills-mismatch"],
    ),
    _city_member(
        "stockholm",
        "Stockholm",
        "SE",
        "Stockholm",
        "59.3293",
        "18.0686",
        REVIEW_FACT.format(name="Stockholm"),
        ["employment", "skills-mismatch"],
    ),
    _city_member(
        "twente",
        "Twente",
        "NL",
        "Enschede",
        "52.2215",
        "6.8937",
        REVIEW_FACT.format(name="Twente"),
        ["employment", "skills-mismatch"],
    ),
    _city_member(
        "warsaw",
        "Warsaw",
        "PL",
        "Warsaw",
        "52.2297",
        "21.0122",
        "Warsaw hosted the EUROCITIES Social Affairs Forum on 22-24 October 2019 ('Inclusive cities: Ensuring "
        "social inclusion & well-being for all ages'), attended by 150 participants from 50 cities.",
        ["inclusion"],
    ),
]


def _example_member(
    slug,
    title,
    member_type,
    country,
    city,
    lat,
    lon,
    summary,
    joined_on,
    skills,
    topics,
    open_to_projects=False,
    pledge=None,
):
    member = {
        "slug": slug,
        "title": title,
        "member_type": member_type,
        "country": country,
        "city": city,
        "latitude": coordinate(lat),
        "longitude": coordinate(lon),
        "joined_on": joined_on,
        "summary": f"Example member (fictional organisation). {summary}",
        "contact_email": CONTACT_EMAIL,
        "open_to_projects": open_to_projects,
        "eafa_pledge": False,
        "pledge_start_year": None,
        "pledge_areas": [],
        "pledge_commitments": "",
        "body": [paragraph(f"<p>{summary}</p>"), paragraph(f"<p><em>{EXAMPLE_NOTE}</em></p>")],
        "skills": skills,
        "topics": topics,
    }
    if pledge:
        start_year, areas, commitments = pledge
        member.update(
            eafa_pledge=True,
            pledge_start_year=start_year,
            pledge_areas=areas,
            pledge_commitments=f"Example pledge: {commitments}",
        )
    return member


MEMBERS += [
    _example_member(
        "example-vet-college-north",
        "Example VET College North",
        "vet_provider",
        "FI",
        "Tampere",
        "61.4978",
        "23.7610",
        "A vocational college offering apprenticeships in construction, energy and ICT.",
        datetime.date(2021, 3, 15),
        ["digital-skills", "renewable-energy", "lifelong-learning"],
        ["apprenticeships", "digital-transition"],
        open_to_projects=True,
        pledge=(2021, ["supply", "quality"], "offer 60 new apprenticeship places a year in green and digital trades."),
    ),
    _example_member(
        "example-vocational-school-rhine",
        "Example Vocational School Rhine",
        "vet_provider",
        "DE",
        "Cologne",
        "50.9375",
        "6.9603",
        "A dual-system vocational school training apprentices for the building and energy trades.",
        datetime.date(2020, 9, 1),
        ["energy-efficiency", "sustainable-construction", "green-skills"],
        ["apprenticeships", "green-transition"],
        open_to_projects=True,
        pledge=(2020, ["quality", "image"], "train 40 in-company trainers in green building techniques."),
    ),
    _example_member(
        "example-green-energy-installers",
        "Example Green Energy Installers Ltd",
        "company",
        "IE",
        "Cork",
        "51.8985",
        "-8.4756",
        "A small company installing heat pumps and solar panels that trains its own apprentices.",
        datetime.date(2022, 5, 10),
        ["renewable-energy", "data-literacy"],
        ["economy", "green-transition"],
        open_to_projects=True,
    ),
    _example_member(
        "example-chamber-of-crafts-alpine",
        "Example Chamber of Crafts Alpine",
        "chamber",
        "AT",
        "Innsbruck",
        "47.2692",
        "11.4041",
        "A chamber of crafts that supports small craft companies taking on apprentices.",
        datetime.date(2020, 6, 30),
        ["entrepreneurship", "soft-skills"],
        ["apprenticeships", "economy"],
        pledge=(2020, ["supply", "quality", "image"], "help 100 craft companies host their first apprentice."),
    ),
    _example_member(
        "example-regional-skills-authority-lisbon",
        "Example Regional Skills Authority Lisbon",
        "regional_authority",
        "PT",
        "Lisbon",
        "38.7223",
        "-9.1393",
        "A regional authority that coordinates apprenticeship offers, funding and mobility in its region.",
        datetime.date(2021, 1, 20),
        ["intercultural-skills", "lifelong-learning"],
        ["employment", "mobility", "inclusion"],
        open_to_projects=True,
        pledge=(2021, ["mobility", "supply"], "fund 200 apprenticeship mobility placements abroad."),
    ),
    _example_member(
        "example-institute-for-work-and-learning",
        "Example Institute for Work and Learning",
        "research",
        "IT",
        "Bologna",
        "44.4949",
        "11.3426",
        "A research institute studying skills anticipation and the transition from VET to work.",
        datetime.date(2022, 11, 2),
        ["data-literacy", "circular-economy"],
        ["knowledge-society", "skills-mismatch"],
        open_to_projects=True,
    ),
    _example_member(
        "example-youth-apprenticeship-network",
        "Example Youth Apprenticeship Network",
        "non_profit",
        "IT",
        "Turin",
        "45.0703",
        "7.6869",
        "A youth organisation that helps young people find and complete apprenticeships.",
        datetime.date(2023, 4, 18),
        ["soft-skills", "21st-century-skills"],
        ["inclusion", "apprenticeships"],
    ),
    _example_member(
        "example-chamber-of-commerce-tallinn",
        "Example Chamber of Commerce Tallinn",
        "chamber",
        "EE",
        "Tallinn",
        "59.4370",
        "24.7536",
        "A chamber of commerce that brokers apprenticeships between companies and schools.",
        datetime.date(2023, 9, 12),
        ["entrepreneurship", "digital-skills"],
        ["economy", "apprenticeships"],
        pledge=(2023, ["supply"], "bring 50 member companies into a local apprenticeship coalition."),
    ),
    _example_member(
        "example-social-partners-platform",
        "Example Social Partners Platform",
        "social_partner",
        "BE",
        "Brussels",
        "50.8503",
        "4.3517",
        "A platform of employers' organisations and trade unions that co-designs apprenticeship standards.",
        datetime.date(2024, 2, 5),
        ["soft-skills"],
        ["employment", "inclusion"],
    ),
    _example_member(
        "example-technical-college-south",
        "Example Technical College South",
        "vet_provider",
        "ES",
        "Valencia",
        "39.4699",
        "-0.3763",
        "A technical college with apprenticeships in tourism, heritage trades and digital services.",
        datetime.date(2024, 10, 21),
        ["entrepreneurship", "coding", "intercultural-skills"],
        ["culture", "mobility"],
        open_to_projects=True,
    ),
]

# --------------------------------------------------------------------------------------------
# Projects
# --------------------------------------------------------------------------------------------

PROJECT_DISCLAIMER = (
    "The European Commission’s support for the project does not constitute an endorsement of the content of this "
    "website, which reflects the views only of the authors, and the Commission cannot be held responsible for any "
    "use which may be made of the information contained therein."
)

ERASMUS_PROJECT_SLUG = "erasmus-plus-101132823"

PROJECTS = [
    {
        "slug": ERASMUS_PROJECT_SLUG,
        "title": "Cooperation between VET schools and working life (Erasmus+ 101132823)",
        "summary": (
            "An Erasmus+ Forward-Looking Project (01/01/2024 to 31/12/2026) to develop cooperation between VET "
            "schools and working life in European countries and to develop Joint VET qualifications."
        ),
        "project_code": "101132823",
        "acronym": "",
        "programme": "erasmus_plus",
        "key_action": "Partnerships for cooperation and exchanges of practices",
        "action_type": "Forward-Looking Projects",
        "start_date": datetime.date(2024, 1, 1),
        "end_date": datetime.date(2026, 12, 31),
        "eu_grant": None,  # not stated in the source text
        "coordinator": None,  # not named in the source text
        "website": "",
        "objectives": "<p>The main objectives will be:</p>"
        + bullet_list(
            [
                "to increase the attractiveness of Vocational Education and Training (VET) in Europe and to create a "
                "strategic approach to maintain the high quality of VET",
                "to ensure that digitalisation, inclusion, green transition, and internationalisation are considered "
                "as core elements in the implementation of VET.",
            ]
        ),
        "results": (
            "<p>Planned, as the project describes them: Joint VET qualifications developed by VET providers, "
            "companies, chambers, national authorities and other stakeholders; a strong future-oriented European "
            "level network with a vision, strategy and action plan; a communication platform for the new network; "
            "a series of events (workshops and meetings) nationally/regionally and internationally; an online "
            "platform for VET practitioners.</p>"
        ),
        "body": [
            heading("The project"),
            paragraph(
                "<p>The purpose of the project is to develop cooperation between VET schools and working life in "
                "European countries. The idea is to find ways to promote employment and professional skills and "
                "competences in different European countries. Vocational education and training (VET) is a critical "
                "component of preparing individuals for working life. As the needs of the labour market evolve and "
                "change, VET must also adapt to ensure that it remains relevant and effective in preparing students "
                "for the future of work. The project will improve the quality of VET practices based on the needs of "
                "the labour market. Meanwhile the partners will confirm cooperation between VET providers, "
                "companies, chambers, national authorities, and other stakeholders by developing Joint VET "
                "qualifications.</p>"
            ),
            paragraph(
                "<p>The purpose is to create a strong future-oriented European level network, that creates a vision, "
                "strategy and action plan with the goal of stronger cooperation in the future. A profound "
                "communication platform will be created for the new network.</p>"
            ),
            heading("Events and the online platform"),
            paragraph(
                "<p>With our actions, that include a series of events (workshops and meetings) both "
                "nationally/regionally and internationally, we will directly reach 300+ students, 150+ work life "
                "representatives and numerous VET teachers, policy makers and potential students and their parents. "
                "We will also create an online platform for VET practitioners.</p>"
            ),
            paragraph(
                "<p>Overall, VET must remain resilient, flexible and adaptable to ensure that it is meeting the needs "
                "of the changing labour market. By focusing on digital skills, soft skills, lifelong learning, "
                "collaboration with employers, as well as diversity and inclusion, VET can prepare students for the "
                "jobs of the future.</p>"
            ),
            heading("Project's info"),
            paragraph(
                "<p>Project's code: 101132823. Programme: Erasmus+. Key Action: Partnerships for cooperation and "
                "exchanges of practices. Action Type: Forward-Looking Projects. 36 months from 01/01/2024 to "
                "31/12/2026.</p>"
            ),
            paragraph(
                "<p><em>Example data: the source text does not name the coordinator or the partners. The partner "
                "organisations listed on this page, and the events, practices and qualifications linked to it, are "
                "fictional demo records that show how a project connects to the rest of the platform.</em></p>"
            ),
        ],
        "eu_funded": True,
        "funding_disclaimer": PROJECT_DISCLAIMER,
        "skills": ["digital-skills", "soft-skills", "lifelong-learning", "green-skills"],
        "topics": ["apprenticeships", "employment", "inclusion", "green-transition", "digital-transition"],
        "children": {
            "reach_targets": [
                {"number": 300, "at_least": True, "label": "students"},
                {"number": 150, "at_least": True, "label": "work life representatives"},
            ],
            "partner_links": [
                {"member": Ref("member", "example-vet-college-north"), "role": "partner"},
                {"member": Ref("member", "example-vocational-school-rhine"), "role": "partner"},
                {"member": Ref("member", "example-chamber-of-crafts-alpine"), "role": "partner"},
                {"member": Ref("member", "example-institute-for-work-and-learning"), "role": "partner"},
                {"member": Ref("member", "example-green-energy-installers"), "role": "associated"},
            ],
        },
    },
    {
        "slug": "example-apprenticeship-mobility-bridges",
        "title": "Example project: Apprenticeship Mobility Bridges",
        "summary": "Example project (fictional). Apprentices from Portugal, Spain and Italy spend three to six "
        "months in a partner company abroad.",
        "project_code": "",
        "acronym": "AMB (example)",
        "programme": "interreg",
        "key_action": "",
        "action_type": "",
        "start_date": datetime.date(2022, 9, 1),
        "end_date": datetime.date(2025, 8, 31),
        "coordinator": Ref("member", "example-regional-skills-authority-lisbon"),
        "objectives": bullet_list(
            [
                "Example objective: place 120 apprentices in companies abroad.",
                "Example objective: agree a common mobility learning agreement between the partner regions.",
            ]
        ),
        "results": "<p>Example result: 96 apprentices completed a placement abroad (example figure).</p>",
        "body": [paragraph(f"<p><em>{EXAMPLE_NOTE}</em></p>")],
        "eu_funded": False,
        "funding_disclaimer": "",
        "skills": ["intercultural-skills", "soft-skills"],
        "topics": ["mobility", "apprenticeships"],
        "children": {
            "reach_targets": [{"number": 120, "at_least": False, "label": "apprentices placed abroad (example)"}],
            "partner_links": [
                {"member": Ref("member", "example-regional-skills-authority-lisbon"), "role": "coordinator"},
                {"member": Ref("member", "example-technical-college-south"), "role": "partner"},
                {"member": Ref("member", "example-youth-apprenticeship-network"), "role": "partner"},
            ],
        },
    },
    {
        "slug": "example-local-digital-skills-coalitions",
        "title": "Example project: Local Digital Skills Coalitions",
        "summary": "Example project (fictional). Chambers and VET providers build local coalitions that bring "
        "digital skills into apprenticeships in small companies.",
        "project_code": "",
        "acronym": "LDSC (example)",
        "programme": "esf_plus",
        "key_action": "",
        "action_type": "",
        "start_date": datetime.date(2025, 1, 1),
        "end_date": datetime.date(2027, 12, 31),
        "coordinator": Ref("member", "example-chamber-of-commerce-tallinn"),
        "objectives": bullet_list(
            [
                "Example objective: 30 small companies offer apprenticeships with a digital skills module.",
                "Example objective: train 60 in-company trainers in data literacy.",
            ]
        ),
        "results": "",
        "body": [paragraph(f"<p><em>{EXAMPLE_NOTE}</em></p>")],
        "eu_funded": False,
        "funding_disclaimer": "",
        "skills": ["digital-skills", "data-literacy", "coding"],
        "topics": ["digital-transition", "economy"],
        "children": {
            "reach_targets": [{"number": 60, "at_least": True, "label": "in-company trainers (example)"}],
            "partner_links": [
                {"member": Ref("member", "example-chamber-of-commerce-tallinn"), "role": "coordinator"},
                {"member": Ref("member", "example-vet-college-north"), "role": "partner"},
                {"member": Ref("member", "example-social-partners-platform"), "role": "associated"},
            ],
        },
    },
]

# --------------------------------------------------------------------------------------------
# Good practices
# --------------------------------------------------------------------------------------------


def _example_practice(
    slug,
    title,
    owners,
    country,
    city,
    years,
    level,
    stage,
    target_groups,
    challenge,
    approach,
    results,
    figures,
    lessons,
    transferability,
    skills,
    topics,
    project=None,
):
    start_year, end_year = years
    return {
        "slug": slug,
        "title": title,
        "summary": f"Example practice (fictional). {challenge}",
        "country": country,
        "city": city,
        "start_year": start_year,
        "end_year": end_year,
        "implementation_level": level,
        "stage": stage,
        "target_groups": target_groups,
        "challenge": f"<p>Example practice. {challenge}</p>",
        "approach": f"<p>{approach}</p>",
        "results": f"<p>{results}</p>",
        "impact_figures": [key_figures("Impact (example figures)", figures)] if figures else [],
        "lessons": f"<p>{lessons}</p>",
        "transferability": f"<p>{transferability}</p>",
        "project": project,
        "skills": skills,
        "topics": topics,
        "children": {"owners": [{"member": Ref("member", owner)} for owner in owners]},
    }


PRACTICES = [
    # From the source text 001: Ghent's practice, as far as the text describes it.
    {
        "slug": "ghent-strategic-approach-to-the-skills-mismatch",
        "title": "Ghent's strategic approach to the skills mismatch and 21st century skills",
        "summary": (
            "Ghent shared its strategic approach on tackling the skills mismatch and developing 21st century skills "
            "with 20 participants from 9 cities at a critical friend review on 14-15 November 2019."
        ),
        "pinned": True,  # a real, sourced practice: first in the index
        "country": "BE",
        "city": "Ghent",
        "start_year": None,
        "end_year": None,
        "implementation_level": "local",
        "stage": "running",
        "target_groups": [],
        "challenge": "<p>Tackling the skills mismatch and developing 21st century skills.</p>",
        "approach": (
            "<p>On 14-15 November 2019, the EUROCITIES working group on employment met in Ghent to learn and "
            "exchange views on Ghent's strategic approach on tackling the skills mismatch and developing 21st "
            "century skills. The city shared its practice with 20 participants from 9 cities (Bristol, Lille "
            "Metropole, Madrid, Lyon, Barcelona, Gijon, Stockholm and Twente).</p>"
        ),
        "results": "",
        "impact_figures": [key_figures("Critical friend review", [("20", "participants"), ("9", "cities")])],
        "lessons": (
            "<p>The discussions were focused on the key challenges, success factors and lessons learnt in tackling "
            "skills mismatch and developing 21st century skills.</p>"
        ),
        "transferability": "",
        "project": None,
        "skills": ["21st-century-skills"],
        "topics": ["skills-mismatch", "employment"],
        "children": {"owners": [{"member": Ref("member", "ghent")}]},
    },
    # From the source text 001: Lille Metropole's approach, as far as the text describes it.
    {
        "slug": "lille-metropole-social-economy-against-long-term-unemployment",
        "title": "Lille Metropole: combating long-term unemployment through social economy",
        "summary": (
            "Lille Metropole's innovative approach is succeeding in creating job opportunities through social "
            "economy, as its video on combating long-term unemployment shows."
        ),
        "pinned": True,  # a real, sourced practice: first in the index
        "country": "FR",
        "city": "Lille",
        "start_year": None,
        "end_year": None,
        "implementation_level": "local",
        "stage": "running",
        "target_groups": ["long_term_unemployed"],
        "challenge": "<p>Combating long-term unemployment.</p>",
        "approach": "<p>An innovative approach creating job opportunities through social economy.</p>",
        "results": "<p>The approach is succeeding in creating job opportunities through social economy.</p>",
        "impact_figures": [],
        "lessons": "",
        "transferability": (
            "<p>If your city is looking for inspiration about how to combat long-term unemployment, check out the "
            "video from Lille Metropole in the news section.</p>"
        ),
        "project": None,
        "skills": [],
        "topics": ["long-term-unemployment", "social-economy", "employment"],
        "children": {"owners": [{"member": Ref("member", "lille-metropole")}]},
    },
    _example_practice(
        "green-retrofit-apprenticeships",
        "Green retrofit apprenticeships for social housing",
        ["example-vocational-school-rhine"],
        "DE",
        "Cologne",
        (2021, None),
        "regional",
        "running",
        ["apprentices", "young_people"],
        "Old social housing wastes energy while construction companies lack apprentices trained in retrofitting.",
        "Apprentices retrofit flats of a housing association under the guidance of in-company trainers, one day a "
        "week on site and four in school and company.",
        "Retrofitted flats use less energy and apprentices finish with site experience employers ask for.",
        [("120", "apprentices trained"), ("45", "flats retrofitted"), ("30%", "average energy saving")],
        "Agree the site schedule with the housing association a year ahead.",
        "Works wherever a public housing owner plans renovations and a VET school trains building trades.",
        ["energy-efficiency", "sustainable-construction", "green-skills"],
        ["green-transition", "apprenticeships"],
    ),
    _example_practice(
        "digital-skills-bootcamps-for-adult-apprentices",
        "Digital skills bootcamps for adult apprentices",
        ["example-vet-college-north"],
        "FI",
        "Tampere",
        (2019, 2022),
        "local",
        "evaluated",
        ["adults", "long_term_unemployed"],
        "Adults changing careers start apprenticeships without the digital basics their new jobs need.",
        "A six-week bootcamp before the apprenticeship covers office tools, data handling and basic scripting.",
        "Most participants completed their apprenticeship; an external evaluation recommended continuing.",
        [("240", "adult apprentices"), ("87%", "completion rate")],
        "Short, practical modules worked better than a single long course.",
        "The modules are published openly and can be reused by other VET providers.",
        ["digital-skills", "coding", "data-literacy", "lifelong-learning"],
        ["employment", "knowledge-society"],
        project=Ref("project", ERASMUS_PROJECT_SLUG),
    ),
    _example_practice(
        "apprenticeship-mentors-in-craft-companies",
        "Apprenticeship mentors in craft companies",
        ["example-chamber-of-crafts-alpine"],
        "AT",
        "Innsbruck",
        (2018, 2021),
        "regional",
        "completed",
        ["companies", "teachers"],
        "Small craft companies hesitate to take on apprentices because nobody has time to mentor them.",
        "The chamber trains experienced craftspeople as mentors and shares them between companies.",
        "More small companies host apprentices and fewer apprentices drop out.",
        [("85", "mentors trained"), ("110", "companies hosting apprentices")],
        "Shared mentors need a clear agreement on who pays for their time.",
        "Any chamber with many micro-companies among its members can organise shared mentoring.",
        ["soft-skills", "entrepreneurship"],
        ["apprenticeships", "economy"],
    ),
    _example_practice(
        "cross-border-apprenticeship-mobility",
        "Cross-border apprenticeship mobility between Portugal and Spain",
        ["example-regional-skills-authority-lisbon", "example-technical-college-south"],
        "PT",
        "Lisbon",
        (2023, None),
        "cross_border",
        "running",
        ["apprentices", "young_people"],
        "Apprentices rarely go abroad because placements are short and recognition is uncertain.",
        "Partner regions agree learning outcomes in advance and recognise placements of three to six months.",
        "Placements abroad are recognised as part of the apprenticeship.",
        [("64", "apprentices abroad"), ("2", "countries")],
        "Language preparation before departure matters as much as the placement itself.",
        "The learning agreement template can be reused by any pair of regions.",
        ["intercultural-skills", "soft-skills"],
        ["mobility", "apprenticeships"],
        project=Ref("project", "example-apprenticeship-mobility-bridges"),
    ),
    _example_practice(
        "circular-economy-workshops-in-vet-schools",
        "Circular economy workshops in VET schools",
        ["example-institute-for-work-and-learning", "example-youth-apprenticeship-network"],
        "IT",
        "Bologna",
        (2026, None),
        "national",
        "planned",
        ["apprentices", "teachers"],
        "VET curricula rarely cover repair, reuse and recycling although employers increasingly need them.",
        "Researchers and youth workers will run repair-and-reuse workshops in VET schools and collect evidence.",
        "Planned: workshops in 20 schools and a report on which formats work.",
        [("20", "schools planned")],
        "To be collected during the pilot.",
        "Designed from the start to be run by other schools with a printed kit.",
        ["circular-economy", "green-skills"],
        ["green-transition", "knowledge-society"],
    ),
    _example_practice(
        "data-literacy-for-sme-apprentices",
        "Data literacy for apprentices in small companies",
        ["example-green-energy-installers"],
        "IE",
        "Cork",
        (2024, None),
        "local",
        "running",
        ["apprentices", "companies"],
        "Installers collect data from heat pumps and solar systems but apprentices cannot use it.",
        "Apprentices learn to read monitoring dashboards and spot faults from data during their placement.",
        "Apprentices now handle first-line diagnosis from monitoring data.",
        [("18", "apprentices"), ("25%", "fewer repeat call-outs")],
        "Start with the company's own data, not generic exercises.",
        "Any company with monitored equipment can adapt the exercises.",
        ["data-literacy", "renewable-energy"],
        ["digital-transition", "green-transition"],
        project=Ref("project", ERASMUS_PROJECT_SLUG),
    ),
    _example_practice(
        "public-procurement-clauses-for-apprenticeships",
        "Apprenticeship clauses in public procurement",
        ["example-regional-skills-authority-lisbon"],
        "PT",
        "Lisbon",
        (2017, 2020),
        "regional",
        "evaluated",
        ["public_authorities", "companies"],
        "Public works create jobs but few apprenticeship places.",
        "Tenders above a threshold ask contractors to employ apprentices for the length of the contract.",
        "Contractors created apprenticeship places; an evaluation found no effect on tender prices.",
        [("150", "apprenticeship places"), ("38", "contracts with clauses")],
        "Clauses need a simple way to check compliance.",
        "Supporting apprenticeship and skills through public procurement works for any contracting authority.",
        ["entrepreneurship"],
        ["employment", "apprenticeships", "economy"],
    ),
    _example_practice(
        "skills-contests-for-21st-century-skills",
        "Skills contests for 21st century skills",
        ["example-youth-apprenticeship-network"],
        "IT",
        "Turin",
        (2022, 2022),
        "local",
        "completed",
        ["young_people", "parents"],
        "Young people and their parents see apprenticeships as a second choice.",
        "Teams of apprentices solve real company challenges in a public one-day contest.",
        "The contest drew visitors and raised applications for apprenticeships.",
        [("32", "teams"), ("600", "visitors")],
        "Invite parents explicitly: they shape young people's choices.",
        "Needs only a venue, company challenges and volunteer judges.",
        ["21st-century-skills", "soft-skills"],
        ["apprenticeships", "inclusion"],
    ),
    _example_practice(
        "local-apprenticeship-coalition",
        "Local apprenticeship coalition of companies and schools",
        ["example-chamber-of-commerce-tallinn"],
        "EE",
        "Tallinn",
        (2022, None),
        "local",
        "running",
        ["companies", "public_authorities"],
        "Companies and schools each look for partners on their own.",
        "The chamber runs a coalition where companies and VET schools match apprenticeship offers monthly.",
        "Apprenticeship offers are matched faster and fewer places stay empty.",
        [("50", "companies"), ("6", "VET schools")],
        "A monthly rhythm keeps the coalition alive.",
        "Any chamber can host a coalition; a shared list of offers is the core tool.",
        ["entrepreneurship", "digital-skills"],
        ["economy", "apprenticeships"],
        project=Ref("project", "example-local-digital-skills-coalitions"),
    ),
    _example_practice(
        "entrepreneurship-labs-in-heritage-trades",
        "Entrepreneurship labs in cultural heritage trades",
        ["example-technical-college-south"],
        "ES",
        "Valencia",
        (2024, None),
        "local",
        "running",
        ["apprentices"],
        "Heritage crafts lose skilled workers while young people lack a path into them.",
        "Apprentices in restoration trades develop a business idea with local heritage sites as clients.",
        "First apprentice-led micro-businesses are working for heritage sites.",
        [("24", "apprentices"), ("5", "micro-businesses")],
        "Heritage sites are willing first clients when the quality is supervised.",
        "Cultural heritage can yield social and economic returns in any city with heritage sites.",
        ["entrepreneurship", "intercultural-skills"],
        ["culture", "economy"],
    ),
]

# --------------------------------------------------------------------------------------------
# Joint VET qualifications (all examples)
# --------------------------------------------------------------------------------------------


def _example_qualification(
    slug,
    title,
    summary,
    eqf_level,
    isced_field,
    status,
    credits,
    hours,
    months,
    wbl,
    countries,
    languages,
    units,
    occupations,
    partners,
    skills,
    topics,
    project=None,
    credit_system="ecvet",
):
    return {
        "slug": slug,
        "title": title,
        "summary": f"Example qualification (fictional). {summary}",
        "eqf_level": eqf_level,
        "isced_field": isced_field,
        "status": status,
        "credit_system": credit_system,
        "credits": Decimal(credits),
        "notional_workload_hours": hours,
        "duration_months": months,
        "work_based_learning_share": wbl,
        "countries": countries,
        "languages": languages,
        "learning_outcomes": units,
        "related_occupations": [occupation(name) for name in occupations],
        "project": project,
        "body": [paragraph(f"<p>{summary}</p>"), paragraph(f"<p><em>{EXAMPLE_NOTE}</em></p>")],
        "skills": skills,
        "topics": topics,
        "children": {"partner_links": [{"member": Ref("member", member), "role": role} for member, role in partners]},
    }


QUALIFICATIONS = [
    _example_qualification(
        "renewable-energy-installation-technician",
        "Renewable energy installation technician",
        "A joint qualification for installing and commissioning heat pumps and solar systems.",
        4,
        "07",
        "piloted",
        "60",
        1500,
        24,
        60,
        ["FI", "DE", "IE"],
        ["en", "fi", "de"],
        [
            unit(
                "Unit 1: Heat pump installation",
                "Principles of thermodynamics and refrigerant safety",
                "Install and commission an air-to-water heat pump",
                "Works safely and independently on site",
                "20",
            ),
            unit(
                "Unit 2: Photovoltaic systems",
                "Electrical principles of PV systems and grid connection rules",
                "Mount, wire and test a rooftop PV system",
                "Takes responsibility for the quality of own work",
                "20",
            ),
            unit(
                "Unit 3: Energy advice to customers",
                "Energy efficiency measures in homes",
                "Explain options and running costs to a customer",
                "Advises customers within agreed limits",
                "20",
            ),
        ],
        ["Heat pump installer", "Solar panel installer"],
        [
            ("example-vet-college-north", "awarding_body"),
            ("example-vocational-school-rhine", "awarding_body"),
            ("example-green-energy-installers", "partner"),
        ],
        ["renewable-energy", "energy-efficiency", "green-skills"],
        ["green-transition", "apprenticeships"],
        project=Ref("project", ERASMUS_PROJECT_SLUG),
    ),
    _example_qualification(
        "digital-maintenance-technician",
        "Digital maintenance technician (Industry 4.0)",
        "A joint qualification for maintaining connected production equipment using sensor data.",
        5,
        "07",
        "in_development",
        "90",
        2250,
        24,
        50,
        ["DE", "AT", "FI"],
        ["de", "en", "fi"],
        [
            unit(
                "Unit 1: Sensors and connected machines",
                "Industrial sensors, networks and protocols",
                "Install and configure sensors on production equipment",
                "Plans own work and coordinates with production staff",
                "30",
            ),
            unit(
                "Unit 2: Predictive maintenance with data",
                "Basic statistics for condition monitoring",
                "Analyse machine data to schedule maintenance",
                "Takes decisions on maintenance priorities",
                "30",
            ),
            unit(
                "Unit 3: Automation scripts",
                "Scripting for automation",
                "Write and test simple scripts",
                "Documents changes for others",
                "30",
            ),
        ],
        ["Maintenance technician", "Automation technician"],
        [
            ("example-vocational-school-rhine", "awarding_body"),
            ("example-chamber-of-crafts-alpine", "partner"),
            ("example-vet-college-north", "partner"),
        ],
        ["industry-4-0", "data-literacy", "coding"],
        ["digital-transition"],
        project=Ref("project", ERASMUS_PROJECT_SLUG),
    ),
    _example_qualification(
        "circular-economy-operations-assistant",
        "Circular economy operations assistant",
        "An entry-level joint qualification for sorting, repair and reuse operations.",
        3,
        "07",
        "accredited",
        "45",
        1100,
        18,
        70,
        ["IT", "PT", "ES"],
        ["it", "pt", "es"],
        [
            unit(
                "Unit 1: Sorting and material flows",
                "Types of materials and their recycling routes",
                "Sort incoming materials correctly",
                "Works under supervision with some autonomy",
                "15",
            ),
            unit(
                "Unit 2: Repair for reuse",
                "Common faults of household products",
                "Repair and test products for resale",
                "Follows quality checklists",
                "15",
            ),
            unit(
                "Unit 3: Customer service in reuse shops",
                "Consumer rights for second-hand goods",
                "Advise customers on reused products",
                "Handles routine requests independently",
                "15",
            ),
        ],
        ["Repair technician", "Recycling operative"],
        [("example-institute-for-work-and-learning", "partner"), ("example-technical-college-south", "awarding_body")],
        ["circular-economy", "green-skills", "soft-skills"],
        ["green-transition", "inclusion"],
    ),
    _example_qualification(
        "in-company-apprenticeship-trainer",
        "In-company apprenticeship trainer",
        "A joint qualification for experienced workers who train and mentor apprentices in companies.",
        5,
        "01",
        "accredited",
        "30",
        750,
        9,
        40,
        ["AT", "DE", "EE"],
        ["de", "en", "et"],
        [
            unit(
                "Unit 1: Planning learning at work",
                "Principles of work-based learning",
                "Plan an apprentice's learning path with the school",
                "Takes responsibility for apprentices' learning",
                "10",
            ),
            unit(
                "Unit 2: Mentoring and feedback",
                "Adult learning and mentoring methods",
                "Give constructive feedback and assess progress",
                "Acts as a role model",
                "10",
            ),
            unit(
                "Unit 3: Inclusion at work",
                "Diversity and inclusion at the workplace",
                "Adapt tasks to apprentices' needs",
                "Ensures fair treatment",
                "10",
            ),
        ],
        ["In-company trainer", "Apprenticeship mentor"],
        [("example-chamber-of-crafts-alpine", "awarding_body"), ("example-chamber-of-commerce-tallinn", "partner")],
        ["soft-skills", "21st-century-skills", "lifelong-learning"],
        ["apprenticeships", "inclusion"],
        project=Ref("project", "example-local-digital-skills-coalitions"),
    ),
    _example_qualification(
        "digital-tourism-and-heritage-services",
        "Digital tourism and heritage services",
        "A joint qualification for digital visitor services at heritage sites and in tourism.",
        4,
        "10",
        "piloted",
        "60",
        1500,
        24,
        50,
        ["ES", "PT", "IT"],
        ["es", "pt", "it", "en"],
        [
            unit(
                "Unit 1: Heritage interpretation",
                "Tangible and intangible heritage of the region",
                "Guide visitors in two languages",
                "Represents the site to visitors",
                "20",
            ),
            unit(
                "Unit 2: Digital visitor services",
                "Booking systems and digital guides",
                "Create digital content for visitors",
                "Maintains content independently",
                "20",
            ),
            unit(
                "Unit 3: Small business in tourism",
                "Basics of pricing and marketing",
                "Draft a simple business plan",
                "Takes initiative on new offers",
                "20",
            ),
        ],
        ["Tour guide", "Visitor services assistant"],
        [
            ("example-technical-college-south", "awarding_body"),
            ("example-regional-skills-authority-lisbon", "partner"),
        ],
        ["digital-skills", "intercultural-skills", "entrepreneurship"],
        ["culture", "economy"],
        project=Ref("project", "example-apprenticeship-mobility-bridges"),
    ),
    _example_qualification(
        "smart-building-energy-manager",
        "Smart building energy manager",
        "A higher joint qualification for managing energy use in large buildings with data.",
        6,
        "07",
        "in_development",
        "60",
        1500,
        12,
        40,
        ["FI", "IE", "BE"],
        ["en", "fi", "fr", "nl"],
        [
            unit(
                "Unit 1: Building energy systems",
                "Heating, cooling and ventilation systems",
                "Audit the energy use of a building",
                "Manages audits and reports to owners",
                "20",
            ),
            unit(
                "Unit 2: Energy data analysis",
                "Metering and building management systems",
                "Analyse consumption data and propose measures",
                "Takes responsibility for energy targets",
                "20",
            ),
            unit(
                "Unit 3: Leading retrofit projects",
                "Financing and procurement of retrofits",
                "Plan and supervise a retrofit project",
                "Leads teams and contractors",
                "20",
            ),
        ],
        ["Energy manager", "Building automation specialist"],
        [
            ("example-vet-college-north", "awarding_body"),
            ("example-green-energy-installers", "partner"),
            ("example-social-partners-platform", "partner"),
        ],
        ["energy-efficiency", "data-literacy", "sustainable-construction"],
        ["green-transition", "digital-transition"],
        project=Ref("project", ERASMUS_PROJECT_SLUG),
    ),
]

# --------------------------------------------------------------------------------------------
# Events: the three from the source texts, then examples in 2027 (fixed dates keep the loader idempotent)
# --------------------------------------------------------------------------------------------

WEBINAR_TEXT = (
    "Cultural heritage in cities, while valuable in itself, is also something that can yield major social and "
    "economic dividends. In this webinar, we will hear from three expert practitioners from Europe, Turkey and "
    "China on how cities can leverage tangible and intangible heritage for more cohesive societies and increased "
    "attractiveness for business and tourism."
)

GHENT_REVIEW_TEXT = (
    "On 14-15 November, EUROCITIES working group on employment met in Ghent to learn and exchange views on Ghent's "
    "strategic approach on tackling the skills mismatch and develop 21st century skills. The city has shared its "
    "practice with 20 participants from 9 cities (Bristol, Lille Metropole, Madrid, Lyon, Barcelona, Gijon, "
    "Stockholm and Twente). The discussions were focused on the key challenges, success factors and lessons learnt "
    "in tackling skills mismatch and developing 21st century skills."
)

WARSAW_FORUM_TEXT = (
    "The EUROCITIES Social Affairs Forum met in Warsaw on 22-24 October 2019 to discuss the topic of 'Inclusive "
    "cities: Ensuring social inclusion & well-being for all ages'. The first paper free forum meeting had a great "
    "attendance of 150 participants, from 50 cities including 15 politicians and representatives of European "
    "Commission, European Investment Bank, UNICEF, EUROCHILD and beneficiaries of Warsaw's ESF projects."
)

# The source gives dates without times: whole days in the event's time zone.
EVENTS = [
    {
        "slug": "cultural-heritage-social-and-economic-returns",
        "title": "Cultural heritage, social and economic returns",
        "summary": "A webinar with three expert practitioners from Europe, Turkey and China on how cities can "
        "leverage tangible and intangible heritage.",
        "kind": "webinar",
        "format": "online",
        "start": at("2020-02-06 00:00", "Europe/Brussels"),
        "end": at("2020-02-06 23:59", "Europe/Brussels"),
        "time_zone": "Europe/Brussels",
        "venue": "",
        "city": "",
        "country": "",
        "organiser": None,
        "body": [
            paragraph(f"<p>{WEBINAR_TEXT}</p>"),
            paragraph("<p>Start date: 06-02-2020. End date: 06-02-2020.</p>"),
        ],
        "participants_count": None,
        "cities_count": None,
        "participating_cities": "",
        "report": "",
        "skills": [],
        "topics": ["culture", "economy"],
    },
    {
        "slug": "critical-friend-review-ghent-2019",
        "title": "Critical friend review on skills mismatch and 21st century skills, Ghent",
        "summary": "The EUROCITIES working group on employment met in Ghent on 14-15 November 2019: 20 participants "
        "from 9 cities.",
        "kind": "peer_review",
        "format": "in_person",
        "start": at("2019-11-14 00:00", "Europe/Brussels"),
        "end": at("2019-11-15 23:59", "Europe/Brussels"),
        "time_zone": "Europe/Brussels",
        "venue": "",
        "city": "Ghent",
        "country": "BE",
        "organiser": Ref("member", "ghent"),
        "body": [paragraph(f"<p>{GHENT_REVIEW_TEXT}</p>")],
        "participants_count": 20,
        "cities_count": 9,
        "participating_cities": "Ghent, " + ", ".join(REVIEW_CITIES),
        "report": f"<p>{GHENT_REVIEW_TEXT}</p>",
        "skills": ["21st-century-skills"],
        "topics": ["skills-mismatch", "employment"],
    },
    {
        "slug": "social-affairs-forum-warsaw-2019",
        "title": "EUROCITIES Social Affairs Forum, Warsaw",
        "summary": "'Inclusive cities: Ensuring social inclusion & well-being for all ages': 150 participants from 50 "
        "cities, the first paper free forum meeting.",
        "kind": "forum",
        "format": "in_person",
        "start": at("2019-10-22 00:00", "Europe/Warsaw"),
        "end": at("2019-10-24 23:59", "Europe/Warsaw"),
        "time_zone": "Europe/Warsaw",
        "venue": "",
        "city": "Warsaw",
        "country": "PL",
        "organiser": Ref("member", "warsaw"),
        "body": [paragraph(f"<p>{WARSAW_FORUM_TEXT}</p>")],
        "participants_count": 150,
        "cities_count": 50,
        "participating_cities": "",
        "report": f"<p>{WARSAW_FORUM_TEXT}</p>",
        "skills": [],
        "topics": ["inclusion"],
    },
]


def _example_event(
    slug,
    title,
    kind,
    fmt,
    start,
    end,
    time_zone,
    city,
    country,
    organiser,
    summary,
    skills,
    topics,
    venue="",
    project=None,
):
    return {
        "slug": slug,
        "title": title,
        "summary": f"Example event (fictional). {summary}",
        "kind": kind,
        "format": fmt,
        "start": at(start, time_zone),
        "end": at(end, time_zone),
        "time_zone": time_zone,
        "venue": venue,
        "city": city,
        "country": country,
        "organiser": Ref("member", organiser),
        "project": project,
        "body": [paragraph(f"<p>{summary}</p>"), paragraph(f"<p><em>{EXAMPLE_NOTE}</em></p>")],
        "participants_count": None,
        "cities_count": None,
        "participating_cities": "",
        "report": "",
        "skills": skills,
        "topics": topics,
    }


EVENTS += [
    _example_event(
        "example-workshop-green-skills-in-apprenticeships-2027",
        "Workshop: green skills in apprenticeships",
        "workshop",
        "online",
        "2027-03-10 10:00",
        "2027-03-10 12:30",
        "Europe/Helsinki",
        "",
        "",
        "example-vet-college-north",
        "An online workshop on integrating green skills in apprenticeships, with examples from VET schools.",
        ["green-skills", "energy-efficiency"],
        ["green-transition", "apprenticeships"],
        project=Ref("project", ERASMUS_PROJECT_SLUG),
    ),
    _example_event(
        "example-annual-forum-lisbon-2027",
        "Cities for apprenticeship annual forum 2027",
        "forum",
        "in_person",
        "2027-05-19 09:00",
        "2027-05-20 17:00",
        "Europe/Lisbon",
        "Lisbon",
        "PT",
        "example-regional-skills-authority-lisbon",
        "Two days of sessions on the role of cities in developing and implementing apprenticeships.",
        ["soft-skills", "lifelong-learning"],
        ["apprenticeships", "employment"],
        venue="Example Congress Centre",
    ),
    _example_event(
        "example-webinar-data-literacy-for-vet-teachers-2027",
        "Webinar: data literacy for VET teachers",
        "webinar",
        "hybrid",
        "2027-06-08 14:00",
        "2027-06-08 15:30",
        "Europe/Berlin",
        "Cologne",
        "DE",
        "example-vocational-school-rhine",
        "A hybrid session, on site and online, on teaching apprentices to work with data.",
        ["data-literacy", "digital-skills"],
        ["digital-transition", "knowledge-society"],
        venue="Example Vocational School Rhine, main hall",
    ),
    _example_event(
        "example-peer-review-apprenticeship-mentoring-2027",
        "Peer review: apprenticeship mentoring in crafts",
        "peer_review",
        "in_person",
        "2027-09-22 09:30",
        "2027-09-23 16:00",
        "Europe/Vienna",
        "Innsbruck",
        "AT",
        "example-chamber-of-crafts-alpine",
        "Member cities and chambers review a shared-mentor scheme for small craft companies.",
        ["soft-skills", "entrepreneurship"],
        ["apprenticeships", "economy"],
    ),
    _example_event(
        "example-joint-qualifications-partner-meeting-2027",
        "Joint VET qualifications partner meeting",
        "meeting",
        "hybrid",
        "2027-11-16 10:00",
        "2027-11-16 16:00",
        "Europe/Dublin",
        "Cork",
        "IE",
        "example-green-energy-installers",
        "Partners review the pilots of the joint VET qualifications and plan their accreditation.",
        ["renewable-energy", "green-skills"],
        ["green-transition", "apprenticeships"],
        project=Ref("project", ERASMUS_PROJECT_SLUG),
    ),
]

# --------------------------------------------------------------------------------------------
# News: the four items of the source text 001 (with their exact publication dates), then examples
# --------------------------------------------------------------------------------------------

NEWS = [
    {
        "slug": "highlights-critical-friend-review-ghent",
        "title": "Highlights from WG employment critical friend review on skills mismatch and development of "
        "21st century skills",
        "publication_date": datetime.date(2019, 12, 24),
        "kind": "highlight",
        "summary": "The EUROCITIES working group on employment met in Ghent on 14-15 November to learn about "
        "Ghent's strategic approach on tackling the skills mismatch: 20 participants from 9 cities.",
        "body": [paragraph(f"<p>{GHENT_REVIEW_TEXT}</p>")],
        "project": None,
        "skills": ["21st-century-skills"],
        "topics": ["skills-mismatch", "employment"],
        "children": {
            "member_links": [
                {"member": Ref("member", slug)}
                for slug in [
                    "ghent",
                    "bristol",
                    "lille-metropole",
                    "madrid",
                    "lyon",
                    "barcelona",
                    "gijon",
                    "stockholm",
                    "twente",
                ]
            ],
            "event_links": [{"event": Ref("event", "critical-friend-review-ghent-2019")}],
        },
    },
    {
        "slug": "economy-item-14-november-2019",
        "title": "Working group employment: economy item of 14 November 2019",
        "publication_date": datetime.date(2019, 11, 14),
        "kind": "news",
        "summary": "Example text: the source page lists an item published on 14 November 2019 under the topic "
        "economy, without a title or text.",
        "body": [
            paragraph(
                "<p><em>Example text.</em> The working group employment page lists an item published on "
                "14 November 2019 and tagged economy. The source shows only its date and its topic, so this page "
                "stands in for it; no further content is claimed.</p>"
            )
        ],
        "project": None,
        "skills": [],
        "topics": ["economy"],
        "children": {"member_links": [], "event_links": []},
    },
    {
        "slug": "combating-long-term-unemployment-lille-video",
        "title": "Combating long-term unemployment: watch Lille's inspiring video",
        "publication_date": datetime.date(2019, 11, 13),
        "kind": "video",
        "summary": "A video from Lille Metropole on how its innovative approach is succeeding in creating job "
        "opportunities through social economy.",
        "body": [
            paragraph(
                "<p>If your city is looking for inspiration about how to combat long-term unemployment, check out "
                "this video from Lille Metropole to discover how its innovative approach is succeeding in creating "
                "job opportunities through social economy.</p>"
            ),
            # No video block: the source does not give the video's address, and the demo does not invent one.
        ],
        "project": None,
        "skills": [],
        "topics": ["long-term-unemployment", "social-economy", "employment"],
        "children": {"member_links": [{"member": Ref("member", "lille-metropole")}], "event_links": []},
    },
    {
        "slug": "highlights-social-affairs-forum-warsaw",
        "title": "Highlights from Social Affairs Forum in Warsaw on 22-24 October",
        "publication_date": datetime.date(2019, 11, 5),
        "kind": "highlight",
        "summary": "The EUROCITIES Social Affairs Forum met in Warsaw on 22-24 October 2019: 150 participants from "
        "50 cities, including 15 politicians.",
        "body": [
            paragraph(f"<p>{WARSAW_FORUM_TEXT}</p>"),
            paragraph("<p>The two-day meeting offered the opportunity to identify what works.</p>"),
            key_figures(
                "Social Affairs Forum 2019", [("150", "participants"), ("50", "cities"), ("15", "politicians")]
            ),
        ],
        "project": None,
        "skills": [],
        "topics": ["inclusion"],
        "children": {
            "member_links": [{"member": Ref("member", "warsaw")}],
            "event_links": [{"event": Ref("event", "social-affairs-forum-warsaw-2019")}],
        },
    },
    {
        "slug": "example-new-members-from-finland-and-austria",
        "title": "Example news: new members from Finland and Austria",
        "publication_date": datetime.date(2021, 3, 20),
        "kind": "news",
        "summary": "Example news item (fictional). Example VET College North and Example Chamber of Crafts Alpine "
        "joined the network.",
        "body": [paragraph(f"<p><em>{EXAMPLE_NOTE}</em></p>")],
        "project": None,
        "skills": ["green-skills", "soft-skills"],
        "topics": ["apprenticeships"],
        "children": {
            "member_links": [
                {"member": Ref("member", "example-vet-college-north")},
                {"member": Ref("member", "example-chamber-of-crafts-alpine")},
            ],
            "event_links": [],
        },
    },
    {
        "slug": "example-publication-guide-to-joint-vet-qualifications",
        "title": "Example publication: a guide to designing joint VET qualifications",
        "publication_date": datetime.date(2025, 6, 16),
        "kind": "publication",
        "summary": "Example publication (fictional). How partners describe joint VET qualifications with EQF "
        "learning outcomes, credits and work-based learning.",
        "body": [paragraph(f"<p><em>{EXAMPLE_NOTE}</em></p>")],
        "project": Ref("project", ERASMUS_PROJECT_SLUG),
        "skills": ["digital-skills", "lifelong-learning"],
        "topics": ["apprenticeships", "knowledge-society"],
        "children": {
            "member_links": [{"member": Ref("member", "example-institute-for-work-and-learning")}],
            "event_links": [],
        },
    },
]

# --------------------------------------------------------------------------------------------
# Standard pages
# --------------------------------------------------------------------------------------------

MEMBER_ROLES = [
    "Informing, inspiring and supporting apprenticeship within their communities and networks and be a catalyst "
    "for apprenticeships within the local business environment",
    "Leading by example in sustaining quality and effective apprenticeships and supporting the digital and green "
    "transition",
    "Sharing ideas and experience and fuelling the consultative process for the implementation of the European "
    "Pillar of Social Rights and the European policies of the new programming cycle 2021-2027",
    "Advocating at national, regional and local level in order to persuade public authorities, schools, "
    "universities, organisations and businesses to commit to ambitious apprenticeship actions and pledges",
    "Sharing scientifically reliable knowledge and raising awareness on topics related to quality apprenticeship, "
    "e.g. through organising online and offline events and thematic discussions, running campaigns in media and "
    "social media, offering data, expertise and stories related to effective apprenticeship",
    "Organising activities related to apprenticeship, e.g. fostering local apprenticeship coalitions, "
    "apprenticeship mobility schemes, organising information desks, skills contests, designing and delivering "
    "financial and non-financial incentives for apprenticeships (i.e. supporting apprenticeship and skills through "
    "public procurement), integrating green and digital skills in apprenticeship, etc.",
    "Exchanging knowledge, e.g. through peer-to-peer training, to help anyone start or expand apprenticeship "
    "initiatives",
]

STANDARD_PAGES = [
    {
        "slug": "join-the-network",
        "title": "Join the network",
        "show_in_menus": True,
        "intro": JOIN_INTRO,
        "body": [
            paragraph(
                "<p>It will play a proactive role in encouraging development of green and digital skills in "
                "apprenticeships and give voice to cities in the European Alliance for Apprenticeship.</p>"
                "<p>The network started its activities in June 2020 through a series of virtual workshops and will "
                "develop concrete proposals which will be shared with the European Commission.</p>"
                "<p>The workshops will become catalyst for discussions on the role of cities in developing and "
                "implementing apprenticeships.</p>"
                "<p>At the same time, the network can fuel the consultative process for the implementation of the "
                "European Pillar of Social Rights and have an impact on the European policies implemented during "
                "the new programming cycle 2021-2027.</p>"
            ),
            quote("No fee is required to join the Network of Cities for Apprenticeship.", "Cities4Apprenticeship"),
            heading("What is the role of the Network Cities4Apprenticeship's members?"),
            paragraph(bullet_list(MEMBER_ROLES)),
            heading("How can I become a member?"),
            paragraph(
                "<p>The Network of Cities for Apprenticeships is an initiative promoted in the frame of the European "
                "Alliance for Apprenticeship (EAfA).</p>"
                "<p>The Network Cities for Apprenticeship encourages its members to join the European Alliance for "
                "Apprenticeship and boosts the presence of the cities and the metropolitan cities in the Alliance."
                "</p>"
                "<p>To join you should complete the EAfA pledge application form and return it by email. "
                "<strong>Do not forget to mention in the Section 4 the Cities4Apprenticeship network as your "
                "partner!</strong></p>"
            ),
            call_to_action(
                "Apply to join on this site",
                "Apply to join",
                url="/join/apply/",
                text="Tell us about your organisation; editors review each application and answer by email.",
            ),
            heading(
                "Not ready to join the European Alliance for Apprenticeship but interested to join "
                "Cities4Apprenticeship?"
            ),
            paragraph(
                f"<p>Or do you need more information or help? Send an email to "
                f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> and we will contact you back.</p>'
                "<p><em>The source page's email addresses were not preserved; info@guild.example is an example "
                "address for this demo.</em></p>"
            ),
            call_to_action(
                "Send us a message",
                "Contact the network",
                url="/contact/",
                text="Ask your question here and we will contact you back.",
            ),
            call_to_action(
                "Meet the members",
                "Browse members",
                page=Ref("index", "members"),
                text="Cities, VET providers, companies and chambers already in the network.",
            ),
        ],
    },
    {
        "slug": "working-group-employment",
        "title": "Working group employment",
        "show_in_menus": True,
        "intro": (
            "Europe is facing high levels of unemployment and shortages of skills and the coming decades will see "
            "Europe's workforce shrink due to its ageing population."
        ),
        "body": [
            paragraph(
                "<p>Europe is facing high levels of unemployment and shortages of skills and the coming decades will "
                "see Europe's workforce shrink due to its ageing population. There is a growing awareness of the "
                "need for reskilling, skills development and lifelong learning to better match the supply and "
                "demand of Europe's labour market.</p>"
                "<p>Recent years have seen labour market responsibilities devolve from the national level to the "
                "regional and local levels. We have also seen the creation of new public-private partnerships in "
                "employment policies, and a rise of active labour market policies and 'work first' approaches.</p>"
                "<p>The Europe 2020 strategy for smart, sustainable and inclusive growth sets the ambitious target to "
                "increase the employment rate in Europe to 75%, which demands better policies, better cooperation "
                "and better policies on education and life-long learning.</p>"
                "<p>Our working group employment is a platform for cities to exchange good practices on local labour "
                "market policies. We work together with the EU institutions to profile the role local authorities "
                "play in shaping effective labour market policies and the importance of including cities in the "
                "governance of the European social agenda.</p>"
            ),
            key_figures("Europe 2020 strategy", [("75%", "target employment rate in Europe")]),
            heading("Topics"),
            paragraph(
                '<ul><li><a href="/topics/culture/">culture</a></li><li><a href="/topics/economy/">economy</a></li>'
                '<li><a href="/topics/knowledge-society/">knowledge society</a></li></ul>'
            ),
            call_to_action(
                "Events of the working group",
                "See events",
                page=Ref("index", "events"),
                text="The cultural heritage webinar, the Ghent critical friend review and the Warsaw "
                "Social Affairs Forum.",
            ),
            call_to_action("News and highlights", "Read the news", page=Ref("index", "news")),
        ],
    },
    {
        "slug": "about",
        "title": "About",
        "show_in_menus": True,
        "intro": (
            "The Network of Cities for Apprenticeship (Cities4Apprenticeship) is an initiative promoted in the frame "
            "of the European Alliance for Apprenticeships (EAfA)."
        ),
        "body": [
            paragraph(
                f"<p>{JOIN_INTRO}</p>"
                "<p>The network started its activities in June 2020 through a series of virtual workshops and will "
                "develop concrete proposals which will be shared with the European Commission. It plays a proactive "
                "role in encouraging development of green and digital skills in apprenticeships and gives voice to "
                "cities in the European Alliance for Apprenticeship.</p>"
            ),
            heading("About this site"),
            paragraph(
                "<p>This site runs on Guild, a platform for European networks that grow apprenticeships and "
                "vocational education and training. It holds the network's members, projects, campaigns, events, "
                "news, good practices and joint VET qualifications, tagged with green, digital and transversal "
                "skills.</p>"
                "<p><em>Demo content: pages built from the network's public texts hold only the facts those texts "
                'state. Records named "Example ..." or marked as examples are fictional and illustrate how the '
                "platform works.</em></p>"
            ),
            call_to_action(
                "Join the network",
                "How to join",
                page=Ref("standard", "join-the-network"),
                text="No fee is required to join.",
            ),
        ],
    },
    {
        "slug": "privacy-notice",
        "title": "Privacy notice",
        "show_in_menus": True,
        "intro": "Example text: a generic privacy notice for this demo site, to be replaced by the network's own.",
        "body": [
            paragraph("<p><em>Example text. This notice is a template for the demo and is not legal advice.</em></p>"),
            heading("What we collect"),
            paragraph(
                "<p>Member pages show organisations' public information and role addresses (such as info@...), "
                "never private addresses of individuals. When you contact us or apply for membership, we keep your "
                "message and contact details to answer you and to manage the membership.</p>"
            ),
            heading("Cookies"),
            paragraph(
                "<p>The public site uses only the cookies it needs to work (for example a language choice and, "
                "for editors, a session cookie). It uses no tracking cookies.</p>"
            ),
            heading("Your rights"),
            paragraph(
                "<p>Under the General Data Protection Regulation you may ask to see, correct or delete your data. "
                f'Write to <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> (an example address in this demo).'
                "</p>"
            ),
        ],
    },
]

# --------------------------------------------------------------------------------------------
# Campaigns
# --------------------------------------------------------------------------------------------

INCLUSIVE_CITIES_TEXT = (
    "Is your city pursuing inclusive policies? Do you work to ensure social rights for all people in your city? "
    "Then join our initiative 'Inclusive Cities for All: Social Rights in My City'."
)

INCLUSIVE_CITIES_URL = "https://inclusivecities4all.eu/political-campaign/"

CAMPAIGNS = [
    {
        "slug": "inclusive-cities-for-all",
        "title": "Inclusive Cities for All: Social Rights in My City",
        "summary": "Join EUROCITIES initiative 'Inclusive Cities for All: Social Rights in My City'.",
        "aim": INCLUSIVE_CITIES_TEXT,
        # The source gives the call's publication date (13-01-2020), not a campaign period.
        "start_date": datetime.date(2020, 1, 13),
        "end_date": None,
        "call_to_action": "Join the initiative",
        # The source asks cities to join EUROCITIES' initiative, not this network: the button goes to the
        # initiative's own site, where EUROCITIES explains how a city pledges.
        "call_to_action_page": None,
        "call_to_action_url": INCLUSIVE_CITIES_URL,
        "body": [
            heading("Join EUROCITIES initiative 'Inclusive Cities for All: Social Rights in My City'"),
            paragraph(f"<p>{INCLUSIVE_CITIES_TEXT}</p><p>Publication date: 13-01-2020.</p>"),
            paragraph(
                "<p><em>Example data: the supporters and progress figures on this page are fictional demo records; "
                "the source text does not list who joined.</em></p>"
            ),
        ],
        "skills": [],
        "topics": ["inclusion", "employment"],
        "children": {
            "supporter_links": [
                {"member": Ref("member", "example-regional-skills-authority-lisbon"), "since": None},
                {"member": Ref("member", "example-social-partners-platform"), "since": None},
                {"member": Ref("member", "example-youth-apprenticeship-network"), "since": None},
            ],
            "progress_figures": [
                {"value": 12, "target": 50, "label": "cities that joined (example figure)"},
                {"value": 3, "target": None, "label": "supporting organisations (example figure)"},
            ],
        },
    },
    {
        "slug": "example-green-apprenticeship-pledge-2027",
        "title": "Example campaign: Green Apprenticeship Pledge 2027",
        "summary": "Example campaign (fictional). Members pledge to integrate green skills in every apprenticeship "
        "they offer.",
        "aim": "Example aim: every apprenticeship offered by a pledging member includes at least one green skills "
        "unit by the end of 2027.",
        "start_date": datetime.date(2026, 9, 1),
        "end_date": datetime.date(2027, 12, 31),
        "call_to_action": "Pledge with your organisation",
        "call_to_action_page": Ref("standard", "join-the-network"),
        "call_to_action_url": "",
        "body": [paragraph(f"<p><em>{EXAMPLE_NOTE}</em></p>")],
        "skills": ["green-skills", "energy-efficiency", "circular-economy"],
        "topics": ["green-transition", "apprenticeships"],
        "children": {
            "supporter_links": [
                {"member": Ref("member", "example-vocational-school-rhine"), "since": datetime.date(2026, 9, 1)},
                {"member": Ref("member", "example-vet-college-north"), "since": datetime.date(2026, 10, 5)},
                {"member": Ref("member", "example-green-energy-installers"), "since": datetime.date(2026, 11, 12)},
            ],
            "progress_figures": [
                {"value": 18, "target": 40, "label": "organisations pledged (example figure)"},
            ],
        },
    },
]

# --------------------------------------------------------------------------------------------
# Accessibility statement and legal notice (linked from the footer by their slugs)
# --------------------------------------------------------------------------------------------

ACCESSIBILITY_SLUG = "accessibility"
LEGAL_NOTICE_SLUG = "legal-notice"

LEGAL_PAGES = [
    {
        "slug": ACCESSIBILITY_SLUG,
        "title": "Accessibility statement",
        "show_in_menus": False,
        "intro": "Example text: how accessible this demo site is, what is known not to work, and how to tell us.",
        "body": [
            paragraph("<p><em>Example text. The network replaces it with its own statement.</em></p>"),
            heading("Our aim"),
            paragraph(
                "<p>We want everyone to be able to use this site: on a phone or a computer, with a keyboard, a "
                "screen reader or magnification, in any of its languages. We aim to meet the Web Content "
                "Accessibility Guidelines (WCAG) 2.1 at level AA, the level the European standard EN 301 549 "
                "asks of public-sector websites.</p>"
            ),
            heading("How we check"),
            paragraph(
                "<p>Every page type is tested automatically, in English and French, on a phone-sized and a "
                "desktop-sized screen: for horizontal scrolling, with the axe-core accessibility checker and "
                "with Lighthouse. Images carry text alternatives; pictures that only decorate are marked so.</p>"
            ),
            heading("What may not work yet"),
            paragraph(
                "<p>Documents uploaded by members (PDF reports, slides) may not be accessible. The map on the "
                "partner finder is also available as a list. Videos from other platforms may lack captions.</p>"
            ),
            heading("Tell us"),
            paragraph(
                "<p>If something on this site does not work for you, write to "
                f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> (an example address in this demo). '
                "We answer within ten working days. If our answer does not satisfy you, you can contact the "
                "body that enforces web accessibility in your country.</p>"
            ),
        ],
    },
    {
        "slug": LEGAL_NOTICE_SLUG,
        "title": "Legal notice",
        "show_in_menus": False,
        "intro": "Example text: who publishes this demo site and who is responsible for its content.",
        "body": [
            paragraph(
                "<p><em>Example text. The publisher below is fictional; the network replaces it with its "
                "own details.</em></p>"
            ),
            heading("Publisher"),
            paragraph(
                "<p>Example Network Secretariat (fictional), Example Street 1, 1000 Brussels, Belgium. "
                f'Email: <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</p>'
            ),
            heading("Responsible for the content"),
            paragraph(
                "<p>The network's editorial team. Member organisations are responsible for the pages they "
                "publish about themselves and their good practices.</p>"
            ),
            heading("Pictures"),
            paragraph(
                "<p>The illustrations and logos of this demo were drawn for Guild and are dedicated to the "
                "public domain (CC0 1.0). The logos are initials on coloured discs, not the organisations' "
                "own marks.</p>"
            ),
            heading("European funding"),
            paragraph(
                '<p>Pages of EU-funded projects carry the European emblem and the statement "Co-funded by the '
                'European Union". Views and opinions expressed are those of the authors only and do not '
                "necessarily reflect those of the European Union.</p>"
            ),
        ],
    },
]
