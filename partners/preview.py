"""Draft previews for headless front ends: signed tokens that expire.

An editor clicks "Preview on partner site" in the page editor; Guild signs `{"page": id, "revision": id}` with the
site's SECRET_KEY (django.core.signing, salted), and sends the editor to the partner front end
(`HEADLESS_PREVIEW_CLIENT_URLS`) with `?content_type=app.model&token=...`. The front end fetches
`/api/v2/pages/preview/?token=...` and gets that revision (the draft the editor was looking at) as page
detail JSON. A token is bound to its revision: saving again makes a new token, and the old one keeps showing
the old revision, so a link shared for review shows what was reviewed.
Tokens older than HEADLESS_PREVIEW_MAX_AGE seconds are refused (403), as are tampered ones.
"""

from django.conf import settings
from django.core import signing
from django.utils.http import urlencode

from wagtail.models import Page, Revision, Site

SALT = "guild.partners.headless-preview"


class PreviewTokenError(Exception):
    pass


def make_preview_token(page, revision=None):
    """A signed token for `revision` of `page` (by default its latest revision)."""
    revision = revision or page.get_latest_revision()
    return signing.dumps({"page": page.pk, "revision": revision.pk if revision else None}, salt=SALT, compress=True)


def page_for_preview_token(token):
    """The token's revision of its page, as a page object; PreviewTokenError when refused."""
    if not token:
        raise PreviewTokenError("a preview token is required")
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except signing.SignatureExpired as error:
        raise PreviewTokenError("the preview token has expired") from error
    except (signing.BadSignature, ValueError, TypeError, UnicodeDecodeError) as error:
        raise PreviewTokenError("the preview token is not valid") from error
    page_id = data.get("page") if isinstance(data, dict) else None
    page = Page.objects.filter(pk=page_id).first() if isinstance(page_id, int) else None
    if page is None:
        raise PreviewTokenError("the previewed page no longer exists")
    page = page.specific
    revision_id = data.get("revision")
    if revision_id is None:  # a page never saved as a revision: its current state
        return page
    revision = (
        Revision.objects.for_instance(page).filter(pk=revision_id).first() if isinstance(revision_id, int) else None
    )
    if revision is None:
        raise PreviewTokenError("the previewed revision no longer exists")
    return revision.as_object()


def client_url_for(site):
    """The partner front end's preview URL for a site: by hostname, else the default."""
    urls = settings.HEADLESS_PREVIEW_CLIENT_URLS
    hostname = getattr(site, "hostname", None)
    return urls.get(hostname) or urls.get("default")


def preview_url(page, request=None):
    site = Site.find_for_request(request) if request else page.get_site()
    client_url = client_url_for(site)
    if not client_url:
        return None
    content_type = f"{page._meta.app_label}.{page._meta.model_name}"
    query = urlencode({"content_type": content_type, "token": make_preview_token(page), "id": page.pk})
    return f"{client_url}{'&' if '?' in client_url else '?'}{query}"
