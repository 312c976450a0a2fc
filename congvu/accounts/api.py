"""The units a staff member may work in, at /api/v1/units/ (the scope is the accounts app's)."""

from ninja import Router, Schema
from ninja.security import django_auth

from congvu.accounts.scope import scoped_units

API_PREFIX = "/units"
router = Router(tags=["units"])


class UnitOut(Schema):
    id: int
    code: str
    name: str
    unit_type: str
    parent_id: int | None
    valid_from: str | None
    valid_to: str | None


def _as_out(unit) -> dict:
    return {
        "id": unit.pk,
        "code": unit.code,
        "name": unit.name,
        "unit_type": unit.unit_type,
        "parent_id": unit.parent_id,
        "valid_from": unit.valid_from.isoformat() if unit.valid_from else None,
        "valid_to": unit.valid_to.isoformat() if unit.valid_to else None,
    }


# The operation id it had when it lived in the units app, so API clients generated from it keep working.
@router.get("", response=list[UnitOut], auth=django_auth, operation_id="congvu_units_api_list_units")
def list_units(request, current: bool = True):
    """Units in the caller's scope (staff session)."""
    units = scoped_units(request.user)
    if current:
        units = units.current()
    return [_as_out(unit) for unit in units]
