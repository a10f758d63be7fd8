"""Example translations of a few demo pages, skill and topic labels, and the site settings.

They exist so that the language switcher, the API fallback and per-language search show something on a fresh
`make run`. Each translated page's summary starts with EXAMPLE_MARK. The texts are translated whole, body
included (STREAM_TEXTS); a field the demo does not translate keeps the English text `copy_for_translation` copied.
"""

from . import demo_content as content

EXAMPLE_MARK = {
    "fr": "Exemple de traduction (démo).",
    "de": "Beispielübersetzung (Demo).",
}

# Each text below translates its English source in `practices.demo_content` and says no more than it does:
# same facts, same figures, same hedges ("as far as the source describes it"). tests/test_demo_translations.py
# checks that every figure of a source reappears in its translation and that no translation keeps English text.

WARSAW_FORUM_TEXT_FR = (
    "Le Forum des affaires sociales d’EUROCITIES s’est réuni à Varsovie du 22 au 24 octobre 2019 autour du thème "
    "« Villes inclusives : garantir l’inclusion sociale et le bien-être à tous les âges ». Cette première réunion "
    "du forum sans papier a connu une forte participation : 150 participants venus de 50 villes, dont 15 "
    "responsables politiques et des représentants de la Commission européenne, de la Banque européenne "
    "d’investissement, de l’UNICEF, d’EUROCHILD et de bénéficiaires des projets FSE de Varsovie."
)

GHENT_REVIEW_TEXT_FR = (
    "Les 14 et 15 novembre, le groupe de travail EUROCITIES sur l’emploi s’est réuni à Gand pour découvrir "
    "l’approche stratégique de Gand face à l’inadéquation des compétences et au développement des compétences du "
    "XXIe siècle, et en débattre. La ville a présenté sa pratique à 20 participants venus de 9 villes (Bristol, "
    "Lille Métropole, Madrid, Lyon, Barcelone, Gijón, Stockholm et Twente). Les discussions ont porté sur les "
    "principaux défis, les facteurs de réussite et les enseignements tirés pour remédier à l’inadéquation des "
    "compétences et développer les compétences du XXIe siècle."
)

