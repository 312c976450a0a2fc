"""Figures the reports part can compute from the foundation alone: published intake channels."""

from django.db.models import Q

from congvu.core.indicators import SHARE, Measure, indicator


@indicator(
    "channels.hotline_published",
    name_vi="Đơn vị công bố đường dây nóng",
    name_en="Units publishing a hotline",
    kind=SHARE,
    definition_vi=(
        "Tỷ lệ cơ quan, đơn vị trong phạm vi (còn hiệu lực vào ngày cuối kỳ) đã công bố số đường dây nóng "
        "để tiếp nhận phản ánh, kiến nghị."
    ),
    definition_en=(
        "Share of units in scope (existing on the last day of the period) that publish a hotline number for "
        "citizens' feedback."
    ),
    formula="units with a hotline / units existing on the period's end × 100",
    source="units.Unit (hotline)",
    legal_basis="Nghị định 20/2008/NĐ-CP, Điều 9; Nghị định 92/2017/NĐ-CP",
    order=50,
    public=True,
    drilldown="units:directory",
)
def hotline_published(scope, period):
    units = scope.units().current(period.end)
    with_hotline = units.exclude(Q(hotline="") | Q(hotline__isnull=True)).count()
    return Measure.share(with_hotline, units.count())
