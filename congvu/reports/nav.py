"""The reports app's menu entries, portal links and home-page cards (loaded by congvu.core.nav)."""

from django.utils.translation import gettext_lazy as _

from congvu.accounts.models import Role
from congvu.core import nav

nav.add_staff_nav(
    nav.NavItem(
        _("Báo cáo, chỉ tiêu"),
        "reports:dashboard",
        roles=(
            Role.UNIT_HEAD,
            Role.PROGRAMME_OFFICE,
            Role.LEADERSHIP,
            Role.INSPECTOR,
            Role.SYSTEM_ADMIN,
        ),
        order=90,
    )
)
nav.add_public_link(
    nav.PublicLink(
        _("Công khai kết quả"),
        "reports:public_index",
        _("Số liệu tổng hợp về phản ánh, kiến nghị, mức độ hài lòng và kiểm tra của từng đơn vị, từng năm."),
        order=80,
    )
)
