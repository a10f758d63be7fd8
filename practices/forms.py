"""Filter forms for good practices and joint qualifications."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import ListingFilterForm, with_blank
from network.choices import MemberType

from . import filters  # noqa: F401  (registers the EQF level filter definition)
from .choices import EQFLevel, ImplementationLevel, PracticeStage, QualificationStatus


class GoodPracticeFilterForm(ListingFilterForm):
    member_type = forms.ChoiceField(
        label=_("Member type"), required=False, choices=with_blank(MemberType.choices, _("Any type"))
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=with_blank(ImplementationLevel.choices, _("Any level"))
    )
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=with_blank(PracticeStage.choices, _("Any stage"))
    )

    def shared_filter_values(self, data):
        return {"member_type": [data["member_type"]] if data.get("member_type") else None}

    def filter_extra(self, queryset, data):
        if data.get("level"):
            queryset = queryset.filter(implementation_level=data["level"])
        if data.get("stage"):
            queryset = queryset.filter(stage=data["stage"])
        return queryset


class QualificationFilterForm(ListingFilterForm):
    eqf_level = forms.TypedChoiceField(
        label=_("EQF level"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=with_blank(EQFLevel.choices, _("Any level")),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=with_blank(QualificationStatus.choices, _("Any status"))
    )

    def shared_filter_values(self, data):
        level = data.get("eqf_level")
        return {"eqf_level": (level, level) if level else None}

    def filter_extra(self, queryset, data):
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        return queryset
