"""The records app's menu entries, portal links and home-page cards (loaded by congvu.core.nav)."""

from django.utils.translation import gettext_lazy as _

from congvu.accounts.models import Role
from congvu.core import nav
from congvu.records.home import cards

uh, po, sa, ld, ins = (
    Role.UNIT_HEAD,
    Role.PROGRAMME_OFFICE,
    Role.SYSTEM_ADMIN,
    Role.LEADERSHIP,
    Role.INSPECTOR,
)
nav.add_staff_nav(nav.NavItem(_("Khen thưởng"), "records:reward_list", roles=(uh, po, sa, ld), order=60))
nav.add_staff_nav(nav.NavItem(_("Kỷ luật"), "records:discipline_list", roles=(uh, po, sa), order=61))
nav.add_staff_nav(
    nav.NavItem(_("Quy chế làm việc"), "records:regulation_list", roles=(uh, po, sa, ld, ins), order=62)
)
nav.add_staff_nav(
    nav.NavItem(_("Kế hoạch, văn bản chỉ đạo"), "records:directive_list", roles=(uh, po, sa, ld), order=63)
)
nav.add_staff_nav(
    nav.NavItem(_("Nhiệm vụ được giao"), "records:assignment_list", roles=(uh, po, sa, ld), order=64)
)
nav.add_staff_nav(
    nav.NavItem(_("Khen thưởng, kỷ luật của tôi"), "records:my_records", self_service=True, order=90)
)


nav.add_home_cards(cards)
