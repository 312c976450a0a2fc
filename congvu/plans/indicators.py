"""Report figure of plan and directive tasks."""

from collections import Counter

from django.utils import timezone

from congvu.core.indicators import SHARE, Measure, indicator
from congvu.plans.models import TaskAssignment


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
    source="plans.TaskAssignment",
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
