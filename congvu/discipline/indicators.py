"""Report figure of discipline."""

from collections import Counter

from congvu.core.indicators import COUNT, Measure, indicator
from congvu.discipline.models import DisciplineCase


@indicator(
    "discipline.count",
    name_vi="Số trường hợp bị kỷ luật",
    name_en="Disciplinary decisions",
    kind=COUNT,
    definition_vi="Số quyết định kỷ luật cán bộ, công chức, viên chức có ngày quyết định trong kỳ, theo hình thức.",
    definition_en="Disciplinary decisions against officials dated in the period, by form.",
    formula="count(discipline cases decided with decision date in period)",
    source="discipline.DisciplineCase",
    legal_basis="Nghị định 112/2020/NĐ-CP, sửa đổi bởi Nghị định 71/2023/NĐ-CP",
    order=720,
    public=False,  # small units could make a person identifiable
)
def discipline_count(scope, period):
    forms = list(
        DisciplineCase.objects.filter(
            scope.q("unit"),
            status=DisciplineCase.Status.DECIDED,
            decision_date__gte=period.start,
            decision_date__lte=period.end,
        ).values_list("form", flat=True)
    )
    return Measure.count(len(forms), {"by_form": dict(Counter(forms))})
