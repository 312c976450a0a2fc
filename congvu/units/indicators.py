"""Indicators about the units themselves."""

from congvu.core.indicators import COUNT, Measure, indicator


@indicator(
    "units.current",
    name_vi="Số cơ quan, đơn vị đang hoạt động",
    name_en="Units in existence",
    kind=COUNT,
    definition_vi="Số đơn vị trong phạm vi còn hiệu lực vào ngày cuối kỳ.",
    definition_en="Units in scope that exist on the last day of the period.",
    formula="count(units valid on period end)",
    source="units.Unit",
    order=900,
)
def units_current(scope, period):
    return Measure.count(scope.units().current(period.end).count())
