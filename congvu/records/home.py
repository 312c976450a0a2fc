"""Counters for the staff home page: what waits for the user in this part."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.accounts.models import Role
from congvu.accounts.scope import has_role, scoped, scoped_units
from congvu.records import selectors
from congvu.records.models import Reward, TaskAssignment

UH, PO, SA = Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN


def cards(request) -> list[dict]:
    user = request.user
    result = []
    today = timezone.localdate()
    if has_role(user, UH, PO, SA):
        overdue = scoped(
            TaskAssignment.objects.filter(TaskAssignment.overdue_q(today)),
            user,
            roles=(UH, PO, SA),
        ).count()
        result.append(
            {
                "label": _("Nhiệm vụ quá hạn"),
                "value": overdue,
                "url": reverse("records:assignment_list") + "?overdue=on",
                "tone": "bad" if overdue else "ok",
            }
        )
        covered, total = selectors.regulation_coverage(scoped_units(user, (UH, PO, SA)), today)
        result.append(
            {
                "label": _("Đơn vị chưa có quy chế làm việc"),
                "value": total - covered,
                "url": reverse("records:regulation_list") + "?missing=on",
                "tone": "warn" if total - covered else "ok",
            }
        )
    if has_role(user, PO, SA):
        waiting = scoped(Reward.objects.filter(status=Reward.Status.PROPOSED), user, roles=(PO, SA)).count()
        result.append(
            {
                "label": _("Đề nghị khen thưởng chờ quyết định"),
                "value": waiting,
                "url": reverse("records:reward_list") + "?status=proposed",
                "tone": "warn" if waiting else "ok",
            }
        )
    return result
