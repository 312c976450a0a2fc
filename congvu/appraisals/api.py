"""Evaluation results as JSON: the same selectors and scope as the results page."""

from django.http import Http404
from ninja import Query, Router, Schema
from ninja.security import django_auth

from congvu.accounts.models import Role
from congvu.accounts.scope import get_scoped_or_404, has_role, scoped
from congvu.appraisals import selectors
from congvu.appraisals.models import Evaluation
from congvu.core.edge import MAX_OFFSET, MAX_YEAR, MIN_YEAR
from congvu.units.lineage import Lineage
from congvu.units.models import Unit

router = Router(tags=["appraisals"])
VIEW_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.LEADERSHIP, Role.SYSTEM_ADMIN)


class ResultRow(Schema):
    year: int
    group: str
    levels: dict[str, int]
    rated: int
    not_rated: int
    good_or_better: int
    share: float | None
    previous: float | None
    change: float | None


class EvaluationOut(Schema):
    id: int
    year: int
    staff: str
    unit_code: str
    category: str
    status: str
    level: str
    rule_set: str


@router.get("/results", response=list[ResultRow], auth=django_auth)
def results(
    request,
    unit: int,
    year: int = Query(..., ge=MIN_YEAR, le=MAX_YEAR),
    years: int = Query(8, ge=1, le=20),
):
    """Counts per level, share good-or-better and change in points, per year and staff group."""
    if not has_role(request.user, *VIEW_ROLES):
        raise Http404
    chosen = get_scoped_or_404(Unit.objects.all(), request.user, field="", roles=VIEW_ROLES, pk=unit)
    queryset = selectors.in_scope(selectors.results_queryset(), Lineage(chosen))
    return selectors.results_table(queryset, list(range(year - years + 1, year + 1)))


@router.get("/evaluations", response=list[EvaluationOut], auth=django_auth)
def evaluations(
    request,
    year: int = Query(..., ge=MIN_YEAR, le=MAX_YEAR),
    unit: int | None = None,
    limit: int = Query(200, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    """Decided evaluations of a year in the caller's scope (drill-down)."""
    if not has_role(request.user, *VIEW_ROLES):
        return []
    queryset = scoped(selectors.results_queryset().filter(year=year), request.user, roles=VIEW_ROLES)
    if unit is not None:
        chosen = get_scoped_or_404(Unit.objects.all(), request.user, field="", roles=VIEW_ROLES, pk=unit)
        queryset = queryset.filter(Lineage(chosen).q("unit"))
    queryset = queryset.select_related("staff", "unit", "rule_set").order_by(
        "unit__path", "staff__full_name", "pk"
    )
    return [
        {
            "id": e.pk,
            "year": e.year,
            "staff": e.staff.full_name,
            "unit_code": e.unit.code,
            "category": e.category,
            "status": e.status,
            "level": e.level,
            "rule_set": e.rule_set.code,
        }
        for e in queryset[offset : offset + limit]
    ]


__all__ = ["Evaluation"]
