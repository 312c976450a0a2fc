"""The staff shell's own menu entries (loaded by congvu.core.nav)."""

from django.utils.translation import gettext_lazy as _

from congvu.accounts.models import Role
from congvu.core import nav

nav.add_staff_nav(
    nav.NavItem(_("Thông báo"), "accounts:notifications", self_service=True, order=5, section=_("Chung"))
)
nav.add_staff_nav(
    nav.NavItem(_("Tài khoản của tôi"), "accounts:account", self_service=True, order=6, section=_("Chung"))
)
nav.add_staff_nav(nav.NavItem(_("Quy tắc nghiệp vụ"), "accounts:rulebook", order=980, section=_("Quản trị")))
nav.add_staff_nav(
    nav.NavItem(
        _("Nhật ký hệ thống"),
        "accounts:audit_log",
        roles=(Role.SYSTEM_ADMIN,),
        order=990,
        section=_("Quản trị"),
    )
)
