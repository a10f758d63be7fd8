"""Closed lists of the network's records (EAfA pledges, Erasmus+ project records)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberType(models.TextChoices):
    CITY = "city", _("City or metropolitan authority")
    REGIONAL_AUTHORITY = "regional_authority", _("Regional or national authority")
    VET_PROVIDER = "vet_provider", _("VET provider")
    COMPANY = "company", _("Company or business organisation")
    CHAMBER = "chamber", _("Chamber of industry, commerce or crafts")
    SOCIAL_PARTNER = "social_partner", _("Social partner")
    NON_PROFIT = "non_profit", _("Youth or non-profit organisation")
    PROFESSIONAL_BODY = "professional_body", _("Professional body or network")
    RESEARCH = "research", _("Research institute")


class PledgeArea(models.TextChoices):
    """EAfA pledges commit to one or more of these areas of action."""

    SUPPLY = "supply", _("Supply of apprenticeships")
    QUALITY = "quality", _("Quality of apprenticeships")
    IMAGE = "image", _("Image of apprenticeships")
    MOBILITY = "mobility", _("Mobility of apprentices")


class Programme(models.TextChoices):
    ERASMUS_PLUS = "erasmus_plus", "Erasmus+"
    ESF_PLUS = "esf_plus", "ESF+"
    INTERREG = "interreg", "Interreg"
    HORIZON_EUROPE = "horizon_europe", "Horizon Europe"
    URBACT = "urbact", "URBACT"
    NATIONAL = "national", _("National or regional funding")
    OTHER = "other", _("Other")


class PartnerRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner")
    ASSOCIATED = "associated", _("Associated partner")


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")
    FORUM = "forum", _("Forum")
    MEETING = "meeting", _("Meeting")
    PEER_REVIEW = "peer_review", _("Peer review")
    CONFERENCE = "conference", _("Conference")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class NewsKind(models.TextChoices):
    NEWS = "news", _("News")
    HIGHLIGHT = "highlight", _("Highlight")
    VIDEO = "video", _("Video")
    PUBLICATION = "publication", _("Publication")


class PledgeStatus(models.TextChoices):
    """Where an applicant stands with the European Alliance for Apprenticeships."""

    HOLDS = "holds", _("We hold an EAfA pledge")
    WILL_SUBMIT = "will_submit", _("We will submit a pledge naming the network as partner")
    NO = "no", _("Not yet")


class ApplicationStatus(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class ContactRequestStatus(models.TextChoices):
    NEW = "new", _("New")
    ANSWERED = "answered", _("Answered")
