from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """What partner sites get besides the API itself: webhooks and draft previews."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "partners"
    verbose_name = "Partner sites"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
