"""Reads of plans and directives: what a user may see, and completion counts."""

import datetime as dt
from collections import defaultdict

from django.db.models import Case, Count, F, Q, When

from congvu.accounts.scope import scope_q, scope_roots
from congvu.core.text import folded_terms, search_folded
from congvu.plans import roles
from congvu.plans.models import Directive, TaskAssignment


def visible_directives(user, role_set=roles.VIEW):
    """Documents the user's office follows, plus those with a task assigned to a unit in scope."""
    if scope_roots(user, role_set) is None:
        return Directive.objects.all()
    assigned = TaskAssignment.objects.filter(scope_q(user, "unit", role_set)).values("task__directive_id")
    return Directive.objects.filter(scope_q(user, "unit", role_set) | Q(pk__in=assigned))


def visible_assignments(user, role_set=roles.VIEW):
    """Assignments to units in scope, or of documents the user's office follows."""
    return TaskAssignment.objects.filter(
        scope_q(user, "unit", role_set) | scope_q(user, "task__directive__unit", role_set)
    )


def directive_register(user, *, year=None, doc_type="", query=""):
    queryset = visible_directives(user)
    if year:
        queryset = queryset.filter(issued_on__year=year)
    if doc_type:
        queryset = queryset.filter(doc_type=doc_type)
    return search_folded(queryset, query).select_related("unit")


def assignment_register(user, *, unit=None, status="", overdue=False, query="", today=None):
    """The tasks register as filtered on the page: open work first, the latest deadlines on top."""
    queryset = (
        visible_assignments(user)
        .select_related("task__directive", "unit")
        .annotate(done=Case(When(status=TaskAssignment.Status.ACCEPTED, then=1), default=0))
        .order_by("done", "-deadline", "unit__path")
    )
    if unit is not None:
        queryset = queryset.filter(scope_q(user, "unit", roles.VIEW, within=unit))
    if status:
        queryset = queryset.filter(status=status)
    if overdue:
        queryset = queryset.filter(TaskAssignment.overdue_q(today))
    for term in folded_terms(query):
        queryset = queryset.filter(task__directive__search_folded__contains=term) | queryset.filter(
            unit__name_folded__contains=term
        )
    return queryset


def _completion_counts(today: dt.date) -> dict:
    accepted = Q(status=TaskAssignment.Status.ACCEPTED)
    return {
        "total": Count("pk"),
        "accepted": Count("pk", filter=accepted),
        "on_time": Count("pk", filter=accepted & Q(completed_on__lte=F("deadline"))),
        "open": Count("pk", filter=Q(status__in=TaskAssignment.OPEN_STATUSES)),
        "overdue": Count("pk", filter=TaskAssignment.overdue_q(today)),
    }


def _with_percent(stats: dict) -> dict:
    stats["percent"] = round(100.0 * stats["accepted"] / stats["total"], 1) if stats["total"] else None
    return stats


def completion(assignments, today: dt.date) -> dict:
    """Counts of a set of assignments: total, accepted, on time, open, overdue (one query)."""
    return _with_percent(assignments.aggregate(**_completion_counts(today)))


def completion_by_directive(assignments, directive_ids, today: dt.date) -> dict[int, dict]:
    """The same counts for several documents at once (one query)."""
    rows = (
        assignments.filter(task__directive_id__in=list(directive_ids))
        .order_by()
        .values("task__directive_id")
        .annotate(**_completion_counts(today))
    )
    empty = {"total": 0, "accepted": 0, "on_time": 0, "open": 0, "overdue": 0}
    result = {pk: _with_percent(dict(empty)) for pk in directive_ids}
    for row in rows:
        result[row.pop("task__directive_id")] = _with_percent(row)
    return result


def completion_by_unit(assignments, today: dt.date) -> list[dict]:
    rows = defaultdict(lambda: {"total": 0, "accepted": 0, "on_time": 0, "overdue": 0})
    names = {}
    for assignment in assignments.select_related("unit"):
        row = rows[assignment.unit_id]
        names[assignment.unit_id] = assignment.unit
        row["total"] += 1
        if assignment.status == TaskAssignment.Status.ACCEPTED:
            row["accepted"] += 1
            if assignment.on_time:
                row["on_time"] += 1
        elif assignment.is_overdue(today):
            row["overdue"] += 1
    result = []
    for unit_id, row in rows.items():
        row["unit"] = names[unit_id]
        row["percent"] = round(100.0 * row["accepted"] / row["total"], 1) if row["total"] else None
        result.append(row)
    return sorted(result, key=lambda r: r["unit"].path)


def directive_for_assignment(assignment: TaskAssignment) -> Directive:
    return assignment.task.directive
