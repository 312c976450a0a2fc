"""Staff pages of the inspections part. Views parse input, call one service or selector, and render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congvu.accounts.decorators import staff_required
from congvu.accounts.models import Role
from congvu.accounts.scope import get_scoped_or_404, has_role, scoped_units, unit_in_scope
from congvu.core.edge import ascii_id
from congvu.core.forms import apply_errors
from congvu.core.formviews import submit
from congvu.core.pagination import paginate
from congvu.core.spreadsheets import xlsx_response
from congvu.core.uploads import protected_file_response
from congvu.inspections import documents, forms, selectors, services
from congvu.inspections.models import (
    ChecklistItem,
    ChecklistTemplate,
    Finding,
    RemedialTask,
    TaskEvidence,
    TeamMember,
    TemplateVersion,
    Visit,
    VisitAnswer,
    VisitPhoto,
)

ORGANISERS = (Role.PROGRAMME_OFFICE, Role.INSPECTOR, Role.LEADERSHIP, Role.SYSTEM_ADMIN)
PLANNERS = (Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN)
ANYONE = (Role.UNIT_HEAD, *ORGANISERS)


def _error_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _can_plan(user, round_) -> bool:
    return unit_in_scope(user, round_.unit, PLANNERS)


# Plans and rounds -------------------------------------------------------------------------------


@staff_required(*ANYONE)
def index(request):
    """The programme's inspection work: plans and rounds in scope, and what waits for the user."""
    return render(
        request,
        "inspections/index.html",
        {
            **selectors.work_of(request.user),
            "can_plan": has_role(request.user, *PLANNERS),
            "is_organiser": has_role(request.user, *ORGANISERS),
            "today": timezone.localdate(),
        },
    )


@staff_required(*PLANNERS)
def plan_create(request):
    form = forms.PlanForm(request.POST or None, units=scoped_units(request.user, PLANNERS).current())
    plan = submit(
        request,
        form,
        lambda data: services.create_plan(**data, by=request.user),
        success=_("Đã tạo kế hoạch kiểm tra."),
    )
    if plan:
        return redirect("inspections:plan_detail", pk=plan.pk)
    return render(request, "inspections/plan_form.html", {"form": form})


@staff_required(*ORGANISERS)
def plan_detail(request, pk):
    plan = get_object_or_404(selectors.plans_for(request.user), pk=pk)
    form = forms.RoundForm(initial={"template_version": _default_version_id()})
    return _plan_page(request, plan, form, can_plan=unit_in_scope(request.user, plan.unit, PLANNERS))


def _plan_page(request, plan, form, *, can_plan, status=200):
    rounds = selectors.plan_rounds(plan)
    context = {"plan": plan, "rounds": rounds, "form": form, "can_plan": can_plan}
    return render(request, "inspections/plan_detail.html", context, status=status)


def _default_version_id():
    from congvu.inspections.checklist import default_template_version

    return default_template_version().pk


@staff_required(*PLANNERS)
@require_POST
def round_create(request, pk):
    plan = get_scoped_or_404(selectors.plans_for(request.user), request.user, roles=PLANNERS, pk=pk)
    form = forms.RoundForm(request.POST)
    round_ = submit(
        request,
        form,
        lambda data: services.create_round(plan=plan, **data, by=request.user),
        success=_("Đã tạo đợt kiểm tra."),
    )
    if round_:
        return redirect("inspections:round_detail", pk=round_.pk)
    return _plan_page(request, plan, form, can_plan=True, status=400)


def _round_or_404(request, pk, roles=None):
    """A round the user may see; with `roles`, one organised in the scope of those roles."""
    if roles is None:
        return get_object_or_404(selectors.rounds_for(request.user), pk=pk)
    return get_scoped_or_404(selectors.rounds_for(request.user), request.user, roles=roles, pk=pk)


def _round_context(request, round_, member_form=None, visit_form=None):
    units = scoped_units(request.user, PLANNERS).current(round_.start_date).order_by("path")
    return {
        "round": round_,
        "members": round_.members.select_related("user", "user__staff"),
        "visits": selectors.round_summary(round_),
        "can_plan": _can_plan(request.user, round_),
        "member_form": member_form or forms.MemberForm(units=scoped_units(request.user, PLANNERS)),
        "visit_form": visit_form or forms.VisitScheduleForm(units=units, initial={"date": round_.start_date}),
        "is_member": selectors.is_member(request.user, round_),
    }


