"""Every write of the records part: one transaction per action, full_clean before save, and a
RecordEvent for each state change (the audit log gets the field-level before → after on its own)."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.core.workdays import add_working_days
from congvu.people.models import Staff
from congvu.records.models import (
    Directive,
    DirectiveTask,
    DisciplineCase,
    DisciplineForm,
    RecordEvent,
    Reward,
    RewardTitle,
    TaskAssignment,
    TaskReport,
    WorkingRegulation,
    forms_allowed_for,
)
from congvu.units.models import Unit


def _user(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def _event(*, by, action: str, before: str = "", after: str = "", note: str = "", **target) -> RecordEvent:
    return RecordEvent.objects.create(
        actor=_user(by), action=action, before=before, after=after, note=note[:1000], **target
    )


# ---------------------------------------------------------------------------------------------------
# Rewards


@transaction.atomic
def propose_reward(
    *,
    unit: Unit,
    title: RewardTitle,
    year: int,
    reason: str,
    by,
    staff: Staff | None = None,
    collective: Unit | None = None,
    proposal_number: str = "",
    proposed_on: dt.date | None = None,
) -> Reward:
    """A unit proposes a person or a collective for a reward title."""
    if title.recipient == RewardTitle.Recipient.INDIVIDUAL and (staff is None or collective is not None):
        raise ValidationError({"staff": _("Danh hiệu này dành cho cá nhân: hãy chọn một người.")})
    if title.recipient == RewardTitle.Recipient.COLLECTIVE and (collective is None or staff is not None):
        raise ValidationError({"collective": _("Danh hiệu này dành cho tập thể: hãy chọn một đơn vị.")})
    duplicate = Reward.objects.filter(title=title, year=year, staff=staff, collective=collective).exclude(
        status=Reward.Status.REJECTED
    )
    if duplicate.exists():
        raise ValidationError(
            _("%(name)s đã được đề nghị hoặc khen thưởng %(title)s năm %(year)s.")
            % {"name": staff.full_name if staff else collective.name, "title": title.name, "year": year}
        )
    reward = Reward(
        unit=unit,
        title=title,
        year=year,
        staff=staff,
        collective=collective,
        reason=reason.strip(),
        proposal_number=proposal_number.strip(),
        proposed_on=proposed_on or timezone.localdate(),
        proposed_by=_user(by),
    )
    reward.full_clean()
    reward.save()
    _event(by=by, action="proposed", after=reward.status, reward=reward)
    return reward


@transaction.atomic
def propose_rewards(*, people, **common) -> list[Reward]:
    """One proposal per person, all or none (a unit usually proposes a list for one title)."""
    return [propose_reward(staff=person, **common) for person in people]


@transaction.atomic
def decide_rewards(*, rewards, by, deciding_body: str, decision_number: str, decision_date) -> list[Reward]:
    """One decision for several proposals, all or none."""
    return [
        decide_reward(
            reward=reward,
            approved=True,
            by=by,
            deciding_body=deciding_body,
            decision_number=decision_number,
            decision_date=decision_date,
        )
        for reward in rewards
    ]


@transaction.atomic
def decide_reward(
    *,
    reward: Reward,
    approved: bool,
    by,
    deciding_body: str = "",
    decision_number: str = "",
    decision_date: dt.date | None = None,
    note: str = "",
) -> Reward:
    """The competent body's answer to a proposal: a reward decision, or a refusal with its reason."""
    reward = Reward.objects.select_for_update().get(pk=reward.pk)
    if reward.status != Reward.Status.PROPOSED:
        raise ValidationError(_("Đề nghị này đã được xử lý."))
    before = reward.status
    if approved:
        errors = {}
        if not deciding_body.strip():
            errors["deciding_body"] = _("Hãy ghi cấp quyết định khen thưởng.")
        if not decision_number.strip():
            errors["decision_number"] = _("Hãy ghi số quyết định.")
        if decision_date is None:
            errors["decision_date"] = _("Hãy ghi ngày quyết định.")
        elif decision_date < reward.proposed_on:
            errors["decision_date"] = _("Ngày quyết định không được trước ngày đề nghị.")
        if errors:
            raise ValidationError(errors)
        reward.status = Reward.Status.DECIDED
        reward.deciding_body = deciding_body.strip()
        reward.decision_number = decision_number.strip()
        reward.decision_date = decision_date
    else:
        if not note.strip():
            raise ValidationError({"note": _("Hãy ghi lý do không khen thưởng.")})
        reward.status = Reward.Status.REJECTED
        reward.decision_date = decision_date or timezone.localdate()
        reward.deciding_body = deciding_body.strip()
    reward.decision_note = note.strip()[:500]
    reward.decided_by = _user(by)
    reward.full_clean()
    reward.save()
    _event(by=by, action="decided", before=before, after=reward.status, note=note, reward=reward)
    return reward


