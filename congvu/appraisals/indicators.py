"""Report figures of the annual evaluation (issue 8 reads them through congvu.reports.engine)."""

from congvu.appraisals.models import CBCC, VC
from congvu.appraisals.selectors import in_scope, level_counts, level_counts_by_group, results_queryset
from congvu.core.indicators import Measure, Period, indicator
from congvu.units.lineage import Lineage

LEGAL = "Nghị định 90/2020/NĐ-CP; Nghị định 335/2025/NĐ-CP"


def _in_scope(scope: Lineage, period: Period):
    """Evaluations of the years the period covers, of units in the scope's lineage (unit of their time).

    People who left a unit of the scope during the year (the 2025 reform) are rated by their new unit
    but still count for the old one's scope, so a former city keeps its figures for that year.
    """
    return in_scope(results_queryset(), scope).filter(year__gte=period.start.year, year__lte=period.end.year)


@indicator(
    "evaluation.good_or_better",
    name_vi="Tỷ lệ CBCCVC xếp loại hoàn thành tốt nhiệm vụ trở lên",
    name_en="Officials rated good or excellent",
    kind="share",
    definition_vi="(Hoàn thành xuất sắc + hoàn thành tốt) / số người được xếp loại trong năm.",
    definition_en="(Excellent + good) / people rated in the year.",
    formula="(xuat_sac + tot) / rated",
    source="appraisals.Evaluation",
    legal_basis=LEGAL,
    order=60,
    public=True,
)
def good_or_better(scope: Lineage, period: Period) -> Measure:
    groups = level_counts_by_group(_in_scope(scope, period))
    total = groups["all"]
    breakdown = {
        "levels": total["levels"],
        "not_rated": total["not_rated"],
        "cbcc": groups["cbcc"],
        "vc": groups["vc"],
    }
    return Measure.share(total["good_or_better"], total["rated"], breakdown)


@indicator(
    "evaluation.good_or_better.cbcc",
    name_vi="Số cán bộ, công chức xếp loại hoàn thành tốt nhiệm vụ trở lên",
    name_en="Cán bộ and công chức rated good or excellent",
    kind="count",
    definition_vi="Số cán bộ, công chức xếp loại hoàn thành xuất sắc hoặc hoàn thành tốt nhiệm vụ.",
    definition_en="Cán bộ and công chức rated excellent or good.",
    formula="count(category in {can_bo, cong_chuc}, level in {xuat_sac, tot})",
    source="appraisals.Evaluation",
    legal_basis=LEGAL,
    order=61,
    public=True,
    counts_people=True,
)
def good_or_better_cbcc(scope: Lineage, period: Period) -> Measure:
    counts = level_counts(_in_scope(scope, period).filter(category__in=CBCC))
    return Measure.count(counts["good_or_better"], counts)


@indicator(
    "evaluation.good_or_better.vc",
    name_vi="Số viên chức xếp loại hoàn thành tốt nhiệm vụ trở lên",
    name_en="Viên chức rated good or excellent",
    kind="count",
    definition_vi="Số viên chức xếp loại hoàn thành xuất sắc hoặc hoàn thành tốt nhiệm vụ.",
    definition_en="Viên chức rated excellent or good.",
    formula="count(category = vien_chuc, level in {xuat_sac, tot})",
    source="appraisals.Evaluation",
    legal_basis=LEGAL,
    order=62,
    public=True,
    counts_people=True,
)
def good_or_better_vc(scope: Lineage, period: Period) -> Measure:
    counts = level_counts(_in_scope(scope, period).filter(category__in=VC))
    return Measure.count(counts["good_or_better"], counts)


def _level_indicator(level: str, name_vi: str, name_en: str, order: int):
    @indicator(
        f"evaluation.level.{level}",
        name_vi=name_vi,
        name_en=name_en,
        kind="count",
        definition_vi=f"Số người được xếp loại “{name_vi}” trong năm.",
        definition_en=f"People rated “{name_en}” in the year.",
        formula=f"count(level = {level})",
        source="appraisals.Evaluation",
        legal_basis=LEGAL,
        order=order,
        public=True,
        counts_people=True,
    )
    def count_level(scope: Lineage, period: Period) -> Measure:
        return Measure.count(_in_scope(scope, period).filter(level=level).count())

    return count_level


_level_indicator("xuat_sac", "Hoàn thành xuất sắc nhiệm vụ", "Excellent", 63)
_level_indicator("tot", "Hoàn thành tốt nhiệm vụ", "Good", 64)
_level_indicator("hoan_thanh", "Hoàn thành nhiệm vụ", "Completed", 65)
_level_indicator("khong_hoan_thanh", "Không hoàn thành nhiệm vụ", "Not completed", 66)
