"""`{% page_meta page %}`: what a page says about itself in `<head>` (description, canonical, OpenGraph, Twitter).

Everything comes from fields editors already keep: the title (or SEO title), the search description or the
summary, and the page's picture (`page_image()`, the site's default card when it has none). Every URL is absolute
at the public address (home/site_address.py), as crawlers and link previews need.
"""

from django import template
from django.templatetags.static import static
from django.utils.translation import to_locale

from wagtail.models import Page

from home.models.site_settings import SiteSettings
from home.site_address import absolute_url, page_full_url

from .guild_images import social_image
from .navigation_tags import alternate_links

register = template.Library()

# OpenGraph wants language_TERRITORY; the territory where each interface language is the main one.
OG_LOCALES = {
    "en": "en_GB",
    "fr": "fr_FR",
    "de": "de_DE",
    "es": "es_ES",
    "it": "it_IT",
    "pl": "pl_PL",
    "nl": "nl_NL",
}
DEFAULT_SOCIAL_IMAGE = {"path": "img/social-card.jpg", "width": 1200, "height": 630}
# Page types whose pages are dated pieces of writing; the rest are "website" in OpenGraph's terms.
ARTICLE_TYPES = {"newspage", "goodpracticepage"}


def og_locale(language_code):
    return OG_LOCALES.get(language_code, to_locale(language_code))


def page_description(page, request=None):
    """The page's own summary; failing that the network's tagline, so no page goes without a description."""
    method = getattr(page, "get_meta_description", None)
    own = (method() if method else "") or page.search_description or getattr(page, "intro", "") or ""
    if own.strip():
        return own
    site_settings = SiteSettings.for_request(request) if request is not None else None
    if site_settings is None:
        site = page.get_site()
        site_settings = SiteSettings.for_site(site) if site else None
    if site_settings is None:
        return page.title
    localized = site_settings.localized
    return localized.tagline or f"{page.title} – {localized.network_name}"


def page_social_image(page):
    image = page.page_image() if hasattr(page, "page_image") else None
    if image is not None:
        return social_image(image)
    return {
        "url": absolute_url(static(DEFAULT_SOCIAL_IMAGE["path"])),
        "width": DEFAULT_SOCIAL_IMAGE["width"],
        "height": DEFAULT_SOCIAL_IMAGE["height"],
        "alt": "",
    }


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context, page, site_name=""):
    """The `<head>` metadata of a Wagtail page; nothing for views that are not pages."""
    if not isinstance(page, Page):
        return {"page": None}
    request = context.get("request")
    language = page.locale.language_code
    alternates = alternate_links(context, page)
    return {
        "page": page,
        "title": page.seo_title or page.title,
        "description": " ".join(page_description(page, request).split())[:300],
        "canonical": page_full_url(page, request),
        "image": page_social_image(page),
        "og_type": "article" if page.specific_class._meta.model_name in ARTICLE_TYPES else "website",
        "og_locale": og_locale(language),
        "og_locale_alternates": [og_locale(code) for code, _url in alternates if code != language],
        "site_name": site_name,
    }
