"""Members see only their own work in the admin: explorer, admin search, page chooser, site history, choosers.

A member account (in `Members`, not an editor, not a superuser) has "add" on the practice, event and news
indexes, and Wagtail makes everything under a page you may add to explorable, so out of the box a member
would see other members' drafts, their draft titles and their actions. Here a member sees:

- pages it may edit (its organisation's pages, pages it created), and
- live pages without unpublished changes (what any visitor sees anyway), which keeps the index pages and the
  tree navigable.

Someone else's draft, or someone else's live page with an unpublished title change, is hidden. Images and
documents in the choosers are limited to those uploaded by accounts of the member's own organisation(s).
Editors and superusers are not confined. See docs/security.md.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.models import Page
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
    """Images or documents uploaded by accounts of the member's organisation(s)."""
    return files.filter(uploaded_by_user__in=organisation_colleagues(user))


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
