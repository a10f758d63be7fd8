"""Marks on pages a listing shows in the default language because they have no translation in the visitor's.

`home.localization` sets `translation_fallback` on such pages. On a card or list item:
``<article {% fallback_lang item %}>`` (the English text is read as English), ``<a href="…" {% fallback_hreflang
item %}>`` (the link leads to an English page), and ``{% fallback_badge item %}`` after the title (the language's own
name, "English").
"""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

from .. import localization

register = template.Library()


def _fallback_language(page):
    return settings.LANGUAGE_CODE if getattr(page, "translation_fallback", False) else None


@register.simple_tag
def fallback_lang(page):
    language = _fallback_language(page)
    return format_html('lang="{}"', language) if language else ""


@register.simple_tag
def fallback_hreflang(page):
    language = _fallback_language(page)
    return format_html('hreflang="{}"', language) if language else ""


@register.simple_tag
def fallback_badge(page):
    """The language's own name ("English"), as language switchers write it: right in every interface language
    without a catalogue entry, and read out in that language."""
    language = _fallback_language(page)
    if not language:
        return ""
    name = translation.get_language_info(language)["name_local"]
    return format_html(' <span class="badge badge--fallback" lang="{}">{}</span>', language, name)


@register.filter
def in_visitor_language(page):
    """A linked page (an event's organiser, a practice's project) in the visitor's language; None while it is
    not live, so templates never link to a draft: ``{% with project=page.project|in_visitor_language %}``."""
    if page is None:
        return None
    return next(iter(localization.in_visitor_language([page.specific])), None)
