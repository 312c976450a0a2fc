"""Report figures for feedback (Decision 766/QĐ-TTg formulas), computed from the cases themselves."""

import statistics

from django.db.models import Count, Q
from django.utils import timezone

from congvu.core.workdays import working_days_elapsed
from congvu.feedback.models import OPEN_STATUSES, Case, Decision, Kind, Status
from congvu.reports.engine import COUNT, NUMBER, SHARE, Measure, indicator

ANSWERABLE = Q(kind=Kind.FEEDBACK) & ~Q(status__in=[Status.MERGED, Status.REDIRECTED, Status.NOT_ACCEPTED])


def _received(scope, period):
    start, end = period.datetime_range()
    return Case.objects.filter(scope.q("unit"), received_at__gte=start, received_at__lt=end)


@indicator(
    "feedback.received",
    name_vi="Số phản ánh, kiến nghị tiếp nhận",
    name_en="Feedback cases received",
    kind=COUNT,
    definition_vi="Số phản ánh, kiến nghị tiếp nhận trong kỳ qua mọi kênh (kể cả góp ý ẩn danh).",
    definition_en="Feedback cases received in the period through every channel (anonymous suggestions included).",
    formula="count(cases received in period)",
    source="feedback.Case",
    legal_basis="Nghị định 20/2008/NĐ-CP",
    order=10,
    public=True,
)
def received(scope, period):
    qs = _received(scope, period)
    breakdown = {row["channel"]: row["n"] for row in qs.values("channel").annotate(n=Count("pk")).order_by()}
    return Measure.count(qs.count(), breakdown=breakdown)


@indicator(
    "feedback.answered",
    name_vi="Số phản ánh đã trả lời",
    name_en="Feedback cases answered",
    kind=COUNT,
    definition_vi="Số phản ánh được trả lời trong kỳ.",
    definition_en="Feedback cases answered in the period.",
    formula="count(cases answered in period)",
    source="feedback.Case",
    order=11,
    public=True,
)
def answered(scope, period):
    start, end = period.datetime_range()
    return Measure.count(
        Case.objects.filter(scope.q("unit"), answered_at__gte=start, answered_at__lt=end).count()
    )


def _within_competence(scope, period):
    return _received(scope, period).filter(ANSWERABLE, decision__in=[Decision.HANDLE, ""])


@indicator(
    "feedback.on_time",
    name_vi="Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn",
    name_en="Feedback handled on time",
    kind=SHARE,
    definition_vi="Số PAKN trả lời đúng hạn / số PAKN thuộc thẩm quyền tiếp nhận trong kỳ (Quyết định 766).",
    definition_en="Cases answered by the deadline / cases within competence received in the period (Decision 766).",
    formula="answered_at <= answer_due / within competence",
    source="feedback.Case",
    legal_basis="Quyết định 766/QĐ-TTg",
    order=12,
    public=True,
)
def on_time(scope, period):
    rows = list(_within_competence(scope, period).values_list("answered_at", "answer_due"))
    ok = sum(1 for at, due in rows if at and due and timezone.localdate(at) <= due)
    return Measure.share(ok, len(rows))


@indicator(
    "feedback.satisfaction",
    name_vi="Mức độ hài lòng về xử lý phản ánh, kiến nghị",
    name_en="Satisfaction with feedback handling",
    kind=SHARE,
    definition_vi="(Tổng số PAKN − số PAKN bị đánh giá không hài lòng − số PAKN trễ hạn) / tổng số PAKN (Quyết định 766).",
    definition_en="(All cases − rated not satisfied − late) / all cases (Decision 766).",
    formula="(all - not_satisfied - late) / all",
    source="feedback.Case, feedback.AnswerRating",
    legal_basis="Quyết định 766/QĐ-TTg",
    order=13,
    public=True,
)
def satisfaction(scope, period):
    today = timezone.localdate()
    rows = list(
        _within_competence(scope, period).values_list(
            "answered_at", "answer_due", "rating__satisfied", "status"
        )
    )
    bad = 0
    for at, due, rated, status in rows:
        late = due is not None and (
            (at and timezone.localdate(at) > due) or (not at and status in OPEN_STATUSES and today > due)
        )
        if rated is False or late:
            bad += 1
    return Measure.share(len(rows) - bad, len(rows), breakdown={"not_satisfied_or_late": bad})


@indicator(
    "feedback.median_days_to_answer",
    name_vi="Số ngày làm việc trung vị để trả lời",
    name_en="Median working days to answer",
    kind=NUMBER,
    definition_vi="Trung vị số ngày làm việc từ khi tiếp nhận đến khi trả lời, với phản ánh trả lời trong kỳ.",
    definition_en="Median working days from receipt to answer, for cases answered in the period.",
    formula="median(working_days(received, answered))",
    source="feedback.Case",
    order=14,
    public=True,
)
def median_days(scope, period):
    start, end = period.datetime_range()
    rows = Case.objects.filter(scope.q("unit"), answered_at__gte=start, answered_at__lt=end).values_list(
        "received_at", "answered_at"
    )
    days = [working_days_elapsed(timezone.localdate(r), timezone.localdate(a)) for r, a in rows]
    return Measure(statistics.median(days) if days else None, None, None, {"cases": len(days)})


@indicator(
    "feedback.overdue_now",
    name_vi="Số phản ánh đang quá hạn",
    name_en="Cases overdue now",
    kind=COUNT,
    definition_vi="Số phản ánh chưa trả lời đã quá hạn vào ngày cuối kỳ (hoặc hôm nay nếu kỳ chưa kết thúc).",
    definition_en="Unanswered cases past their deadline on the period's last day (or today if earlier).",
    formula="count(open cases with answer_due < day)",
    source="feedback.Case",
    order=15,
)
def overdue_now(scope, period):
    day = min(period.end, timezone.localdate())
    _start, end = period.datetime_range()
    qs = Case.objects.filter(
        scope.q("unit"), received_at__lt=end, answer_due__lt=day, kind=Kind.FEEDBACK
    ).filter(
        Q(status__in=[Status.NEW, Status.IN_PROGRESS, Status.AWAITING_APPROVAL])
        | Q(answered_at__date__gt=day, status=Status.ANSWERED)
    )
    return Measure.count(qs.count())


@indicator(
    "feedback.published",
    name_vi="Số kết quả xử lý đã công khai",
    name_en="Answers published",
    kind=COUNT,
    definition_vi="Số kết quả trả lời phản ánh được công khai trên cổng thông tin trong kỳ.",
    definition_en="Answers published on the portal in the period.",
    formula="count(published in period)",
    source="feedback.Case",
    order=16,
    public=True,
)
def published(scope, period):
    start, end = period.datetime_range()
    return Measure.count(
        Case.objects.filter(scope.q("unit"), published_at__gte=start, published_at__lt=end).count()
    )
