"""Public forms of the network (join, contact, event registration) and the find-partners page.

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
]
