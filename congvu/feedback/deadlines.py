"""A case's deadlines and their history: set at receipt, extended once before they run out, stopped by a
timely pause, and every step done after its deadline recorded as late.

The history is `DeadlineStep` rows, written only here and only added, never edited. `Case.answer_due`
is the deadline in force now; the rules below never let it move once it has run out, so the answer is
judged against the deadline that was in force when it ran (stored as `Case.answered_late`).
"""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.core.events import record_event
from congvu.core.spreadsheets import dmy
from congvu.core.workdays import add_working_days, working_days_elapsed
from congvu.feedback import rulebook
from congvu.feedback.models import DeadlineStep, Decision

LEGAL_FORWARD_DAYS = 5  # Decree 20/2008 Art. 9.1.d
FORWARDING = (Decision.OUTSIDE, Decision.OFFICIAL_CONDUCT)


def _date(day):
    return dmy(day) or "—"


def _step(case, kind, deadline, *, by=None, at=None, **fields):
    acting = by if by is not None and getattr(by, "is_authenticated", False) else None
    step = DeadlineStep(
        case=case,
        kind=kind,
        deadline=deadline,
        by=acting,
        by_name=acting.display_name if acting else "",
        at=at or timezone.now(),
        **fields,
    )
    step.full_clean(exclude=["case", "by", "deadline_rule"])
    step.save()
    return step


def check_forward_days(days: int):
    """A deadline rule may shorten the 5-working-day forwarding window, never lengthen it."""
    if not 1 <= days <= LEGAL_FORWARD_DAYS:
        rulebook.FORWARD_IN_5_DAYS.refuse(
            _("Hạn phân loại, chuyển đơn từ 1 đến %(n)s ngày làm việc kể từ ngày tiếp nhận.")
            % {"n": LEGAL_FORWARD_DAYS},
            field="forward_days",
        )


def receipt_deadlines(rule, received_day: dt.date) -> tuple[dt.date, dt.date]:
    """The forwarding and answer deadlines of a case received on `received_day` under `rule`."""
    forward_days = min(rule.forward_days, LEGAL_FORWARD_DAYS)
    return add_working_days(received_day, forward_days), add_working_days(received_day, rule.answer_days)


def record_receipt(case, rule, *, by=None):
    """The two legal deadlines at receipt, with the rule they came from: kept forever."""
    rule_pk = getattr(rule, "pk", None)
    common = {"by": by, "at": case.received_at, "before": None, "deadline_rule_id": rule_pk}
    _step(
        case,
        DeadlineStep.Kind.SET,
        DeadlineStep.Deadline.FORWARD,
        after=case.forward_due,
        working_days=min(rule.forward_days, LEGAL_FORWARD_DAYS),
        rule_code=rulebook.FORWARD_IN_5_DAYS.code,
        **common,
    )
    _step(
        case,
        DeadlineStep.Kind.SET,
        DeadlineStep.Deadline.ANSWER,
        after=case.answer_due,
        working_days=rule.answer_days,
        rule_code=rulebook.ANSWER_DEADLINE.code,
        **common,
    )


def answer_deadline_ran_out(case, today: dt.date) -> bool:
    """Past the deadline in force, unless a pause that began in time stopped the clock."""
    return case.answer_due is not None and today > case.answer_due and not case.paused_in_time


def _late(case, kind, deadline, due, *, by, at, rule):
    _step(case, kind, deadline, by=by, at=at, before=due, after=due, rule_code=rule.code)
    record_event(
        case,
        "late_step",
        by=by,
        after=str(DeadlineStep.Kind(kind).label),
        note=_("Hạn: %(due)s; thực hiện ngày %(day)s (%(rule)s)")
        % {"due": _date(due), "day": _date(timezone.localdate(at)), "rule": rule.citation()},
    )


def record_intake_step(case, *, by, now=None, decision: str = ""):
    """The intake decision (or the redirect of a complaint) is dated; after `forward_due` it is late,
    and a late forwarding is recorded as such (Art. 9.1.d)."""
    now = now or timezone.now()
    case.intake_decided_at = now
    case.intake_late = bool(case.forward_due and timezone.localdate(now) > case.forward_due)
    if case.intake_late:
        kind = DeadlineStep.Kind.LATE_FORWARDING if decision in FORWARDING else DeadlineStep.Kind.LATE_INTAKE
        _late(
            case,
            kind,
            DeadlineStep.Deadline.FORWARD,
            case.forward_due,
            by=by,
            at=now,
            rule=rulebook.FORWARD_IN_5_DAYS,
        )


