"""Staff API for the indicators: the catalogue, a unit's values for a period, a league table."""

from django.http import Http404
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from congvu.accounts.scope import has_role, scoped_units
from congvu.core.indicators import load_all
from congvu.reports import selectors
from congvu.reports.engine import evaluate_all
from congvu.reports.management.commands.indicators import command_payload
from congvu.reports.views import VIEW_ROLES

router = Router(tags=["reports"])


class IndicatorSpecOut(Schema):
    code: str
    name_vi: str
    name_en: str
    kind: str
    definition_vi: str
    definition_en: str
    formula: str
    source: str
    legal_basis: str
    public: bool
    drilldown: str


class UnitOut(Schema):
    id: int
    code: str
    name: str
    type: str
    valid_from: str | None
    valid_to: str | None


class PeriodOut(Schema):
    from_: str = Field(..., alias="from")
    to: str


class IndicatorValueOut(Schema):
    code: str
    name: str
    value: int | float | None
    numerator: int | float | None
    denominator: int | float | None
    previous: int | float | None
    change: int | float | None


class IndicatorsOut(Schema):
    unit: UnitOut
    period: PeriodOut
    indicators: list[IndicatorValueOut]


class LeagueRowOut(Schema):
    rank: int | None
    unit_code: str
    unit_name: str
    value: int | float | None
    numerator: int | float | None
    denominator: int | float | None


def _require_reader(request):
    if not has_role(request.user, *VIEW_ROLES):
        raise HttpError(403, "Bạn không có quyền xem báo cáo.")


def _selection(request, unit: str, year: str | None, date_from: str | None, date_to: str | None):
    _require_reader(request)
    units = scoped_units(request.user, VIEW_ROLES)
    try:
        period = selectors.parse_period(year=year, date_from=date_from, date_to=date_to)
    except selectors.ReportInputError as error:
        raise HttpError(422, str(error))
    try:
        found = selectors.find_unit(unit, period, queryset=units)
    except selectors.ReportInputError:
        raise Http404  # a unit outside the scope looks exactly like a missing one
    return found, period


@router.get("/catalogue", response=list[IndicatorSpecOut], auth=django_auth, url_name="reports_catalogue")
def catalogue(request):
    """Every registered indicator: code, names, definition, formula, source records and legal basis."""
    _require_reader(request)
    return [
        {
            "code": spec.code,
            "name_vi": spec.name_vi,
            "name_en": spec.name_en,
            "kind": spec.kind,
            "definition_vi": spec.definition_vi,
            "definition_en": spec.definition_en,
            "formula": spec.formula,
            "source": spec.source,
            "legal_basis": spec.legal_basis,
            "public": spec.public,
            "drilldown": spec.drilldown,
        }
        for spec in load_all().values()
    ]


@router.get(
    "/indicators", response=IndicatorsOut, auth=django_auth, url_name="reports_indicators", by_alias=True
)
def indicators(
    request, unit: str, year: str | None = None, date_from: str | None = None, date_to: str | None = None
):
    """A unit's indicators for a year or a period (dd/mm/yyyy or YYYY-MM-DD), like the `indicators` command."""
    found, period = _selection(request, unit, year, date_from, date_to)
    return command_payload(evaluate_all(found, period))


@router.get("/league", response=list[LeagueRowOut], auth=django_auth, url_name="reports_league")
def league(
    request,
    unit: str,
    code: str,
    year: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
):
    """The units below `unit` as they were in the period, ranked on one indicator."""
    found, period = _selection(request, unit, year, date_from, date_to)
    if code not in load_all():
        raise HttpError(422, f"Không có chỉ tiêu mã “{code}”.")
    return [
        {
            "rank": row["rank"],
            "unit_code": row["unit"].code,
            "unit_name": row["unit"].name,
            "value": row["value"],
            "numerator": row["numerator"],
            "denominator": row["denominator"],
        }
        for row in selectors.league_table(found, period, code)
    ]
