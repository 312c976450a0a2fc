"""Report figure of working regulations."""

from congvu.core.indicators import SHARE, Measure, indicator
from congvu.regulations import selectors


@indicator(
    "units.with_working_regulation",
    name_vi="Tỷ lệ cơ quan, đơn vị có quy chế làm việc đang có hiệu lực",
    name_en="Units with a working regulation in force",
    kind=SHARE,
    definition_vi=(
        "Trong các cơ quan, đơn vị thuộc phạm vi còn tồn tại vào ngày cuối kỳ và phải ban hành quy chế "
        "làm việc riêng (không tính bộ phận một cửa, trung tâm phục vụ hành chính công và trường học), "
        "tỷ lệ đơn vị có quy chế làm việc đang có hiệu lực vào ngày đó."
    ),
    definition_en=(
        "Among the units in scope that exist on the last day of the period and are expected to issue their "
        "own working regulation (one-stop counters, service centres and schools excluded), the share with a "
        "working regulation in force on that day."
    ),
    formula="units with a regulation in force on period end / units that should have one on period end × 100",
    source="regulations.WorkingRegulation, units.Unit",
    legal_basis="Quyết định 1847/QĐ-TTg (2018); Luật Tổ chức chính quyền địa phương",
    order=700,
    public=True,
)
def units_with_working_regulation(scope, period):
    units = scope.units()
    covered, total = selectors.regulation_coverage(units, period.end)
    missing = []
    if covered < total:
        status = selectors.regulation_status(units, period.end)
        missing = [row["unit"].code for row in status if row["missing"]]
    return Measure.share(covered, total, {"missing": missing})