# English slug path from the home page (() is the home page) -> {language: fields}. Rich-text fields hold HTML.
PAGES = {
    (): {
        "fr": {
            "title": "Réseau Villes pour l’apprentissage",
            "hero_title": "Villes pour l’apprentissage",
            "intro": "Le réseau Villes pour l’apprentissage soutient l’apprentissage en collaboration avec les "
            "acteurs "
            "régionaux et nationaux, pour devenir une plateforme de plaidoyer, apporter aux villes information, "
            "formation et assistance technique et politique, et construire un solide partenariat entre villes.",
        },
        "de": {
            "title": "Netzwerk Städte für die Ausbildung",
            "hero_title": "Städte für die Ausbildung",
            "intro": "Das Netzwerk Städte für die Ausbildung unterstützt die Ausbildung in Zusammenarbeit mit "
            "regionalen "
            "und nationalen Akteuren, um eine Plattform der Interessenvertretung zu werden, Städten Information, "
            "Schulungen sowie technische und politische Unterstützung zu bieten und eine starke Partnerschaft "
            "zwischen Städten aufzubauen.",
        },
    },
    ("members",): {
        "fr": {
            "title": "Membres",
            "intro": "Villes, prestataires d’EFP, entreprises, chambres et autorités qui travaillent avec le réseau.",
        },
        "de": {
            "title": "Mitglieder",
            "intro": "Städte, Berufsbildungsanbieter, Unternehmen, Kammern und Behörden, die mit dem Netzwerk "
            "zusammenarbeiten.",
        },
    },
    ("projects",): {
        "fr": {"title": "Projets", "intro": "Projets financés que les membres du réseau mènent ensemble."},
    },
    ("campaigns",): {
        "fr": {"title": "Campagnes", "intro": "Initiatives que les membres rejoignent ou auxquelles ils s’engagent."},
    },
    ("events",): {
        "fr": {
            "title": "Événements",
            "intro": "Ateliers, webinaires, forums, réunions et revues par les pairs, à venir et passés.",
        },
    },
    ("news",): {
        "fr": {
            "title": "Actualités",
            "intro": "Actualités, temps forts, vidéos et publications du réseau.",
        },
    },
    ("good-practices",): {
        "fr": {
            "title": "Bonnes pratiques",
            "intro": "Ce que les membres ont fait, ce qui en est sorti et ce que d’autres peuvent reprendre.",
        },
        "de": {
            "title": "Gute Praxis",
            "intro": "Was Mitglieder getan haben, was daraus wurde und was andere übernehmen können.",
        },
    },
    ("joint-vet-qualifications",): {
        "fr": {
            "title": "Certifications professionnelles communes",
            "intro": "Certifications professionnelles communes que les membres élaborent ensemble, décrites par "
            "des acquis d’apprentissage du CEC.",
        },
    },
    ("about",): {
        "fr": {
            "title": "À propos",
            "intro": "Le réseau des villes pour l’apprentissage (Cities4Apprenticeship) est une initiative promue "
            "dans le cadre de l’Alliance européenne pour l’apprentissage (EAfA).",
        },
    },
    ("good-practices", "ghent-strategic-approach-to-the-skills-mismatch"): {
        "fr": {
            "title": "L’approche stratégique de Gand face à l’inadéquation des compétences et les compétences du "
            "XXIe siècle",
            "summary": "Gand a présenté son approche stratégique pour remédier à l’inadéquation des compétences et "
            "développer les compétences du XXIe siècle à 20 participants venus de 9 villes, lors d’une revue "
            "« ami critique » les 14 et 15 novembre 2019.",
            "challenge": "<p>Remédier à l’inadéquation des compétences et développer les compétences du XXIe "
            "siècle.</p>",
            "approach": "<p>Les 14 et 15 novembre 2019, le groupe de travail EUROCITIES sur l’emploi s’est réuni à "
            "Gand pour découvrir l’approche stratégique de Gand face à l’inadéquation des compétences et au "
            "développement des compétences du XXIe siècle, et en débattre. La ville a présenté sa pratique à 20 "
            "participants venus de 9 villes (Bristol, Lille Métropole, Madrid, Lyon, Barcelone, Gijón, Stockholm "
            "et Twente).</p>",
            "lessons": "<p>Les discussions ont porté sur les principaux défis, les facteurs de réussite et les "
            "enseignements tirés pour remédier à l’inadéquation des compétences et développer les compétences du "
            "XXIe siècle.</p>",
        },
        "de": {
            "title": "Gents strategischer Ansatz gegen das Qualifikationsmismatch und für Kompetenzen des "
            "21. Jahrhunderts",
            "summary": "Gent stellte seinen strategischen Ansatz gegen das Qualifikationsmismatch und für die "
            "Entwicklung von Kompetenzen des 21. Jahrhunderts bei einem Critical-Friend-Review am 14. und "
            "15. November 2019 20 Teilnehmenden aus 9 Städten vor.",
            "challenge": "<p>Das Qualifikationsmismatch angehen und Kompetenzen des 21. Jahrhunderts entwickeln.</p>",
            "approach": "<p>Am 14. und 15. November 2019 traf sich die EUROCITIES-Arbeitsgruppe Beschäftigung in "
            "Gent, um Gents strategischen Ansatz gegen das Qualifikationsmismatch und für die Entwicklung von "
            "Kompetenzen des 21. Jahrhunderts kennenzulernen und sich darüber auszutauschen. Die Stadt stellte "
            "ihre Praxis 20 Teilnehmenden aus 9 Städten vor (Bristol, Lille Métropole, Madrid, Lyon, Barcelona, "
            "Gijón, Stockholm und Twente).</p>",
            "lessons": "<p>Die Diskussionen drehten sich um die zentralen Herausforderungen, die Erfolgsfaktoren "
            "und die Lehren beim Angehen des Qualifikationsmismatchs und bei der Entwicklung von Kompetenzen des "
            "21. Jahrhunderts.</p>",
        },
    },
    ("good-practices", "lille-metropole-social-economy-against-long-term-unemployment"): {
        "fr": {
            "title": "Lille Métropole : combattre le chômage de longue durée par l’économie sociale",
            "summary": "L’approche innovante de Lille Métropole réussit à créer des possibilités d’emploi grâce à "
            "l’économie sociale, comme le montre sa vidéo sur la lutte contre le chômage de longue durée.",
            "challenge": "<p>Combattre le chômage de longue durée.</p>",
            "approach": "<p>Une approche innovante qui crée des possibilités d’emploi grâce à l’économie sociale.</p>",
            "results": "<p>L’approche réussit à créer des possibilités d’emploi grâce à l’économie sociale.</p>",
            "transferability": "<p>Si votre ville cherche de l’inspiration pour combattre le chômage de longue "
            "durée, regardez la vidéo de Lille Métropole dans la rubrique Actualités.</p>",
        },
    },
    ("events", "social-affairs-forum-warsaw-2019"): {
        "fr": {
            "title": "Forum des affaires sociales d’EUROCITIES, Varsovie",
            "summary": "« Villes inclusives : garantir l’inclusion sociale et le bien-être à tous les âges » : 150 "
            "participants venus de 50 villes, la première réunion du forum sans papier.",
            "report": f"<p>{WARSAW_FORUM_TEXT_FR}</p>",
        },
    },
    ("news", "highlights-critical-friend-review-ghent"): {
        "fr": {
            "title": "Temps forts de la revue « ami critique » du groupe de travail Emploi sur l’inadéquation des "
            "compétences et le développement des compétences du XXIe siècle",
            "summary": "Le groupe de travail EUROCITIES sur l’emploi s’est réuni à Gand les 14 et 15 novembre pour "
            "découvrir l’approche stratégique de Gand face à l’inadéquation des compétences : 20 participants venus "
            "de 9 villes.",
        },
    },
}

