"""Public forms of the network (join, contact, event registration, campaign support), the find-partners page
and the pledge dashboard.

Mounted under the language prefix (`/fr/join/apply/`), before Wagtail's catch-all.
"""

from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "network"

urlpatterns = [
    path("join/apply/", views.MembershipApplicationView.as_view(), name="join"),
    path(
        "join/thanks/",
        TemplateView.as_view(template_name="network/membership_application_thanks.html"),
        name="join_thanks",
    ),
    path("contact/", views.ContactRequestView.as_view(), name="contact"),
    path(
        "contact/thanks/",
        TemplateView.as_view(template_name="network/contact_request_thanks.html"),
        name="contact_thanks",
    ),
    path("events/<int:page_id>/register/", views.EventRegistrationView.as_view(), name="event_register"),
    path("events/<int:page_id>/registered/", views.EventRegisteredView.as_view(), name="event_registered"),
    path("partners/", views.find_partners, name="find_partners"),
    path("pledges/", views.pledge_dashboard, name="pledges"),
    path("campaigns/<int:page_id>/support/", views.campaign_member_support, name="campaign_member_support"),
    path(
        "campaigns/<int:page_id>/support/visitor/",
        views.CampaignVisitorSupportView.as_view(),
        name="campaign_visitor_support",
    ),
    path(
        "campaigns/<int:page_id>/support/thanks/",
        views.CampaignSupportThanksView.as_view(),
        name="campaign_support_thanks",
    ),
    path(
        "campaigns/<int:page_id>/support/confirm/<str:token>/",
        views.CampaignSupportConfirmView.as_view(),
        name="campaign_support_confirm",
    ),
]
