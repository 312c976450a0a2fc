"""The appraisals app's menu entries, portal links and home-page cards (loaded by congvu.core.nav)."""

from django.utils.translation import gettext_lazy as _

from congvu.accounts.models import Role
from congvu.appraisals.cards import home_cards
from congvu.core import nav

nav.add_home_cards(home_cards)

roles = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.LEADERSHIP, Role.SYSTEM_ADMIN)
nav.add_staff_nav(nav.NavItem(_("Đánh giá, xếp loại"), "appraisals:cycle_list", roles=roles, order=50))
nav.add_staff_nav(nav.NavItem(_("Kết quả xếp loại"), "appraisals:results", roles=roles, order=51))
nav.add_staff_nav(
    nav.NavItem(_("Đánh giá của tôi"), "appraisals:my_evaluations", self_service=True, order=10)
)