# Texts inside StreamFields (body, impact figures), English source text -> translation. The loader replaces
# each text block of a translated page whose value is exactly a key, and leaves links to pages alone.
STREAM_TEXTS = {
    "fr": {
        "<p>It will play a proactive role in encouraging development of green and digital skills in apprenticeships "
        "and give voice to cities in the European Alliance for Apprenticeship.</p>": "<p>Il jouera un rôle "
        "proactif pour encourager le développement des compétences vertes et numériques dans l’apprentissage et "
        "donnera une voix aux villes au sein de l’Alliance européenne pour l’apprentissage.</p>",
        "Join the network": "Rejoindre le réseau",
        "How to join": "Comment adhérer",
        "No fee is required to join the Network of Cities for Apprenticeship.": "Aucune cotisation n’est "
        "demandée pour rejoindre le réseau des villes pour l’apprentissage.",
        "No fee is required to join.": "Aucune cotisation n’est demandée pour adhérer.",
        "Critical friend review": "Revue « ami critique »",
        "participants": "participants",
        "cities": "villes",
        f"<p>{content.WARSAW_FORUM_TEXT}</p>": f"<p>{WARSAW_FORUM_TEXT_FR}</p>",
        f"<p>{content.GHENT_REVIEW_TEXT}</p>": f"<p>{GHENT_REVIEW_TEXT_FR}</p>",
        f"<p>{content.JOIN_INTRO}</p><p>The network started its "
        "activities in June 2020 through a series of virtual workshops and will develop concrete proposals which "
        "will be shared with the European Commission. It plays a proactive role in encouraging development of "
        "green and digital skills in apprenticeships and gives voice to cities in the European Alliance for "
        "Apprenticeship.</p>": "<p>Le réseau Villes pour l’apprentissage soutient l’apprentissage en collaboration "
        "avec les acteurs régionaux et nationaux, pour devenir une plateforme de plaidoyer, apporter aux villes "
        "information, formation et assistance technique et politique, et construire un solide partenariat entre "
        "villes.</p><p>Le réseau a commencé ses activités en juin 2020 par une série d’ateliers virtuels et "
        "élaborera des propositions concrètes qui seront transmises à la Commission européenne. Il joue un rôle "
        "proactif pour encourager le développement des compétences vertes et numériques dans l’apprentissage et "
        "donne une voix aux villes au sein de l’Alliance européenne pour l’apprentissage.</p>",
        "About this site": "À propos de ce site",
        "<p>This site runs on Guild, a platform for European networks that grow apprenticeships and vocational "
        "education and training. It holds the network's members, projects, campaigns, events, news, good practices "
        "and joint VET qualifications, tagged with green, digital and transversal skills.</p><p><em>Demo content: "
        "pages built from the network's public texts hold only the facts those texts state. Records named "
        '"Example ..." or marked as examples are fictional and illustrate how the platform works.</em></p>': "<p>Ce "
        "site fonctionne avec Guild, une plateforme pour les réseaux européens qui développent l’apprentissage et "
        "l’enseignement et la formation professionnels. Il réunit les membres du réseau, ses projets, campagnes, "
        "événements, actualités, bonnes pratiques et certifications professionnelles communes, classés par "
        "compétences vertes, numériques et transversales.</p><p><em>Contenu de démonstration : les pages tirées "
        "des textes publics du réseau ne contiennent que les faits que ces textes énoncent. Les fiches nommées "
        "« Example ... » ou signalées comme exemples sont fictives et illustrent le fonctionnement de la "
        "plateforme.</em></p>",
    },
    "de": {
        "<p>It will play a proactive role in encouraging development of green and digital skills in apprenticeships "
        "and give voice to cities in the European Alliance for Apprenticeship.</p>": "<p>Es wird eine aktive Rolle "
        "dabei spielen, die Entwicklung grüner und digitaler Kompetenzen in der Ausbildung zu fördern, und den "
        "Städten in der Europäischen Ausbildungsallianz eine Stimme geben.</p>",
        "Join the network": "Dem Netzwerk beitreten",
        "How to join": "So treten Sie bei",
        "No fee is required to join the Network of Cities for Apprenticeship.": "Der Beitritt zum Netzwerk der "
        "Städte für die Ausbildung ist kostenlos.",
        "Critical friend review": "Critical-Friend-Review",
        "participants": "Teilnehmende",
        "cities": "Städte",
    },
}

