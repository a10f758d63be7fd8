"""What visitors and members send the network: applications, messages, event registrations.

These models hold personal data (names, addresses, hashed IPs). They are plain Django models, never pages,
so the page API cannot expose them; editors see them in the admin through `network/wagtail_hooks.py`, and
`network/privacy.py` exports or erases them per person.

`MemberGroup` ties a member organisation to the Django group whose Wagtail page permissions cover exactly the
pages the organisation owns (see `docs/collaboration.md`, "Who may edit what").
"""

import logging

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from django_countries.fields import CountryField

from home.fields import ChoiceListField

from ..choices import ApplicationStatus, ContactRequestStatus, MemberType, PledgeArea, PledgeStatus
from ..emails import editors_addresses, send_templated_email

logger = logging.getLogger(__name__)

#: The group every member account belongs to: admin access and "add" on the practice, event and news indexes.
MEMBERS_GROUP_NAME = "Members"
#: Wagtail's editors group: reviews submissions and sees personal data.
EDITORS_GROUP_NAME = "Editors"


class PersonalDataQuerySet(models.QuerySet):
    def for_email(self, email):
        return self.filter(email__iexact=(email or "").strip())


class PersonalData(models.Model):
    """Fields and behaviour shared by everything a person sends us."""

    email = models.EmailField(_("email"), db_index=True)
    consent = models.BooleanField(_("consent to the privacy notice"), default=False)
    consented_at = models.DateTimeField(null=True, blank=True)
    ip_hash = models.CharField(
        _("submitter IP (hashed)"), max_length=64, blank=True, help_text=_("Keyed hash; the raw IP is never stored")
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = PersonalDataQuerySet.as_manager()

    #: Fields `privacy_export` writes out for this kind of record.
    export_fields = ()

    class Meta:
        abstract = True

    def export_data(self):
        data = {"id": self.pk, "created_at": self.created_at.isoformat() if self.created_at else None}
        for name in self.export_fields:
            value = getattr(self, name)
            data[name] = value.isoformat() if hasattr(value, "isoformat") else str(value) if value else value
        return data

    def erase(self):
        """Delete the record; models that must keep a trace override this to anonymise instead."""
        self.delete()


class MembershipApplication(PersonalData):
    """An organisation's application to join the network, and the editors' decision on it."""

    organisation_name = models.CharField(_("organisation"), max_length=255)
    member_type = models.CharField(_("type of organisation"), max_length=30, choices=MemberType.choices)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150)
    pledge_status = models.CharField(_("EAfA pledge"), max_length=20, choices=PledgeStatus.choices)
    motivation = models.TextField(_("why do you want to join?"), max_length=4000)
    pledge_areas = ChoiceListField(_("areas of action"), item_choices=PledgeArea.choices)
    skills = models.ManyToManyField(
        "home.SkillTag", blank=True, related_name="+", verbose_name=_("skills of interest")
    )

    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.NEW, db_index=True
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member_page = models.ForeignKey(
        "network.MemberPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )

    export_fields = (
        "organisation_name",
        "member_type",
        "country",
        "city",
        "website",
        "contact_name",
        "email",
        "pledge_status",
        "motivation",
        "status",
        "decline_reason",
        "consent",
        "consented_at",
    )

    class Meta:
        verbose_name = _("membership application")
        ordering = ("-created_at",)

    def __str__(self):
        return f"{self.organisation_name} ({self.get_status_display()})"

    def notify_received(self):
        context = {"application": self}
        send_templated_email("application_received", context, [self.email])
        send_templated_email("application_editors", context, editors_addresses(), reply_to=self.email)

    @transaction.atomic
    def accept(self, by):
        """Create and publish the member page, the organisation's group and the member account, then invite.

        Returns the member page. Accepting twice is refused by the caller (`status` is no longer "new").
        """
        member_index = apps.get_model("network", "MemberIndexPage").objects.first()
        if member_index is None:
            raise ValueError("There is no member index page to put the new member under.")
        member_page_model = apps.get_model("network", "MemberPage")
        user = self._member_account()
        page = member_page_model(
            title=self.organisation_name,
            organisation_name=self.organisation_name,
            member_type=self.member_type,
            country=self.country,
            city=self.city,
            website=self.website,
            contact_email=self.email,
            eafa_pledge=self.pledge_status == PledgeStatus.HOLDS,
            pledge_areas=list(self.pledge_areas),
            joined_on=timezone.localdate(),
            live=False,
            owner=user,
        )
        page.skills.set(list(self.skills.all()))  # in memory; add_child saves it with the page
        member_index.add_child(instance=page)
        # Published at once: accepting is the editors' decision that the organisation is a member, and a network
        # lists its members (their practices link to the member page). The member completes it afterwards,
        # through review like any change (docs/collaboration.md).
        page.save_revision(user=by, log_action=True).publish(user=by)

        ensure_network_review()
        group = MemberGroup.for_member(page)
        user.groups.add(group.group, Group.objects.get(name=MEMBERS_GROUP_NAME))
        group.sync_page_permissions()

        self.status = ApplicationStatus.ACCEPTED
        self.member_page = page
        self.decided_at = timezone.now()
        self.decided_by = by
        self.save()
        transaction.on_commit(lambda: self._send_invitation(user))
        return page

    def decline(self, reason, by):
        self.status = ApplicationStatus.DECLINED
        self.decline_reason = reason
        self.decided_at = timezone.now()
        self.decided_by = by
        self.save()
        send_templated_email("application_declined", {"application": self}, [self.email])

    def erase(self):
        if self.status == ApplicationStatus.ACCEPTED:
            # The decision and the member page it created stay; who applied does not.
            self.contact_name = ""
            self.email = f"erased-{self.pk}@invalid.example"
            self.motivation = ""
            self.ip_hash = ""
            self.save()
        else:
            self.delete()

    def _member_account(self):
        user_model = apps.get_model(settings.AUTH_USER_MODEL)
        existing = user_model.objects.filter(email__iexact=self.email).first()
        if existing:
            return existing
        username = self.email.lower()[:150]
        suffix = 1
        while user_model.objects.filter(username=username).exists():
            suffix += 1
            username = f"{self.email.lower()[:140]}-{suffix}"
        first_name, _space, last_name = self.contact_name.partition(" ")
        user = user_model(username=username, email=self.email, first_name=first_name[:150], last_name=last_name[:150])
        user.set_unusable_password()
        user.save()
        return user

    def invitation_url(self, user):
        """A one-time link (Django's password-reset token) where the new member sets a password."""
        path = reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path

    def _send_invitation(self, user):
        context = {"application": self, "user": user, "invitation_url": self.invitation_url(user)}
        send_templated_email("application_accepted", context, [user.email])


class ContactRequest(PersonalData):
    """A message from the public contact form ("send us a message and we will contact you back")."""

    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=20, choices=ContactRequestStatus.choices, default=ContactRequestStatus.NEW
    )

    export_fields = ("name", "organisation", "email", "subject", "message", "status", "consent", "consented_at")

    class Meta:
        verbose_name = _("contact request")
        ordering = ("-created_at",)

    def __str__(self):
        return f"{self.subject} ({self.name})"

    def forward(self):
        context = {"contact": self}
        send_templated_email("contact_editors", context, editors_addresses(), reply_to=self.email)
        send_templated_email("contact_received", context, [self.email])


