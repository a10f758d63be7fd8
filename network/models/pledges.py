"""Pledge follow-up: what a member pledged (targets), what it reports each year, and the reminders it gets.

Targets and reports are inline children of the MemberPage (ParentalKey), so a member records them in its own
page editor and they go through the "Network review" workflow and the page's revisions like any other change:
what the public sees (and what the dashboard counts) is the published version.

A report counts towards the target that counts the same thing ("apprenticeship places"): the comparison ignores
case and surrounding spaces, and the page form refuses a report whose kind matches no target.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

#: Years a pledge may name: EAfA started in 2013; nothing plausible lies outside this range.
EARLIEST_PLEDGE_YEAR = 2000
LATEST_PLEDGE_YEAR = 2100


def pledge_kind(counts):
    """The key that matches a report to its target: "Apprenticeship places " == "apprenticeship places"."""
    return " ".join((counts or "").split()).casefold()


@dataclass
class PledgeProgress:
    """One bar of a progress chart: what is counted, how many so far, out of how many."""

    label: str
    achieved: int
    target: int
    target_year: int | None = None
    member: object = None

    @property
    def percent(self):
        if not self.target:
            return None
        return min(100, round(100 * self.achieved / self.target))


class PledgeTarget(Orderable):
    """A number the member pledged to reach by a year: "50 apprenticeship places by 2027"."""

    member = ParentalKey("network.MemberPage", on_delete=models.CASCADE, related_name="pledge_targets")
    number = models.PositiveIntegerField(_("target"), validators=[MinValueValidator(1)])
    counts = models.CharField(
        _("what it counts"), max_length=120, help_text=_('For example "apprenticeship places" or "teachers trained".')
    )
    target_year = models.PositiveSmallIntegerField(
        _("target year"),
        validators=[MinValueValidator(EARLIEST_PLEDGE_YEAR), MaxValueValidator(LATEST_PLEDGE_YEAR)],
    )

    panels = [FieldRowPanel([FieldPanel("number"), FieldPanel("counts"), FieldPanel("target_year")])]

    class Meta(Orderable.Meta):
        verbose_name = _("pledge target")

    def __str__(self):
        return f"{self.number} {self.counts} ({self.target_year})"

    @property
    def kind(self):
        return pledge_kind(self.counts)


class PledgeReport(Orderable):
    """What the member achieved in one year towards one of its targets, with a short narrative."""

    member = ParentalKey("network.MemberPage", on_delete=models.CASCADE, related_name="pledge_reports")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(EARLIEST_PLEDGE_YEAR), MaxValueValidator(LATEST_PLEDGE_YEAR)]
    )
    achieved = models.PositiveIntegerField(_("number achieved"))
    counts = models.CharField(
        _("what it counts"), max_length=120, help_text=_("The same words as in the target this report is for.")
    )
    narrative = models.TextField(_("narrative"), blank=True, max_length=4000)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("achieved"), FieldPanel("counts")]),
        FieldPanel("narrative"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("pledge progress report")

    def __str__(self):
        return f"{self.year}: {self.achieved} {self.counts}"

    @property
    def kind(self):
        return pledge_kind(self.counts)

    def clean(self):
        super().clean()
        if self.year and self.year > timezone.localdate().year:
            raise ValidationError({"year": _("A report cannot be for a year that has not begun.")})


class MemberPageForm(WagtailAdminPageForm):
    """The member page editor: every pledge report must be for one of the page's targets, once per year."""

    def clean(self):
        cleaned_data = super().clean()
        targets = self.formsets.get("pledge_targets")
        reports = self.formsets.get("pledge_reports")
        if targets is None or reports is None or not (targets.is_valid() and reports.is_valid()):
            return cleaned_data
        kinds = {pledge_kind(form.cleaned_data.get("counts")) for form in kept_forms(targets)}
        seen = set()
        for form in kept_forms(reports):
            kind = pledge_kind(form.cleaned_data.get("counts"))
            if kind not in kinds:
                form.add_error("counts", _("No pledge target counts this; use the words of one of the targets."))
            elif (kind, form.cleaned_data.get("year")) in seen:
                form.add_error("year", _("There is already a report for this target and year."))
            seen.add((kind, form.cleaned_data.get("year")))
        return cleaned_data


def kept_forms(formset):
    """The formset's filled-in forms that are not marked for deletion."""
    return [
        form
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("counts")
    ]


def progress_of(targets, reports, member=None):
    """One PledgeProgress per target: the reports of its kind added up, up to its target year."""
    rows = []
    for target in targets:
        achieved = sum(
            report.achieved for report in reports if report.kind == target.kind and report.year <= target.target_year
        )
        rows.append(PledgeProgress(target.counts, achieved, target.number, target.target_year, member))
    return rows


class PledgeReminder(models.Model):
    """A reminder sent to a member whose progress report for `year` was missing; one per member and year."""

    member = models.ForeignKey("network.MemberPage", on_delete=models.CASCADE, related_name="pledge_reminders")
    year = models.PositiveSmallIntegerField(_("report year"))
    sent_to = models.TextField(_("sent to"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pledge reminder")
        constraints = [models.UniqueConstraint(fields=["member", "year"], name="one_pledge_reminder_per_year")]

    def __str__(self):
        return f"{self.member_id} – {self.year}"
