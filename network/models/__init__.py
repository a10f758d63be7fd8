from .campaigns import (
    CampaignIndexPage,
    CampaignMemberSupport,
    CampaignPage,
    CampaignProgressFigure,
    CampaignSupporter,
    CampaignVisitorSupport,
    InvalidConfirmation,
)
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
from .pledges import PledgeReminder, PledgeReport, PledgeTarget
from .projects import ProjectIndexPage, ProjectPage, ProjectPartner, ReachTarget

__all__ = [
    "AlreadyRegistered",
    "CampaignIndexPage",
    "CampaignMemberSupport",
    "CampaignPage",
    "CampaignProgressFigure",
    "CampaignSupporter",
    "CampaignVisitorSupport",
    "ContactRequest",
    "EventFull",
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "InvalidConfirmation",
    "MemberGroup",
    "MemberIndexPage",
    "MemberPage",
    "MembershipApplication",
    "NewsEvent",
    "NewsIndexPage",
    "NewsMember",
    "NewsPage",
    "PledgeReminder",
    "PledgeReport",
    "PledgeTarget",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPartner",
    "ReachTarget",
    "ensure_network_review",
]
