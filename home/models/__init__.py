from .mixins import ListingIndexMixin, PageImageMixin, PublicAddressMixin, TaggedPageMixin
from .pages import HomePage, HomePageFeaturedPractice, StandardPage
from .site_settings import SiteSettings, SiteSettingsTranslation
from .vocabulary import (
    SkillCategory,
    SkillSource,
    SkillTag,
    SkillTaggedItem,
    SkillTagLabel,
    SkillType,
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
    "SkillSource",
    "SkillTag",
    "SkillTagLabel",
    "SkillTaggedItem",
    "SkillType",
    "StandardPage",
    "TaggedPageMixin",
    "TopicTag",
    "TopicTagLabel",
    "TopicTaggedItem",
]
