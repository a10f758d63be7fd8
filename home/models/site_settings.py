"""Site-wide settings editors change in the admin (Settings → Site settings)."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .vocabulary import base_language, content_language_choices

#: The settings texts a visitor reads, translated per language by `SiteSettingsTranslation`.
TRANSLATABLE_SETTINGS = ("network_name", "tagline", "footer_text", "funding_disclaimer")

DEFAULT_FUNDING_DISCLAIMER = (
    "The European Commission's support for the project does not constitute an endorsement of the "
    "content of this website, which reflects the views only of the authors, and the Commission "
    "cannot be held responsible for any use which may be made of the information contained therein."
)


@register_setting(icon="cog")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """The network's name, contact address and footer text.

    The fields hold the default language's text; `translations` hold the
    other languages' (each empty field falls back to the default text).
    Templates read `settings.home.SiteSettings.localized.tagline`.
    """

    network_name = models.CharField(max_length=200, default="Guild")
    tagline = models.CharField(max_length=250, blank=True)
    contact_email = models.EmailField(
        blank=True, help_text=_("A role address (e.g. info@...), never a person's private address.")
    )
    footer_text = models.TextField(blank=True)
    funding_disclaimer = models.TextField(
        default=DEFAULT_FUNDING_DISCLAIMER,
        help_text=_("Shown in the footer of pages that belong to an EU-funded project."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("network_name"), FieldPanel("tagline")], heading=_("Identity")),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("footer_text"), FieldPanel("funding_disclaimer")],
            heading=_("Footer"),
        ),
        InlinePanel(
            "translations",
            heading=_("Translations"),
            label=_("translation"),
            help_text=_("The name, tagline and footer in other languages; empty fields use the text above."),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def localized_for(self, language):
        """The translatable texts in `language` (an object with the same attribute names)."""
        language = base_language(language)
        cache = self.__dict__.setdefault("_localized_cache", {})
        if language not in cache:
            values = {name: getattr(self, name) for name in TRANSLATABLE_SETTINGS}
            if language != base_language(settings.LANGUAGE_CODE):
                for row in self.translations.all():
                    if row.language == language:
                        values.update({name: value for name in TRANSLATABLE_SETTINGS if (value := getattr(row, name))})
            values["contact_email"] = self.contact_email
            cache[language] = LocalizedSiteSettings(**values)
        return cache[language]

    @property
    def localized(self):
        """The translatable texts in the active language."""
        return self.localized_for(translation.get_language())


class LocalizedSiteSettings:
    """Read-only view of the site settings in one language."""

    def __init__(self, **values):
        self.__dict__.update(values)


class SiteSettingsTranslation(models.Model):
    """The site settings' texts in one language other than the default one."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=12, choices=content_language_choices)
    network_name = models.CharField(_("network name"), max_length=200, blank=True)
    tagline = models.CharField(_("tagline"), max_length=250, blank=True)
    footer_text = models.TextField(_("footer text"), blank=True)
    funding_disclaimer = models.TextField(_("funding disclaimer"), blank=True)

    panels = [
        FieldPanel("language"),
        FieldPanel("network_name"),
        FieldPanel("tagline"),
        FieldPanel("footer_text"),
        FieldPanel("funding_disclaimer"),
    ]

    class Meta:
        verbose_name = _("site settings translation")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["settings", "language"], name="unique_site_settings_language"),
        ]

    def __str__(self):
        return self.language
