"""Inspection figures for reports: any period, any scope.

Rounds count by the organising unit (a round organised in the scope whose start date is in the period);
visits, units visited and findings count by the visited unit and the visit date. A visit counts once it
has been carried out (submitted to the team head or closed), not while it is only scheduled.
"""

from collections import Counter

from django.db.models import Count

from congvu.core.indicators import COUNT, SHARE, Measure, indicator
from congvu.inspections.models import Finding, RemedialTask, Reminder, Round, Visit

LEGAL = "Quyết định 1847/QĐ-TTg; Chỉ thị 26/CT-TTg; Quyết định 129/2007/QĐ-TTg"
DONE = (Visit.Status.SUBMITTED, Visit.Status.CLOSED)


def _visits(scope, period):
    return Visit.objects.filter(
        scope.q("unit"), status__in=DONE, date__gte=period.start, date__lte=period.end
    )


def _count_by_year(qs, date_field: str) -> Measure:
    """The count, with its split by year, from one grouped query (the total is the sum of the years)."""
    rows = (
        qs.order_by()
        .values_list(f"{date_field}__year")
        .annotate(n=Count("pk"))
        .order_by(f"{date_field}__year")
    )
    by_year = {str(year): n for year, n in rows}
    return Measure.count(sum(by_year.values()), breakdown={"by_year": by_year})


@indicator(
    "inspection.rounds",
    name_vi="Số đợt kiểm tra kỷ luật, kỷ cương hành chính",
    name_en="Inspection rounds (administrative discipline)",
    kind=COUNT,
    definition_vi="Số đợt kiểm tra do đơn vị trong phạm vi tổ chức, có ngày bắt đầu trong kỳ.",
    definition_en="Rounds organised by a unit in scope that start in the period.",
    formula="count(rounds: organiser in scope, start_date in period)",
    source="inspections.Round",
    legal_basis=LEGAL,
    order=300,
    public=True,
)
def rounds(scope, period):
    qs = Round.objects.filter(scope.q("unit"), start_date__gte=period.start, start_date__lte=period.end)
    return _count_by_year(qs, "start_date")


@indicator(
    "inspection.visits",
    name_vi="Số lượt cơ quan, đơn vị được kiểm tra",
    name_en="Unit visits by inspection teams",
    kind=COUNT,
    definition_vi="Số lượt kiểm tra đã thực hiện tại các đơn vị trong phạm vi, theo ngày kiểm tra.",
    definition_en="Visits carried out at units in scope, by visit date.",
    formula="count(visits: unit in scope, date in period, submitted or closed)",
    source="inspections.Visit",
    legal_basis=LEGAL,
    order=301,
    public=True,
)
def visits(scope, period):
    return _count_by_year(_visits(scope, period), "date")


@indicator(
    "inspection.units_visited",
    name_vi="Số cơ quan, đơn vị được kiểm tra",
    name_en="Units visited",
    kind=COUNT,
    definition_vi="Số đơn vị khác nhau được kiểm tra ít nhất một lượt trong kỳ.",
    definition_en="Distinct units visited at least once in the period.",
    formula="count(distinct visit.unit)",
    source="inspections.Visit",
    legal_basis=LEGAL,
    order=302,
    public=True,
)
def units_visited(scope, period):
    return Measure.count(_visits(scope, period).values("unit").distinct().count())


@indicator(
    "inspection.findings",
    name_vi="Số vi phạm phát hiện qua kiểm tra",
    name_en="Findings of inspections",
    kind=COUNT,
    definition_vi="Số tiêu chí không đạt tại các lượt kiểm tra đã kết thúc trong kỳ, theo tiêu chí và mức độ.",
    definition_en="Failed checklist items of visits closed in the period, by item and severity.",
    formula="count(findings: unit in scope, date in period)",
    source="inspections.Finding",
    legal_basis=LEGAL,
    order=303,
    public=True,
)
def findings(scope, period):
    qs = Finding.objects.filter(scope.q("unit"), date__gte=period.start, date__lte=period.end)
    by_item = {
        row["item__code"]: row["n"] for row in qs.values("item__code").annotate(n=Count("id")).order_by("-n")
    }
    by_severity = {row["severity"]: row["n"] for row in qs.values("severity").annotate(n=Count("id"))}
    by_action = {
        (row["action"] or "undecided"): row["n"] for row in qs.values("action").annotate(n=Count("id"))
    }
    total = sum(by_severity.values())
    return Measure.count(
        total, breakdown={"by_item": by_item, "by_severity": by_severity, "by_action": by_action}
    )


@indicator(
    "inspection.reminders",
    name_vi="Số lượt nhắc nhở cán bộ qua kiểm tra",
    name_en="Reminders recorded against officials",
    kind=COUNT,
    definition_vi="Số lượt nhắc nhở ghi nhận đối với cán bộ trong kỳ; kèm số người bị nhắc nhở và số người bị nhắc nhở từ hai lần.",
    definition_en="Reminders recorded in the period; with the number of officials reminded and of those reminded twice or more.",
    formula="count(reminders); distinct officials; officials with ≥ 2",
    source="inspections.Reminder",
    legal_basis=LEGAL,
    order=304,
)
def reminders(scope, period):
    qs = Reminder.objects.filter(scope.q("unit"), date__gte=period.start, date__lte=period.end)
    per_official = Counter(qs.values_list("staff_id", flat=True))
    total = sum(per_official.values())
    return Measure.count(
        total,
        breakdown={
            "officials": len(per_official),
            "officials_reminded_twice_or_more": sum(1 for n in per_official.values() if n >= 2),
            "per_official": round(total / len(per_official), 2) if per_official else None,
        },
    )


@indicator(
    "inspection.remediation_on_time",
    name_vi="Tỷ lệ nhiệm vụ khắc phục hoàn thành đúng hạn",
    name_en="Remedial tasks completed on time",
    kind=SHARE,
    definition_vi="Trong các nhiệm vụ khắc phục có hạn trong kỳ, tỷ lệ được đơn vị báo cáo đúng hạn và đoàn kiểm tra nghiệm thu.",
    definition_en="Of the remedial tasks due in the period, the share reported by the deadline and accepted by the team.",
    formula="accepted and reported_on ≤ deadline / tasks with deadline in period",
    source="inspections.RemedialTask",
    legal_basis=LEGAL,
    order=305,
    public=True,
)
def remediation_on_time(scope, period):
    qs = RemedialTask.objects.filter(scope.q("unit"), deadline__gte=period.start, deadline__lte=period.end)
    rows = list(qs.values_list("status", "reported_on", "deadline"))
    on_time = sum(
        1 for status, reported, deadline in rows if status == "accepted" and reported and reported <= deadline
    )
    late = sum(1 for status, reported, deadline in rows if reported and reported > deadline)
    pending = sum(1 for status, _r, _d in rows if status != "accepted")
    return Measure.share(on_time, len(rows), breakdown={"late": late, "not_accepted_yet": pending})
