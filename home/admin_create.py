"""A quick "Publish" right after creating a page publishes the page autosave just created, instead of failing.

Wagtail 8 autosaves a new page from its create form: the first autosave POSTs the form to the create URL, which
creates the page as a draft, and the browser then switches the form over to the page's edit view. An editor who
clicks "Publish" before that switch (or while that first autosave is still on the wire) posts the same form to
the create URL a second time, for a page that now exists:

- after the autosave has committed, the form refuses it ("The slug ... is already in use") and the editor is
  left on a create form with an error for a page they can see in the explorer;
- while it is still running, both requests pass the form's slug check and the later one fails in `Page.save()`
  with an uncaught `ValidationError`: a 500 ("slug already in use", seen about once in ten quick creates).

`CreateThenPublishMiddleware` serialises the create POSTs of one editor for one parent and slug (a short lock
in the cache), and sends a create POST for a draft that the same editor created moments ago to that draft's
edit view, with the same form data: the publish (or the next autosave) applies to the page autosave created, and
nothing is created twice (what the draft held stays in its revision history). A create POST for a slug someone
else holds, or for a draft older than `FRESH_DRAFT`, is untouched: Wagtail's own check refuses it, as it should.
"""

import datetime
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.text import slugify

from wagtail.coreutils import safe_md5
from wagtail.models import Page

ADD_VIEW = "wagtailadmin_pages:add"
# How recent a draft must be to count as this form's autosave (a later create with the same slug is a mistake
# Wagtail's slug check reports as usual).
FRESH_DRAFT = datetime.timedelta(minutes=2)
LOCK_SECONDS = 30
LOCK_WAIT_SECONDS = 10.0


def submitted_slug(request):
    slug = (request.POST.get("slug") or "").strip()
    # As Page.full_clean() makes one from the title when the slug is left empty.
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    return slug or slugify(request.POST.get("title") or "", allow_unicode=allow_unicode)


def fresh_draft(request, parent_id, slug):
    """The draft this editor created under `parent_id` with `slug` in the last few minutes, if any."""
    parent = Page.objects.filter(pk=parent_id).first() if slug else None
    if parent is None:
        return None
    return (
        parent.get_children()
        .filter(
            slug=slug,
            owner=request.user,
            live=False,
            first_published_at__isnull=True,
            latest_revision_created_at__gte=timezone.now() - FRESH_DRAFT,
        )
        .order_by("-pk")
        .first()
    )


class CreateThenPublishMiddleware:
    """See the module docstring. After AuthenticationMiddleware (it reads `request.user`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if request.method != "POST" or match is None or match.view_name != ADD_VIEW:
            return None
        if not request.user.is_authenticated:
            return None
        parent_id = view_kwargs.get("parent_page_id")
        slug = submitted_slug(request)
        key = "guild:create-page:" + safe_md5(f"{request.user.pk}:{parent_id}:{slug}".encode()).hexdigest()
        locked = self.acquire(key)
        # Only a form submission (Publish, Save draft, Submit) is sent on to the draft; an autosave keeps Wagtail's
        # create answer, whose JSON the browser needs to switch to the edit view.
        submission = request.accepts("text/html")
        try:
            draft = fresh_draft(request, parent_id, slug) if submission else None
            if draft is not None:
                return self.edit(request, draft)
            try:
                return view_func(request, *view_args, **view_kwargs)
            except ValidationError as error:
                # Another create of the same page committed between the form's slug check and the save (a
                # cache that does not lock across processes): publish into it rather than answer 500.
                draft = fresh_draft(request, parent_id, slug) if submission else None
                if draft is None or "slug" not in getattr(error, "error_dict", {}):
                    raise
                return self.edit(request, draft)
        finally:
            if locked:
                cache.delete(key)

    @staticmethod
    def acquire(key):
        """Wait (briefly) for the same editor's other create of this page to finish. A cache that is down must not
        block page creation: then the request goes ahead, and the `ValidationError` fallback still holds."""
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                if cache.add(key, "1", LOCK_SECONDS):
                    return True
            except Exception:
                return False
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)

    @staticmethod
    def edit(request, draft):
        match = resolve(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        request.resolver_match = match
        return match.func(request, *match.args, **match.kwargs)
