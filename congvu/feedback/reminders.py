"""Deadline reminders and escalation for feedback cases, each sent once even with several loops running."""

from django.db.models import F, Q
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


def _once(case, marker: str, now, *, users, title, kind, action, note, body="") -> bool:
    """Claim the case's `marker`, then notify `users(case)` and write the timeline step; False when
    another loop claimed it first."""
    if not claim(Case.objects.filter(pk=case.pk, **{f"{marker}__isnull": True}), **{marker: now}):
        return False
    notify(
        users(case),
        title=title,
        body=body,
        url=reverse("feedback:case_detail", args=[case.pk]),
        kind=kind,
    )
    record_event(case, action, note=note)
    return True


def _handler_or_head(case):
    return [case.handler] if case.handler else list(users_with_role_nearest(Role.UNIT_HEAD, case.unit))


def _head(case):
    return users_with_role_nearest(Role.UNIT_HEAD, case.unit)


def _head_and_office(case):
    return list(_head(case)) + list(users_with_role(Role.PROGRAMME_OFFICE, case.unit))


def _due(case):
    return {"code": case.code, "due": f"{case.answer_due:%d/%m/%Y}"}


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
        sent += _once(
            case,
            "reminded_at",
            now,
            users=_handler_or_head,
            title=_("Phản ánh %(code)s sắp đến hạn trả lời (%(due)s)") % _due(case),
            body=case.title,
            kind="feedback.reminder",
            action="reminder",
            note=_("Nhắc hạn trả lời"),
        )
    # Overdue: the unit head and the programme office.
    for case in Case.objects.filter(
        Q(status__in=ACTIVE) | Q(status=Status.PAUSED, paused_on__gt=F("answer_due")),  # a late pause
        escalated_at__isnull=True,
        answer_due__lt=today,
    ).select_related("unit"):
        sent += _once(
            case,
            "escalated_at",
            now,
            users=_head_and_office,
            title=_("Phản ánh %(code)s đã quá hạn trả lời (%(due)s)") % _due(case),
            body=case.title,
            kind="feedback.overdue",
            action="escalated",
            note=_("Quá hạn trả lời: báo thủ trưởng đơn vị và cơ quan nội vụ"),
        )
    # The 5-working-day intake window.
    for case in Case.objects.filter(
        status=Status.NEW, forward_escalated_at__isnull=True, forward_due__lt=today
    ).select_related("unit"):
        sent += _once(
            case,
            "forward_escalated_at",
            now,
            users=_head,
            title=_("Phản ánh %(code)s quá hạn phân loại, chuyển đơn") % {"code": case.code},
            kind="feedback.intake_overdue",
            action="intake_overdue",
            note=_("Quá 5 ngày làm việc chưa quyết định tiếp nhận"),
        )
    return sent
