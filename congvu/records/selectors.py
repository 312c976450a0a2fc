"""Reads of the records part (other parts call these, never the models directly)."""

import datetime as dt
from collections import defaultdict

from django.db.models import Count, F, Q

from congvu.core.text import folded_terms
from congvu.records.models import (
    REGULATION_UNIT_TYPES,
    Directive,
    DisciplineCase,
    Reward,
    TaskAssignment,
    WorkingRegulation,
)
from congvu.units.models import Unit


def search(queryset, query: str | None, field: str = "search_folded"):
    """Accent-insensitive search: every folded word must appear."""
    for term in folded_terms(query):
        queryset = queryset.filter(**{f"{field}__contains": term})
    return queryset


# ---------------------------------------------------------------------------------------------------
# Discipline (used by the annual evaluation rules)


def discipline_forms_in_year(staff, year: int) -> list[str]:
    """The forms of discipline decided for `staff` with a decision date in `year`, as codes
    ("khien_trach", "canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc", "buoc_thoi_viec")."""
    return list(
        DisciplineCase.objects.filter(
            staff=staff,
            status=DisciplineCase.Status.DECIDED,
            decision_date__year=year,
        )
        .order_by("decision_date", "id")
        .values_list("form", flat=True)
    )


def decided_rewards(queryset=None):
    queryset = Reward.objects.all() if queryset is None else queryset
    return queryset.filter(status=Reward.Status.DECIDED)


# ---------------------------------------------------------------------------------------------------
# Working regulations


def units_needing_regulation(units, on: dt.date):
    """Units that exist on `on` and are of a type expected to issue a working regulation."""
    return units.current(on).filter(unit_type__in=REGULATION_UNIT_TYPES)


def regulation_coverage(units, on: dt.date) -> tuple[int, int]:
    """(units with a regulation in force on `on`, units that should have one), over `units`."""
    expected = units_needing_regulation(units, on)
    total = expected.count()
    covered = (
        expected.filter(
            pk__in=WorkingRegulation.objects.in_force(on).values("unit_id"),
        ).count()
        if total
        else 0
    )
    return covered, total


def regulation_status(units, on: dt.date) -> list[dict]:
    """For each unit that should have a regulation on `on`: the one in force then (or None, flagged),
    and its amendments in force by that day."""
    expected = list(units_needing_regulation(units, on).order_by("path"))
    in_force = {
        regulation.unit_id: regulation
        for regulation in WorkingRegulation.objects.in_force(on)
        .filter(unit__in=[u.pk for u in expected])
        .order_by("valid_from")
    }
    amendments = defaultdict(list)
    for amendment in WorkingRegulation.objects.filter(
        amends__in=[r.pk for r in in_force.values()], valid_from__lte=on
    ).order_by("valid_from"):
        amendments[amendment.amends_id].append(amendment)
    rows = []
    for unit in expected:
        regulation = in_force.get(unit.pk)
        rows.append(
            {
                "unit": unit,
                "regulation": regulation,
                "amendments": amendments.get(regulation.pk, []) if regulation else [],
                "missing": regulation is None,
            }
        )
    return rows


def regulation_history(unit: Unit):
    return (
        WorkingRegulation.objects.filter(unit=unit)
        .select_related("amends", "replaces")
        .order_by("valid_from", "id")
    )


# ---------------------------------------------------------------------------------------------------
# Plans and directives


def directives_visible(user, base_queryset, assignment_scope_q: Q, directive_scope_q: Q):
    """Directives the user's office follows, plus those with a task assigned to a unit in scope."""
    assigned = TaskAssignment.objects.filter(assignment_scope_q).values("task__directive_id")
    return base_queryset.filter(directive_scope_q | Q(pk__in=assigned))


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
