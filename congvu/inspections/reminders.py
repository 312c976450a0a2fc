"""Deadline reminders and escalation for remedial tasks, run by the shared `run_reminders` loop.

One working day before the deadline the unit head is reminded; once the deadline has passed without a
report, the task is escalated to the unit head, the round's team and the programme office above the
organising unit. Each goes out once, even with several loops running (`claim`).
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.accounts.selectors import users_with_role, users_with_role_nearest
from congvu.core.events import record_event
from congvu.core.notifications import notify
from congvu.core.reminders import claim
from congvu.core.workdays import add_working_days
from congvu.inspections.models import RemedialTask


def run_due(now=None) -> int:
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    tomorrow = add_working_days(today, 1)
    open_tasks = RemedialTask.objects.filter(status=RemedialTask.Status.OPEN)
    for task in open_tasks.filter(
        reminded_at__isnull=True, deadline__gte=today, deadline__lte=tomorrow
    ).select_related("unit"):
        if claim(RemedialTask.objects.filter(pk=task.pk, reminded_at__isnull=True), reminded_at=now):
            notify(
                users_with_role_nearest("unit_head", task.unit),
                title=_("Sắp đến hạn khắc phục sau kiểm tra (%(date)s)")
                % {"date": f"{task.deadline:%d/%m/%Y}"},
                body=task.description,
                url=reverse("inspections:task_detail", args=[task.pk]),
                kind="inspection.task_due",
            )
            sent += 1
    overdue = open_tasks.filter(escalated_at__isnull=True, deadline__lt=today).select_related(
        "unit", "finding__visit__round__unit"
    )
    for task in overdue:
        if not claim(RemedialTask.objects.filter(pk=task.pk, escalated_at__isnull=True), escalated_at=now):
            continue
        round_ = task.finding.visit.round
        people = list(users_with_role_nearest("unit_head", task.unit))
        people += [member.user for member in round_.members.select_related("user")]
        people += list(users_with_role("programme_office", round_.unit))
        notify(
            people,
            title=_("Quá hạn khắc phục sau kiểm tra: %(unit)s") % {"unit": task.unit.name},
            body=_("Hạn %(date)s. %(task)s")
            % {"date": f"{task.deadline:%d/%m/%Y}", "task": task.description},
            url=reverse("inspections:task_detail", args=[task.pk]),
            kind="inspection.task_overdue",
        )
        record_event(
            task, "task_escalated", before="open", after="overdue", unit=task.unit, finding=task.finding
        )
        sent += 1
    return sent
