from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.accounts.decorators import staff_required
from congvu.accounts.models import Role
from congvu.accounts.scope import scoped_units
from congvu.core.documents import document_response
from congvu.core.indicators import SHARE, Period, load_all
from congvu.core.spreadsheets import xlsx_response
from congvu.reports import exports, present, selectors
from congvu.reports.engine import evaluate, evaluate_all
from congvu.units.models import Unit

VIEW_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.LEADERSHIP, Role.INSPECTOR, Role.SYSTEM_ADMIN)
TREND_SPAN = 8


class Selection:
    """The unit and period a staff report page is about, read from ?unit=&year= or ?unit=&from=&to=.

    The unit must be in the user's scope: any other code looks exactly like a missing unit (404).
    Bad dates fall back to the unit's default year with a message in the user's language.
    """

    def __init__(self, request):
        self.units = scoped_units(request.user, VIEW_ROLES)
        code = (request.GET.get("unit") or "").strip()
        self.unit = get_object_or_404(self.units, code=code) if code else self._default_unit(request.user)
        self.error = ""
        default_year = selectors.default_year_for(self.unit, timezone.localdate())
        try:
            self.period = selectors.parse_period(
                year=request.GET.get("year"),
                date_from=request.GET.get("from"),
                date_to=request.GET.get("to"),
                default_year=default_year,
            )
        except selectors.ReportInputError as error:
            self.error = str(error)
            self.period = Period.year(default_year)
        self.query = present.period_query(self.unit, self.period)

    def _default_unit(self, user):
        unit = selectors.default_unit_for(user, VIEW_ROLES)
        if unit is None:
            raise Http404
        return unit

    def context(self) -> dict:
        today = timezone.localdate()
        return {
            "unit": self.unit,
            "unit_label": present.unit_label(self.unit, self.period),
            "period": self.period,
            "period_error": self.error,
            "unit_choices": [
                {
                    "code": u.code,
                    "label": u.display_name(),
                    "depth": u.depth,
                    "indent": "\u00a0\u00a0" * u.depth,
                }
                for u in self.units.order_by("path")
            ],
            "year_choices": list(range(today.year, selectors.FIRST_YEAR - 1, -1)),
            "selected_year": self.period.start.year if self.period.is_whole_year else None,
            "date_from": "" if self.period.is_whole_year else f"{self.period.start:%d/%m/%Y}",
            "date_to": "" if self.period.is_whole_year else f"{self.period.end:%d/%m/%Y}",
            "query": self.query,
            "querystring": urlencode(self.query),
            "min_group": present.min_group(),
        }


def _chart_code(request, registry) -> str | None:
    wanted = request.GET.get("chart")
    if wanted in registry:
        return wanted
    shares = [code for code, spec in registry.items() if spec.kind == SHARE]
    return (shares or list(registry) or [None])[0]


def _series_payload(series) -> dict:
    return {"labels": [point["label"] for point in series], "values": [point["value"] for point in series]}


def _charts(code, unit, period):
    if code is None:
        return None, []
    registry = load_all()
    league = selectors.league_table(unit, period, code)
    data = {
        "code": code,
        "name": registry[code].name(),
        "kind": registry[code].kind,
        "years": _series_payload(
            selectors.yearly_series(code, unit, selectors.trend_years(period, TREND_SPAN))
        ),
        "months": _series_payload(selectors.monthly_series(code, unit, period.end.year)),
        "month_year": period.end.year,
        "units": {
            "labels": [row["unit"].short_name or row["label"] for row in league],
            "values": [row["value"] for row in league],
        },
    }
    for row in league:
        row["value_text"] = present.fmt_value(row["kind"], row["value"])
        row["detail_url"] = present.detail_url(code, row["unit"], period)
    kind = data["kind"]
    data["points"] = [
        (label, present.fmt_value(kind, value))
        for series in (data["years"], data["months"])
        for label, value in zip(series["labels"], series["values"], strict=True)
    ]
    return data, league


def _figures(request, selection):
    """The registry, the unit's prepared rows for the period and the indicator charted (?chart=)."""
    registry = load_all()
    result = evaluate_all(selection.unit, selection.period)
    return registry, present.rows(result, selection.unit, selection.period), _chart_code(request, registry)


@staff_required(*VIEW_ROLES)
def dashboard(request):
    selection = Selection(request)
    registry, prepared, chart_code = _figures(request, selection)
    chart_data, league = _charts(chart_code, selection.unit, selection.period)
    context = selection.context() | {
        "groups": present.grouped(prepared),
        "rows": prepared,
        "chart_code": chart_code,
        "chart_choices": [(code, spec.name()) for code, spec in registry.items()],
        "chart_data": chart_data,
        "chart_points": chart_data.pop("points", []) if chart_data else [],
        "league": league,
    }
    return render(request, "reports/dashboard.html", context)


@staff_required(*VIEW_ROLES)
def print_view(request):
    selection = Selection(request)
    registry, prepared, chart_code = _figures(request, selection)
    league = selectors.league_table(selection.unit, selection.period, chart_code) if chart_code else []
    for row in league:
        row["value_text"] = present.fmt_value(row["kind"], row["value"])
    context = selection.context() | {
        "groups": present.grouped(prepared),
        "league": league,
        "chart_name": registry[chart_code].name() if chart_code else "",
        "printed_at": timezone.localtime(),
    }
    return render(request, "reports/print.html", context)