@staff_required(*ORGANISERS)
def round_detail(request, pk):
    round_ = _round_or_404(request, pk)
    return render(request, "inspections/round_detail.html", _round_context(request, round_))


@staff_required(*PLANNERS)
@require_POST
def member_add(request, pk):
    round_ = _round_or_404(request, pk, PLANNERS)
    form = forms.MemberForm(request.POST, units=scoped_units(request.user, PLANNERS))
    success = _("Đã cập nhật thành viên đoàn.")
    return _round_form(request, round_, form, "member_form", services.add_member, success)


def _round_form(request, round_, form, name, service, success):
    """A form posted on the round's page: `service(round=..., by=..., **data)`, then back to the page, or
    the page again with the form (`name` in the page's context) showing why not."""
    if submit(request, form, lambda data: service(round=round_, **data, by=request.user), success=success):
        return redirect("inspections:round_detail", pk=round_.pk)
    context = _round_context(request, round_, **{name: form})
    return render(request, "inspections/round_detail.html", context, status=400)


@staff_required(*PLANNERS)
@require_POST
def member_remove(request, pk, member_pk):
    round_ = _round_or_404(request, pk, PLANNERS)
    member = get_object_or_404(TeamMember, pk=member_pk, round=round_)
    services.remove_member(member=member, by=request.user)
    messages.success(request, _("Đã cập nhật thành viên đoàn."))
    return redirect("inspections:round_detail", pk=round_.pk)


@staff_required(*PLANNERS)
@require_POST
def visit_cancel(request, pk):
    visit = get_scoped_or_404(
        selectors.visits_for(request.user), request.user, "round__unit", roles=PLANNERS, pk=pk
    )
    round_id = visit.round_id
    try:
        services.cancel_visit(visit=visit, by=request.user)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("Đã hủy lượt kiểm tra."))
    return redirect("inspections:round_detail", pk=round_id)


@staff_required(*PLANNERS)
@require_POST
def visit_schedule(request, pk):
    round_ = _round_or_404(request, pk, PLANNERS)
    units = scoped_units(request.user, PLANNERS).current(round_.start_date)
    form = forms.VisitScheduleForm(request.POST, units=units)
    success = _("Đã thêm lượt kiểm tra.")
    return _round_form(request, round_, form, "visit_form", services.schedule_visit, success)


@staff_required(*ORGANISERS)
def round_report(request, pk):
    round_ = _round_or_404(request, pk)
    return documents.round_report_response(round_)


# Visits -----------------------------------------------------------------------------------------


def _filtered_visits(request):
    form = forms.RegisterFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form, selectors.register_visits(request.user, **filters)


@staff_required(*ANYONE)
def visit_list(request):
    form, visits = _filtered_visits(request)
    page = paginate(request, visits)
    return render(
        request, "inspections/visit_list.html", {"form": form, "page": page, "total": page.paginator.count}
    )


@staff_required(*ANYONE)
def visit_register(request):
    _form, visits = _filtered_visits(request)
    return xlsx_response(documents.visits_register(visits), "so-theo-doi-kiem-tra")


def _visit_or_404(request, pk):
    return get_object_or_404(selectors.visits_for(request.user), pk=pk)


@staff_required(*ANYONE)
def visit_detail(request, pk):
    visit = _visit_or_404(request, pk)
    sections, answers = selectors.checklist_sections(visit)
    round_ = visit.round
    return render(
        request,
        "inspections/visit_detail.html",
        {
            "visit": visit,
            "sections": sections,
            "answers": answers,
            "photos": visit.photos.select_related("item"),
            "findings": visit.findings.select_related("item").prefetch_related("officials", "tasks"),
            "events": visit.events.all(),
            "is_member": selectors.is_member(request.user, round_),
            "is_head": selectors.is_head(request.user, round_),
            "members": round_.members.select_related("user"),
        },
    )