# ---------------------------------------------------------------------------------------------------
# Discipline


@transaction.atomic
def open_discipline_case(
    *, staff: Staff, origin: str, origin_reference: str, facts: str, opened_by, origin_url: str = ""
) -> DisciplineCase:
    """Open a discipline case against `staff` (called by the inspections part for a finding whose action
    is a proposal for discipline). The case belongs to the person's current unit."""
    if origin not in DisciplineCase.Origin.values:
        raise ValidationError({"origin": _("Nguồn không hợp lệ.")})
    origin_url = (origin_url or "").strip()
    if not origin_url.startswith(("/", "https://", "http://")) or origin_url.startswith("//"):
        origin_url = ""  # only links inside the site or to the web; never javascript: or other schemes
    case = DisciplineCase(
        staff=staff,
        unit_id=staff.unit_id,
        origin=origin,
        origin_reference=(origin_reference or "").strip()[:200],
        origin_url=origin_url[:500],
        facts=(facts or "").strip(),
        opened_by=_user(opened_by),
        opened_on=timezone.localdate(),
    )
    case.full_clean()
    case.save()
    _event(by=opened_by, action="opened", after=case.status, discipline_case=case)
    return case


def _locked_case(case: DisciplineCase) -> DisciplineCase:
    return (
        DisciplineCase.objects.select_for_update(of=("self",))
        .select_related("staff__position")
        .get(pk=case.pk)
    )


@transaction.atomic
def record_discipline_meeting(
    *, case: DisciplineCase, meeting_date: dt.date, summary: str, by
) -> DisciplineCase:
    case = _locked_case(case)
    if case.status not in (DisciplineCase.Status.REVIEW, DisciplineCase.Status.MEETING):
        raise ValidationError(_("Hồ sơ đã kết thúc, không ghi thêm cuộc họp."))
    if meeting_date < case.opened_on:
        raise ValidationError({"meeting_date": _("Ngày họp không được trước ngày mở hồ sơ.")})
    if not summary.strip():
        raise ValidationError({"summary": _("Hãy ghi kết quả cuộc họp.")})
    before = case.status
    case.meeting_date = meeting_date
    case.meeting_summary = summary.strip()
    case.status = DisciplineCase.Status.MEETING
    case.full_clean()
    case.save()
    _event(by=by, action="meeting", before=before, after=case.status, discipline_case=case)
    return case


def default_effective_to(form: str, effective_from: dt.date) -> dt.date | None:
    """When the discipline stops having effect: 12 months for the lighter forms (Decree 112/2020, art. 2
    as commonly applied; editable); none for forms that end the employment or the position."""
    if form in (DisciplineForm.BUOC_THOI_VIEC, DisciplineForm.CACH_CHUC):
        return None
    return effective_from + relativedelta(months=12) - dt.timedelta(days=1)


@transaction.atomic
def decide_discipline(
    *,
    case: DisciplineCase,
    form: str,
    deciding_body: str,
    decision_number: str,
    decision_date: dt.date,
    effective_from: dt.date | None = None,
    effective_to: dt.date | None = None,
    by,
) -> DisciplineCase:
    case = _locked_case(case)
    if case.status not in (DisciplineCase.Status.REVIEW, DisciplineCase.Status.MEETING):
        raise ValidationError(_("Hồ sơ đã kết thúc."))
    errors = {}
    allowed = forms_allowed_for(case.staff)
    if form not in allowed:
        errors["form"] = _("Hình thức này không áp dụng cho %(person)s (%(category)s).") % {
            "person": case.staff.full_name,
            "category": case.staff.get_category_display(),
        }
    if not deciding_body.strip():
        errors["deciding_body"] = _("Hãy ghi cấp quyết định.")
    if not decision_number.strip():
        errors["decision_number"] = _("Hãy ghi số quyết định.")
    if decision_date < case.opened_on:
        errors["decision_date"] = _("Ngày quyết định không được trước ngày mở hồ sơ.")
    effective_from = effective_from or decision_date
    if effective_from < decision_date:
        errors["effective_from"] = _("Ngày có hiệu lực không được trước ngày quyết định.")
    if effective_to is None:
        effective_to = default_effective_to(form, effective_from)
    elif effective_to < effective_from:
        errors["effective_to"] = _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
    if errors:
        raise ValidationError(errors)
    before = case.status
    case.form = form
    case.deciding_body = deciding_body.strip()
    case.decision_number = decision_number.strip()
    case.decision_date = decision_date
    case.effective_from = effective_from
    case.effective_to = effective_to
    case.status = DisciplineCase.Status.DECIDED
    case.full_clean()
    case.save()
    _event(
        by=by,
        action="decided",
        before=before,
        after=case.status,
        note=str(DisciplineForm(form).label),
        discipline_case=case,
    )
    return case


