"""Members see only their own work in the admin: explorer, admin search, page chooser, site history, choosers.

A member account (in `Members`, not an editor, not a superuser) has "add" on the practice, event and news
indexes, and Wagtail makes everything under a page you may add to explorable, so out of the box a member
would see other members' drafts, their draft titles and their actions. Here a member sees:

- pages it may edit (its organisation's pages, pages it created), and
- live pages without unpublished changes (what any visitor sees anyway), which keeps the index pages and the
  tree navigable.

Someone else's draft, or someone else's live page with an unpublished title change, is hidden. Each organisation
has its own collection ("Member files" / <organisation>, `MemberGroup.ensure_collection`), the only one its
accounts may add to; images and documents in the choosers are limited to those uploaded by accounts of the
member's own organisation(s) or filed in its collection.
Editors and superusers are not confined. See docs/security.md.

Files a member uploads stay private (to its organisation and the editors) until a live page uses them: the
document download answers 404 to anyone else, and the images and documents API leave them out.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast

from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models.collaboration import EDITORS_GROUP_NAME, MEMBERS_GROUP_NAME


def is_confined_member(user):
    """A member account: in Members, not an editor, not a superuser. Memoised on the user object."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return False
    if not hasattr(user, "_guild_confined"):
        names = set(user.groups.values_list("name", flat=True))
        user._guild_confined = MEMBERS_GROUP_NAME in names and EDITORS_GROUP_NAME not in names
    return user._guild_confined


def visible_to_member(pages, user):
    """`pages` narrowed to what a confined member may see (see the module docstring)."""
    editable = page_permission_policy_for_members.instances_user_has_permission_for(user, "change")
    return pages.filter(
        Q(live=True, has_unpublished_changes=False) | Q(owner=user) | Q(pk__in=editable.values_list("pk", flat=True))
    )


def organisation_colleagues(user):
    """The accounts that share one of `user`'s organisation groups (and the user)."""
    groups = user.groups.filter(member_access__isnull=False)
    return get_user_model().objects.filter(Q(pk=user.pk) | Q(groups__in=groups)).distinct()


def uploaded_by_organisation(files, user):
    """Images or documents uploaded by accounts of the member's organisation(s), or filed in its collection."""
    groups = user.groups.filter(member_access__isnull=False)
    return files.filter(
        Q(uploaded_by_user__in=organisation_colleagues(user)) | Q(collection__member_access__group__in=groups)
    ).distinct()


class MemberConfinedPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with `explorable_instances` confined for member accounts.

    The explorer, the admin page search and the site-history report all ask this for what a user may explore.
    """

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if is_confined_member(user):
            pages = visible_to_member(pages, user)
        return pages


page_permission_policy_for_members = MemberConfinedPagePermissionPolicy(Page)


def member_accounts():
    """Accounts confined as members (see `is_confined_member`), as a queryset."""
    return (
        get_user_model()
        .objects.filter(groups__name=MEMBERS_GROUP_NAME, is_superuser=False)
        .exclude(groups__name=EDITORS_GROUP_NAME)
    )


def used_on_live_pages(files):
    """Those of `files` that a live page's published content uses (a body block, a rich text link, an image
    field): Wagtail's reference index records what each page's current row refers to, and a live page's row
    is its published version, so a file chosen only in a draft is not counted."""
    live_page_ids = Page.objects.filter(live=True).annotate(key=Cast("pk", CharField())).values("key")
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(files.model),
        to_object_id=Cast(OuterRef("pk"), CharField()),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=live_page_ids,
    )
    return files.filter(Exists(references))


def private_member_files(files):
    """Files members uploaded that no live page uses yet: private to their organisation and the editors."""
    return files.filter(uploaded_by_user__in=member_accounts()).exclude(pk__in=used_on_live_pages(files).values("pk"))


def public_files(files):
    """What anyone may list and download: everything but members' files that no live page uses."""
    return files.exclude(pk__in=private_member_files(files).values("pk"))


def is_private_member_file(file):
    """One image or document: a member's upload that no live page uses yet (see `private_member_files`)."""
    return private_member_files(type(file).objects.filter(pk=file.pk)).exists()


def may_see_private_file(user, file):
    """Editors, superusers and the uploader's organisation see a member's unpublished file."""
    if not getattr(user, "is_authenticated", False):
        return False
    if is_confined_member(user):
        return organisation_colleagues(user).filter(pk=file.uploaded_by_user_id).exists()
    return user.has_perm("wagtailadmin.access_admin")


def confine_admin_user_filters():
    """The explorer's "Owner" and "Edited by" filters and the site-history report's user filter offer, to a
    member, only the accounts of its own organisation(s).

    Out of the box they list every page owner and editor site-wide: a member could read every other member's
    contact names there, though not their pages. Wagtail 8.0 has no hook for these choices, so their querysets are
    wrapped here once, at start-up (network/apps.py); editors and superusers keep Wagtail's own lists.
    """
    from wagtail.admin.views.pages.listing import PageFilterSet
    from wagtail.admin.views.reports.audit_logging import SiteHistoryReportFilterSet

    for name in ("owner", "edited_by"):
        wagtail_filter = PageFilterSet.base_filters[name]
        wagtail_choices = wagtail_filter.queryset

        def choices(request, wagtail_choices=wagtail_choices):
            users = wagtail_choices(request)
            return (
                users.filter(pk__in=organisation_colleagues(request.user))
                if is_confined_member(request.user)
                else users
            )

        wagtail_filter.queryset = choices

    wagtail_users = SiteHistoryReportFilterSet.get_users_queryset

    def get_users_queryset(filterset):
        users = wagtail_users(filterset)
        user = filterset.request.user
        return users.filter(pk__in=organisation_colleagues(user)) if is_confined_member(user) else users

    SiteHistoryReportFilterSet.get_users_queryset = get_users_queryset
