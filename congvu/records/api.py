"""Staff JSON endpoints of the records part (session auth, same scope and roles as the pages)."""

import datetime as dt

from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from congvu.accounts.scope import has_role, scoped_units
from congvu.records import selectors
from congvu.records.models import TaskAssignment
from congvu.records.views import PLAN_VIEW, REGULATION_VIEW, _assignments_for

router = Router(tags=["records"])
MAX_ROWS = 500


class RegulationRow(Schema):
    unit_id: int
    unit_code: str
    unit_name: str
    in_force: bool
    regulation_id: int | None
    number: str | None
    title: str | None
    valid_from: dt.date | None
    amendments: list[str]


class RegulationStatus(Schema):
    on: dt.date
    covered: int
    total: int
    units: list[RegulationRow]


class AssignmentOut(Schema):
    id: int
    document: str
    task: str
    unit_id: int
    unit_name: str
    assigned_on: dt.date
    deadline: dt.date
    status: str
    overdue: bool
    completed_on: dt.date | None
    accepted_on: dt.date | None


@router.get("/regulations", response=RegulationStatus, auth=django_auth, url_name="records_regulations")
def regulation_status(request, on: dt.date | None = None):
    """Units in scope that should have a working regulation, and the one in force on `on` (default today)."""
    if not has_role(request.user, *REGULATION_VIEW):
        raise HttpError(403, "Không có quyền truy cập.")
    on = on or timezone.localdate()
    rows = selectors.regulation_status(scoped_units(request.user, REGULATION_VIEW), on)
    return {
        "on": on,
        "covered": sum(1 for row in rows if not row["missing"]),
        "total": len(rows),
        "units": [
            {
                "unit_id": row["unit"].pk,
                "unit_code": row["unit"].code,
                "unit_name": row["unit"].name,
                "in_force": not row["missing"],
                "regulation_id": row["regulation"].pk if row["regulation"] else None,
                "number": row["regulation"].number if row["regulation"] else None,
                "title": row["regulation"].title if row["regulation"] else None,
                "valid_from": row["regulation"].valid_from if row["regulation"] else None,
                "amendments": [amendment.number for amendment in row["amendments"]],
            }
            for row in rows
        ],
    }


@router.get("/assignments", response=list[AssignmentOut], auth=django_auth, url_name="records_assignments")
def assignments(request, status: str = "", overdue: bool = False):
    """Tasks assigned to units in scope (or of documents the caller's office follows); open ones first."""
    if not has_role(request.user, *PLAN_VIEW):
        raise HttpError(403, "Không có quyền truy cập.")
    today = timezone.localdate()
    queryset = _assignments_for(request.user).select_related("task__directive", "unit")
    if status in TaskAssignment.Status.values:
        queryset = queryset.filter(status=status)
    if overdue:
        queryset = queryset.filter(TaskAssignment.overdue_q(today))
    queryset = queryset.order_by("completed_on", "-deadline", "id")[:MAX_ROWS]
    return [
        {
            "id": a.pk,
            "document": a.task.directive.number,
            "task": a.task.title,
            "unit_id": a.unit_id,
            "unit_name": a.unit.name,
            "assigned_on": a.assigned_on,
            "deadline": a.deadline,
            "status": a.status,
            "overdue": a.is_overdue(today),
            "completed_on": a.completed_on,
            "accepted_on": a.accepted_on,
        }
        for a in queryset
    ]