SKILL_LABELS = {
    "green-skills": {"fr": "Compétences vertes", "de": "Grüne Kompetenzen", "es": "Competencias verdes"},
    "energy-efficiency": {"fr": "Efficacité énergétique", "de": "Energieeffizienz", "es": "Eficiencia energética"},
    "circular-economy": {"fr": "Économie circulaire", "de": "Kreislaufwirtschaft", "es": "Economía circular"},
    "renewable-energy": {"fr": "Énergies renouvelables", "de": "Erneuerbare Energien", "es": "Energías renovables"},
    "sustainable-construction": {
        "fr": "Construction durable",
        "de": "Nachhaltiges Bauen",
        "es": "Construcción sostenible",
    },
    "digital-skills": {"fr": "Compétences numériques", "de": "Digitale Kompetenzen", "es": "Competencias digitales"},
    "data-literacy": {"fr": "Culture des données", "de": "Datenkompetenz", "es": "Alfabetización de datos"},
    "coding": {"fr": "Programmation", "de": "Programmieren", "es": "Programación"},
    "industry-4-0": {"fr": "Industrie 4.0 et automatisation", "de": "Industrie 4.0 und Automatisierung"},
    "soft-skills": {"fr": "Compétences comportementales", "de": "Soziale Kompetenzen", "es": "Habilidades blandas"},
    "21st-century-skills": {"fr": "Compétences du XXIe siècle", "de": "Kompetenzen des 21. Jahrhunderts"},
    "lifelong-learning": {"fr": "Apprentissage tout au long de la vie", "de": "Lebenslanges Lernen"},
    "entrepreneurship": {"fr": "Entrepreneuriat", "de": "Unternehmergeist", "es": "Emprendimiento"},
    "intercultural-skills": {
        "fr": "Langues et compétences interculturelles",
        "de": "Sprachen und interkulturelle Kompetenzen",
    },
}

TOPIC_LABELS = {
    "culture": {"fr": "culture", "de": "Kultur"},
    "economy": {"fr": "économie", "de": "Wirtschaft"},
    "knowledge-society": {"fr": "société de la connaissance", "de": "Wissensgesellschaft"},
    "employment": {"fr": "emploi", "de": "Beschäftigung"},
    "inclusion": {"fr": "inclusion", "de": "Inklusion"},
    "apprenticeships": {"fr": "apprentissage", "de": "Ausbildung"},
    "skills-mismatch": {"fr": "inadéquation des compétences", "de": "Qualifikationsmismatch"},
    "long-term-unemployment": {"fr": "chômage de longue durée", "de": "Langzeitarbeitslosigkeit"},
    "social-economy": {"fr": "économie sociale", "de": "Sozialwirtschaft"},
    "mobility": {"fr": "mobilité", "de": "Mobilität"},
    "green-transition": {"fr": "transition verte", "de": "grüner Wandel"},
    "digital-transition": {"fr": "transition numérique", "de": "digitaler Wandel"},
}

SITE_SETTINGS = {
    "fr": {
        "network_name": "Réseau Villes pour l’apprentissage",
        "tagline": (
            "Villes, établissements d’EFP, entreprises et chambres construisent ensemble un apprentissage de qualité"
        ),
    },
    "de": {
        "network_name": "Netzwerk Städte für die Ausbildung",
        "tagline": "Städte, Berufsschulen, Unternehmen und Kammern gestalten gemeinsam eine gute Ausbildung",
    },
}
