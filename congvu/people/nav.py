"""The people app's menu entries, portal links and home-page cards (loaded by congvu.core.nav)."""

from django.utils.translation import gettext_lazy as _

from congvu.accounts.models import Role
from congvu.core import nav

nav.add_staff_nav(
    nav.NavItem(
        _("Cán bộ, công chức, viên chức"),
        "people:staff_list",
        roles=(
            Role.UNIT_HEAD,
            Role.PROGRAMME_OFFICE,
            Role.SYSTEM_ADMIN,
            Role.LEADERSHIP,
            Role.INSPECTOR,
        ),
        order=80,
    )
)