@transaction.atomic
def dismiss_discipline(*, case: DisciplineCase, note: str, by) -> DisciplineCase:
    case = _locked_case(case)
    if case.status not in (DisciplineCase.Status.REVIEW, DisciplineCase.Status.MEETING):
        raise ValidationError(_("Hồ sơ đã kết thúc."))
    if not note.strip():
        raise ValidationError({"note": _("Hãy ghi lý do không kỷ luật.")})
    before = case.status
    case.status = DisciplineCase.Status.DISMISSED
    case.closing_note = note.strip()
    case.full_clean()
    case.save()
    _event(by=by, action="dismissed", before=before, after=case.status, note=note, discipline_case=case)
    return case


# ---------------------------------------------------------------------------------------------------
# Working regulations


@transaction.atomic
def issue_regulation(
    *,
    unit: Unit,
    kind: str,
    title: str,
    number: str,
    signed_on: dt.date,
    valid_from: dt.date | None = None,
    by,
    file=None,
    amends: WorkingRegulation | None = None,
    note: str = "",
) -> WorkingRegulation:
    """Record a unit's regulation: a first one, a replacement (closes the one in force the day before),
    or an amendment of the one in force."""
    valid_from = valid_from or signed_on
    errors = {}
    if valid_from < signed_on:
        errors["valid_from"] = _("Ngày có hiệu lực không được trước ngày ban hành.")
    current = list(
        WorkingRegulation.objects.select_for_update()
        .filter(unit=unit)
        .in_force(valid_from)
        .order_by("-valid_from")
    )
    later = WorkingRegulation.objects.filter(
        unit=unit, kind__in=WorkingRegulation.BASE_KINDS, valid_from__gt=valid_from
    ).exists()
    replaces = None
    if kind == WorkingRegulation.Kind.AMENDMENT:
        amends = amends or (current[0] if current else None)
        if amends is None or amends.unit_id != unit.pk:
            errors["amends"] = _("Đơn vị chưa có quy chế có hiệu lực để sửa đổi, bổ sung.")
        elif not amends.is_in_force(valid_from):
            errors["amends"] = _("Quy chế được sửa đổi không còn hiệu lực vào ngày này.")
    elif kind == WorkingRegulation.Kind.ISSUED:
        if current:
            errors["kind"] = _("Đơn vị đang có quy chế có hiệu lực: hãy chọn “Ban hành thay thế”.")
        amends = None
    elif kind == WorkingRegulation.Kind.REPLACEMENT:
        if not current:
            errors["kind"] = _("Đơn vị chưa có quy chế có hiệu lực để thay thế: hãy chọn “Ban hành mới”.")
        elif current[0].valid_from >= valid_from:
            errors["valid_from"] = _("Quy chế thay thế phải có hiệu lực sau quy chế hiện hành.")
        else:
            replaces = current[0]
        amends = None
    else:
        errors["kind"] = _("Loại văn bản không hợp lệ.")
    if later and kind != WorkingRegulation.Kind.AMENDMENT:
        errors["valid_from"] = _("Đã có quy chế có hiệu lực sau ngày này; không thể chèn vào giữa.")
    if errors:
        raise ValidationError(errors)
    if replaces is not None:
        previous_end = replaces.valid_to
        replaces.valid_to = valid_from - dt.timedelta(days=1)
        replaces.full_clean()
        replaces.save()
        _event(
            by=by,
            action="replaced",
            before=previous_end.isoformat() if previous_end else "",
            after=replaces.valid_to.isoformat(),
            regulation=replaces,
        )
    regulation = WorkingRegulation(
        unit=unit,
        kind=kind,
        title=title.strip(),
        number=number.strip(),
        signed_on=signed_on,
        valid_from=valid_from,
        amends=amends,
        replaces=replaces,
        note=note.strip(),
        created_by=_user(by),
    )
    if file:
        regulation.file = file
    regulation.full_clean()
    regulation.save()
    _event(by=by, action="issued", after=kind, regulation=regulation)
    return regulation


