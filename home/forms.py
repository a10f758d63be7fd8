"""Filter forms behind the index pages' filter bars.

A form validates the query string, so a malformed filter becomes a message on
the page instead of a 500; each index page names the form. What a filter means
for a page type is not decided here: the form applies the shared filter
definitions (`home.filters`) through the listed model's `filter_lookups`, so a
listing, the API and the search facets agree.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from .filters import FILTERS
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

    #: False hides the year filter even where the listed pages have a year (find partners).
    offers_year = True

    def __init__(self, data=None, *, country_codes=None, model=None, **kwargs):
        super().__init__(data, **kwargs)
        # Options read in the visitor's language (str(tag) is its label); values stay slugs.
        self.fields["skill"].queryset = SkillTag.objects.offered().prefetch_related(*label_lookups(None))
        self.fields["topic"].queryset = TopicTag.objects.prefetch_related(*label_lookups(None))
        codes = set(country_codes) if country_codes is not None else None
        self.fields["country"].choices = [("", _("Any country"))] + [
            (code, name) for code, name in countries if codes is None or code in codes
        ]
        if not self.offers_year or (model is not None and not FILTERS["year"].applies_to(model)):
            del self.fields["year"]

    def filter(self, queryset):
        """Narrow a queryset by the valid filters; invalid ones are ignored."""
        if not self.is_bound:
            return queryset
        self.is_valid()  # invalid fields drop out of cleaned_data; the rest still apply
        data = self.cleaned_data
        values = {
            "country": [data["country"]] if data.get("country") else None,
            "skill": ([data["skill"].slug], "any") if data.get("skill") else None,
            "topic": ([data["topic"].slug], "any") if data.get("topic") else None,
            "year": (data["year"], data["year"]) if data.get("year") and "year" in self.fields else None,
            **self.shared_filter_values(data),
        }
        for name, value in values.items():
            if value is not None and FILTERS[name].applies_to(queryset.model):
                queryset = FILTERS[name].narrow(queryset, value)
        return self.filter_extra(queryset, data)

    def shared_filter_values(self, data):
        """Values of further shared filters (member_type, eqf_level) a subclass offers, by filter name."""
        return {}

    def filter_extra(self, queryset, data):
        """Filters a subclass adds; `data` holds only the fields that validated."""
        return queryset

    @property
    def active_filters(self):
        if not self.is_bound:
            return {}
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in (None, "", [])}