def _parse_answers(post, visit) -> dict[int, dict]:
    answers = {}
    for item in selectors.items_of(visit.template_version):
        result = post.get(f"result_{item.pk}", "")
        if not result:
            continue
        officials = []
        for part in (post.get(f"officials_{item.pk}") or "").split(","):
            part = part.strip()
            if ascii_id(part) is not None:
                officials.append(ascii_id(part))
        answers[item.pk] = {
            "result": result,
            "note": post.get(f"note_{item.pk}", "")[:4000],
            "officials": officials,
        }
    return answers


def _wants_json(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch" or "application/json" in request.headers.get(
        "Accept", ""
    )


@staff_required(*ORGANISERS)
def visit_record(request, pk):
    """The checklist on a phone: large controls, officials search, photos, a draft kept on the device."""
    visit = _visit_or_404(request, pk)
    if not selectors.is_member(request.user, visit.round):
        raise PermissionDenied
    errors = []
    if request.method == "POST":
        revision = request.POST.get("revision", "")
        try:
            visit = services.save_answers(
                visit=visit,
                answers=_parse_answers(request.POST, visit),
                summary=request.POST.get("summary", "")[:4000],
                representative=request.POST.get("representative", "")[:200],
                by=request.user,
                base_revision=ascii_id(revision),
                save_key=request.POST.get("save_key", ""),
            )
        except ValidationError as error:
            errors = error.messages
            conflict = (
                any(e.code == "conflict" for e in error.error_list) if hasattr(error, "error_list") else False
            )
            if conflict:
                visit.refresh_from_db()
            if _wants_json(request):
                return JsonResponse(
                    {"ok": False, "errors": errors, "conflict": conflict, "revision": visit.revision},
                    status=409 if conflict else 400,
                )
        else:
            if _wants_json(request):
                return JsonResponse(
                    {
                        "ok": True,
                        "revision": visit.revision,
                        "saved_at": timezone.localtime().strftime("%H:%M %d/%m/%Y"),
                    }
                )
            messages.success(request, _("Đã lưu kết quả kiểm tra."))
            return redirect("inspections:visit_record", pk=visit.pk)
    sections, answers = selectors.checklist_sections(visit)
    editable = visit.status in (Visit.Status.PLANNED, Visit.Status.DRAFT)
    return render(
        request,
        "inspections/visit_record.html",
        {
            "visit": visit,
            "sections": sections,
            "answers": answers,
            "editable": editable,
            "errors": errors,
            "photos": visit.photos.select_related("item"),
            "results": VisitAnswer.Result.choices,
        },
        status=400 if errors else 200,
    )


@staff_required(*ORGANISERS)
def visit_officials(request, pk):
    visit = _visit_or_404(request, pk)
    if not selectors.is_member(request.user, visit.round):
        raise PermissionDenied
    people = selectors.search_officials(visit, request.GET.get("q", "")[:100])
    return JsonResponse(
        {
            "results": [
                {
                    "id": s.pk,
                    "name": s.full_name,
                    "position": str(s.position or ""),
                    "badge": s.badge_number or "",
                }
                for s in people
            ]
        }
    )


@staff_required(*ORGANISERS)
@require_POST
def visit_photo(request, pk):
    visit = _visit_or_404(request, pk)
    if not selectors.is_member(request.user, visit.round):
        raise PermissionDenied
    upload = request.FILES.get("photo")
    item = None
    if ascii_id(request.POST.get("item")) is not None:
        item = ChecklistItem.objects.filter(
            pk=ascii_id(request.POST["item"]), section__version=visit.template_version
        ).first()
    try:
        if upload is None:
            raise ValidationError(_("Chọn ảnh để gửi."))
        photo = services.add_photo(visit=visit, upload=upload, item=item, by=request.user)
    except ValidationError as error:
        if _wants_json(request):
            return JsonResponse({"ok": False, "errors": error.messages}, status=400)
        for message in error.messages:
            messages.error(request, message)
        return redirect("inspections:visit_record", pk=visit.pk)
    if _wants_json(request):
        return JsonResponse({"ok": True, "id": photo.pk, "url": photo_url(photo)})
    messages.success(request, _("Đã thêm ảnh."))
    return redirect("inspections:visit_record", pk=visit.pk)


def photo_url(photo):
    from django.urls import reverse

    return reverse("inspections:photo", args=[photo.pk])


@staff_required(*ANYONE)
def photo(request, pk):
    photo = get_object_or_404(VisitPhoto.objects.filter(visit__in=selectors.visits_for(request.user)), pk=pk)
    return protected_file_response(photo.image, inline=True)


