from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "congvu.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản và phân quyền")

    def ready(self):
        from congvu.accounts import signals  # noqa: F401  (login auditing)
