"""Pledge follow-up: what a member pledged (targets), what it reports each year, and the reminders it gets.

Targets and reports are inline children of the MemberPage (ParentalKey), so a member records them in its own
page editor and they go through the "Network review" workflow and the page's revisions like any other change:
what the public sees (and what the dashboard counts) is the published version.

A report counts towards the target that counts the same thing ("apprenticeship places"): the comparison ignores
case and surrounding spaces, and the page form refuses a report whose kind matches no target.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from home.localization import one_per_translation

from ..emails import send_templated_email

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


class ProgressChart:
    """The geometry of a server-rendered bar chart (network/includes/progress_chart.html): one bar per row.

    The SVG has no viewBox: it is as wide as its column and its text keeps its size on a phone (a scaled viewBox
    shrank the labels to 7 px at 390 px); bar lengths are percentages of that width. A row that names a member
    gets a second line for the name."""

    line_height = 16
    bar_height = 10

    def __init__(self, rows):
        self.rows = list(rows)
        self.lines = 2 if any(row.member for row in self.rows) else 1

    @property
    def row_height(self):
        return self.line_height * self.lines + self.bar_height + 12

    @property
    def height(self):
        return self.row_height * len(self.rows)

    @property
    def bar_y(self):
        return self.line_height * self.lines + 4

    @property
    def bars(self):
        for index, row in enumerate(self.rows):
            yield {"row": row, "y": index * self.row_height, "percent": row.percent or 0}


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


def network_pledge_progress(members):
    """The network's pledge progress over `members` (a queryset of member pages): totals per kind of target
    and one row per member target. Three queries whatever the number of members."""
    per_member = []
    totals = {}
    for member in members.prefetch_related("pledge_targets", "pledge_reports"):
        rows = progress_of(list(member.pledge_targets.all()), list(member.pledge_reports.all()), member)
        per_member.extend(rows)
        for row in rows:
            total = totals.setdefault(pledge_kind(row.label), PledgeProgress(row.label, 0, 0))
            total.achieved += row.achieved
            total.target += row.target
    return sorted(totals.values(), key=lambda total: -total.target), per_member


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

    @staticmethod
    def members_due(year):
        """Live members with a target still running in `year` (target year not before it), no report for
        `year` in their published page, and no reminder for `year` yet. One page per translation group (the
        default language's), so a member with translated pages is reminded once."""
        member_model = apps.get_model("network", "MemberPage")
        return (
            one_per_translation(member_model.objects.live(), language=settings.LANGUAGE_CODE)
            .filter(pledge_targets__target_year__gte=year)
            .exclude(pledge_reports__year=year)
            .exclude(pledge_reminders__year=year)
            .distinct()
            .order_by("title")
        )

    @staticmethod
    def recipients(member):
        """The organisation's active accounts (their addresses), else the page's public contact address."""
        user_model = apps.get_model(settings.AUTH_USER_MODEL)
        accounts = (
            user_model.objects.filter(groups__member_access__member=member, is_active=True)
            .exclude(email="")
            .order_by("email")
            .values_list("email", flat=True)
            .distinct()
        )
        return list(accounts) or ([member.contact_email] if member.contact_email else [])

    @classmethod
    def send(cls, member, year):
        """Email the reminder and record it; returns the reminder, or None if it was already sent, nobody can
        be reached or the mail server failed (then nothing is recorded, so the next run tries again)."""
        recipients = cls.recipients(member)
        if not recipients:
            return None
        try:
            # Recorded first, under the unique constraint: two runs at once cannot both send.
            with transaction.atomic():
                reminder = cls.objects.create(member=member, year=year, sent_to=", ".join(recipients))
        except IntegrityError:
            return None
        edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[member.pk])
        context = {"member": member, "year": year, "targets": member.pledge_targets.all(), "edit_url": edit_url}
        if not send_templated_email("pledge_reminder", context, recipients):
            reminder.delete()
            return None
        return reminder
