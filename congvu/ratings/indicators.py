"""Report figures of counter satisfaction (Decision 766/QĐ-TTg, SIPAS)."""

from congvu.core.indicators import Measure, indicator
from congvu.ratings import selectors
from congvu.ratings.models import Rating, SipasElement


@indicator(
    "counter.satisfaction",
    name_vi="Tỷ lệ hài lòng tại bộ phận một cửa",
    name_en="Satisfaction at the one-stop counter",
    kind="share",
    definition_vi="Tỷ lệ lượt đánh giá Rất hài lòng hoặc Hài lòng trên tổng số lượt đánh giá cán bộ tại "
    "bộ phận một cửa (máy tại quầy, mã QR, phiếu giấy) trong kỳ.",
    definition_en="Share of ratings 'very satisfied' or 'satisfied' among all ratings of officials at the "
    "one-stop counter (kiosk, QR code, paper forms) in the period.",
    formula="(rất hài lòng + hài lòng) / tổng số lượt đánh giá × 100",
    source="ratings.Rating",
    legal_basis="Quyết định 766/QĐ-TTg; Nghị định 118/2025/NĐ-CP",
    order=20,
    public=True,
)
def counter_satisfaction(scope, period):
    row = selectors.summary(selectors.in_period(Rating.objects.filter(scope.q("unit")), period))
    breakdown = {
        "very_satisfied": row["very_satisfied"],
        "satisfied": row["satisfied"],
        "not_satisfied": row["not_satisfied"],
    }
    return Measure.share(row["satisfied_total"], row["total"], breakdown)


def _sipas(element):
    def compute(scope, period):
        answers = selectors.paper_answers_in(scope.q("response__batch__unit"), period).filter(
            question__element=element.value
        )
        rows = selectors.sipas_indices(answers)
        row = next(item for item in rows if item["element"] == element.value)
        return Measure.share(row["satisfied"], row["total"])

    return compute


SIPAS_NAMES = {
    "access": ("Tiếp cận dịch vụ", "access to the service"),
    "procedure": ("Thủ tục hành chính", "administrative procedure"),
    "official": ("Công chức trực tiếp giải quyết", "the official handling the case"),
    "result": ("Kết quả dịch vụ", "result of the service"),
    "feedback": ("Tiếp nhận, xử lý góp ý, phản ánh", "handling of comments and complaints"),
    "criteria_766": ("Bộ chỉ số 766", "Decision 766 criteria"),
}

for _order, _element in enumerate(SipasElement, start=21):
    indicator(
        f"counter.sipas.{_element.value}",
        name_vi=f"SIPAS – {SIPAS_NAMES[_element.value][0]}",
        name_en=f"SIPAS – {SIPAS_NAMES[_element.value][1]}",
        kind="share",
        definition_vi="Tỷ lệ câu trả lời hài lòng (rất hài lòng, hài lòng) trên phiếu đánh giá giấy cho "
        "các câu hỏi thuộc yếu tố này.",
        definition_en="Share of satisfied answers on paper evaluation forms for the questions of this element.",
        formula="câu trả lời hài lòng / tổng câu trả lời × 100",
        source="ratings.PaperAnswer",
        legal_basis="Quyết định 3044/QĐ-BNV (SIPAS); Quyết định 766/QĐ-TTg",
        order=_order,
        public=True,
    )(_sipas(_element))
