"""Filter forms behind the index pages' filter bars.

A form validates the query string, so a malformed filter becomes a message on
the page instead of a 500; each index page names the form and the fields it
filters on.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from .models.vocabulary import SkillTag, TopicTag, label_lookups


def with_blank(choices, label):
    """Choices with a first empty option meaning "any"."""
    return [("", label), *choices]


class ListingFilterForm(forms.Form):
    """Country, skill, topic and year: the filters every listing shares."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    skill = forms.ModelChoiceField(
        label=_("Skill"),
        queryset=SkillTag.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any skill"),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=TopicTag.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any topic"),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2100)

    #: Model field lookups the filters apply to; pages override what differs.
    country_lookup = "country"
    year_lookup = None

    def __init__(self, data=None, *, country_codes=None, **kwargs):
        super().__init__(data, **kwargs)
        # Options read in the visitor's language (str(tag) is its label); values stay slugs.
        self.fields["skill"].queryset = SkillTag.objects.prefetch_related(*label_lookups(None))
        self.fields["topic"].queryset = TopicTag.objects.prefetch_related(*label_lookups(None))
        codes = set(country_codes) if country_codes is not None else None
        self.fields["country"].choices = [("", _("Any country"))] + [
            (code, name) for code, name in countries if codes is None or code in codes
        ]
        if self.year_lookup is None:
            del self.fields["year"]

    def filter(self, queryset):
        """Narrow a queryset by the valid filters; invalid ones are ignored."""
        if not self.is_bound:
            return queryset
        self.is_valid()  # invalid fields drop out of cleaned_data; the rest still apply
        data = self.cleaned_data
        if data.get("country"):
            queryset = queryset.filter(**{self.country_lookup: data["country"]})
        if data.get("skill"):
            queryset = queryset.filter(skills=data["skill"])
        if data.get("topic"):
            queryset = queryset.filter(topics=data["topic"])
        if data.get("year") and self.year_lookup:
            queryset = queryset.filter(**{self.year_lookup: data["year"]})
        return self.filter_extra(queryset, data).distinct()

    def filter_extra(self, queryset, data):
        """Filters a subclass adds; `data` holds only the fields that validated."""
        return queryset

    @property
    def active_filters(self):
        if not self.is_bound:
            return {}
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in (None, "", [])}
