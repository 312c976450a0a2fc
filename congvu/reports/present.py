"""Turn engine results into rows for pages and files: names in the user's language, numbers in the
Vietnamese style, links to the figure's detail and to the records behind it."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from congvu.core.indicators import COUNT, SHARE, Period, load_all

GROUPS = [
    # code prefix, heading
    ("feedback", gettext_noop("Tiếp nhận, xử lý phản ánh, kiến nghị")),
    ("counter", gettext_noop("Mức độ hài lòng tại bộ phận một cửa")),
    ("inspection", gettext_noop("Kiểm tra kỷ luật, kỷ cương hành chính")),
    ("evaluation", gettext_noop("Đánh giá, xếp loại cán bộ, công chức, viên chức")),
    ("units", gettext_noop("Cơ quan, đơn vị")),
    ("channels", gettext_noop("Cơ quan, đơn vị")),
    ("rewards", gettext_noop("Khen thưởng, kỷ luật")),
    ("discipline", gettext_noop("Khen thưởng, kỷ luật")),
    ("plans", gettext_noop("Thực hiện kế hoạch, văn bản chỉ đạo")),
]


def group_label(code: str) -> str:
    prefix = code.split(".", 1)[0]
    for key, label in GROUPS:
        if key == prefix:
            return _(label)
    return _("Chỉ tiêu khác")


def min_group() -> int:
    return int(getattr(settings, "TRANSPARENCY_MIN_GROUP", 5))


def fmt_number(value, decimals: int | None = None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        text = number_format(
            value, decimal_pos=2 if decimals is None else decimals, use_l10n=True, force_grouping=True
        )
        decimal = "," if "," in text[-3:] else "."
        return text.rstrip("0").rstrip(decimal) if decimals is None else text
    return number_format(value, use_l10n=True, force_grouping=True)


def fmt_value(kind: str, value) -> str:
    if value is None:
        return "—"
    return f"{fmt_number(value)} %" if kind == SHARE else fmt_number(value)


def fmt_change(kind: str, change) -> str:
    if change is None:
        return ""
    sign = "+" if change > 0 else ""
    if kind == SHARE:
        return _("%(sign)s%(value)s điểm %%") % {"sign": sign, "value": fmt_number(change)}
    return f"{sign}{fmt_number(change)}"


def period_query(unit, period: Period) -> dict:
    if period.is_whole_year:
        return {"unit": unit.code, "year": period.start.year}
    return {"unit": unit.code, "from": f"{period.start:%d/%m/%Y}", "to": f"{period.end:%d/%m/%Y}"}


def unit_label(unit, period: Period) -> str:
    """The unit's name for a report on the period: marked as former when it had ended before the period,
    or as created later when it did not exist yet (its predecessors' records are reported)."""
    if unit.valid_from and unit.valid_from > period.end:
        return _("%(name)s (thành lập %(day)s; số liệu của các đơn vị tiền thân)") % {
            "name": unit.name,
            "day": f"{unit.valid_from:%d/%m/%Y}",
        }
    if unit.valid_to and unit.valid_to < period.start:
        return _("%(name)s (cũ)") % {"name": unit.name}
    return unit.name


def drilldown_url(spec, unit, period: Period) -> str:
    """The staff list of the records behind the figure, if the indicator names one and it exists."""
    if not spec.drilldown:
        return ""
    try:
        base = reverse(spec.drilldown)
    except NoReverseMatch:
        return ""
    query = {"unit": unit.code, "from": f"{period.start:%d/%m/%Y}", "to": f"{period.end:%d/%m/%Y}"}
    return f"{base}?{urlencode(query)}"


def detail_url(code: str, unit, period: Period) -> str:
    return f"{reverse('reports:indicator_detail', args=[code])}?{urlencode(period_query(unit, period))}"


def rows(result: dict, unit, period: Period, *, links: bool = True) -> list[dict]:
    """Engine results → rows ready for a template."""
    registry = load_all()
    prepared = []
    for item in result["indicators"]:
        spec = registry[item["code"]]
        prepared.append(
            {
                **item,
                "spec": spec,
                "label": spec.name(),
                "group": group_label(spec.code),
                "is_share": spec.kind == SHARE,
                "is_count": spec.kind == COUNT,
                "value_text": fmt_value(spec.kind, item["value"]),
                "previous_text": fmt_value(spec.kind, item.get("previous")),
                "change_text": fmt_change(spec.kind, item.get("change")),
                "numerator_text": fmt_number(item["numerator"]),
                "denominator_text": fmt_number(item["denominator"]),
                "trend": _trend(item.get("change")),
                "detail_url": detail_url(spec.code, unit, period) if links else "",
                "drilldown_url": drilldown_url(spec, unit, period) if links else "",
            }
        )
    return prepared


def _trend(change) -> str:
    if change is None or change == 0:
        return "flat"
    return "up" if change > 0 else "down"


def grouped(prepared: list[dict]) -> list[tuple[str, list[dict]]]:
    groups: dict[str, list[dict]] = {}
    for row in prepared:
        groups.setdefault(row["group"], []).append(row)
    return list(groups.items())


def flatten_breakdown(breakdown, prefix: str = "") -> list[tuple[str, str]]:
    """A nested breakdown dict as (label, value) lines for a small table."""
    lines = []
    if isinstance(breakdown, dict):
        for key, value in breakdown.items():
            label = f"{prefix} › {key}" if prefix else str(key)
            if isinstance(value, dict | list):
                lines.extend(flatten_breakdown(value, label))
            else:
                lines.append((label, fmt_number(value) if isinstance(value, int | float) else str(value)))
    elif isinstance(breakdown, list):
        for index, value in enumerate(breakdown, start=1):
            lines.extend(flatten_breakdown(value, f"{prefix} {index}".strip()))
    return lines


def numeric_breakdown(breakdown) -> list[tuple[str, float]]:
    """A flat {label: number} breakdown as chart points; empty when the breakdown is nested or textual."""
    if not isinstance(breakdown, dict) or not breakdown:
        return []
    if not all(
        isinstance(value, int | float) and not isinstance(value, bool) for value in breakdown.values()
    ):
        return []
    return [(str(label), value) for label, value in breakdown.items()]


def suppress(row: dict, threshold: int | None = None) -> dict:
    """Small-group suppression for the public page: a share or median computed over fewer than `threshold`
    cases, or a count of fewer than `threshold` people, is replaced by "fewer than N". Counts of events
    (inspection rounds, feedback cases) identify nobody and are shown as they are."""
    threshold = min_group() if threshold is None else threshold

    def small(kind, value, denominator):
        if value is None:
            return False
        if denominator is not None:
            return 0 < denominator < threshold
        return kind == COUNT and row.get("counts_people", False) and 0 < value < threshold

    kind = row["kind"]
    hidden_now = small(kind, row["value"], row["denominator"])
    hidden_before = small(kind, row.get("previous"), row.get("previous_denominator"))
    masked = _("dưới %(n)s") % {"n": threshold}
    row = dict(row, suppressed=hidden_now, breakdown={})
    if hidden_now:
        row.update(value=None, numerator=None, denominator=None, value_text=masked)
        row.update(numerator_text="—", denominator_text=masked)
    if hidden_before:
        row.update(previous=None, previous_text=masked)
    if hidden_now or hidden_before:
        row.update(change=None, change_text="")
    return row
