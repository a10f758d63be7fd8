"""Builds French translations of a `site_tree` for the i18n tests."""

from types import SimpleNamespace

from wagtail.models import Locale

from . import factories


def translate(page, locale, **fields):
    """Translate `page` into `locale` the way the admin does (copy, edit, publish); returns the live copy."""
    translated = page.specific.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def build_detail_pages(site_tree, skill=None):
    """One page of each detail type under its index, in English."""
    skills = [skill] if skill else []
    return SimpleNamespace(
        member=factories.MemberPageFactory(parent=site_tree.members, title="Lyon Metropole", skills=skills),
        project=factories.ProjectPageFactory(parent=site_tree.projects, title="Apprenticeship Project"),
        campaign=factories.CampaignPageFactory(parent=site_tree.campaigns, title="Inclusive Cities"),
        event=factories.EventPageFactory(parent=site_tree.events, title="Peer Review Meeting"),
        news=factories.NewsPageFactory(parent=site_tree.news, title="Network News"),
        practice=factories.GoodPracticePageFactory(
            parent=site_tree.practices, title="Green Skills Lab", skills=skills
        ),
        qualification=factories.JointQualificationPageFactory(parent=site_tree.qualifications, title="Joint Welder"),
        standard=factories.StandardPageFactory(parent=site_tree.home, title="About the network"),
    )


INDEX_NAMES = ("members", "projects", "campaigns", "events", "news", "practices", "qualifications")


def translate_tree(site_tree, language="fr"):
    """The home page and every index page translated into `language` (titles prefixed with the code)."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    pages = {"home": translate(site_tree.home, locale, title=f"[{language}] Guild")}
    for name in INDEX_NAMES:
        index = getattr(site_tree, name)
        pages[name] = translate(index, locale, title=f"[{language}] {index.title}")
    return locale, SimpleNamespace(**pages)
