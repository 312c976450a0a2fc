"""Every staff URL of plans and tasks (and their API), proved against a document of the other ward."""

from django.core.files.base import ContentFile
from django.urls import reverse

from congvu.plans.models import TaskAssignment
from tests.plans.factories import (
    DirectiveFactory,
    DirectiveTaskFactory,
    TaskAssignmentFactory,
    TaskReportFactory,
)
from tests.scope_harness import ScopeCase

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _directive(w):
    directive = DirectiveFactory(
        unit=w.other_ward, number="777/KH-NGOAI", title="Kế hoạch bí mật ngoài phạm vi"
    )
    directive.file.save("ke-hoach.pdf", ContentFile(PDF), save=True)
    return directive


def _assignment(w):
    task = DirectiveTaskFactory(directive=_directive(w), title="Nhiệm vụ bí mật ngoài phạm vi")
    return TaskAssignmentFactory(task=task, unit=w.other_ward)


def _reported(w):
    assignment = _assignment(w)
    assignment.status = TaskAssignment.Status.REPORTED
    assignment.save()
    return assignment


def _report(w):
    report = TaskReportFactory(assignment=_assignment(w))
    report.evidence.save("minh-chung.pdf", ContentFile(PDF), save=True)
    return report


def _list(name, build, secret):
    return ScopeCase(name, lambda w: (build(w), reverse(name))[1], kind="list", secret=secret)


def _assignment_unchanged(w):
    return (
        not TaskAssignment.objects.filter(reports__isnull=False).exists()
        and not TaskAssignment.objects.filter(status=TaskAssignment.Status.ACCEPTED).exists()
    )


SCOPE_CASES = [
    _list("plans:directive_list", _assignment, "777/KH-NGOAI"),
    _list("plans:directive_new", _assignment, "Ngoài Phạm Vi"),
    ScopeCase("plans:directive_detail", lambda w: reverse("plans:directive_detail", args=[_directive(w).pk])),
    ScopeCase("plans:directive_file", lambda w: reverse("plans:directive_file", args=[_directive(w).pk])),
    ScopeCase(
        "plans:task_add",
        lambda w: reverse("plans:task_add", args=[_directive(w).pk]),
        kind="action",
        data={"task-title": "Nhiệm vụ chen ngang", "task-units": [], "task-deadline": "01/06/2026"},
        unchanged=lambda w: not TaskAssignment.objects.exists(),
    ),
    _list("plans:assignment_list", _assignment, "Nhiệm vụ bí mật ngoài phạm vi"),
    _list("plans:assignment_export", _assignment, "Nhiệm vụ bí mật ngoài phạm vi"),
    ScopeCase(
        "plans:assignment_detail", lambda w: reverse("plans:assignment_detail", args=[_assignment(w).pk])
    ),
    ScopeCase(
        "plans:assignment_report",
        lambda w: reverse("plans:assignment_report", args=[_assignment(w).pk]),
        kind="action",
        data={"text": "Báo cáo chen ngang", "is_final": "on"},
        unchanged=_assignment_unchanged,
    ),
    ScopeCase(
        "plans:assignment_review",
        lambda w: reverse("plans:assignment_review", args=[_reported(w).pk]),
        kind="action",
        data={"accept": "1"},
        unchanged=_assignment_unchanged,
    ),
    ScopeCase(
        "api:records_assignments",
        lambda w: (_assignment(w), reverse("api:records_assignments"))[1],
        kind="list",
        secret="Nhiệm vụ bí mật ngoài phạm vi",
    ),
    ScopeCase("plans:report_evidence", lambda w: reverse("plans:report_evidence", args=[_report(w).pk])),
]
