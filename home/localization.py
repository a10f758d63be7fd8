"""Pages in the visitor's language: one per translation group, the default language standing in.

Every listing, figure and related list goes through these two helpers, so a French visitor sees the French
version of a page where a live one exists, the English one where it does not (marked `translation_fallback`,
so templates can say "In English"), and never the same page twice. English is the default language
(`LANGUAGE_CODE`); pages that exist only in a third language (German, say) are not shown to French visitors.

Both work by language code through a join on the locale table, so they cost no query of their own.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import BooleanField, Case, Q, Value, When
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant


def active_language():
    """The content language of the current request (``fr`` for ``fr-be``)."""
    return get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def one_per_translation(queryset, language=None):
    """`queryset` (live pages of one type, say) reduced to one page per translation group.

    Keeps the page in `language` (the active language by default) where the queryset holds one, else the
    default language's page. Each result carries `translation_fallback` (True on the default-language stand-ins
    for a missing translation). The queryset must not be sliced; filter, order and paginate the result freely.
    """
    language = language or active_language()
    default = default_language()
    if language == default:
        return queryset.filter(locale__language_code=default).annotate(
            translation_fallback=Value(False, output_field=BooleanField())
        )
    translated_keys = queryset.filter(locale__language_code=language).order_by().values("translation_key")
    return queryset.filter(
        Q(locale__language_code=language)
        | (Q(locale__language_code=default) & ~Q(translation_key__in=translated_keys))
    ).annotate(
        translation_fallback=Case(
            When(locale__language_code=language, then=Value(False)),
            default=Value(True),
            output_field=BooleanField(),
        )
    )


def in_visitor_language(pages, language=None):
    """Linked pages (a practice's members, a news item's events) swapped for their live version in `language`.

    `pages` is a list of specific pages, as foreign keys give them. Each is replaced by its live translation in
    `language` if there is one, else by its live default-language version, else kept if it is live itself;
    drafts are dropped, so nothing links to a page visitors cannot open. Order is kept, duplicates (two
    versions of one page) are dropped. One query per page type in the list.
    """
    language = language or active_language()
    default = default_language()
    keys_by_model = defaultdict(set)
    for page in pages:
        keys_by_model[type(page)].add(page.translation_key)
    versions = {}
    for model, keys in keys_by_model.items():
        candidates = (
            model.objects.live()
            .public()
            .filter(translation_key__in=keys, locale__language_code__in={language, default})
            .select_related("locale")
        )
        for candidate in candidates:
            chosen = versions.get(candidate.translation_key)
            if chosen is None or candidate.locale.language_code == language:
                versions[candidate.translation_key] = candidate
    result, seen = [], set()
    for page in pages:
        if page.translation_key in seen:
            continue
        version = versions.get(page.translation_key) or (page if page.live else None)
        if version is None:
            continue
        seen.add(page.translation_key)
        version.translation_fallback = version.locale.language_code != language
        result.append(version)
    return result


def links_in_visitor_language(links, attribute, language=None):
    """Through-model rows (a project's partners, a campaign's supporters) whose linked page visitors can open.

    Each kept row's `attribute` is swapped for that page's version in `language` (see `in_visitor_language`);
    rows whose page is a draft are dropped, so nothing links to a page visitors cannot open. Order is kept.
    """
    links = list(links)
    shown = {
        page.translation_key: page
        for page in in_visitor_language([getattr(link, attribute) for link in links], language)
    }
    kept = []
    for link in links:
        page = shown.get(getattr(link, attribute).translation_key)
        if page is not None:
            setattr(link, attribute, page)
            kept.append(link)
    return kept
