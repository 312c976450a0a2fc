"""Deadline reminders: a week before the cycle's deadline, each person who has not assessed themself
is reminded once (safe with several loops running: `claim`)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.appraisals.models import Cycle, Evaluation
from congvu.core.notifications import notify
from congvu.core.reminders import claim

REMIND_DAYS_BEFORE = 7


def run_due(now) -> int:
    today = timezone.localdate(now) if timezone.is_aware(now) else now.date()
    due = Evaluation.objects.filter(
        unit_cycle__cycle__status=Cycle.Status.OPEN,
        unit_cycle__cycle__deadline__lte=today + dt.timedelta(days=REMIND_DAYS_BEFORE),
        unit_cycle__cycle__deadline__gte=today,
        status=Evaluation.Status.PENDING,
        is_current=True,
        reminded_at__isnull=True,
    ).select_related("staff__user", "unit_cycle__cycle")
    sent = 0
    for evaluation in due.iterator(chunk_size=500):
        user = getattr(evaluation.staff, "user", None)
        if not claim(Evaluation.objects.filter(pk=evaluation.pk, reminded_at__isnull=True), reminded_at=now):
            continue
        if user is None:
            continue
        notify(
            [user],
            title=_("Nhắc tự đánh giá năm %(y)s: hạn %(d)s")
            % {"y": evaluation.year, "d": evaluation.unit_cycle.cycle.deadline.strftime("%d/%m/%Y")},
            url=reverse("appraisals:my_evaluation", args=[evaluation.pk]),
            kind="appraisal_reminder",
        )
        sent += 1
    return sent