def _visit_step(request, pk, allowed, service, success, **arguments):
    """`service(visit=..., by=..., **arguments)` on a visit the user sees; refused (403) when the step is
    not theirs on that round (`allowed(user, round)`)."""
    visit = _visit_or_404(request, pk)
    if not allowed(request.user, visit.round):
        raise PermissionDenied
    try:
        service(visit=visit, by=request.user, **arguments)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, success)
    return redirect("inspections:visit_detail", pk=visit.pk)


@staff_required(*ORGANISERS)
@require_POST
def visit_submit(request, pk):
    success = _("Đã gửi kết quả cho trưởng đoàn.")
    return _visit_step(request, pk, selectors.is_member, services.submit_visit, success)


@staff_required(*ORGANISERS)
@require_POST
def visit_close(request, pk):
    success = _("Đã kết thúc lượt kiểm tra; các tiêu chí không đạt đã thành phát hiện.")
    return _visit_step(request, pk, selectors.is_head, services.close_visit, success)


@staff_required(*ORGANISERS)
@require_POST
def visit_return(request, pk):
    note = request.POST.get("note", "")[:500]
    success = _("Đã trả lại để đoàn ghi nhận tiếp.")
    return _visit_step(request, pk, selectors.is_head, services.return_visit, success, note=note)


@staff_required(*ANYONE)
def visit_minutes(request, pk):
    visit = _visit_or_404(request, pk)
    return documents.minutes_response(visit)


# Findings and remediation -----------------------------------------------------------------------


def _can_decide(user, finding) -> bool:
    round_ = finding.visit.round
    return unit_in_scope(user, round_.unit, PLANNERS) or selectors.is_member(user, round_)


def _status_asked(request, statuses) -> str:
    """The ?status= of a list when it is one of `statuses`, else "" (all)."""
    status = request.GET.get("status", "")
    return status if status in statuses.values else ""


@staff_required(*ANYONE)
def finding_list(request):
    status = _status_asked(request, Finding.Status)
    page = paginate(request, selectors.finding_list(request.user, status=status))
    return render(
        request,
        "inspections/finding_list.html",
        {"page": page, "status": status, "total": page.paginator.count},
    )


@staff_required(*ANYONE)
def finding_detail(request, pk):
    finding = get_object_or_404(selectors.findings_for(request.user), pk=pk)
    can_decide = _can_decide(request.user, finding) and not finding.action
    officials = selectors.officials_for_visit(finding.visit)
    form = None
    if can_decide:
        initial = {
            "severity": finding.severity,
            "officials": list(finding.officials.values_list("pk", flat=True)),
            "content": finding.description,
        }
        form = forms.FindingDecisionForm(request.POST or None, officials=officials, initial=initial)
        decided = submit(
            request,
            form,
            lambda data: services.decide_finding(finding=finding, by=request.user, **data),
            success=_("Đã ghi nhận hình thức xử lý."),
        )
        if decided:
            return redirect("inspections:finding_detail", pk=finding.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "inspections/finding_detail.html",
        {
            "finding": finding,
            "form": form,
            "reminders": finding.reminders.select_related("staff"),
            "tasks": finding.tasks.all(),
            "proposals": finding.proposals.select_related("staff"),
            "events": finding.events.all(),
        },
        status=400 if form is not None and form.errors else 200,
    )


@staff_required(*ANYONE)
def task_list(request):
    status = _status_asked(request, RemedialTask.Status)
    page = paginate(request, selectors.task_list(request.user, status=status))
    return render(
        request,
        "inspections/task_list.html",
        {
            "page": page,
            "status": status,
            "statuses": RemedialTask.Status.choices,
            "today": timezone.localdate(),
        },
    )


def _task_or_404(request, pk):
    return get_object_or_404(selectors.tasks_for(request.user), pk=pk)


