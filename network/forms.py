"""Filter forms for the network's index pages and the find-partners page.

The models import these, so the public ModelForms (join, contact, register) live in `submission_forms.py`.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.forms import ListingFilterForm, with_blank

from . import filters  # noqa: F401  (registers the network's filter definitions)
from .choices import EventFormat, EventKind, MemberType, NewsKind, Programme


class MemberFilterForm(ListingFilterForm):
    member_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=with_blank(MemberType.choices, _("Any type"))
    )

    def shared_filter_values(self, data):
        return {"member_type": [data["member_type"]] if data.get("member_type") else None}


class ProjectFilterForm(ListingFilterForm):
    programme = forms.ChoiceField(
        label=_("Programme"), required=False, choices=with_blank(Programme.choices, _("Any programme"))
    )

    def filter_extra(self, queryset, data):
        if data.get("programme"):
            queryset = queryset.filter(programme=data["programme"])
        return queryset


class CampaignFilterForm(ListingFilterForm):
    pass


class CampaignSupportForm(forms.Form):
    """A visitor's support of a campaign: counted once the address is confirmed (network.views).

    A plain form, here rather than in `submission_forms.py`, because the campaign page puts it in its context;
    the lengths are those of `CampaignVisitorSupport`, and `homepage` is the honeypot of the other public forms.
    """

    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("Email"), max_length=254)
    consent = forms.BooleanField(
        label=_(
            "I agree that the network stores my name and address to count my support, as the privacy notice explains."
        ),
        required=True,
    )
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("homepage")))

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())


class EventFilterForm(ListingFilterForm):
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", _("Upcoming and past")), ("upcoming", _("Upcoming")), ("past", _("Past"))],
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=with_blank(EventKind.choices, _("Any kind")))
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=with_blank(EventFormat.choices, _("Any format"))
    )

    def filter_extra(self, queryset, data):
        now = timezone.now()
        if data.get("when") == "upcoming":
            queryset = queryset.filter(end__gte=now).order_by("start")
        elif data.get("when") == "past":
            queryset = queryset.filter(end__lt=now).order_by("-start")
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("format"):
            queryset = queryset.filter(format=data["format"])
        return queryset


class NewsFilterForm(ListingFilterForm):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=with_blank(NewsKind.choices, _("Any kind")))

    def filter_extra(self, queryset, data):
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        return queryset


class FindPartnersForm(MemberFilterForm):
    """The find-partners filters: the member filters plus "open to new projects"."""

    open_to_projects = forms.BooleanField(label=_("Open to new projects"), required=False)
    offers_year = False

    def filter_extra(self, queryset, data):
        queryset = super().filter_extra(queryset, data)
        if data.get("open_to_projects"):
            queryset = queryset.filter(open_to_projects=True)
        return queryset
