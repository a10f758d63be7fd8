from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared building blocks"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
