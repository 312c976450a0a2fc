"""Overdue remedial tasks are escalated once, even when several loops run."""

import datetime as dt

import pytest
from django.utils import timezone

from congvu.core.models import Notification
from congvu.inspections import reminders, services
from congvu.inspections.models import Finding, InspectionEvent
from tests.inspections.factories import closed_visit

pytestmark = pytest.mark.django_db


def _task(inspector, city, ward):
    closed_visit(city, ward, head=inspector, fail_codes=("bai-tri",))
    finding = Finding.objects.get()
    services.decide_finding(
        finding=finding, action="remedial", content="Làm biển tên", working_days=3, today=finding.date
    )
    return finding.tasks.get()


def _at(day):
    return dt.datetime.combine(day, dt.time(8, 0), tzinfo=timezone.get_current_timezone())


def test_reminder_before_the_deadline_then_escalation_once(
    inspector, city, ward, unit_head, programme_office
):
    task = _task(inspector, city, ward)
    Notification.objects.all().delete()
    assert reminders.run_due(_at(task.deadline)) == 1
    assert reminders.run_due(_at(task.deadline)) == 0
    assert Notification.objects.filter(user=unit_head, kind="inspection.task_due").count() == 1
    later = _at(task.deadline + dt.timedelta(days=1))
    assert reminders.run_due(later) == 1
    assert reminders.run_due(later) == 0
    escalated = set(
        Notification.objects.filter(kind="inspection.task_overdue").values_list("user__username", flat=True)
    )
    assert escalated == {unit_head.username, inspector.username, programme_office.username}
    assert InspectionEvent.objects.filter(task=task, action="task_escalated").count() == 1


def test_reported_tasks_are_not_escalated(inspector, city, ward):
    task = _task(inspector, city, ward)
    task.evidence.create(name="x.pdf", file="x.pdf")
    services.report_task(task=task, report="Xong", today=task.deadline)
    assert reminders.run_due(_at(task.deadline + dt.timedelta(days=5))) == 0
