"""ESCO skills a page's text names, offered to its editors: never added to a page without an editor's click.

When an editor saves a page type that declares `suggests_skills = True` (good practices, qualifications,
events), its text is matched against the labels and alternative labels of every ESCO skill in the page's
language. A label matches when its words occur in the text in the same order, next to each other once stop words
(search/stopwords.json) are left out, compared by the same light stemming highlights use ("heat pumps" finds
"install heat pump"'s "heat pump"... only as a whole label: "install heat pump" needs "install" too). Matches
become `SkillSuggestion` rows the editor accepts (the skill goes into a new draft) or ignores.

Labels of one word shorter than `MIN_SINGLE_WORD` ("C", "R", "Go") are never matched alone: as words of prose
they mean something else far more often than the programming language.
"""

from collections import defaultdict

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.search import index

from home.freshness import vocabulary_changed_at
from home.models import SkillSource, SkillTag, SkillTagLabel
from home.models.vocabulary import base_language, split_lines

from .analysis import stop_words, words_of
from .highlight import stem
from .models import SkillSuggestion

MIN_SINGLE_WORD = 5
MAX_SUGGESTIONS = 12


def suggests_skills(page):
    return bool(getattr(page.specific_class or type(page), "suggests_skills", False))


def page_text(page):
    """The words an editor wrote on the page: its title and the text of its own search fields."""
    parts = [page.title]
    for search_field in page.get_search_fields():
        if type(search_field) is not index.SearchField or search_field.field_name.startswith("search_"):
            continue
        name = search_field.field_name
        value = getattr(page, name, None)
        if callable(value):
            value = value()
        try:
            model_field = page._meta.get_field(name)
        except FieldDoesNotExist:  # a method, not a model field
            model_field = None
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            parts.extend(str(item) for item in model_field.get_searchable_content(value))
        elif value:
            parts.append(str(value))
    return strip_tags(" ".join(parts))


def content_words(text, stops):
    return tuple(stem(word) for word in words_of(text) if word not in stops)


def vocabulary_version():
    """Changes when skills or labels are saved or deleted (home.signals; `import_esco` says so itself)."""
    return vocabulary_changed_at()


# {language: (vocabulary version, label index)}: kept in the process, rebuilt when the vocabulary changes. A full
# ESCO import holds some 100,000 labels: building the index takes seconds, unpickling it from a shared cache most of
# a second, looking it up here nothing.
_LABEL_INDEXES = {}


def label_index(language):
    """{first word: [(words, skill id, label)]} of every ESCO skill's labels in `language`."""
    version = vocabulary_version()
    cached = _LABEL_INDEXES.get(language)
    if cached is not None and cached[0] == version:
        return cached[1]
    entries = build_label_index(language)
    _LABEL_INDEXES[language] = (version, entries)
    return entries


def build_label_index(language):
    stops = stop_words(language)
    labels = defaultdict(list)  # skill id -> labels in the language
    if language == base_language(settings.LANGUAGE_CODE):
        for pk, name, alternatives in SkillTag.objects.filter(source=SkillSource.ESCO).values_list(
            "pk", "name", "alternative_labels"
        ):
            labels[pk] += [name, *split_lines(alternatives)]
    else:
        rows = SkillTagLabel.objects.filter(language=language, skill__source=SkillSource.ESCO)
        for pk, name, alternatives in rows.values_list("skill_id", "name", "alternative_labels"):
            labels[pk] += [name, *split_lines(alternatives)]
    entries = defaultdict(list)
    for pk, texts in labels.items():
        for text in dict.fromkeys(texts):
            words = content_words(text, stops)
            if not words or (len(words) == 1 and len(words[0]) < MIN_SINGLE_WORD):
                continue
            entries[words[0]].append((words, pk, text))
    return dict(entries)


def find_skills(text, language):
    """{skill id: the label found}, longest labels first (the most specific), at most MAX_SUGGESTIONS."""
    language = base_language(language)
    entries = label_index(language)
    words = content_words(text, stop_words(language))
    found = {}
    for position, word in enumerate(words):
        for label_words, pk, label in entries.get(word, ()):
            matches = words[position : position + len(label_words)] == label_words
            if matches and (pk not in found or len(label) > len(found[pk])):
                found[pk] = label
    ranked = sorted(found.items(), key=lambda item: -len(item[1]))
    return dict(ranked[:MAX_SUGGESTIONS])


def suggest_skills(page):
    """Bring the page's pending suggestions in line with its text; returns the pending suggestions.

    Skills the page already carries are not suggested; an accepted or ignored suggestion is never offered again;
    a pending one whose label is no longer in the text goes away.
    """
    language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    found = find_skills(page_text(page), language)
    carried = {skill.pk for skill in page.skills.all()}
    found = {pk: label for pk, label in found.items() if pk not in carried}
    existing = {suggestion.skill_id: suggestion for suggestion in SkillSuggestion.objects.filter(page=page)}
    SkillSuggestion.objects.filter(page=page, status=SkillSuggestion.Status.PENDING).exclude(
        skill_id__in=list(found)
    ).delete()
    new = [
        SkillSuggestion(page_id=page.pk, skill_id=pk, matched_label=label)
        for pk, label in found.items()
        if pk not in existing
    ]
    SkillSuggestion.objects.bulk_create(new)
    return list(pending_for(page))


def pending_for(page):
    return SkillSuggestion.objects.filter(page=page, status=SkillSuggestion.Status.PENDING).select_related("skill")


def accept(suggestion, user):
    """Add the skill to a new draft of the page (the editor publishes when ready) and record who decided."""
    page = suggestion.page.specific.get_latest_revision_as_object()
    page.skills.add(suggestion.skill)
    page.save_revision(user=user, log_action=True)
    decide(suggestion, SkillSuggestion.Status.ACCEPTED, user)


def ignore(suggestion, user):
    decide(suggestion, SkillSuggestion.Status.IGNORED, user)


def decide(suggestion, status, user):
    suggestion.status, suggestion.decided_by, suggestion.decided_at = status, user, timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])
