"""Staff JSON endpoint of working regulations (session auth, same scope and roles as the pages), at
/api/v1/records/ as before the records part was split."""

import datetime as dt

from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from congvu.accounts.scope import has_role, scoped_units
from congvu.core.edge import out_of_range_date
from congvu.regulations import roles, selectors

API_PREFIX = "/records"
router = Router(tags=["records"])


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


# The operation id is the one it had before the split, for clients generated from the schema.
@router.get(
    "/regulations",
    response=RegulationStatus,
    auth=django_auth,
    url_name="records_regulations",
    operation_id="congvu_records_api_regulation_status",
)
def regulation_status(request, on: dt.date | None = None):
    """Units in scope that should have a working regulation, and the one in force on `on` (default today)."""
    if not has_role(request.user, *roles.VIEW):
        raise HttpError(403, "Không có quyền truy cập.")
    problem = out_of_range_date(on=on)
    if problem:
        raise HttpError(422, problem)
    on = on or timezone.localdate()
    rows = selectors.regulation_status(scoped_units(request.user, roles.VIEW), on)
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