def _breakdown_chart(spec, breakdown):
    points = present.numeric_breakdown(breakdown)
    if len(points) < 2:
        return None
    return {
        "name": spec.name(),
        "labels": [label for label, _ in points],
        "values": [value for _, value in points],
    }


@staff_required(*VIEW_ROLES)
def indicator_detail(request, code):
    registry = load_all()
    spec = registry.get(code)
    if spec is None:
        raise Http404
    selection = Selection(request)
    item = evaluate(code, selection.unit, selection.period)
    row = present.rows({"indicators": [item]}, selection.unit, selection.period)[0]
    chart_data, league = _charts(code, selection.unit, selection.period)
    chart_data.pop("points", None)
    context = selection.context() | {
        "spec": spec,
        "row": row,
        "breakdown": present.flatten_breakdown(item.get("breakdown") or {}),
        "breakdown_chart": _breakdown_chart(spec, item.get("breakdown")),
        "chart_data": chart_data,
        "league": league,
    }
    return render(request, "reports/indicator_detail.html", context)


@staff_required(*VIEW_ROLES)
def catalogue(request):
    return render(request, "reports/catalogue.html", {"indicators": selectors.catalogue()})


@staff_required(*VIEW_ROLES)
def export_xlsx(request):
    selection = Selection(request)
    chart_code = _chart_code(request, load_all())
    content = exports.workbook(selection.unit, selection.period, chart_code=chart_code)
    name = f"bao-cao-{selection.unit.code}-{selection.period.start:%Y%m%d}-{selection.period.end:%Y%m%d}"
    return xlsx_response(content, name.lower(), dated=False)


@staff_required(*VIEW_ROLES)
def export_docx(request):
    selection = Selection(request)
    year = selection.period.end.year
    document = exports.annual_report(selection.unit, year, issued_on=timezone.localdate())
    return document_response(document, f"bao-cao-van-hoa-cong-vu-{selection.unit.code.lower()}-{year}.docx")


# Public transparency page: no login, public indicators only, small groups suppressed.


def _public_url(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def public_index(request):
    units = Unit.objects.order_by("path")
    today = timezone.localdate()
    code = (request.GET.get("unit") or "").strip()
    year = (request.GET.get("year") or "").strip()
    error = ""
    if code:
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            error = _("Không tìm thấy đơn vị.")
        else:
            try:
                chosen = selectors.parse_year(year) if year else selectors.default_year_for(unit, today)
            except selectors.ReportInputError as problem:
                error = str(problem)
            else:
                return redirect("reports:public_unit", code=unit.code, year=chosen)
    context = {
        "units": [
            {"code": u.code, "label": u.display_name(), "indent": "\u00a0\u00a0" * u.depth} for u in units
        ],
        # One click to the figures of the main units (the province and the units directly under it,
        # former ones included), each for its latest year.
        "shortcuts": [
            {"unit": u, "year": selectors.default_year_for(u, today)}
            for u in units
            if u.depth <= 1 and u.unit_type not in {"so", "phong", "mot_cua", "truong", "trung_tam"}
        ],
        "years": list(range(today.year, selectors.FIRST_YEAR - 1, -1)),
        "error": error,
        "selected_unit": code,
    }
    return render(request, "reports/public_index.html", context)


def public_unit(request, code, year):
    unit = get_object_or_404(Unit, code=code)
    if not selectors.FIRST_YEAR <= year <= timezone.localdate().year:
        raise Http404
    last_year = selectors.default_year_for(unit, timezone.localdate())
    if year > last_year:  # a former unit has no figures after it ended: show its last year
        return redirect("reports:public_unit", code=unit.code, year=last_year)
    period = Period.year(year)
    threshold = present.min_group()
    result = evaluate_all(unit, period, public_only=True)
    prepared = [present.suppress(row, threshold) for row in present.rows(result, unit, period, links=False)]
    years = selectors.trend_years(period, 5)
    last_year = min(timezone.localdate().year, unit.valid_to.year if unit.valid_to else 9999)
    registry = load_all()
    trend = {"labels": [str(y) for y in years], "series": []}
    for row in prepared:
        values = []
        for y in years:
            point = evaluate(row["code"], unit, Period.year(y), with_previous=False)
            point = present.suppress(dict(point, previous=None, previous_denominator=None), threshold)
            values.append(point["value"])
        trend["series"].append({"name": registry[row["code"]].name(), "kind": row["kind"], "values": values})
    context = {
        "unit": unit,
        "unit_label": present.unit_label(unit, period),
        "year": year,
        "period": period,
        "groups": present.grouped(prepared),
        "rows": prepared,
        "trend": trend,
        "threshold": threshold,
        "years": list(range(last_year, max(selectors.FIRST_YEAR, last_year - 7) - 1, -1)),
        "directory_url": _public_url("units:directory"),
        "feedback_url": _public_url("feedback:submit"),
        "children": [
            {"code": child.code, "label": child.display_name(period.end)}
            for child in selectors.units_of_period(unit, period)
        ],
    }
    return render(request, "reports/public_unit.html", context)
