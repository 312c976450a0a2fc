"""Staff JSON endpoint of the tasks assigned from plans and directives (session auth, same scope and
roles as the pages), at /api/v1/records/ as before the records part was split."""

import datetime as dt

from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from congvu.accounts.scope import has_role
from congvu.plans import roles, selectors
from congvu.plans.models import TaskAssignment

API_PREFIX = "/records"
router = Router(tags=["records"])
MAX_ROWS = 500


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


# The operation id is the one it had before the split, for clients generated from the schema.
@router.get(
    "/assignments",
    response=list[AssignmentOut],
    auth=django_auth,
    url_name="records_assignments",
    operation_id="congvu_records_api_assignments",
)
def assignments(request, status: str = "", overdue: bool = False):
    """Tasks assigned to units in scope (or of documents the caller's office follows); open ones first."""
    if not has_role(request.user, *roles.VIEW):
        raise HttpError(403, "Không có quyền truy cập.")
    today = timezone.localdate()
    queryset = selectors.visible_assignments(request.user).select_related("task__directive", "unit")
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
