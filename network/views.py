"""Public forms (join, contact, event registration, campaign support), the find-partners page and the pledge
dashboard.

Each form view stores first and emails second: a failing mail server loses nothing. Each counts its stored
submissions and spam per IP hash (`network.ratelimit`; a form with errors does not count) and answers 429 with
the form, a message and `Retry-After` once the limit is reached; 503 "nothing was saved" when the rate-limit
cache is down.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from home.localization import one_per_translation

from .calendar import event_ics
from .emails import send_templated_email
from .forms import CampaignSupportForm, FindPartnersForm
from .models import (
    AlreadyRegistered,
    CampaignPage,
    CampaignVisitorSupport,
    EventFull,
    EventPage,
    InvalidConfirmation,
    MemberGroup,
    MemberPage,
)
from .models.pledges import ProgressChart, network_pledge_progress
from .ratelimit import UNAVAILABLE_RETRY_AFTER, FormRateLimit, RateLimitUnavailable, client_ip, hash_ip
from .submission_forms import ContactRequestForm, EventRegistrationForm, MembershipApplicationForm


class RateLimitedFormView(FormView):
    """A public form: rate limited per IP, honeypot-protected; subclasses store in `save(form, ip_hash)`."""

    rate_limit_scope = None
    success_url_name = None

    def post(self, request, *args, **kwargs):
        ip_hash = hash_ip(client_ip(request))
        limit = FormRateLimit(self.rate_limit_scope)
        form = self.get_form()
        try:
            exceeded = limit.exceeded(ip_hash)
        except RateLimitUnavailable:
            return self.refuse(form, "limit_unavailable", 503, UNAVAILABLE_RETRY_AFTER)
        if exceeded:
            return self.refuse(form, "rate_limited", 429, limit.retry_after())
        if form.is_spam:
            limit.hit(ip_hash)
            return redirect(self.get_success_url())
        if not form.is_valid():
            return self.form_invalid(form)  # typos do not count against the limit
        response = self.save(form, ip_hash)
        limit.hit(ip_hash)
        return response or redirect(self.get_success_url())

    def refuse(self, form, reason, status, retry_after):
        """The form again, unsaved, with a message saying why and when to retry."""
        response = self.render_to_response(self.get_context_data(form=form, **{reason: True}), status=status)
        response["Retry-After"] = str(retry_after)
        return response

    def get_success_url(self):
        return reverse(self.success_url_name)

    def save(self, form, ip_hash):
        raise NotImplementedError


class MembershipApplicationView(RateLimitedFormView):
    template_name = "network/membership_application_form.html"
    form_class = MembershipApplicationForm
    rate_limit_scope = "join"
    success_url_name = "network:join_thanks"

    def save(self, form, ip_hash):
        application = form.save(commit=False)
        application.consented_at = timezone.now()
        application.ip_hash = ip_hash
        application.save()
        form.save_m2m()
        application.notify_received()


class ContactRequestView(RateLimitedFormView):
    template_name = "network/contact_request_form.html"
    form_class = ContactRequestForm
    rate_limit_scope = "contact"
    success_url_name = "network:contact_thanks"

    def save(self, form, ip_hash):
        contact = form.save(commit=False)
        contact.consented_at = timezone.now()
        contact.ip_hash = ip_hash
        contact.save()
        contact.forward()


class EventRegistrationView(RateLimitedFormView):
    """GET shows the form (also included on the event page); POST takes a seat if one is left."""

    template_name = "network/event_registration_form.html"
    form_class = EventRegistrationForm
    rate_limit_scope = "register"

    def dispatch(self, request, *args, **kwargs):
        self.event = get_object_or_404(EventPage.objects.live(), pk=kwargs["page_id"])
        if not self.event.takes_registrations:
            raise Http404(_("This event does not take registrations here."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        seats_left = self.event.seats_left()
        return super().get_context_data(event=self.event, seats_left=seats_left, event_full=seats_left == 0, **kwargs)

    def get_success_url(self):
        return reverse("network:event_registered", kwargs={"page_id": self.event.pk})

    def save(self, form, ip_hash):
        data = form.cleaned_data
        try:
            registration = self.event.register(
                name=data["name"], email=data["email"], organisation=data["organisation"], ip_hash=ip_hash
            )
        except EventFull:
            return self.render_to_response(self.get_context_data(form=form), status=409)
        except AlreadyRegistered:
            form.add_error("email", _("This address is already registered for this event."))
            return self.form_invalid(form)
        send_templated_email(
            "registration_confirmed",
            {"registration": registration, "event": self.event, "event_url": self.event.get_full_url(self.request)},
            [registration.email],
            attachments=[("event.ics", event_ics(self.event, self.request), "text/calendar")],
        )
        return None


class EventRegisteredView(TemplateView):
    template_name = "network/event_registration_done.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=get_object_or_404(EventPage.objects.live(), pk=kwargs["page_id"]))


def find_partners(request):
    """Members by country, type, skill and "open to new projects": a list always, a map where JS runs."""
    members = one_per_translation(MemberPage.objects.live().public()).order_by("title")
    form = FindPartnersForm(request.GET or None, country_codes=members.values_list("country", flat=True).distinct())
    members = form.filter(members)
    page_obj = Paginator(members.select_related("logo").prefetch_related("skill_items__tag__labels"), 24).get_page(
        request.GET.get("page")
    )
    map_points = [
        {
            "name": member.display_name,
            "url": member.get_url(request),
            "city": member.city,
            "lat": float(member.latitude),
            "lng": float(member.longitude),
        }
        for member in members.exclude(latitude=None)
        .exclude(longitude=None)
        .only("title", "organisation_name", "city", "latitude", "longitude", "url_path")
    ]
    querystring = request.GET.copy()
    querystring.pop("page", None)
    return render(
        request,
        "network/find_partners.html",
        {
            "filter_form": form,
            "page_obj": page_obj,
            "members": page_obj.object_list,
            "map_points": map_points,
            "filter_querystring": querystring.urlencode(),
            "tiles_url": settings.GUILD_MAP_TILES_URL,
            "tiles_attribution": settings.GUILD_MAP_TILES_ATTRIBUTION,
        },
    )


def pledge_dashboard(request):
    """The network's pledges: targets and progress per kind of target and per member (live, public members)."""
    members = one_per_translation(MemberPage.objects.live().public()).order_by("title")
    totals, per_member = network_pledge_progress(members)
    context = {
        "totals": totals,
        "per_member": per_member,
        "totals_chart": ProgressChart(totals),
        "members_chart": ProgressChart(per_member),
    }
    return render(request, "network/pledge_dashboard.html", context)


