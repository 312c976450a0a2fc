"""The plans menu entries and the home card of overdue tasks."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.accounts.scope import has_role, scoped
from congvu.core import nav
from congvu.plans import roles
from congvu.plans.models import TaskAssignment

# The menu keeps the one heading these registers had before they were four apps.
SECTION = _("Khen thưởng, kỷ luật, quy chế, kế hoạch")

# The cards of tasks and regulations are for those who manage or report: unit heads, the programme
# office and admins.
CARD_ROLES = roles.REPORT
nav.add_staff_nav(
    nav.NavItem(
        _("Kế hoạch, văn bản chỉ đạo"), "plans:directive_list", roles=roles.VIEW, order=63, section=SECTION
    )
)
nav.add_staff_nav(
    nav.NavItem(_("Nhiệm vụ được giao"), "plans:assignment_list", roles=roles.VIEW, order=64, section=SECTION)
)


def home_cards(request) -> list[dict]:
    if not has_role(request.user, *CARD_ROLES):
        return []
    overdue = scoped(
        TaskAssignment.objects.filter(TaskAssignment.overdue_q(timezone.localdate())),
        request.user,
        roles=CARD_ROLES,
    ).count()
    return [
        {
            "label": _("Nhiệm vụ quá hạn"),
            "value": overdue,
            "url": reverse("plans:assignment_list") + "?overdue=on",
            "tone": "bad" if overdue else "ok",
        }
    ]


nav.add_home_cards(home_cards, order=1)
