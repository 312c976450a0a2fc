"""The working regulations menu entry and the home card of units lacking one."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.accounts.scope import has_role, scoped_units
from congvu.core import nav
from congvu.regulations import roles, selectors

# The menu keeps the one heading these registers had before they were four apps.
SECTION = _("Khen thưởng, kỷ luật, quy chế, kế hoạch")

nav.add_staff_nav(
    nav.NavItem(
        _("Quy chế làm việc"), "regulations:regulation_list", roles=roles.VIEW, order=62, section=SECTION
    )
)


def home_cards(request) -> list[dict]:
    if not has_role(request.user, *roles.MANAGE):
        return []
    covered, total = selectors.regulation_coverage(
        scoped_units(request.user, roles.MANAGE), timezone.localdate()
    )
    return [
        {
            "label": _("Đơn vị chưa có quy chế làm việc"),
            "value": total - covered,
            "url": reverse("regulations:regulation_list") + "?missing=on",
            "tone": "warn" if total - covered else "ok",
        }
    ]


nav.add_home_cards(home_cards, order=2)