@transaction.atomic
def end_regulation(*, regulation: WorkingRegulation, valid_to: dt.date, note: str, by) -> WorkingRegulation:
    """Repeal a regulation without a replacement (the unit is then flagged as lacking one)."""
    regulation = WorkingRegulation.objects.select_for_update().get(pk=regulation.pk)
    if regulation.kind == WorkingRegulation.Kind.AMENDMENT:
        raise ValidationError(_("Chỉ bãi bỏ quy chế, không bãi bỏ riêng văn bản sửa đổi."))
    if regulation.valid_to is not None:
        raise ValidationError(_("Quy chế này đã hết hiệu lực."))
    if valid_to < regulation.valid_from:
        raise ValidationError({"valid_to": _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")})
    regulation.valid_to = valid_to
    regulation.full_clean()
    regulation.save()
    _event(by=by, action="repealed", after=valid_to.isoformat(), note=note, regulation=regulation)
    return regulation


# ---------------------------------------------------------------------------------------------------
# Plans and directives


@transaction.atomic
def register_directive(
    *,
    unit: Unit,
    doc_type: str,
    issuing_body: str,
    number: str,
    issued_on: dt.date,
    title: str,
    by,
    file=None,
) -> Directive:
    directive = Directive(
        unit=unit,
        doc_type=doc_type,
        issuing_body=issuing_body.strip(),
        number=number.strip(),
        issued_on=issued_on,
        title=title.strip(),
        created_by=_user(by),
    )
    if file:
        directive.file = file
    directive.full_clean()
    directive.save()
    _event(by=by, action="registered", directive=directive)
    return directive


@transaction.atomic
def add_task(
    *,
    directive: Directive,
    title: str,
    units,
    by,
    description: str = "",
    deadline: dt.date | None = None,
    working_days: int | None = None,
    assigned_on: dt.date | None = None,
) -> DirectiveTask:
    """A task of the directive, assigned to each unit with the same deadline (a date, or a number of
    working days from the day it is assigned)."""
    assigned_on = assigned_on or timezone.localdate()
    units = list(units)
    errors = {}
    if not units:
        errors["units"] = _("Hãy chọn ít nhất một đơn vị thực hiện.")
    if deadline is None and not working_days:
        errors["deadline"] = _("Hãy ghi hạn hoàn thành (ngày hoặc số ngày làm việc).")
    if deadline is not None and working_days:
        errors["deadline"] = _("Chỉ ghi một trong hai: ngày hạn hoặc số ngày làm việc.")
    if working_days:
        deadline = add_working_days(assigned_on, working_days)
    if deadline is not None and deadline < assigned_on:
        errors["deadline"] = _("Hạn hoàn thành không được trước ngày giao.")
    if errors:
        raise ValidationError(errors)
    order = (directive.tasks.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    task = DirectiveTask(
        directive=directive, title=title.strip(), description=description.strip(), order=order
    )
    task.full_clean()
    task.save()
    for unit in units:
        assignment = TaskAssignment(
            task=task,
            unit=unit,
            assigned_on=assigned_on,
            deadline=deadline,
            deadline_working_days=working_days or None,
        )
        assignment.full_clean()
        assignment.save()
        _event(by=by, action="assigned", after=assignment.status, assignment=assignment, directive=directive)
    return task


@transaction.atomic
def report_task(
    *,
    assignment: TaskAssignment,
    text: str,
    is_final: bool,
    by,
    evidence=None,
    reported_on: dt.date | None = None,
) -> TaskReport:
    """The unit reports progress, or its result (asking the directive's office to accept it)."""
    assignment = TaskAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status == TaskAssignment.Status.ACCEPTED:
        raise ValidationError(_("Nhiệm vụ đã được nghiệm thu."))
    if not text.strip():
        raise ValidationError({"text": _("Hãy ghi nội dung báo cáo.")})
    reported_on = reported_on or timezone.localdate()
    if reported_on < assignment.assigned_on:
        raise ValidationError({"reported_on": _("Ngày báo cáo không được trước ngày giao.")})
    report = TaskReport(
        assignment=assignment,
        text=text.strip(),
        is_final=is_final,
        reported_on=reported_on,
        reported_by=_user(by),
    )
    if evidence:
        report.evidence = evidence
    report.full_clean()
    report.save()
    before = assignment.status
    if is_final:
        assignment.status = TaskAssignment.Status.REPORTED
        assignment.completed_on = reported_on
        assignment.full_clean()
        assignment.save()
    _event(
        by=by,
        action="reported_final" if is_final else "reported",
        before=before,
        after=assignment.status,
        assignment=assignment,
    )
    return report


@transaction.atomic
def review_task(
    *, assignment: TaskAssignment, accept: bool, by, note: str = "", on: dt.date | None = None
) -> TaskAssignment:
    """The directive's office accepts the result, or returns it for more work."""
    assignment = TaskAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status != TaskAssignment.Status.REPORTED:
        raise ValidationError(_("Chỉ nghiệm thu nhiệm vụ đã báo cáo hoàn thành."))
    before = assignment.status
    if accept:
        assignment.status = TaskAssignment.Status.ACCEPTED
        assignment.accepted_on = on or timezone.localdate()
    else:
        if not note.strip():
            raise ValidationError({"note": _("Hãy ghi nội dung cần bổ sung.")})
        assignment.status = TaskAssignment.Status.RETURNED
        assignment.completed_on = None
    assignment.review_note = note.strip()[:1000]
    assignment.full_clean()
    assignment.save()
    _event(
        by=by,
        action="accepted" if accept else "returned",
        before=before,
        after=assignment.status,
        note=note,
        assignment=assignment,
    )
    return assignment
