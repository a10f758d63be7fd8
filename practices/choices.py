"""Closed lists used by Cedefop practice databases and EQF Annex VI."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImplementationLevel(models.TextChoices):
    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    CROSS_BORDER = "cross_border", _("Cross-border")


class PracticeStage(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    EVALUATED = "evaluated", _("Evaluated")


class TargetGroup(models.TextChoices):
    APPRENTICES = "apprentices", _("Apprentices and VET learners")
    YOUNG_PEOPLE = "young_people", _("Young people not in employment, education or training")
    ADULTS = "adults", _("Adults and lifelong learners")
    LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("Long-term unemployed")
    MIGRANTS = "migrants", _("Migrants and refugees")
    TEACHERS = "teachers", _("VET teachers and trainers")
    COMPANIES = "companies", _("Companies and SMEs")
    PUBLIC_AUTHORITIES = "public_authorities", _("Public authorities")
    PARENTS = "parents", _("Parents and prospective students")


class EQFLevel(models.IntegerChoices):
    LEVEL_1 = 1, _("EQF level 1")
    LEVEL_2 = 2, _("EQF level 2")
    LEVEL_3 = 3, _("EQF level 3")
    LEVEL_4 = 4, _("EQF level 4")
    LEVEL_5 = 5, _("EQF level 5")
    LEVEL_6 = 6, _("EQF level 6")
    LEVEL_7 = 7, _("EQF level 7")
    LEVEL_8 = 8, _("EQF level 8")


class ISCEDField(models.TextChoices):
    """ISCED-F 2013 broad fields of education and training."""

    GENERIC = "00", _("00 Generic programmes and qualifications")
    EDUCATION = "01", _("01 Education")
    ARTS_HUMANITIES = "02", _("02 Arts and humanities")
    SOCIAL_SCIENCES = "03", _("03 Social sciences, journalism and information")
    BUSINESS = "04", _("04 Business, administration and law")
    NATURAL_SCIENCES = "05", _("05 Natural sciences, mathematics and statistics")
    ICT = "06", _("06 Information and Communication Technologies")
    ENGINEERING = "07", _("07 Engineering, manufacturing and construction")
    AGRICULTURE = "08", _("08 Agriculture, forestry, fisheries and veterinary")
    HEALTH = "09", _("09 Health and welfare")
    SERVICES = "10", _("10 Services")


class QualificationStatus(models.TextChoices):
    IN_DEVELOPMENT = "in_development", _("In development")
    PILOTED = "piloted", _("Piloted")
    ACCREDITED = "accredited", _("Accredited")


class CreditSystem(models.TextChoices):
    ECVET = "ecvet", "ECVET"
    ECTS = "ects", "ECTS"
    NATIONAL = "national", _("National credits")


class QualificationRole(models.TextChoices):
    AWARDING_BODY = "awarding_body", _("Awarding body")
    PARTNER = "partner", _("Partner")


#: The official EU languages (ISO 639-1), for the languages a qualification is offered in.
EU_LANGUAGES = [
    ("bg", _("Bulgarian")),
    ("cs", _("Czech")),
    ("da", _("Danish")),
    ("de", _("German")),
    ("el", _("Greek")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("et", _("Estonian")),
    ("fi", _("Finnish")),
    ("fr", _("French")),
    ("ga", _("Irish")),
    ("hr", _("Croatian")),
    ("hu", _("Hungarian")),
    ("it", _("Italian")),
    ("lt", _("Lithuanian")),
    ("lv", _("Latvian")),
    ("mt", _("Maltese")),
    ("nl", _("Dutch")),
    ("pl", _("Polish")),
    ("pt", _("Portuguese")),
    ("ro", _("Romanian")),
    ("sk", _("Slovak")),
    ("sl", _("Slovenian")),
    ("sv", _("Swedish")),
]
