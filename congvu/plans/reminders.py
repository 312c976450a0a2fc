"""Deadline reminders and escalation for tasks assigned from plans and directives.

- A few working days before the deadline, the unit's head is reminded (once).
- Once the deadline has passed and the task is still open, the directive's office (programme office)
  and the unit's head are told it is overdue (once).
Each is claimed with a conditional UPDATE, so concurrent loops send it once.
"""

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.accounts.models import Role
from congvu.accounts.selectors import users_with_role_nearest
from congvu.core.events import record_event
from congvu.core.notifications import notify
from congvu.core.reminders import claim
from congvu.core.workdays import add_working_days
from congvu.plans.models import TaskAssignment

REMIND_WORKING_DAYS_BEFORE = 3


def _today(now) -> dt.date:
    return timezone.localdate(now) if timezone.is_aware(now) else now.date()


def run_due(now) -> int:
    today = _today(now)
    sent = 0
    soon = add_working_days(today, REMIND_WORKING_DAYS_BEFORE)
    open_tasks = TaskAssignment.objects.filter(status__in=TaskAssignment.OPEN_STATUSES)
    due_soon = open_tasks.filter(
        completed_on__isnull=True, reminded_at__isnull=True, deadline__gte=today, deadline__lte=soon
    )
    for pk in list(due_soon.values_list("pk", flat=True)):
        with transaction.atomic():
            if not claim(TaskAssignment.objects.filter(pk=pk, reminded_at__isnull=True), reminded_at=now):
                continue
            assignment = TaskAssignment.objects.select_related("task__directive", "unit").get(pk=pk)
            notify(
                users_with_role_nearest(Role.UNIT_HEAD, assignment.unit),
                title=_("Sắp đến hạn: %(task)s") % {"task": assignment.task.title[:200]},
                body=_("Hạn hoàn thành %(date)s (%(doc)s).")
                % {"date": assignment.deadline.strftime("%d/%m/%Y"), "doc": assignment.task.directive.number},
                url=reverse("plans:assignment_detail", args=[pk]),
                kind="records.task_due",
            )
            record_event(assignment, "reminded", note=str(assignment.deadline))
            sent += 1
    overdue = TaskAssignment.objects.filter(TaskAssignment.overdue_q(today), escalated_at__isnull=True)
    for pk in list(overdue.values_list("pk", flat=True)):
        with transaction.atomic():
            if not claim(TaskAssignment.objects.filter(pk=pk, escalated_at__isnull=True), escalated_at=now):
                continue
            assignment = TaskAssignment.objects.select_related("task__directive__unit", "unit").get(pk=pk)
            recipients = list(users_with_role_nearest(Role.PROGRAMME_OFFICE, assignment.task.directive.unit))
            recipients += list(users_with_role_nearest(Role.UNIT_HEAD, assignment.unit))
            notify(
                recipients,
                title=_("Quá hạn: %(unit)s chưa hoàn thành %(task)s")
                % {"unit": assignment.unit.name, "task": assignment.task.title[:200]},
                body=_("Hạn hoàn thành %(date)s (%(doc)s).")
                % {"date": assignment.deadline.strftime("%d/%m/%Y"), "doc": assignment.task.directive.number},
                url=reverse("plans:assignment_detail", args=[pk]),
                kind="records.task_overdue",
            )
            record_event(assignment, "escalated", note=str(assignment.deadline))
            sent += 1
    return sent