def live_campaign(page_id):
    return get_object_or_404(CampaignPage.objects.live().public(), pk=page_id)


@require_POST
def campaign_member_support(request, page_id):
    """One click from the campaign page: the signed-in account's organisation supports, or withdraws."""
    campaign = live_campaign(page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(campaign.url, login_url=reverse("wagtailadmin_login"))
    member_id = request.POST.get("member", "")
    member = MemberGroup.members_of(request.user).filter(pk=int(member_id)).first() if member_id.isdigit() else None
    if member is None:
        return HttpResponseBadRequest(_("You do not speak for this organisation."))
    if request.POST.get("action") == "withdraw":
        campaign.withdraw(member)
    else:
        campaign.support(member, request.user)
    return redirect(f"{campaign.url}#support")


class CampaignVisitorSupportView(RateLimitedFormView):
    """A visitor supports a campaign with a name and an address, counted once confirmed from the email."""

    template_name = "network/campaign_support_form.html"
    form_class = CampaignSupportForm
    rate_limit_scope = "campaign_support"

    def dispatch(self, request, *args, **kwargs):
        self.campaign = live_campaign(kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(campaign=self.campaign, **kwargs)

    def get_success_url(self):
        return reverse("network:campaign_support_thanks", kwargs={"page_id": self.campaign.pk})

    def save(self, form, ip_hash):
        CampaignVisitorSupport.delete_expired()
        data = form.cleaned_data
        support = self.campaign.visitor_supports.for_email(data["email"]).first()
        if support is None:
            try:
                with transaction.atomic():
                    support = CampaignVisitorSupport.objects.create(
                        campaign=self.campaign,
                        name=data["name"],
                        email=data["email"],
                        consent=True,
                        consented_at=timezone.now(),
                        ip_hash=ip_hash,
                    )
            except IntegrityError:  # the same address, sent twice at once: the first one stands
                return None
        if support.confirmed_at is not None:
            return None  # counted already; the thanks page says the same either way
        confirm_url = reverse(
            "network:campaign_support_confirm",
            kwargs={"page_id": self.campaign.pk, "token": support.confirmation_token()},
        )
        send_templated_email(
            "campaign_support_confirm",
            {
                "support": support,
                "campaign": self.campaign,
                "confirm_url": self.request.build_absolute_uri(confirm_url),
                "valid_days": CampaignVisitorSupport.max_age() // 86400,
            },
            [support.email],
        )
        return None


class CampaignSupportThanksView(TemplateView):
    template_name = "network/campaign_support_thanks.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(campaign=live_campaign(kwargs["page_id"]))


class CampaignSupportConfirmView(TemplateView):
    """The emailed link: GET shows a button (link scanners that follow links confirm nothing), POST confirms."""

    template_name = "network/campaign_support_confirm.html"

    def dispatch(self, request, *args, **kwargs):
        self.campaign = live_campaign(kwargs["page_id"])
        try:
            self.support = CampaignVisitorSupport.from_token(kwargs["token"], self.campaign)
        except InvalidConfirmation:
            return render(request, "network/campaign_support_invalid.html", {"campaign": self.campaign}, status=400)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(campaign=self.campaign, support=self.support, **kwargs)

    def post(self, request, *args, **kwargs):
        self.support.confirm()
        return self.render_to_response(self.get_context_data(confirmed=True))
