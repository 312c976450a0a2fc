from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

EVENT_LABELS = {
    "plan_created": _("Tạo kế hoạch"),
    "round_created": _("Tạo đợt kiểm tra"),
    "member_added": _("Thêm thành viên đoàn"),
    "member_removed": _("Bớt thành viên đoàn"),
    "visit_scheduled": _("Lên lịch lượt kiểm tra"),
    "visit_cancelled": _("Hủy lượt kiểm tra"),
    "visit_started": _("Bắt đầu ghi nhận"),
    "answers_saved": _("Lưu kết quả"),
    "photo_added": _("Thêm ảnh"),
    "visit_submitted": _("Gửi trưởng đoàn"),
    "visit_returned": _("Trưởng đoàn trả lại"),
    "visit_closed": _("Kết thúc lượt kiểm tra"),
    "finding_opened": _("Ghi nhận phát hiện"),
    "finding_decided": _("Quyết định hình thức xử lý"),
    "finding_closed": _("Đóng phát hiện"),
    "task_assigned": _("Giao nhiệm vụ khắc phục"),
    "task_reported": _("Đơn vị báo cáo khắc phục"),
    "task_accepted": _("Nghiệm thu"),
    "task_returned": _("Trả lại báo cáo"),
    "task_escalated": _("Báo quá hạn"),
}


def _state_labels():
    from congvu.inspections.models import Finding, RemedialTask, TeamMember, Visit

    labels = {}
    for choices in (TeamMember.Role, Finding.Action, Finding.Status, RemedialTask.Status, Visit.Status):
        labels.update({value: label for value, label in choices.choices if value})
    labels["overdue"] = _("Quá hạn")
    return labels


@register.filter
def state_label(value):
    """A state or action code from an event row, shown in the user's language."""
    if not value:
        return ""
    return _state_labels().get(value, value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def event_label(action):
    return EVENT_LABELS.get(action, action)
