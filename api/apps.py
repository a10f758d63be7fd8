from django.apps import AppConfig


class APIConfig(AppConfig):
    """The headless API: router, OpenAPI document and docs page, fields and filters, caching, throttling."""

    name = "api"
    verbose_name = "Headless API"
