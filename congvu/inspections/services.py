"""Every write of the inspections part: one transaction per action, an event row per state change."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.core.events import record_event
from congvu.core.notifications import notify
from congvu.core.uploads import IMAGE, OFFICE, PDF, cleaned_upload
from congvu.core.workdays import add_working_days
from congvu.discipline.services import open_discipline_case
from congvu.inspections import selectors
from congvu.inspections.checklist import default_template_version
from congvu.inspections.models import (
    ChecklistItem,
    ChecklistSection,
    DisciplineProposal,
    Finding,
    InspectionEvent,
    InspectionPlan,
    RemedialTask,
    Reminder,
    Round,
    TaskEvidence,
    TeamMember,
    TemplateVersion,
    Visit,
    VisitAnswer,
    VisitPhoto,
)

PHOTO_MAX_BYTES = 8 * 1024 * 1024


def _step(record: Visit | RemedialTask, action, *, by=None, before="", after="", note="") -> InspectionEvent:
    """A step of a visit or a task; the event also names the visit's round, or the task's finding."""
    context = {"round": record.round} if isinstance(record, Visit) else {"finding": record.finding}
    return record_event(
        record,
        action,
        unit=record.unit,
        by=by,
        before=before or None,
        after=after or None,
        note=note,
        **context,
    )


def _locked(model, record, statuses, refusal):
    """`record` again, locked for the change, when it is in one of `statuses`; else `refusal`."""
    record = model.objects.select_for_update().get(pk=record.pk)
    if record.status not in statuses:
        raise ValidationError(refusal)
    return record


def _move(record: Visit | RemedialTask, status, action, *, by=None, note="", **fields):
    """Put the visit or task in `status` (with `fields` set) and write the step."""
    before = record.status
    record.status = status
    for name, value in fields.items():
        setattr(record, name, value)
    record.save()
    _step(record, action, by=by, before=before, after=record.status, note=note)
    return record


def _saved(instance):
    instance.full_clean()
    instance.save()
    return instance


# Plans, rounds, teams, visits ---------------------------------------------------------------------


@transaction.atomic
def create_plan(*, unit, year: int, title: str, decision_number: str = "", decision_date=None, by=None):
    plan = _saved(
        InspectionPlan(
            unit=unit, year=year, title=title, decision_number=decision_number, decision_date=decision_date
        )
    )
    record_event(plan, "plan_created", unit=unit, by=by, after=str(year), note=title)
    return plan


@transaction.atomic
def create_round(
    *,
    plan: InspectionPlan,
    title: str,
    start_date: dt.date,
    end_date: dt.date,
    team_decision_number: str = "",
    team_decision_date=None,
    announced: bool = True,
    template_version: TemplateVersion | None = None,
    number: int | None = None,
    by=None,
) -> Round:
    if end_date < start_date:
        raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    if template_version is None:
        template_version = default_template_version()
    if not template_version.is_published:
        raise ValidationError({"template_version": _("Chỉ dùng được phiên bản bộ tiêu chí đã ban hành.")})
    if number is None:
        number = (plan.rounds.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    round_ = _saved(
        Round(
            plan=plan,
            unit=plan.unit,
            number=number,
            title=title,
            start_date=start_date,
            end_date=end_date,
            team_decision_number=team_decision_number,
            team_decision_date=team_decision_date,
            announced=announced,
            template_version=template_version,
        )
    )
    record_event(round_, "round_created", unit=plan.unit, by=by, after=f"{number}", note=title)
    return round_


@transaction.atomic
def add_member(
    *, round: Round, user, role: str = TeamMember.Role.MEMBER, title: str = "", by=None
) -> TeamMember:
    if role == TeamMember.Role.HEAD:
        previous = round.members.filter(role=TeamMember.Role.HEAD).exclude(user=user)
        for member in previous:
            member.role = TeamMember.Role.MEMBER
            member.save()
    member, created = TeamMember.objects.get_or_create(
        round=round, user=user, defaults={"role": role, "title": title}
    )
    if not created and (member.role != role or (title and member.title != title)):
        member.role, member.title = role, title or member.title
        member.save()
    record_event(round, "member_added", unit=round.unit, by=by, after=role, note=str(user))
    return member


@transaction.atomic
def remove_member(*, member: TeamMember, by=None) -> None:
    round_ = member.round
    record_event(round_, "member_removed", unit=round_.unit, by=by, before=member.role, note=str(member.user))
    member.delete()


@transaction.atomic
def schedule_visit(*, round: Round, unit, date: dt.date, by=None) -> Visit:
    if not (round.start_date <= date <= round.end_date):
        raise ValidationError({"date": _("Ngày kiểm tra phải nằm trong thời gian của đợt.")})
    if Visit.objects.filter(round=round, unit=unit, date=date).exists():
        raise ValidationError({"unit": _("Đơn vị này đã có lượt kiểm tra vào ngày đó trong đợt.")})
    visit = _saved(Visit(round=round, unit=unit, date=date, template_version=round.template_version))
    _step(visit, "visit_scheduled", by=by, after=Visit.Status.PLANNED)
    return visit


@transaction.atomic
def cancel_visit(*, visit: Visit, by=None) -> None:
    if visit.status != Visit.Status.PLANNED:
        raise ValidationError(_("Chỉ hủy được lượt kiểm tra chưa ghi nhận."))
    # The visit goes away with its own timeline: the step stays on the round's.
    record_event(visit.round, "visit_cancelled", unit=visit.unit, by=by, before=visit.status, note=str(visit))
    visit.delete()


# Recording a visit ------------------------------------------------------------------------------


@transaction.atomic
def save_answers(
    *,
    visit: Visit,
    answers: dict[int, dict],
    summary: str | None = None,
    representative: str | None = None,
    by=None,
    base_revision: int | None = None,
    save_key: str = "",
) -> Visit:
    """Store the inspector's answers ({item_id: {"result", "note", "officials": [staff ids]}}).

    Only while the visit is open; a draft sent again after a dropped connection simply overwrites the
    same rows (the last save wins), so a retried request never duplicates anything.
    """
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    save_key = (save_key or "")[:64]
    if save_key and save_key == visit.last_save_key:
        return visit  # the same save sent again after its answer was lost: already applied
    if visit.status not in (Visit.Status.PLANNED, Visit.Status.DRAFT):
        raise ValidationError(_("Lượt kiểm tra đã gửi hoặc đã kết thúc, không sửa được nữa."))
    if base_revision is not None and base_revision != visit.revision:
        raise ValidationError(
            _(
                "Một thành viên khác đã lưu kết quả mới hơn cho lượt kiểm tra này. Nhấn Lưu lần nữa để ghi đè "
                "bằng bản trên máy này, hoặc tải lại trang để xem bản mới."
            ),
            code="conflict",
        )
    items = {item.pk: item for item in selectors.items_of(visit.template_version)}
    allowed = set(selectors.officials_for_visit(visit).values_list("pk", flat=True))
    errors = {}
    for item_id, data in answers.items():
        if item_id not in items:
            errors[f"item_{item_id}"] = _("Tiêu chí không thuộc bộ tiêu chí của lượt kiểm tra.")
            continue
        if data.get("result") not in VisitAnswer.Result.values:
            errors[f"item_{item_id}"] = _("Chọn Đạt, Không đạt hoặc Không áp dụng.")
        unknown = set(data.get("officials") or []) - allowed
        if unknown:
            errors[f"officials_{item_id}"] = _("Cán bộ được chọn không thuộc đơn vị được kiểm tra.")
    if errors:
        raise ValidationError(errors)
    existing = {answer.item_id: answer for answer in visit.answers.all()}
    for item_id, data in answers.items():
        answer = existing.get(item_id) or VisitAnswer(visit=visit, item=items[item_id])
        answer.result = data["result"]
        answer.note = (data.get("note") or "").strip()
        answer.save()
        answer.officials.set(data.get("officials") or [])
    before = visit.status
    if summary is not None:
        visit.summary = summary.strip()
    if representative is not None:
        visit.unit_representative = representative.strip()
    visit.status = Visit.Status.DRAFT
    visit.recorded_by = by if by is not None and by.is_authenticated else visit.recorded_by
    visit.revision += 1
    visit.last_save_key = save_key
    visit.save()
    if before != visit.status:
        _step(visit, "visit_started", by=by, before=before, after=visit.status)
    else:
        _step(visit, "answers_saved", by=by, before=before, after=visit.status, note=f"{len(answers)}")
    return visit


@transaction.atomic
def add_photo(*, visit: Visit, upload, item: ChecklistItem | None = None, by=None) -> VisitPhoto:
    if visit.status not in (Visit.Status.PLANNED, Visit.Status.DRAFT, Visit.Status.SUBMITTED):
        raise ValidationError(_("Lượt kiểm tra đã kết thúc, không thêm ảnh được."))
    if item is not None and item.section.version_id != visit.template_version_id:
        raise ValidationError(_("Tiêu chí không thuộc bộ tiêu chí của lượt kiểm tra."))
    clean, _kind = cleaned_upload(upload, kinds=(IMAGE,), max_bytes=PHOTO_MAX_BYTES)
    photo = VisitPhoto(visit=visit, item=item, uploaded_by=by if by and by.is_authenticated else None)
    photo.image.save(
        f"visit-{visit.pk}-{timezone.now():%Y%m%d%H%M%S%f}.{_extension(upload)}", clean, save=False
    )
    photo.save()
    _step(visit, "photo_added", by=by, note=item.code if item else "")
    return photo


def _extension(upload) -> str:
    name = (getattr(upload, "name", "") or "").lower()
    ext = name.rsplit(".", 1)[-1] if "." in name else "jpg"
    return ext if ext in {"jpg", "jpeg", "png", "gif", "webp"} else "jpg"


@transaction.atomic
def submit_visit(*, visit: Visit, by=None) -> Visit:
    visit = _locked(Visit, visit, [Visit.Status.DRAFT], _("Chỉ gửi được lượt kiểm tra đang ghi nhận."))
    missing = selectors.unanswered_items(visit)
    if missing:
        raise ValidationError(
            _("Còn %(n)s tiêu chí chưa có kết quả: %(items)s")
            % {"n": len(missing), "items": "; ".join(item.text for item in missing[:3])}
        )
    failed_without_note = visit.answers.filter(result=VisitAnswer.Result.FAIL, note="").count()
    if failed_without_note:
        raise ValidationError(_("Mỗi tiêu chí không đạt cần ghi rõ nội dung vi phạm."))
    _move(visit, Visit.Status.SUBMITTED, "visit_submitted", by=by, submitted_at=timezone.now())
    head = visit.round.head()
    if head is not None:
        notify(
            [head],
            title=_("Lượt kiểm tra %(visit)s chờ trưởng đoàn kết thúc") % {"visit": visit},
            url=reverse("inspections:visit_detail", args=[visit.pk]),
            kind="inspection.visit_submitted",
            email=False,
        )
    return visit


@transaction.atomic
def return_visit(*, visit: Visit, note: str = "", by=None) -> Visit:
    """The team head sends a submitted visit back to the inspectors for corrections."""
    visit = _locked(Visit, visit, [Visit.Status.SUBMITTED], _("Chỉ trả lại được lượt kiểm tra đã gửi."))
    return _move(visit, Visit.Status.DRAFT, "visit_returned", by=by, note=note)


@transaction.atomic
def close_visit(*, visit: Visit, by=None, closed_at=None) -> Visit:
    """The team head closes the visit: each failed item becomes a finding; the unit head is told."""
    refusal = _("Chỉ kết thúc được lượt kiểm tra đã gửi trưởng đoàn.")
    visit = _locked(Visit, visit, [Visit.Status.SUBMITTED], refusal)
    closed_at = closed_at or timezone.now()
    _move(visit, Visit.Status.CLOSED, "visit_closed", by=by, closed_at=closed_at, closed_by=_user(by))
    failed = (
        visit.answers.filter(result=VisitAnswer.Result.FAIL)
        .select_related("item")
        .prefetch_related("officials")
    )
    for answer in failed:
        finding = finding_of(answer, visit)
        finding.officials.set(answer.officials.all())
        record_event(
            finding, "finding_opened", unit=visit.unit, visit=visit, by=by, after=Finding.Status.OPEN
        )
    from congvu.accounts.selectors import users_with_role_nearest

    notify(
        users_with_role_nearest("unit_head", visit.unit),
        title=_("Kết quả kiểm tra kỷ luật, kỷ cương hành chính ngày %(date)s")
        % {"date": f"{visit.date:%d/%m/%Y}"},
        body=_("Đoàn kiểm tra đã kết thúc lượt kiểm tra tại %(unit)s.") % {"unit": visit.unit.name},
        url=reverse("inspections:visit_detail", args=[visit.pk]),
        kind="inspection.visit_closed",
        email=False,
    )
    return visit


# Findings and remediation -----------------------------------------------------------------------


def finding_of(answer: VisitAnswer, visit: Visit, **fields) -> Finding:
    """The finding a failed answer of a closed visit becomes (the demo sets its outcome in `fields`)."""
    return Finding.objects.create(
        visit=visit,
        answer=answer,
        item=answer.item,
        unit=visit.unit,
        date=visit.date,
        severity=answer.item.default_severity,
        description=answer.note,
        **fields,
    )


@transaction.atomic
def decide_finding(
    *,
    finding: Finding,
    action: str,
    severity: str | None = None,
    officials=None,
    description: str | None = None,
    content: str = "",
    working_days: int | None = None,
    by=None,
    today: dt.date | None = None,
) -> Finding:
    """Choose what is done about a finding and carry it out in the same transaction."""
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    today = today or timezone.localdate()
    if finding.action:
        raise ValidationError(_("Phát hiện này đã có hình thức xử lý."))
    if action not in {Finding.Action.REMINDER, Finding.Action.REMEDIAL, Finding.Action.DISCIPLINE}:
        raise ValidationError({"action": _("Chọn hình thức xử lý.")})
    if severity:
        finding.severity = severity
    if description is not None:
        finding.description = description.strip() or finding.description
    if officials is not None:
        finding.officials.set(officials)
    people = list(finding.officials.all())
    content = (content or "").strip()
    if action in (Finding.Action.REMINDER, Finding.Action.DISCIPLINE) and not people:
        raise ValidationError({"officials": _("Chọn ít nhất một cán bộ liên quan.")})
    if not content:
        raise ValidationError({"content": _("Nhập nội dung.")})
    if action == Finding.Action.REMINDER:
        for staff in people:
            Reminder.objects.create(
                finding=finding,
                staff=staff,
                unit=finding.unit,
                date=today,
                content=content,
                created_by=_user(by),
            )
        finding.status = Finding.Status.CLOSED
    elif action == Finding.Action.REMEDIAL:
        if not working_days or working_days < 1 or working_days > 90:
            raise ValidationError({"working_days": _("Thời hạn từ 1 đến 90 ngày làm việc.")})
        task = RemedialTask.objects.create(
            finding=finding,
            unit=finding.unit,
            description=content,
            working_days=working_days,
            assigned_on=today,
            deadline=add_working_days(today, working_days),
        )
        _step(task, "task_assigned", by=by, after=task.status, note=f"{task.deadline:%d/%m/%Y}")
        from congvu.accounts.selectors import users_with_role_nearest

        notify(
            users_with_role_nearest("unit_head", finding.unit),
            title=_("Nhiệm vụ khắc phục sau kiểm tra, hạn %(date)s") % {"date": f"{task.deadline:%d/%m/%Y}"},
            body=content,
            url=reverse("inspections:task_detail", args=[task.pk]),
            kind="inspection.task_assigned",
            email=False,
        )
    else:
        for staff in people:
            proposal = DisciplineProposal.objects.create(
                finding=finding, staff=staff, unit=finding.unit, facts=content, created_by=_user(by)
            )
            case = open_discipline_case(
                staff=staff,
                origin="inspection",
                origin_reference=f"KT-{finding.visit_id}-{finding.pk}",
                facts=content,
                by=by,
                origin_url=reverse("inspections:finding_detail", args=[finding.pk]),
            )
            proposal.case_reference = str(case.pk)
            proposal.save()
        finding.status = Finding.Status.CLOSED
    before = finding.action
    finding.action = action
    finding.save()
    record_event(
        finding,
        "finding_decided",
        unit=finding.unit,
        visit=finding.visit,
        by=by,
        before=before or None,
        after=action,
        note=content[:200],
    )
    return finding


def _user(by):
    return by if by is not None and getattr(by, "is_authenticated", False) else None


@transaction.atomic
def report_task(
    *, task: RemedialTask, report: str, files=(), by=None, today: dt.date | None = None
) -> RemedialTask:
    """The unit reports that it has put things right, with evidence files."""
    refusal = _("Nhiệm vụ không ở trạng thái chờ đơn vị báo cáo.")
    task = _locked(RemedialTask, task, [RemedialTask.Status.OPEN], refusal)
    report = (report or "").strip()
    if not report:
        raise ValidationError({"report": _("Nhập nội dung báo cáo kết quả khắc phục.")})
    if not files and not task.evidence.exists():
        raise ValidationError({"files": _("Gửi kèm ít nhất một tệp minh chứng (ảnh, PDF, Word, Excel).")})
    for upload in files:
        clean, _kind = cleaned_upload(upload, kinds=(IMAGE, PDF, OFFICE))
        evidence = TaskEvidence(
            task=task, name=(getattr(upload, "name", "") or "minh-chung")[:200], uploaded_by=_user(by)
        )
        evidence.file.save(evidence.name, clean, save=False)
        evidence.save()
    _move(
        task,
        RemedialTask.Status.REPORTED,
        "task_reported",
        by=by,
        report=report,
        reported_on=today or timezone.localdate(),
        reported_by=_user(by),
    )
    members = [m.user for m in task.finding.visit.round.members.select_related("user")]
    notify(
        members,
        title=_("Đơn vị báo cáo kết quả khắc phục: %(unit)s") % {"unit": task.unit.name},
        url=reverse("inspections:task_detail", args=[task.pk]),
        kind="inspection.task_reported",
        email=False,
    )
    return task


@transaction.atomic
def review_task(
    *, task: RemedialTask, accept: bool, note: str = "", by=None, today: dt.date | None = None
) -> RemedialTask:
    """The inspector accepts the unit's report, or sends it back with the reason."""
    refusal = _("Chỉ nghiệm thu được nhiệm vụ đơn vị đã báo cáo.")
    task = _locked(RemedialTask, task, [RemedialTask.Status.REPORTED], refusal)
    note = (note or "").strip()
    if not accept and not note:
        raise ValidationError({"note": _("Ghi rõ lý do trả lại để đơn vị khắc phục tiếp.")})
    reviewed = {"review_note": note, "reviewed_by": _user(by)}
    if accept:
        accepted_on = today or timezone.localdate()
        _move(
            task,
            RemedialTask.Status.ACCEPTED,
            "task_accepted",
            by=by,
            note=note,
            accepted_on=accepted_on,
            **reviewed,
        )
    else:
        returned = {"returned_count": task.returned_count + 1, "reported_on": None}
        _move(task, RemedialTask.Status.OPEN, "task_returned", by=by, note=note, **returned, **reviewed)
    finding = task.finding
    if accept and not finding.tasks.exclude(status=RemedialTask.Status.ACCEPTED).exists():
        finding.status = Finding.Status.CLOSED
        finding.save()
        record_event(
            finding,
            "finding_closed",
            unit=finding.unit,
            by=by,
            before=Finding.Status.OPEN,
            after=finding.status,
        )
    if not accept:
        from congvu.accounts.selectors import users_with_role_nearest

        notify(
            users_with_role_nearest("unit_head", task.unit),
            title=_("Báo cáo khắc phục bị trả lại"),
            body=note,
            url=reverse("inspections:task_detail", args=[task.pk]),
            kind="inspection.task_returned",
            email=False,
        )
    return task


