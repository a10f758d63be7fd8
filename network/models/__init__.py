from .campaigns import CampaignIndexPage, CampaignPage, CampaignProgressFigure, CampaignSupporter
from .collaboration import (
    AlreadyRegistered,
    ContactRequest,
    EventFull,
    EventRegistration,
    MemberGroup,
    MembershipApplication,
    ensure_network_review,
)
from .events import EventIndexPage, EventPage
from .members import MemberIndexPage, MemberPage
from .news import NewsEvent, NewsIndexPage, NewsMember, NewsPage
from .projects import ProjectIndexPage, ProjectPage, ProjectPartner, ReachTarget

__all__ = [
    "AlreadyRegistered",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignProgressFigure",
    "CampaignSupporter",
    "ContactRequest",
    "EventFull",
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "MemberGroup",
    "MemberIndexPage",
    "MemberPage",
    "MembershipApplication",
    "NewsEvent",
    "NewsIndexPage",
    "NewsMember",
    "NewsPage",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPartner",
    "ReachTarget",
    "ensure_network_review",
]
