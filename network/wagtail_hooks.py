"""The network's admin: applications (accept / decline), contact requests, event registrations (CSV), visitors'
campaign supports, privacy.

These lists hold personal data, so they need Django model permissions that only the Editors group (and
superusers) have; `ensure_network_review()` grants them. The hooks at the bottom keep each member
organisation's page permissions in step with the pages it owns.
"""

import json
import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from .choices import ApplicationStatus
from .confinement import (
    is_confined_member,
    is_private_member_file,
    may_see_private_file,
    page_permission_policy_for_members,
    uploaded_by_organisation,
    visible_to_member,
)
from .erasmus_import import ErasmusFormatError, ErasmusProjectImport
from .exports import SafeSpreadsheetExportMixin, csv_response
from .models import (
    CampaignVisitorSupport,
    ContactRequest,
    EventPage,
    EventRegistration,
    MemberGroup,
    MembershipApplication,
)
from .models.collaboration import EDITORS_GROUP_NAME
from .privacy import erase_personal_data, export_personal_data

# Registered first thing: the explorer, admin search and site history read it from the policy registry.
register_permission_policy(Page, page_permission_policy_for_members)


@hooks.register("construct_explorer_page_queryset")
@hooks.register("construct_page_chooser_queryset")
def confine_member_pages(*args):
    """Explorer `(parent_page, pages, request)`, page chooser `(pages, request)`: a member sees its own work."""
    pages, request = args[-2], args[-1]
    return visible_to_member(pages, request.user) if is_confined_member(request.user) else pages


@hooks.register("construct_document_chooser_queryset")
@hooks.register("construct_image_chooser_queryset")
def confine_member_files(files, request):
    return uploaded_by_organisation(files, request.user) if is_confined_member(request.user) else files


@hooks.register("before_serve_document")
def keep_unpublished_member_documents_private(document, request):
    """A member's upload is downloadable by everyone once a live page uses it; before, only by its organisation
    and the editors (a 404 for anyone else, as if it did not exist)."""
    if is_private_member_file(document) and not may_see_private_file(request.user, document):
        raise Http404


class SafeExportIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The Network inbox listings: their "Download CSV" escapes formula injection (network/exports.py)."""


class ApplicationIndexView(SafeExportIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == ApplicationStatus.NEW and self.request.user.has_perm(
            "network.change_membershipapplication"
        ):
            buttons += [
                ListingButton(
                    _("Accept"), url=reverse("network_applications:accept", args=[instance.pk]), icon_name="check"
                ),
                ListingButton(
                    _("Decline"), url=reverse("network_applications:decline", args=[instance.pk]), icon_name="cross"
                ),
            ]
        return buttons


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the applicant)"), widget=forms.Textarea(attrs={"rows": 5}), max_length=4000
    )


class ApplicationDecisionView(WagtailAdminTemplateMixin, FormView):
    """Accept or decline one new application; both ask for a confirming POST."""

    template_name = "network/admin/application_decision.html"
    header_icon = "user"
    decision = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("network.change_membershipapplication"):
            raise PermissionDenied
        self.application = get_object_or_404(MembershipApplication, pk=kwargs["pk"])
        if self.application.status != ApplicationStatus.NEW:
            messages.warning(request, _("This application has already been decided."))
            return redirect("network_applications:index")
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        return DeclineForm if self.decision == "decline" else forms.Form

    def get_page_title(self):
        if self.decision == "decline":
            return _("Decline %(name)s") % {"name": self.application.organisation_name}
        return _("Accept %(name)s") % {"name": self.application.organisation_name}

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, decision=self.decision, **kwargs)

    def form_valid(self, form):
        if self.decision == "decline":
            self.application.decline(form.cleaned_data["reason"], by=self.request.user)
            messages.success(self.request, _("Declined; the applicant has been told why."))
            return redirect("network_applications:index")
        page = self.application.accept(by=self.request.user)
        messages.success(
            self.request,
            _("Accepted: a draft member page and an account were created and the applicant was invited."),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


class MembershipApplicationViewSet(ModelViewSet):
    model = MembershipApplication
    icon = "user"
    menu_label = _("Applications")
    url_prefix = "network/applications"
    url_namespace = "network_applications"
    index_view_class = ApplicationIndexView
    inspect_view_enabled = True
    list_display = ["organisation_name", "member_type", "country", "status", "created_at"]
    list_filter = ["status", "member_type"]
    search_fields = ["organisation_name", "city", "contact_name", "email"]
    form_fields = [
        "organisation_name",
        "member_type",
        "country",
        "city",
        "website",
        "contact_name",
        "email",
        "pledge_status",
        "pledge_areas",
        "skills",
        "motivation",
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("accept/<int:pk>/", ApplicationDecisionView.as_view(decision="accept"), name="accept"),
            path("decline/<int:pk>/", ApplicationDecisionView.as_view(decision="decline"), name="decline"),
        ]


class ContactRequestViewSet(ModelViewSet):
    model = ContactRequest
    icon = "mail"
    menu_label = _("Contact requests")
    url_prefix = "network/contact-requests"
    url_namespace = "network_contact_requests"
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    list_display = ["subject", "name", "organisation", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["subject", "name", "organisation", "email", "message"]
    form_fields = ["status"]


class EventRegistrationViewSet(ModelViewSet):
    model = EventRegistration
    icon = "date"
    menu_label = _("Event registrations")
    url_prefix = "network/registrations"
    url_namespace = "network_registrations"
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    list_display = ["name", "organisation", "email", Column("event", accessor="event"), "created_at"]
    list_filter = ["event"]
    list_export = ["event", "name", "organisation", "email", "created_at"]
    export_filename = "event-registrations"
    search_fields = ["name", "organisation", "email"]
    form_fields = ["name", "organisation", "email"]


class CampaignVisitorSupportViewSet(ModelViewSet):
    """Visitors supporting campaigns: personal data, so editors only; nobody adds or edits one by hand."""

    model = CampaignVisitorSupport
    icon = "pick"
    menu_label = _("Campaign supporters")
    url_prefix = "network/campaign-supporters"
    url_namespace = "network_campaign_supporters"
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    list_display = ["name", "email", Column("campaign", accessor="campaign"), "confirmed_at", "created_at"]
    list_filter = ["campaign"]
    list_export = ["campaign", "name", "email", "confirmed_at", "created_at"]
    export_filename = "campaign-supporters"
    search_fields = ["name", "email"]
    form_fields = ["name"]


class NetworkInboxGroup(ViewSetGroup):
    menu_label = _("Network inbox")
    menu_icon = "mail"
    menu_order = 250
    items = (
        MembershipApplicationViewSet,
        ContactRequestViewSet,
        EventRegistrationViewSet,
        CampaignVisitorSupportViewSet,
    )


@hooks.register("register_admin_viewset")
def register_network_inbox():
    return NetworkInboxGroup()


def event_registrations_csv(request, page_id):
    """All registrations of one event as CSV: for editors, and for the organiser's accounts."""
    event = get_object_or_404(EventPage, pk=page_id)
    if not (
        request.user.has_perm("network.view_eventregistration") or event.permissions_for_user(request.user).can_edit()
    ):
        raise PermissionDenied
    rows = (
        [registration.name, registration.organisation, registration.email, registration.created_at.isoformat()]
        for registration in event.registrations.order_by("created_at")
    )
    return csv_response(
        f"registrations-{slugify(event.slug)}.csv", ["name", "organisation", "email", "registered_at"], rows
    )


class PrivacyForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the person"))
    action = forms.ChoiceField(
        choices=[("export", _("Export (JSON)")), ("erase", _("Erase"))], widget=forms.RadioSelect
    )
    confirm = forms.BooleanField(
        label=_("I understand that erasing cannot be undone"), required=False, help_text=_("Needed to erase")
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "erase" and not data.get("confirm"):
            self.add_error("confirm", _("Tick this box to erase."))
        return data


class RestrictedAdminFormView(WagtailAdminTemplateMixin, FormView):
    """An admin form page for those `allowed(user)` says may use it (others get Wagtail's permission denied)."""

    @staticmethod
    def allowed(user):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # Wagtail's header shows the last breadcrumb as the page's title: without this one, "Home".
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class RestrictedMenuItem(MenuItem):
    """A settings menu entry shown to those `allowed(user)` lets in (the view checks again)."""

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


class PrivacyView(RestrictedAdminFormView):
    """Export or erase one person's personal data (the admin side of `privacy_export` / `privacy_erase`)."""

    template_name = "network/admin/privacy.html"
    form_class = PrivacyForm
    page_title = _("Personal data")
    header_icon = "lock"

    @staticmethod
    def allowed(user):
        return user_can_manage_personal_data(user)

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if form.cleaned_data["action"] == "export":
            response = HttpResponse(
                json.dumps(export_personal_data(email), indent=2, ensure_ascii=False),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
            return response
        # Never an account with staff rights from here: one editor must not erase another (use the command).
        counts = erase_personal_data(email, include_staff=False)
        summary = ", ".join(f"{key.replace('_', ' ')}: {count}" for key, count in counts.items())
        messages.success(self.request, _("Erased. %(summary)s") % {"summary": summary})
        return redirect("network_privacy")


class ErasmusImportForm(forms.Form):
    export = forms.FileField(
        label=_("Project Results Platform export"),
        help_text=_("The XLSX or CSV file exported from erasmus-plus.ec.europa.eu/projects (10 MB at most)."),
    )
    create_members = forms.BooleanField(
        label=_("Create organisations that are not members yet as draft member pages"),
        help_text=_(
            "They are linked to their projects at once and stay drafts, off the public site, until the Network "
            "checks and publishes them. Unticked, they are only listed."
        ),
        required=False,
    )

    def clean_export(self):
        upload = self.cleaned_data["export"]
        if Path(upload.name).suffix.lower() not in (".xlsx", ".csv"):
            raise forms.ValidationError(_("Choose an .xlsx or .csv file."))
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class ErasmusImportView(RestrictedAdminFormView):
    """Upload a Project Results Platform export; projects are created (as drafts) or updated by identifier, and
    the page shows what changed (the admin side of `import_erasmus_projects`)."""

    template_name = "network/admin/erasmus_import.html"
    form_class = ErasmusImportForm
    page_title = _("Import Erasmus+ projects")
    header_icon = "upload"

    @staticmethod
    def allowed(user):
        return user_can_import_projects(user)

    def form_valid(self, form):
        upload = form.cleaned_data["export"]
        # The importer reads a path (openpyxl and the CSV sniffer both want the whole file).
        with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix.lower()) as copy:
            for chunk in upload.chunks():
                copy.write(chunk)
            copy.flush()
            try:
                report = ErasmusProjectImport(copy.name, create_members=form.cleaned_data["create_members"]).run()
            except ErasmusFormatError as error:
                form.add_error("export", str(error))
                return self.form_invalid(form)
        sections = [
            (_("Created (drafts, to check and publish)"), report.created),
            (_("Updated"), report.updated),
            (_("Unchanged"), report.unchanged),
            (_("Created as draft members (to check and publish; linked)"), report.created_members),
            (
                _("Not members (not linked; add them as members, or import again with the box ticked)"),
                report.not_members,
            ),
            (_("Problems"), report.problems),
        ]
        context = self.get_context_data(form=ErasmusImportForm(), report=report, report_sections=sections)
        return self.render_to_response(context)


def user_can_import_projects(user):
    """Editors (who review and publish projects); members cannot create projects for the whole network."""
    return user.is_superuser or (
        user.groups.filter(name=EDITORS_GROUP_NAME).exists() and user.has_perm("wagtailadmin.access_admin")
    )


@hooks.register("register_settings_menu_item")
def register_erasmus_import_menu_item():
    return RestrictedMenuItem(
        _("Import Erasmus+ projects"),
        reverse("network_erasmus_import"),
        icon_name="upload",
        order=910,
        allowed=user_can_import_projects,
    )


def user_can_manage_personal_data(user):
    return user.has_perm("network.delete_membershipapplication") and user.has_perm("network.delete_eventregistration")


@hooks.register("register_admin_urls")
def register_network_admin_urls():
    return [
        path(
            "network/events/<int:page_id>/registrations.csv",
            event_registrations_csv,
            name="network_event_registrations_csv",
        ),
        path("network/privacy/", PrivacyView.as_view(), name="network_privacy"),
        path("network/erasmus-import/", ErasmusImportView.as_view(), name="network_erasmus_import"),
    ]


@hooks.register("register_settings_menu_item")
def register_privacy_menu_item():
    return RestrictedMenuItem(
        _("Personal data"),
        reverse("network_privacy"),
        icon_name="lock",
        order=900,
        allowed=user_can_manage_personal_data,
    )


@hooks.register("register_page_header_buttons")
def event_registrations_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, EventPage) and page.specific_deferred.registration_open:
        yield wagtailadmin_widgets.Button(
            _("Registrations (CSV)"),
            reverse("network_event_registrations_csv", args=[page.pk]),
            icon_name="download",
            priority=60,
        )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
@hooks.register("after_publish_page")
def sync_member_permissions(request, page):
    """A member's new practice, event or news item becomes editable by its organisation (and only by it)."""
    MemberGroup.sync_for_page(page)