class EventFull(Exception):
    """Raised when an event has no seats left."""


class AlreadyRegistered(Exception):
    """Raised when an address is already registered for the event."""


class EventRegistration(PersonalData):
    """A seat at an event that takes registrations on the platform."""

    event = models.ForeignKey("network.EventPage", on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)

    export_fields = ("name", "organisation", "email", "consent", "consented_at")

    class Meta:
        verbose_name = _("event registration")
        ordering = ("created_at",)
        constraints = [models.UniqueConstraint(fields=("event", "email"), name="one_registration_per_email")]

    def __str__(self):
        return f"{self.name} – {self.event_id}"

    def export_data(self):
        data = super().export_data()
        data["event"] = self.event.title
        return data


class MemberGroup(models.Model):
    """The Django group of one member organisation, and the pages its permissions cover.

    Wagtail's page permissions are per subtree; member pages, practices, events and news have no children,
    so a permission on such a page covers that page alone. `sync_page_permissions` grants "change" on every
    page the organisation owns and withdraws it from pages it no longer owns.
    """

    member = models.OneToOneField("network.MemberPage", on_delete=models.CASCADE, related_name="access_group")
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="member_access")
    collection = models.OneToOneField(
        Collection,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_access",
        help_text=_("The organisation's own folder for images and documents (under “Member files”)."),
    )

    class Meta:
        verbose_name = _("member group")

    def __str__(self):
        return self.group.name

    @classmethod
    def for_member(cls, member):
        existing = cls.objects.filter(member=member).select_related("group").first()
        if existing:
            return existing
        group, _created = Group.objects.get_or_create(name=f"Member: {member.title[:100]} (#{member.pk})")
        access = cls.objects.create(member=member, group=group)
        access.ensure_collection()
        return access

    def ensure_collection(self):
        """The organisation's collection under "Member files", with add, change and choose on images and documents
        for its group (and nobody else's members): what its accounts upload lands there. Privacy still follows
        use (network/confinement.py): a file is public once a live page shows it. Idempotent."""
        if self.collection_id is None:
            self.collection = member_files_collection().add_child(name=self.member.title[:255])
            self.save(update_fields=["collection"])
        for permission in member_file_permissions():
            GroupCollectionPermission.objects.get_or_create(
                group=self.group, collection=self.collection, permission=permission
            )
        # Files the organisation's accounts uploaded before it had a folder (into the root collection).
        for model in (get_image_model(), get_document_model()):
            model.objects.filter(
                collection=Collection.get_first_root_node(), uploaded_by_user__groups=self.group
            ).update(collection=self.collection)
        return self.collection

    def owned_pages(self):
        """The member page, practices listing it as owner, events it organises, pages its accounts created."""
        practice_model = apps.get_model("practices", "GoodPracticePage")
        event_model = apps.get_model("network", "EventPage")
        page_ids = {self.member_id}
        page_ids.update(practice_model.objects.filter(owners__member=self.member_id).values_list("pk", flat=True))
        page_ids.update(event_model.objects.filter(organiser=self.member_id).values_list("pk", flat=True))
        page_ids.update(Page.objects.filter(owner__groups=self.group).values_list("pk", flat=True))
        # Only leaf pages: a permission on a page with children would cover the children too.
        return Page.objects.filter(pk__in=page_ids, numchild=0)

    def sync_page_permissions(self):
        change = page_permission("change")
        owned = set(self.owned_pages().values_list("pk", flat=True))
        granted = GroupPagePermission.objects.filter(group=self.group)
        granted.exclude(page_id__in=owned).delete()
        have = set(granted.filter(permission=change).values_list("page_id", flat=True))
        GroupPagePermission.objects.bulk_create(
            [GroupPagePermission(group=self.group, page_id=page_id, permission=change) for page_id in owned - have]
        )

    @classmethod
    def members_of(cls, user):
        """The member pages whose organisation `user` is an account of (none for visitors and editors)."""
        if not user.is_authenticated:
            return apps.get_model("network", "MemberPage").objects.none()
        return apps.get_model("network", "MemberPage").objects.filter(access_group__group__user=user).order_by("title")

    @classmethod
    def sync_for_page(cls, page):
        """Re-sync the groups a page may concern (its owner's organisations, its listed owners, organiser)."""
        specific = page.specific
        member_ids = set()
        if page.owner_id:
            member_ids.update(cls.objects.filter(group__user=page.owner_id).values_list("member_id", flat=True))
        if hasattr(specific, "owners"):
            member_ids.update(link.member_id for link in specific.owners.all())
        if getattr(specific, "organiser_id", None):
            member_ids.add(specific.organiser_id)
        for group in cls.objects.filter(member_id__in=member_ids).select_related("group"):
            group.sync_page_permissions()