@staff_required(*ANYONE)
def task_detail(request, pk):
    task = _task_or_404(request, pk)
    can_report = task.status == RemedialTask.Status.OPEN and unit_in_scope(
        request.user, task.unit, [Role.UNIT_HEAD]
    )
    can_review = task.status == RemedialTask.Status.REPORTED and _can_decide(request.user, task.finding)
    report_form = forms.TaskReportForm(request.POST or None, request.FILES or None) if can_report else None
    if request.method == "POST":
        if not can_report:
            raise PermissionDenied
        reported = submit(
            request,
            report_form,
            lambda data: services.report_task(
                task=task, report=data["report"], files=data["files"], by=request.user
            ),
            success=_("Đã gửi báo cáo khắc phục cho đoàn kiểm tra."),
        )
        if reported:
            return redirect("inspections:task_detail", pk=task.pk)
    return render(
        request,
        "inspections/task_detail.html",
        {
            "task": task,
            "report_form": report_form,
            "review_form": forms.TaskReviewForm() if can_review else None,
            "evidence": task.evidence.all(),
            "events": task.events.all(),
            "today": timezone.localdate(),
        },
        status=400 if report_form is not None and report_form.errors else 200,
    )


@staff_required(*ORGANISERS)
@require_POST
def task_review(request, pk):
    task = _task_or_404(request, pk)
    if not _can_decide(request.user, task.finding):
        raise PermissionDenied
    form = forms.TaskReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review_task(
                task=task,
                accept=form.cleaned_data["decision"] == "accept",
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            _error_messages(request, error)
        else:
            messages.success(request, _("Đã ghi nhận ý kiến của đoàn kiểm tra."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("inspections:task_detail", pk=task.pk)


@staff_required(*ANYONE)
def evidence_file(request, pk):
    evidence = get_object_or_404(
        TaskEvidence.objects.filter(task__in=selectors.tasks_for(request.user)), pk=pk
    )
    return protected_file_response(evidence.file, evidence.name)


# Checklist templates ----------------------------------------------------------------------------


@staff_required(*ORGANISERS)
def template_list(request):
    from congvu.inspections.checklist import default_template_version

    default_template_version()
    templates = ChecklistTemplate.objects.prefetch_related("versions")
    return render(
        request,
        "inspections/template_list.html",
        {"templates": templates, "can_edit": selectors.can_edit_templates(request.user)},
    )


@staff_required(*PLANNERS)
@require_POST
def template_new_version(request, pk):
    if not selectors.can_edit_templates(request.user):
        raise PermissionDenied
    template = get_object_or_404(ChecklistTemplate, pk=pk)
    try:
        version = services.new_version(
            template=template, note=request.POST.get("note", "")[:300], by=request.user
        )
    except ValidationError as error:
        _error_messages(request, error)
        return redirect("inspections:template_list")
    return redirect("inspections:version_detail", pk=version.pk)


@staff_required(*ORGANISERS)
def version_detail(request, pk):
    version = get_object_or_404(TemplateVersion.objects.select_related("template"), pk=pk)
    can_edit = selectors.can_edit_templates(request.user) and not version.is_published
    section_form = forms.SectionForm(prefix="section")
    item_form = forms.ItemForm(prefix="item", version=version)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        op = request.POST.get("op")
        try:
            if op == "section":
                section_form = forms.SectionForm(request.POST, prefix="section")
                if section_form.is_valid():
                    services.add_section(version=version, **section_form.cleaned_data)
                    return redirect("inspections:version_detail", pk=version.pk)
            elif op == "item":
                item_form = forms.ItemForm(request.POST, prefix="item", version=version)
                if item_form.is_valid():
                    services.add_item(**item_form.cleaned_data)
                    return redirect("inspections:version_detail", pk=version.pk)
            elif op == "remove" and ascii_id(request.POST.get("item")) is not None:
                item = get_object_or_404(
                    ChecklistItem, pk=ascii_id(request.POST["item"]), section__version=version
                )
                services.remove_item(item=item)
                return redirect("inspections:version_detail", pk=version.pk)
            elif op == "publish":
                services.publish_version(version=version)
                messages.success(request, _("Đã ban hành phiên bản mới của bộ tiêu chí."))
                return redirect("inspections:version_detail", pk=version.pk)
        except ValidationError as error:
            target = item_form if op == "item" else section_form
            apply_errors(target, error)
    return render(
        request,
        "inspections/version_detail.html",
        {
            "version": version,
            "sections": version.sections.prefetch_related("items"),
            "can_edit": can_edit,
            "section_form": section_form,
            "item_form": item_form,
            "visit_count": Visit.objects.filter(template_version=version).count(),
        },
    )
