from .mixins import ListingIndexMixin, PageImageMixin, PublicAddressMixin, TaggedPageMixin
from .pages import HomePage, HomePageFeaturedPractice, StandardPage
from .site_settings import SiteSettings, SiteSettingsTranslation
from .vocabulary import (
    SkillCategory,
    SkillTag,
    SkillTaggedItem,
    SkillTagLabel,
    TopicTag,
    TopicTaggedItem,
    TopicTagLabel,
)

__all__ = [
    "HomePage",
    "HomePageFeaturedPractice",
    "ListingIndexMixin",
    "PageImageMixin",
    "PublicAddressMixin",
    "SiteSettings",
    "SiteSettingsTranslation",
    "SkillCategory",
    "SkillTag",
    "SkillTagLabel",
    "SkillTaggedItem",
    "StandardPage",
    "TaggedPageMixin",
    "TopicTag",
    "TopicTagLabel",
    "TopicTaggedItem",
]
