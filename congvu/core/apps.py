from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "congvu.core"
    label = "core"
    verbose_name = _("Nền tảng")

    def ready(self):
        from congvu.core import audit, nav

        audit.connect_signals()
        nav.add_staff_nav(
            nav.NavItem(_("Thông báo"), "core:notifications", self_service=True, order=5, section=_("Chung"))
        )
        nav.add_staff_nav(
            nav.NavItem(
                _("Nhật ký hệ thống"),
                "core:audit_log",
                roles=("system_admin",),
                order=990,
                section=_("Quản trị"),
            )
        )