# Checklist templates ----------------------------------------------------------------------------


@transaction.atomic
def new_version(*, template, note: str = "", by=None) -> TemplateVersion:
    """A draft copy of the latest version; recorded visits keep the version they pinned."""
    if template.versions.filter(published_at__isnull=True).exists():
        raise ValidationError(_("Đã có một phiên bản nháp; hãy hoàn thiện và ban hành phiên bản đó."))
    source = template.versions.order_by("-number").first()
    version = TemplateVersion.objects.create(
        template=template, number=(source.number + 1) if source else 1, note=note
    )
    if source is not None:
        for section in source.sections.prefetch_related("items"):
            copy = ChecklistSection.objects.create(version=version, order=section.order, title=section.title)
            for item in section.items.all():
                ChecklistItem.objects.create(
                    section=copy,
                    order=item.order,
                    code=item.code,
                    text=item.text,
                    guidance=item.guidance,
                    default_severity=item.default_severity,
                    legal_basis=item.legal_basis,
                )
    return version


def _draft(version):
    if version.is_published:
        raise ValidationError(_("Phiên bản đã ban hành không sửa được; hãy tạo phiên bản mới."))


@transaction.atomic
def add_section(*, version, title: str) -> ChecklistSection:
    _draft(version)
    order = (version.sections.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    return _saved(ChecklistSection(version=version, order=order, title=title))


@transaction.atomic
def add_item(
    *, section, code: str, text: str, default_severity: str, legal_basis: str = "", guidance: str = ""
) -> ChecklistItem:
    _draft(section.version)
    if ChecklistItem.objects.filter(section__version=section.version, code=code).exists():
        raise ValidationError({"code": _("Mã tiêu chí đã có trong phiên bản này.")})
    order = (section.items.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    return _saved(
        ChecklistItem(
            section=section,
            order=order,
            code=code,
            text=text,
            default_severity=default_severity,
            legal_basis=legal_basis,
            guidance=guidance,
        )
    )


@transaction.atomic
def remove_item(*, item) -> None:
    _draft(item.section.version)
    item.delete()


@transaction.atomic
def publish_version(*, version) -> TemplateVersion:
    _draft(version)
    if not ChecklistItem.objects.filter(section__version=version).exists():
        raise ValidationError(_("Phiên bản chưa có tiêu chí nào."))
    version.published_at = timezone.now()
    version.save()
    return version


def require(condition: bool):
    if not condition:
        raise PermissionDenied
