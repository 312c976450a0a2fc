from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "congvu.core"
    label = "core"
    verbose_name = _("Nền tảng")

    def ready(self):
        from congvu.core import audit

        audit.connect_signals()
