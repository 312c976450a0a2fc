"""Reads for the reports: which unit and period a request means, the units of a period, league tables
and time series. Every figure comes from `congvu.reports.engine`; nothing here computes an indicator."""

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _

from congvu.accounts.scope import scope_roots
from congvu.core.edge import out_of_range_date
from congvu.core.indicators import Period, load_all, month_periods
from congvu.reports.engine import evaluate
from congvu.units.lineage import Lineage
from congvu.units.models import Unit
from congvu.units.selectors import predecessor_units

DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")
FIRST_YEAR = 2010


class ReportInputError(ValueError):
    """Bad input from a user (unknown unit, bad date); the message is in the user's language."""


def parse_date(text: str) -> dt.date:
    text = (text or "").strip()
    for pattern in DATE_FORMATS:
        try:
            day = dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        problem = out_of_range_date(**{text: day})
        if problem:
            raise ReportInputError(problem)
        return day
    raise ReportInputError(_("Ngày “%(text)s” không hợp lệ: nhập theo dạng dd/mm/yyyy.") % {"text": text})


def parse_year(text) -> int:
    try:
        year = int(str(text).strip())
    except (TypeError, ValueError):
        raise ReportInputError(_("Năm “%(text)s” không hợp lệ.") % {"text": text})
    if not FIRST_YEAR <= year <= dt.date.today().year + 1:
        raise ReportInputError(
            _("Năm phải từ %(first)s đến %(last)s.") % {"first": FIRST_YEAR, "last": dt.date.today().year + 1}
        )
    return year


def parse_period(*, year=None, date_from=None, date_to=None, default_year: int | None = None) -> Period:
    """A Period from a year or a from/to pair (dd/mm/yyyy or YYYY-MM-DD); raises ReportInputError."""
    if date_from or date_to:
        if year:
            raise ReportInputError(_("Chọn năm hoặc khoảng thời gian từ ngày – đến ngày, không chọn cả hai."))
        if not (date_from and date_to):
            raise ReportInputError(_("Cần nhập cả ngày bắt đầu và ngày kết thúc."))
        start, end = parse_date(date_from), parse_date(date_to)
        if end < start:
            raise ReportInputError(_("Ngày kết thúc phải sau ngày bắt đầu."))
        if (end - start).days > 366 * 20:
            raise ReportInputError(_("Khoảng thời gian quá dài (tối đa 20 năm)."))
        return Period(start, end)
    if year:
        return Period.year(parse_year(year))
    if default_year:
        return Period.year(default_year)
    raise ReportInputError(_("Cần chọn năm hoặc khoảng thời gian."))


def overlapping(queryset, period: Period):
    """Units that existed at some time during the period."""
    return queryset.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=period.end)).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=period.start)
    )


def find_unit(text: str, period: Period | None = None, queryset=None) -> Unit:
    """A unit by its code, or by its exact name (case-insensitive). When several units share the name
    (an old and a new Phường Đông Kinh), the one that existed during the period wins."""
    queryset = queryset if queryset is not None else Unit.objects.all()
    text = (text or "").strip()
    if not text:
        raise ReportInputError(_("Cần chọn đơn vị."))
    unit = queryset.filter(code__iexact=text).first()
    if unit:
        return unit
    matches = list(queryset.filter(name__iexact=text))
    if len(matches) > 1 and period is not None:
        then = set(overlapping(queryset.filter(name__iexact=text), period).values_list("pk", flat=True))
        matches = [u for u in matches if u.pk in then] or matches
    if len(matches) > 1:
        current = [u for u in matches if u.is_current()]
        matches = current if len(current) == 1 else matches
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ReportInputError(
            _("Không tìm thấy đơn vị “%(text)s” (nhập mã hoặc đúng tên đơn vị).") % {"text": text}
        )
    codes = ", ".join(u.code for u in matches)
    raise ReportInputError(
        _("Có nhiều đơn vị tên “%(text)s”: %(codes)s. Hãy nhập mã đơn vị.") % {"text": text, "codes": codes}
    )


def default_unit_for(user, roles) -> Unit | None:
    """The unit a report opens on: the highest unit of the user's scope (a current one first), or the
    top of the tree for a user who sees everything."""
    roots = scope_roots(user, roles)
    if roots is None:
        return Unit.objects.filter(parent__isnull=True).order_by("path").first()
    return min(roots, key=lambda u: (u.depth, not u.is_current(), u.path)) if roots else None


def default_year_for(unit: Unit, today: dt.date | None = None) -> int:
    """The latest year in which the unit existed (a former unit: its last year)."""
    today = today or dt.date.today()
    if unit.valid_to and unit.valid_to < today:
        return unit.valid_to.year
    return today.year


def units_of_period(unit: Unit, period: Period) -> list[Unit]:
    """The units one level below `unit` as they were during the period.

    A past period shows the units of that time, a current one today's units. When `unit` itself did not
    exist yet (a ward created in the 2025 reform asked about 2019), its predecessors of that time stand
    in for it.
    """
    exists = overlapping(Unit.objects.filter(pk=unit.pk), period).exists()
    if exists:
        children = overlapping(Unit.objects.filter(parent=unit), period)
        return list(children.order_by("sort_order", "name"))
    predecessors = predecessor_units([unit])
    ids = {u.pk for u in predecessors}
    # Keep only the top of each predecessor subtree that existed in the period.
    tops = [u for u in predecessors if u.parent_id not in ids]
    return [u for u in overlapping(Unit.objects.filter(pk__in=[u.pk for u in tops]), period).order_by("name")]


def league_table(unit: Unit, period: Period, code: str) -> list[dict]:
    """Rank the units of the period below `unit` on one indicator (highest first, no value last)."""
    rows = []
    for child in units_of_period(unit, period):
        result = evaluate(code, child, period, with_previous=False)
        rows.append({"unit": child, "label": child.display_name(period.end), **result})
    rows.sort(key=lambda row: (row["value"] is None, -(row["value"] or 0), row["unit"].name))
    # Standard competition ranking: equal values share a rank (1, 1, 3, …); no value, no rank.
    previous_value, rank = object(), 0
    for position, row in enumerate(rows, start=1):
        if row["value"] != previous_value:
            rank, previous_value = position, row["value"]
        row["rank"] = rank if row["value"] is not None else None
    return rows


def yearly_series(code: str, unit: Unit, years: list[int]) -> list[dict]:
    scope = Lineage(unit)
    return [
        {"label": str(year), **evaluate(code, unit, Period.year(year), with_previous=False, scope=scope)}
        for year in years
    ]


def monthly_series(code: str, unit: Unit, year: int) -> list[dict]:
    scope = Lineage(unit)
    return [
        {
            "label": f"{period.start:%m/%Y}",
            **evaluate(code, unit, period, with_previous=False, scope=scope),
        }
        for period in month_periods(year)
    ]


def trend_years(period: Period, span: int = 5) -> list[int]:
    last = period.end.year
    return list(range(max(FIRST_YEAR, last - span + 1), last + 1))


def catalogue() -> list:
    return list(load_all().values())
