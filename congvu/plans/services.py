"""Every write of plans and directives: one transaction per action, full_clean before save, and an
event for each state change."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.core.events import record_event
from congvu.core.workdays import add_working_days
from congvu.plans.models import Directive, DirectiveTask, TaskAssignment, TaskReport
from congvu.units.models import Unit


def _user(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


@transaction.atomic
def register_directive(
    *,
    unit: Unit,
    doc_type: str,
    issuing_body: str,
    number: str,
    issued_on: dt.date,
    title: str,
    by,
    file=None,
) -> Directive:
    directive = Directive(
        unit=unit,
        doc_type=doc_type,
        issuing_body=issuing_body.strip(),
        number=number.strip(),
        issued_on=issued_on,
        title=title.strip(),
        created_by=_user(by),
    )
    if file:
        directive.file = file
    directive.full_clean()
    directive.save()
    record_event(directive, "registered", by=by)
    return directive


@transaction.atomic
def add_task(
    *,
    directive: Directive,
    title: str,
    units,
    by,
    description: str = "",
    deadline: dt.date | None = None,
    working_days: int | None = None,
    assigned_on: dt.date | None = None,
) -> DirectiveTask:
    """A task of the directive, assigned to each unit with the same deadline (a date, or a number of
    working days from the day it is assigned)."""
    assigned_on = assigned_on or timezone.localdate()
    units = list(units)
    errors = {}
    if not units:
        errors["units"] = _("Hãy chọn ít nhất một đơn vị thực hiện.")
    if deadline is None and not working_days:
        errors["deadline"] = _("Hãy ghi hạn hoàn thành (ngày hoặc số ngày làm việc).")
    if deadline is not None and working_days:
        errors["deadline"] = _("Chỉ ghi một trong hai: ngày hạn hoặc số ngày làm việc.")
    if working_days:
        deadline = add_working_days(assigned_on, working_days)
    if deadline is not None and deadline < assigned_on:
        errors["deadline"] = _("Hạn hoàn thành không được trước ngày giao.")
    if errors:
        raise ValidationError(errors)
    order = (directive.tasks.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    task = DirectiveTask(
        directive=directive, title=title.strip(), description=description.strip(), order=order
    )
    task.full_clean()
    task.save()
    for unit in units:
        assignment = TaskAssignment(
            task=task,
            unit=unit,
            assigned_on=assigned_on,
            deadline=deadline,
            deadline_working_days=working_days or None,
        )
        assignment.full_clean()
        assignment.save()
        record_event(assignment, "assigned", by=by, after=assignment.status, directive=directive)
    return task


@transaction.atomic
def report_task(
    *,
    assignment: TaskAssignment,
    text: str,
    is_final: bool,
    by,
    evidence=None,
    reported_on: dt.date | None = None,
) -> TaskReport:
    """The unit reports progress, or its result (asking the directive's office to accept it)."""
    assignment = TaskAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status == TaskAssignment.Status.ACCEPTED:
        raise ValidationError(_("Nhiệm vụ đã được nghiệm thu."))
    if not text.strip():
        raise ValidationError({"text": _("Hãy ghi nội dung báo cáo.")})
    reported_on = reported_on or timezone.localdate()
    if reported_on < assignment.assigned_on:
        raise ValidationError({"reported_on": _("Ngày báo cáo không được trước ngày giao.")})
    report = TaskReport(
        assignment=assignment,
        text=text.strip(),
        is_final=is_final,
        reported_on=reported_on,
        reported_by=_user(by),
    )
    if evidence:
        report.evidence = evidence
    report.full_clean()
    report.save()
    before = assignment.status
    if is_final:
        assignment.status = TaskAssignment.Status.REPORTED
        assignment.completed_on = reported_on
        assignment.full_clean()
        assignment.save()
    record_event(
        assignment,
        "reported_final" if is_final else "reported",
        by=by,
        before=before,
        after=assignment.status,
    )
    return report


@transaction.atomic
def review_task(
    *, assignment: TaskAssignment, accept: bool, by, note: str = "", on: dt.date | None = None
) -> TaskAssignment:
    """The directive's office accepts the result, or returns it for more work."""
    assignment = TaskAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status != TaskAssignment.Status.REPORTED:
        raise ValidationError(_("Chỉ nghiệm thu nhiệm vụ đã báo cáo hoàn thành."))
    before = assignment.status
    if accept:
        assignment.status = TaskAssignment.Status.ACCEPTED
        assignment.accepted_on = on or timezone.localdate()
    else:
        if not note.strip():
            raise ValidationError({"note": _("Hãy ghi nội dung cần bổ sung.")})
        assignment.status = TaskAssignment.Status.RETURNED
        assignment.completed_on = None
    assignment.review_note = note.strip()[:1000]
    assignment.full_clean()
    assignment.save()
    record_event(
        assignment,
        "accepted" if accept else "returned",
        by=by,
        before=before,
        after=assignment.status,
        note=note,
    )
    return assignment