def page_permission(action):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


MEMBER_FILES_COLLECTION = "Member files"


def member_files_collection():
    """The collection that holds one collection per member organisation (created under the root on first use)."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=MEMBER_FILES_COLLECTION).first()
    return existing or root.add_child(name=MEMBER_FILES_COLLECTION)


def member_file_permissions():
    return Permission.objects.filter(
        content_type__app_label__in=("wagtailimages", "wagtaildocs"),
        codename__in=[
            f"{action}_{model}" for action in ("add", "change", "choose") for model in ("image", "document")
        ],
    )


def ensure_network_review():
    """Create (or repair) the Editors and Members groups and the "Network review" workflow. Idempotent.

    The workflow is assigned to the tree's root page, so every page of every site goes through it unless an
    editor assigns another workflow deeper in the tree. Returns the workflow.
    """
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP_NAME)
    members, _created = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    editors.permissions.add(access_admin)
    members.permissions.add(access_admin)
    # Personal data: editors read, correct and erase it; nobody creates it by hand.
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="network",
            content_type__model__in=[
                "membershipapplication",
                "contactrequest",
                "eventregistration",
                "campaignvisitorsupport",
            ],
        ).exclude(codename__startswith="add_")
    )

    root = Page.get_first_root_node()
    for action in ("add", "change", "publish"):
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=page_permission(action))
    add = page_permission("add")
    for model_name in ("practices.PracticeIndexPage", "network.EventIndexPage", "network.NewsIndexPage"):
        for index_page in apps.get_model(model_name).objects.all():
            GroupPagePermission.objects.get_or_create(group=members, page=index_page, permission=add)
    # Members upload into their organisation's own collection (MemberGroup.ensure_collection), not the root one;
    # earlier set-ups granted the root, which is withdrawn here.
    root_collection = Collection.get_first_root_node()
    GroupCollectionPermission.objects.filter(group=members, collection=root_collection).delete()
    for access in MemberGroup.objects.select_related("member", "group", "collection"):
        access.ensure_collection()

    workflow, _created = Workflow.objects.get_or_create(name="Network review", defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name="Editors review").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Editors review")
    task.groups.add(editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
