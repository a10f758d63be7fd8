"""Tag pages (everything tagged with one skill or topic, grouped by page type) and the web basics."""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import translation

from wagtail.models import Page, Site, get_page_models

from . import open_data as open_data_module
from .localization import one_per_translation
from .models import SiteSettings, SkillTag, TaggedPageMixin, TopicTag
from .site_address import absolute_url

# The header's dark blue: the browser's toolbar colour on phones (manifest and <meta name="theme-color">).
THEME_COLOUR = "#123047"


def tagged_page_models():
    """Every page type that carries skills and topics, in a stable order."""
    return [model for model in get_page_models() if issubclass(model, TaggedPageMixin) and not model._meta.abstract]


def _tag_listing(request, tag, relation):
    """Pages with the tag, by type, in the visitor's language (English stand-ins where untranslated), once each."""
    groups = []
    for model in tagged_page_models():
        pages = list(
            one_per_translation(model.objects.live().public().filter(**{relation: tag}))
            .order_by("title")
            .only("id", "title", "url_path", "path", "depth", "summary", "locale_id")
        )
        if pages:
            groups.append({"label": model._meta.verbose_name_plural, "pages": pages})
    return groups


def skill_tag(request, slug):
    skill = get_object_or_404(SkillTag, slug=slug)
    context = {"tag": skill, "kind": "skill", "groups": _tag_listing(request, skill, "skills")}
    return render(request, "home/skill_tag.html", context)


def topic_tag(request, slug):
    topic = get_object_or_404(TopicTag, slug=slug)
    context = {"tag": topic, "kind": "topic", "groups": _tag_listing(request, topic, "topics")}
    return render(request, "home/topic_tag.html", context)


def skill_list(request):
    skills = SkillTag.objects.offered().prefetch_related("labels")
    return render(request, "home/skill_list.html", {"skills": skills})


def untranslated_page(request, page_id):
    """Where the language switcher sends a visitor when the page has no translation in their language.

    Never a 404 for a live page: it says the page is not translated, links the
    page in the languages it exists in, and the closest section that is
    translated. If a translation appears meanwhile, it redirects there.
    """
    # depth > 1: the tree's root is "live" but has no URL (redirect(None) would be a 500).
    page = get_object_or_404(Page.objects.live().public().filter(depth__gt=1).select_related("locale"), pk=page_id)
    language = translation.get_language() or settings.LANGUAGE_CODE
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    in_language = [other for other in translations if other.locale.language_code == language]
    if in_language and in_language[0].get_url(request):
        return redirect(in_language[0].get_url(request))
    available = [
        (translation.get_language_info(other.locale.language_code), other)
        for other in translations
        if other.locale.language_code in dict(settings.LANGUAGES)
    ]
    # The nearest ancestor (the section, then the home page) that exists in the visitor's language.
    ancestor_keys = page.get_ancestors().filter(depth__gte=2).values("translation_key")
    nearest = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=ancestor_keys, locale__language_code=language)
        .order_by("-depth")
        .first()
    )
    site = Site.find_for_request(request)
    context = {
        "source_page": page,
        "available": available,
        "nearest": nearest,
        "language_info": translation.get_language_info(language),
        "site_root": site.root_page if site else None,
    }
    return render(request, "home/untranslated_page.html", context)


# ---- web basics: robots.txt, the web manifest, /favicon.ico ----------------------------------------------


def robots_txt(request):
    """Crawlers may read the public site, not the admin; the sitemap at its absolute public address."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /api/",
        "",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def web_manifest(request):
    """`manifest.webmanifest`: the network's name, icons and colours for phones' home screens."""
    site = Site.find_for_request(request)
    name = SiteSettings.for_site(site).network_name if site else settings.WAGTAIL_SITE_NAME
    icons = [
        {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {"src": static("img/icon-maskable-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
        {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
    ]
    manifest = {
        "name": name,
        "short_name": settings.WAGTAIL_SITE_NAME,
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "lang": settings.LANGUAGE_CODE,
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": icons,
    }
    return JsonResponse(manifest, content_type="application/manifest+json")


def favicon_ico(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the static icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


def open_data(request):
    """The open data page: every dataset with its licence, formats and columns (docs/open-data.md)."""
    context = {
        "datasets": open_data_module.datasets(request),
        "licence_url": open_data_module.LICENCE_URL,
        "licence_name": open_data_module.LICENCE_NAME,
    }
    return render(request, "home/open_data.html", context)


def open_data_catalogue(request):
    """The same datasets as a DCAT-AP catalogue in JSON-LD, for data portals (data.europa.eu harvests these)."""
    site = Site.find_for_request(request)
    name = SiteSettings.for_site(site).network_name if site else settings.WAGTAIL_SITE_NAME
    data = open_data_module.catalogue_jsonld(
        name, absolute_url(request.path), translation.get_language() or settings.LANGUAGE_CODE, request
    )
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def listing_download(request, index_path, fmt):
    """`/members/download.csv?country=BE`: the listing at `/members/` as open data (Wagtail's own routes take no
    dots, so the download is routed here and handed to the index page)."""
    if fmt not in open_data_module.FORMATS:
        raise Http404("Unknown format")
    page = Page.find_for_request(request, "/" + index_path)
    page = page.specific if page is not None else None
    if page is None or not page.live or not hasattr(page, "serve_download"):
        raise Http404("No listing here")
    if any(not restriction.accept_request(request) for restriction in page.get_view_restrictions()):
        raise Http404("No listing here")
    return page.serve_download(request, fmt)
