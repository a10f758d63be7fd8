"""Draft previews for headless front ends: signed tokens that expire.

An editor clicks "Preview on partner site" in the page editor; Guild signs `{"page": id}` with the
site's SECRET_KEY (django.core.signing, salted), and sends the editor to the partner front end
(`HEADLESS_PREVIEW_CLIENT_URLS`) with `?content_type=app.model&token=...`. The front end fetches
`/api/v2/pages/preview/?token=...` and gets the page's latest revision (draft included) as page detail
JSON. Tokens older than HEADLESS_PREVIEW_MAX_AGE seconds are refused (403), as are tampered ones.
"""

from django.conf import settings
from django.core import signing
from django.utils.http import urlencode

from wagtail.models import Page, Site

SALT = "guild.partners.headless-preview"


class PreviewTokenError(Exception):
    pass


def make_preview_token(page):
    return signing.dumps({"page": page.pk}, salt=SALT, compress=True)


def page_for_preview_token(token):
    """The latest revision of the token's page, as a page object; PreviewTokenError when refused."""
    if not token:
        raise PreviewTokenError("a preview token is required")
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except signing.SignatureExpired as error:
        raise PreviewTokenError("the preview token has expired") from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise PreviewTokenError("the preview token is not valid") from error
    page_id = data.get("page") if isinstance(data, dict) else None
    page = Page.objects.filter(pk=page_id).first() if isinstance(page_id, int) else None
    if page is None:
        raise PreviewTokenError("the previewed page no longer exists")
    return page.specific.get_latest_revision_as_object()


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
