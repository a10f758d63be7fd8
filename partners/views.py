"""Admin view that sends an editor to the partner front end's preview."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect

from wagtail.models import Page

from .preview import preview_url


def headless_preview(request, page_id):
    """Sign a preview token for the page's latest revision and redirect to the partner front end."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    url = preview_url(page, request)
    if url is None:
        messages.error(request, "No partner front end is configured (HEADLESS_PREVIEW_CLIENT_URLS).")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return redirect(url)
