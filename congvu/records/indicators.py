"""Report figures of the records part: working regulations, rewards, discipline, plan tasks."""

from collections import Counter

from django.db.models import Q
from django.utils import timezone

from congvu.core.indicators import COUNT, SHARE, Measure, indicator
from congvu.records import selectors
from congvu.records.models import DisciplineCase, Reward, RewardTitle, TaskAssignment


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
    source="records.WorkingRegulation, units.Unit",
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


def _in_scope(scope, fields):
    condition = Q(pk__in=[])
    for field in fields:
        condition |= scope.q(field)
    return condition


@indicator(
    "rewards.count",
    name_vi="Số khen thưởng đã quyết định",
    name_en="Rewards decided",
    kind=COUNT,
    definition_vi="Số danh hiệu, hình thức khen thưởng cá nhân và tập thể có quyết định trong kỳ.",
    definition_en="Individual and collective reward titles and forms decided (decision date) in the period.",
    formula="count(rewards with status decided and decision date in period)",
    source="records.Reward",
    legal_basis="Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP",
    order=710,
    public=True,
)
def rewards_count(scope, period):
    rows = (
        Reward.objects.filter(
            _in_scope(scope, ("unit", "staff__unit", "collective")),
            status=Reward.Status.DECIDED,
            decision_date__gte=period.start,
            decision_date__lte=period.end,
        )
        .values_list("pk", "title__name", "title__recipient")
        .distinct()
    )
    by_title, by_recipient = Counter(), Counter()
    seen = set()
    for pk, title, recipient in rows:
        if pk in seen:
            continue
        seen.add(pk)
        by_title[title] += 1
        by_recipient[RewardTitle.Recipient(recipient).value] += 1
    return Measure.count(len(seen), {"by_title": dict(by_title), "by_recipient": dict(by_recipient)})


@indicator(
    "discipline.count",
    name_vi="Số trường hợp bị kỷ luật",
    name_en="Disciplinary decisions",
    kind=COUNT,
    definition_vi="Số quyết định kỷ luật cán bộ, công chức, viên chức có ngày quyết định trong kỳ, theo hình thức.",
    definition_en="Disciplinary decisions against officials dated in the period, by form.",
    formula="count(discipline cases decided with decision date in period)",
    source="records.DisciplineCase",
    legal_basis="Nghị định 112/2020/NĐ-CP, sửa đổi bởi Nghị định 71/2023/NĐ-CP",
    order=720,
    public=False,  # small units could make a person identifiable
)
def discipline_count(scope, period):
    forms = list(
        DisciplineCase.objects.filter(
            _in_scope(scope, ("unit",)),
            status=DisciplineCase.Status.DECIDED,
            decision_date__gte=period.start,
            decision_date__lte=period.end,
        ).values_list("form", flat=True)
    )
    return Measure.count(len(forms), {"by_form": dict(Counter(forms))})


@indicator(
    "plans.tasks_on_time",
    name_vi="Tỷ lệ nhiệm vụ theo kế hoạch, văn bản chỉ đạo hoàn thành đúng hạn",
    name_en="Plan and directive tasks completed on time",
    kind=SHARE,
    definition_vi=(
        "Trong các nhiệm vụ giao cho đơn vị thuộc phạm vi có hạn trong kỳ (đã đến hạn hoặc đã nghiệm thu), "
        "tỷ lệ nhiệm vụ đã được nghiệm thu với ngày hoàn thành không muộn hơn hạn."
    ),
    definition_en=(
        "Among tasks assigned to units in scope with a deadline in the period (already passed, or accepted), "
        "the share accepted with a completion date on or before the deadline."
    ),
    formula="accepted tasks completed by the deadline / tasks due in period × 100",
    source="records.TaskAssignment",
    legal_basis="Kế hoạch 103/KH-UBND tỉnh Lạng Sơn; Quyết định 1847/QĐ-TTg",
    order=730,
    public=True,
)
def tasks_on_time(scope, period):
    rows = TaskAssignment.objects.filter(
        scope.q("unit"), deadline__gte=period.start, deadline__lte=period.end
    ).values_list("task__directive__number", "status", "completed_on", "deadline")
    due, on_time = Counter(), Counter()
    today = timezone.localdate()
    for number, status, completed_on, deadline in rows:
        if deadline >= today and status != TaskAssignment.Status.ACCEPTED:
            continue  # not due yet and not done: neither on time nor late so far
        due[number] += 1
        if status == TaskAssignment.Status.ACCEPTED and completed_on and completed_on <= deadline:
            on_time[number] += 1
    breakdown = {number: {"due": due[number], "on_time": on_time[number]} for number in due}
    return Measure.share(sum(on_time.values()), sum(due.values()), {"by_document": breakdown})
