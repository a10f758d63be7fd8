"""Example translations of a few demo pages, skill and topic labels, and the site settings.

They exist so that the language switcher, the API fallback and per-language search show something on a fresh
`make run`. Each translated page's summary starts with EXAMPLE_MARK: the body stays the English text that
`copy_for_translation` copied, as a real translation would before a translator finishes it.
"""

EXAMPLE_MARK = {
    "fr": "Exemple de traduction (démo).",
    "de": "Beispielübersetzung (Demo).",
}

# English slug path from the home page (() is the home page) -> {language: fields}
PAGES = {
    (): {
        "fr": {"title": "Réseau Villes pour l’apprentissage", "hero_title": "Villes pour l’apprentissage"},
        "de": {"title": "Netzwerk Städte für die Ausbildung", "hero_title": "Städte für die Ausbildung"},
    },
    ("members",): {"fr": {"title": "Membres"}, "de": {"title": "Mitglieder"}},
    ("projects",): {"fr": {"title": "Projets"}},
    ("campaigns",): {"fr": {"title": "Campagnes"}},
    ("events",): {"fr": {"title": "Événements"}},
    ("news",): {"fr": {"title": "Actualités"}},
    ("good-practices",): {"fr": {"title": "Bonnes pratiques"}, "de": {"title": "Gute Praxis"}},
    ("joint-vet-qualifications",): {"fr": {"title": "Certifications professionnelles communes"}},
    ("about",): {"fr": {"title": "À propos du réseau"}},
    ("good-practices", "ghent-strategic-approach-to-the-skills-mismatch"): {
        "fr": {
            "title": "L’approche stratégique de Gand face à l’inadéquation des compétences",
            "summary": "Gand relie écoles, entreprises et services de l’emploi pour réduire l’inadéquation des "
            "compétences et développer les compétences du XXIe siècle.",
        },
        "de": {
            "title": "Gents strategischer Ansatz gegen das Qualifikationsmismatch",
            "summary": "Gent verbindet Schulen, Unternehmen und Arbeitsverwaltung, um das Qualifikationsmismatch "
            "zu verringern und Kompetenzen des 21. Jahrhunderts zu fördern.",
        },
    },
    ("good-practices", "lille-metropole-social-economy-against-long-term-unemployment"): {
        "fr": {
            "title": "Métropole européenne de Lille : l’économie sociale contre le chômage de longue durée",
            "summary": "La Métropole de Lille s’appuie sur l’économie sociale et solidaire pour ramener vers "
            "l’emploi les chômeurs de longue durée.",
        },
    },
    ("events", "social-affairs-forum-warsaw-2019"): {
        "fr": {
            "title": "Forum des affaires sociales, Varsovie 2019",
            "summary": "Les villes du réseau ont débattu à Varsovie de l’inclusion par l’apprentissage.",
        },
    },
    ("news", "highlights-critical-friend-review-ghent"): {
        "fr": {
            "title": "Temps forts de la revue par les pairs à Gand",
            "summary": "Ce que les villes ont appris de la revue « ami critique » sur l’inadéquation des compétences.",
        },
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
