"""Inspections API: rounds and visits in the caller's scope (staff session)."""

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.security import django_auth

from congvu.accounts.scope import has_role
from congvu.core.edge import MAX_YEAR, MIN_YEAR
from congvu.inspections import selectors

router = Router(tags=["inspections"])


class RoundOut(Schema):
    id: int
    year: int
    number: int
    title: str
    organiser: str
    start_date: str
    end_date: str
    announced: bool
    visits: int


class VisitOut(Schema):
    id: int
    round_id: int
    unit_code: str
    unit_name: str
    date: str
    status: str
    failed_items: int


def _staff(request):
    if not has_role(request.user):
        raise Http404


@router.get("/rounds", response=list[RoundOut], auth=django_auth)
def inspection_rounds(request, year: int | None = Query(None, ge=MIN_YEAR, le=MAX_YEAR)):
    """Rounds organised in the caller's scope."""
    _staff(request)
    rounds = selectors.rounds_for(request.user).annotate(visit_count=Count("visits"))
    if year:
        rounds = rounds.filter(plan__year=year)
    return [
        {
            "id": r.pk,
            "year": r.plan.year,
            "number": r.number,
            "title": r.title,
            "organiser": r.unit.name,
            "start_date": r.start_date.isoformat(),
            "end_date": r.end_date.isoformat(),
            "announced": r.announced,
            "visits": r.visit_count,
        }
        for r in rounds[:500]
    ]


def _visit_out(visit, fails) -> dict:
    return {
        "id": visit.pk,
        "round_id": visit.round_id,
        "unit_code": visit.unit.code,
        "unit_name": visit.unit.name,
        "date": visit.date.isoformat(),
        "status": visit.status,
        "failed_items": fails,
    }


def _visits(request):
    return selectors.with_fails(selectors.visits_for(request.user))


@router.get("/visits", response=list[VisitOut], auth=django_auth)
def inspection_visits(
    request, year: int | None = Query(None, ge=MIN_YEAR, le=MAX_YEAR), status: str | None = None
):
    """Visits the caller may see (organised in scope, or closed visits of units in scope)."""
    _staff(request)
    visits = _visits(request)
    if year:
        visits = visits.filter(date__year=year)
    if status:
        visits = visits.filter(status=status)
    return [_visit_out(v, v.fails) for v in visits.order_by("-date", "id")[:1000]]


@router.get("/visits/{visit_id}", response=VisitOut, auth=django_auth)
def inspection_visit(request, visit_id: int):
    _staff(request)
    visit = get_object_or_404(_visits(request), pk=visit_id)
    return _visit_out(visit, visit.fails)