def check_extension_before_deadline(case, today: dt.date):
    if answer_deadline_ran_out(case, today):
        rulebook.EXTEND_BEFORE_DEADLINE.refuse(
            _("Hạn trả lời %(due)s đã hết; không thể gia hạn sau khi đã quá hạn.")
            % {"due": _date(case.answer_due)},
            field="days",
        )


def check_single_extension(case, reason: str):
    if case.extended or case.deadline_steps.filter(kind=DeadlineStep.Kind.EXTENDED).exists():
        rulebook.EXTEND_ONCE.refuse(_("Phản ánh chỉ được gia hạn một lần."), field="days")
    if not reason.strip():
        rulebook.EXTEND_ONCE.refuse(_("Nêu lý do gia hạn."), field="reason")


def check_extension_length(case, days: int, rule):
    if not 1 <= days <= rule.max_extension:
        rulebook.EXTENSION_MAXIMUM.refuse(
            _("Số ngày gia hạn từ 1 đến %(n)s ngày làm việc.") % {"n": rule.max_extension}, field="days"
        )


def extend(case, *, by, days: int, reason: str, rule, today: dt.date):
    """Move the answer deadline once, before it runs out, within the province's maximum."""
    check_extension_before_deadline(case, today)
    check_single_extension(case, reason)
    check_extension_length(case, days, rule)
    old = case.answer_due
    case.answer_due = add_working_days(old or today, days)
    _step(
        case,
        DeadlineStep.Kind.EXTENDED,
        DeadlineStep.Deadline.ANSWER,
        by=by,
        before=old,
        after=case.answer_due,
        working_days=days,
        reason=reason.strip(),
        rule_code=rulebook.EXTENSION_MAXIMUM.code,
        deadline_rule_id=getattr(rule, "pk", None),
    )
    return old


def record_pause(case, *, by, reason: str, today: dt.date):
    """A row for the pause; one begun after the deadline ran out is marked as stopping nothing."""
    late = answer_deadline_ran_out(case, today)
    _step(
        case,
        DeadlineStep.Kind.PAUSED,
        DeadlineStep.Deadline.ANSWER,
        by=by,
        before=case.answer_due,
        after=case.answer_due,
        reason=reason.strip(),
        rule_code=rulebook.LATE_PAUSE.code if late else "",
        in_force=not late,
    )


def deadline_after_resume(case, today: dt.date):
    """The deadline once the sender's information came in: moved by the working days spent waiting
    when the pause began in time, unchanged when it began after the deadline ran out."""
    if not case.paused_in_time:
        return case.answer_due, 0
    waited = working_days_elapsed(case.paused_on, today)
    return (add_working_days(case.answer_due, waited) if waited else case.answer_due), waited


def resume(case, *, by, today: dt.date):
    old = case.answer_due
    timely = case.paused_in_time
    case.answer_due, waited = deadline_after_resume(case, today)
    _step(
        case,
        DeadlineStep.Kind.RESUMED,
        DeadlineStep.Deadline.ANSWER,
        by=by,
        before=old,
        after=case.answer_due,
        working_days=waited,
        rule_code="" if timely else rulebook.LATE_PAUSE.code,
        in_force=timely,
        reason="" if timely else _("Tạm dừng bắt đầu sau khi đã quá hạn: hạn không được lùi."),
    )
    return old


def record_answer_step(case, *, by, now: dt.datetime):
    """Judge the answer against the deadline in force (it cannot have moved after running out) and
    store the result; a late answer is also a row and a timeline step."""
    due = case.answer_due
    case.answered_late = bool(due and timezone.localdate(now) > due)
    if case.answered_late:
        _late(
            case,
            DeadlineStep.Kind.LATE_ANSWER,
            DeadlineStep.Deadline.ANSWER,
            due,
            by=by,
            at=now,
            rule=rulebook.ON_TIME_AGAINST_DEADLINE_IN_FORCE,
        )


def check_merge_keeps_lateness(case, today: dt.date):
    """A merged duplicate leaves the figures: once its deadline ran out it must be answered instead."""
    if answer_deadline_ran_out(case, today):
        rulebook.LATENESS_STAYS.refuse(
            _("Phản ánh đã quá hạn trả lời (%(due)s), không thể gộp; cần trả lời phản ánh này.")
            % {"due": _date(case.answer_due)},
            field="into",
        )
