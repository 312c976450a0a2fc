"""Deadline reminders and escalation for feedback cases, each sent once even with several loops running."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.accounts.models import Role
from congvu.accounts.selectors import users_with_role, users_with_role_nearest
from congvu.core.events import record_event
from congvu.core.notifications import notify
from congvu.core.reminders import claim
from congvu.core.workdays import add_working_days
from congvu.feedback.models import Case, Status

ACTIVE = [Status.NEW, Status.IN_PROGRESS, Status.AWAITING_APPROVAL]  # a paused case's clock is stopped


def _url(case):
    return reverse("feedback:case_detail", args=[case.pk])


def run_due(now=None) -> int:
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    # Before the deadline: the handler (or the unit head when nobody is assigned yet).
    horizon = add_working_days(today, 5)
    for case in Case.objects.filter(
        status__in=ACTIVE, reminded_at__isnull=True, answer_due__gte=today, answer_due__lte=horizon
    ).select_related("unit", "handler"):
        if add_working_days(case.answer_due, -case.remind_days) > today:
            continue
        if not claim(Case.objects.filter(pk=case.pk, reminded_at__isnull=True), reminded_at=now):
            continue
        users = [case.handler] if case.handler else list(users_with_role_nearest(Role.UNIT_HEAD, case.unit))
        notify(
            users,
            title=_("Phản ánh %(code)s sắp đến hạn trả lời (%(due)s)")
            % {"code": case.code, "due": f"{case.answer_due:%d/%m/%Y}"},
            body=case.title,
            url=_url(case),
            kind="feedback.reminder",
        )
        record_event(case, "reminder", note=_("Nhắc hạn trả lời"))
        sent += 1
    # Overdue: the unit head and the programme office.
    for case in Case.objects.filter(
        status__in=ACTIVE, escalated_at__isnull=True, answer_due__lt=today
    ).select_related("unit"):
        if not claim(Case.objects.filter(pk=case.pk, escalated_at__isnull=True), escalated_at=now):
            continue
        users = list(users_with_role_nearest(Role.UNIT_HEAD, case.unit)) + list(
            users_with_role(Role.PROGRAMME_OFFICE, case.unit)
        )
        notify(
            users,
            title=_("Phản ánh %(code)s đã quá hạn trả lời (%(due)s)")
            % {"code": case.code, "due": f"{case.answer_due:%d/%m/%Y}"},
            body=case.title,
            url=_url(case),
            kind="feedback.overdue",
        )
        record_event(case, "escalated", note=_("Quá hạn trả lời: báo thủ trưởng đơn vị và cơ quan nội vụ"))
        sent += 1
    # The 5-working-day intake window.
    for case in Case.objects.filter(
        status=Status.NEW, forward_escalated_at__isnull=True, forward_due__lt=today
    ).select_related("unit"):
        if not claim(
            Case.objects.filter(pk=case.pk, forward_escalated_at__isnull=True), forward_escalated_at=now
        ):
            continue
        notify(
            users_with_role_nearest(Role.UNIT_HEAD, case.unit),
            title=_("Phản ánh %(code)s quá hạn phân loại, chuyển đơn") % {"code": case.code},
            url=_url(case),
            kind="feedback.intake_overdue",
        )
        record_event(case, "intake_overdue", note=_("Quá 5 ngày làm việc chưa quyết định tiếp nhận"))
        sent += 1
    return sent
