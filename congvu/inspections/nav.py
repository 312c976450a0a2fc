"""The inspections app's menu entries, portal links and home-page cards (loaded by congvu.core.nav)."""

from django.utils.translation import gettext_lazy as _

from congvu.accounts.models import Role
from congvu.core import nav

everyone = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.INSPECTOR, Role.LEADERSHIP, Role.SYSTEM_ADMIN)
nav.add_staff_nav(
    nav.NavItem(_("Kiểm tra kỷ luật hành chính"), "inspections:index", roles=everyone, order=40)
)
nav.add_staff_nav(nav.NavItem(_("Khắc phục sau kiểm tra"), "inspections:task_list", roles=everyone, order=41))


def home_cards(request):
    from django.urls import reverse
    from django.utils import timezone

    from congvu.accounts.scope import has_role
    from congvu.inspections import selectors
    from congvu.inspections.models import RemedialTask, Visit

    user = request.user
    if not has_role(user, "unit_head", "programme_office", "inspector", "leadership", "system_admin"):
        return []
    cards = []
    mine = (
        selectors.visits_for(user)
        .filter(round__members__user=user, status__in=[Visit.Status.PLANNED, Visit.Status.DRAFT])
        .count()
    )
    if mine:
        cards.append(
            {
                "label": _("Lượt kiểm tra chờ ghi nhận"),
                "value": mine,
                "url": reverse("inspections:index"),
                "tone": "warn",
            }
        )
    waiting = (
        selectors.visits_for(user)
        .filter(round__members__user=user, round__members__role="head", status=Visit.Status.SUBMITTED)
        .count()
    )
    if waiting:
        cards.append(
            {
                "label": _("Lượt kiểm tra chờ trưởng đoàn kết thúc"),
                "value": waiting,
                "url": reverse("inspections:visit_list") + "?status=submitted",
                "tone": "warn",
            }
        )
    overdue = (
        selectors.tasks_for(user)
        .filter(status=RemedialTask.Status.OPEN, deadline__lt=timezone.localdate())
        .count()
    )
    if overdue:
        cards.append(
            {
                "label": _("Nhiệm vụ khắc phục quá hạn"),
                "value": overdue,
                "url": reverse("inspections:task_list") + "?status=open",
                "tone": "bad",
            }
        )
    return cards


nav.add_home_cards(home_cards)
