"""Report figures for feedback (Decision 766/QĐ-TTg formulas), computed from the cases themselves."""

from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from congvu.core.indicators import COUNT, NUMBER, SHARE, Measure, indicator
from congvu.core.workdays import WorkingDayCounter
from congvu.feedback.models import COMPLAINT_KINDS, OPEN_STATUSES, Case, Decision, Kind, Status

# Complaints and denunciations follow other laws (Decree 20/2008 Art. 1.2): never in these figures.
FEEDBACK_TRACK = ~Q(kind__in=COMPLAINT_KINDS) & ~Q(status=Status.REDIRECTED)
ANSWERABLE = Q(kind=Kind.FEEDBACK) & ~Q(status__in=[Status.MERGED, Status.REDIRECTED, Status.NOT_ACCEPTED])
# Judged when the answer was sent, against the deadline then in force (congvu.feedback.deadlines).
ON_TIME = Q(answered_at__isnull=False, answered_late=False)
# A pause begun before the deadline stops the clock; one begun after it stops nothing.
PAUSED_IN_TIME = Q(status=Status.PAUSED, paused_on__isnull=False, paused_on__lte=F("answer_due"))
FORWARDING = [Decision.OUTSIDE, Decision.OFFICIAL_CONDUCT]


def _dated_in(scope, period, field: str):
    """The scope's feedback cases whose `field` (a date-time) falls in the period."""
    start, end = period.datetime_range()
    return Case.objects.filter(
        FEEDBACK_TRACK, scope.q("unit"), **{f"{field}__gte": start, f"{field}__lt": end}
    )


def _received(scope, period):
    return _dated_in(scope, period, "received_at")


@indicator(
    "feedback.received",
    name_vi="Số phản ánh, kiến nghị tiếp nhận",
    name_en="Feedback cases received",
    kind=COUNT,
    definition_vi="Số phản ánh, kiến nghị tiếp nhận trong kỳ qua mọi kênh (kể cả góp ý ẩn danh; không tính "
    "khiếu nại, tố cáo đã chuyển hướng).",
    definition_en="Feedback cases received in the period through every channel (anonymous suggestions "
    "included; complaints and denunciations redirected are not counted).",
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
    return Measure.count(_dated_in(scope, period, "answered_at").count())


def _within_competence(scope, period):
    return _received(scope, period).filter(ANSWERABLE, decision__in=[Decision.HANDLE, ""])


@indicator(
    "feedback.on_time",
    name_vi="Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn",
    name_en="Feedback handled on time",
    kind=SHARE,
    definition_vi="Số PAKN trả lời đúng hạn / số PAKN thuộc thẩm quyền tiếp nhận trong kỳ (Quyết định 766).",
    definition_en="Cases answered by the deadline / cases within competence received in the period (Decision 766).",
    formula="answered by the deadline in force when it ran (answered_late = false) / within competence",
    source="feedback.Case",
    legal_basis="Quyết định 766/QĐ-TTg",
    order=12,
    public=True,
)
def on_time(scope, period):
    # Counted in the database: the local date of the answer (the project's time zone) against the deadline.
    counts = _within_competence(scope, period).aggregate(
        total=Count("pk"),
        ok=Count("pk", filter=ON_TIME),
    )
    return Measure.share(counts["ok"], counts["total"])


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
    late = Q(answered_at__isnull=False, answered_late=True) | (
        Q(answered_at__isnull=True, status__in=OPEN_STATUSES, answer_due__lt=today) & ~PAUSED_IN_TIME
    )
    counts = _within_competence(scope, period).aggregate(
        total=Count("pk"), bad=Count("pk", filter=Q(rating__satisfied=False) | late)
    )
    total, bad = counts["total"], counts["bad"]
    return Measure.share(total - bad, total, breakdown={"not_satisfied_or_late": bad})


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
    # One row per (day received, day answered) with its number of cases, and one calendar lookup for all.
    rows = list(
        _dated_in(scope, period, "answered_at")
        .annotate(received_on=TruncDate("received_at"), answered_on=TruncDate("answered_at"))
        .values_list("received_on", "answered_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    if not rows:
        return Measure(None, None, None, {"cases": 0})
    counter = WorkingDayCounter(
        min(received for received, _a, _n in rows), max(answered for _r, answered, _n in rows)
    )
    days: dict[int, int] = {}
    for received, answered, n in rows:
        elapsed = counter.elapsed(received, answered)
        days[elapsed] = days.get(elapsed, 0) + n
    return Measure(_median(days), None, None, {"cases": sum(days.values())})


def _median(counts: dict[int, int]):
    """statistics.median of the list in which each value appears `counts[value]` times."""
    total = sum(counts.values())
    wanted = {(total - 1) // 2, total // 2}  # the middle position(s), 0-based
    found, seen = [], 0
    for value in sorted(counts):
        following = seen + counts[value]
        found += [value for position in sorted(wanted) if seen <= position < following]
        seen = following
    return found[0] if total % 2 else (found[0] + found[1]) / 2


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
        | Q(status=Status.PAUSED, paused_on__gt=F("answer_due"))
        | Q(answered_at__date__gt=day, status=Status.ANSWERED)
    )
    return Measure.count(qs.count())


@indicator(
    "feedback.intake_late",
    name_vi="Số phản ánh quyết định tiếp nhận, chuyển đơn trễ hạn",
    name_en="Intake decisions made late",
    kind=COUNT,
    definition_vi="Số phản ánh được quyết định tiếp nhận, không tiếp nhận hoặc chuyển đơn trong kỳ sau "
    "hạn 5 ngày làm việc kể từ khi tiếp nhận (Nghị định 20/2008/NĐ-CP Điều 9 khoản 1 điểm d); chi tiết "
    "số chuyển đơn trễ hạn.",
    definition_en="Cases whose intake decision (accept, refuse or forward) was made in the period after the "
    "5-working-day window from receipt (Decree 20/2008 Art. 9.1.d); broken down into late forwarding.",
    formula="count(intake decided in period with intake_late)",
    source="feedback.Case",
    legal_basis="Nghị định 20/2008/NĐ-CP",
    order=17,
)
def intake_late(scope, period):
    counts = _dated_in(scope, period, "intake_decided_at").aggregate(
        late=Count("pk", filter=Q(intake_late=True)),
        forwarding=Count("pk", filter=Q(intake_late=True, decision__in=FORWARDING)),
    )
    return Measure.count(counts["late"], breakdown={"forwarding": counts["forwarding"]})


@indicator(
    "feedback.forwarding_late",
    name_vi="Số phản ánh chuyển cơ quan có thẩm quyền trễ hạn",
    name_en="Cases forwarded late",
    kind=COUNT,
    definition_vi="Số phản ánh chuyển cơ quan, đơn vị có thẩm quyền trong kỳ sau hạn 5 ngày làm việc "
    "(Nghị định 20/2008/NĐ-CP Điều 9 khoản 1 điểm d).",
    definition_en="Cases forwarded to the competent body in the period after the 5-working-day window "
    "(Decree 20/2008 Art. 9.1.d).",
    formula="count(forwarded in period with intake_late)",
    source="feedback.Case",
    legal_basis="Nghị định 20/2008/NĐ-CP",
    order=18,
)
def forwarding_late(scope, period):
    qs = _dated_in(scope, period, "intake_decided_at").filter(intake_late=True, decision__in=FORWARDING)
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
    return Measure.count(_dated_in(scope, period, "published_at").count())
