from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = "Network: members, projects, campaigns, events, news"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
        from .confinement import confine_admin_user_filters

        confine_admin_user_filters()
