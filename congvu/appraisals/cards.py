"""Counters on the staff home page."""

from django.urls import reverse
from django.utils.translation import gettext as _


def home_cards(request) -> list[dict]:
    from congvu.accounts.models import Role
    from congvu.accounts.scope import has_role, scoped
    from congvu.appraisals.models import Evaluation

    cards = []
    user = request.user
    staff_id = getattr(user, "staff_id", None)
    if staff_id:
        waiting = Evaluation.objects.filter(
            staff_id=staff_id, is_current=True, status=Evaluation.Status.PENDING
        ).first()
        if waiting:
            cards.append(
                {
                    "label": _("Tự đánh giá năm %(y)s chưa nộp") % {"y": waiting.year},
                    "value": 1,
                    "url": reverse("appraisals:my_evaluation", args=[waiting.pk]),
                    "tone": "warn",
                }
            )
    if has_role(user, Role.UNIT_HEAD, Role.PROGRAMME_OFFICE):
        proposed = scoped(
            Evaluation.objects.filter(is_current=True, status=Evaluation.Status.PROPOSED),
            user,
            roles=(Role.UNIT_HEAD, Role.PROGRAMME_OFFICE),
        ).count()
        if proposed:
            cards.append(
                {
                    "label": _("Phiếu đánh giá chờ quyết định"),
                    "value": proposed,
                    "url": reverse("appraisals:cycle_list"),
                    "tone": "",
                }
            )
    return cards
