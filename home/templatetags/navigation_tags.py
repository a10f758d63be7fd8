"""Template tags for the site chrome: header menu, breadcrumbs, language links, funding disclaimer.

Each tag runs a fixed number of queries however many pages the site has: the
menu is one query for the home page's menu children, breadcrumbs one query for
the ancestors, translations one query each for the page and the home page.
"""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from wagtail.models import Page, Site

from home.models import SiteSettings
from home.site_address import page_full_url

register = template.Library()


def _translations(request, page):
    """Live translations of the current page and of the site's home page, by language code.

    One query for both, memoised on the request: the menu, the language
    switcher and the hreflang links all read it.
    """
    cache_key = ("guild_translations", getattr(page, "pk", None))
    cached = getattr(request, "_guild_translations", None)
    if cached is not None and cached[0] == cache_key:
        return cached[1]
    site = Site.find_for_request(request) if request is not None else None
    root_id = site.root_page_id if site is not None else None
    ids = [pk for pk in (root_id, getattr(page, "pk", None)) if pk is not None]
    result = {"page": {}, "home": {}, "root": None}
    if ids:
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        pages = Page.objects.filter(translation_key__in=keys).live().select_related("locale")
        found = list(pages.only("id", "path", "depth", "url_path", "title", "translation_key", "locale"))
        root = next((other for other in found if other.pk == root_id), None)
        if root is None and site is not None:
            root = site.root_page  # an unpublished home page: still the anchor of the menu
        result["root"] = root
        for other in found:
            if page is not None and other.translation_key == page.translation_key:
                result["page"][other.locale.language_code] = other
            if root is not None and other.translation_key == root.translation_key:
                result["home"][other.locale.language_code] = other
    if request is not None:
        request._guild_translations = (cache_key, result)
    return result


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _site_root(request, page=None):
    """The site's home page in the active language (falls back to the default language's)."""
    translations = _translations(request, page)
    language = translation.get_language() or settings.LANGUAGE_CODE
    return translations["home"].get(language) or translations["root"]


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's live children marked "show in menus", with the current section marked.

    `aria_current` is "page" on the page itself and "true" on the section that
    contains it, so screen readers hear where the visitor is.
    """
    request = context.get("request")
    current = _current_page(context)
    root = _site_root(request, current)
    items = []
    if root is not None:
        # child_of() rather than get_children(): no extra query for the root's numchild. Private pages
        # still ask for a login when followed, so the menu skips the view-restriction query of public().
        children = Page.objects.child_of(root).live().in_menu().order_by("path")
        for child in children.only("id", "path", "depth", "url_path", "title", "locale_id"):
            aria_current = ""
            if current is not None:
                if current.path == child.path:
                    aria_current = "page"
                elif current.path.startswith(child.path):
                    aria_current = "true"
            items.append({"title": child.title, "url": child.get_url(request), "aria_current": aria_current})
    return {"items": items, "request": request}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """Ancestors of `page` from the home page down (the tree's invisible root is left out)."""
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": [], "page": page}
    request = context.get("request")
    root = _site_root(request, page)
    if root is not None and page.depth == root.depth + 1 and page.path.startswith(root.path):
        ancestors = [root]  # a section page: its only visible ancestor is the home page, already loaded
    else:
        ancestors = page.get_ancestors().filter(depth__gte=2).only("id", "title", "path", "depth", "url_path")
    return {"crumbs": [(ancestor.title, ancestor.get_url(request)) for ancestor in ancestors], "page": page}


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per configured language: where to go, and whether the current page exists in it.

    A page's translation is linked when it exists; otherwise the link goes to
    the "not translated" page in that language (`home.views.untranslated_page`)
    and `translated` is False, so the template can say so too. Views that are not Wagtail pages (tag
    pages, search) switch language by URL prefix.
    """
    request = context.get("request")
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    current_language = translation.get_language()
    translations = {}
    if page is not None:
        # Shared with the menu and the hreflang links: one query per request for all of them.
        found = _translations(request, page)["page"]
        translations = {code: other for code, other in found.items() if other.pk != page.pk}
    links = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        entry = {"code": code, "name": info["name_local"], "current": code == current_language, "translated": True}
        if code == current_language:
            entry["url"] = request.path if request is not None else ""
        elif page is None:
            entry["url"] = translate_url(request.path, code) if request is not None else f"/{code}/"
        elif code in translations:
            entry["url"] = translations[code].get_url(request)
        else:
            # Not translated: a page in that language that says so and links what exists (never a 404).
            entry["translated"] = False
            with translation.override(code):
                entry["url"] = reverse("untranslated_page", args=[page.pk])
        links.append(entry)
    return links


@register.simple_tag(takes_context=True)
def alternate_links(context, page):
    """`(language_code, absolute URL)` for the page and each live translation, for hreflang links."""
    if not isinstance(page, Page):
        return []
    request = context.get("request")
    pages = _translations(request, page)["page"]
    return [(code, page_full_url(other, request)) for code, other in sorted(pages.items())]


@register.simple_tag(takes_context=True)
def funding_disclaimer(context, page):
    """The EU funding disclaimer for a page that belongs to an EU-funded project, else ""."""
    project = getattr(page, "funding_project", None)
    if project is None:
        return ""
    request = context.get("request")
    site_settings = SiteSettings.for_request(request) if request is not None else None
    # The disclaimer in the visitor's language when the site settings have a translation for it.
    return project.get_funding_disclaimer(site_settings.localized if site_settings else None)


# The footer's legal links: the StandardPages with these slugs (the demo creates both).
LEGAL_PAGE_SLUGS = ("accessibility", "legal-notice")


@register.simple_tag(takes_context=True)
def legal_pages(context):
    """The accessibility statement and legal notice in the visitor's language (else the default one), one query."""
    request = context.get("request")
    root = _site_root(request, _current_page(context)) if request is not None else None
    if root is None:
        return []
    pages = {}
    candidates = Page.objects.live().filter(slug__in=LEGAL_PAGE_SLUGS, depth=root.depth + 1)
    active = translation.get_language()
    for page in candidates.select_related("locale"):
        current = pages.get(page.slug)
        if current is None or page.locale.language_code == active:
            pages[page.slug] = page
    return [pages[slug] for slug in LEGAL_PAGE_SLUGS if slug in pages]
