"""The discipline menu entry."""

from django.utils.translation import gettext_lazy as _

from congvu.core import nav
from congvu.discipline import roles

# The menu keeps the one heading these registers had before they were four apps.
SECTION = _("Khen thưởng, kỷ luật, quy chế, kế hoạch")

nav.add_staff_nav(
    nav.NavItem(_("Kỷ luật"), "discipline:discipline_list", roles=roles.MANAGE, order=61, section=SECTION)
)
