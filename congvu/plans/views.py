"""Staff pages of plans and directives and the tasks they assign (who may do what:
congvu.plans.roles). Views parse input, call one service or selector and render."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congvu.accounts.decorators import staff_required
from congvu.accounts.scope import get_scoped_or_404, has_role, scoped_units, unit_in_scope
from congvu.core.forms import filters_of
from congvu.core.formviews import submit
from congvu.core.pagination import paginate
from congvu.core.spreadsheets import dmy, table_xlsx, xlsx_response
from congvu.core.uploads import protected_file_response
from congvu.plans import roles, selectors, services
from congvu.plans.forms import (
    AssignmentFilterForm,
    DirectiveFilterForm,
    DirectiveForm,
    ReportForm,
    ReviewForm,
    TaskForm,
)
from congvu.plans.models import Directive, TaskAssignment, TaskReport


@staff_required(*roles.VIEW)
def directive_list(request):
    form = DirectiveFilterForm(request.GET or None)
    page = paginate(request, selectors.directive_register(request.user, **filters_of(form)))
    today = timezone.localdate()
    visible = selectors.visible_assignments(request.user)
    stats = selectors.completion_by_directive(visible, [x.pk for x in page], today)
    rows = [{"directive": x, "stats": stats[x.pk]} for x in page]
    return render(
        request,
        "plans/directive_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "total": page.paginator.count,
            "can_manage": has_role(request.user, *roles.MANAGE),
        },
    )


def _directive(request, pk):
    return get_object_or_404(selectors.visible_directives(request.user).select_related("unit"), pk=pk)


def _directive_page(request, directive, task_form=None):
    can_manage = unit_in_scope(request.user, directive.unit, roles.MANAGE)
    visible = (
        selectors.visible_assignments(request.user).filter(task__directive=directive).select_related("unit")
    )
    tasks = directive.tasks.prefetch_related(Prefetch("assignments", queryset=visible, to_attr="visible"))
    today = timezone.localdate()
    units = scoped_units(request.user, roles.MANAGE).current().order_by("path")
    return render(
        request,
        "plans/directive_detail.html",
        {
            "directive": directive,
            "tasks": tasks,
            "stats": selectors.completion(visible, today),
            "by_unit": selectors.completion_by_unit(visible, today),
            "can_manage": can_manage,
            "task_form": task_form or (TaskForm(prefix="task", units=units) if can_manage else None),
            "today": today,
        },
        status=400 if task_form else 200,
    )


@staff_required(*roles.VIEW)
def directive_detail(request, pk):
    return _directive_page(request, _directive(request, pk))


@staff_required(*roles.VIEW)
def directive_file(request, pk):
    directive = _directive(request, pk)
    if not directive.file:
        raise Http404
    return protected_file_response(directive.file)


@staff_required(*roles.MANAGE)
def directive_new(request):
    units = scoped_units(request.user, roles.MANAGE).current().order_by("path")
    form = DirectiveForm(request.POST or None, request.FILES or None, units=units)
    directive = submit(
        request,
        form,
        lambda data: services.register_directive(by=request.user, **data),
        success=_("Đã vào sổ văn bản."),
    )
    if directive is not None:
        return redirect("plans:directive_detail", directive.pk)
    return render(request, "plans/directive_form.html", {"form": form})


@require_POST
@staff_required(*roles.MANAGE)
def task_add(request, pk):
    directive = get_scoped_or_404(
        Directive.objects.select_related("unit"), request.user, roles=roles.MANAGE, pk=pk
    )
    units = scoped_units(request.user, roles.MANAGE).current().order_by("path")
    form = TaskForm(request.POST, prefix="task", units=units)
    task = submit(
        request,
        form,
        lambda data: services.add_task(directive=directive, by=request.user, **data),
        success=_("Đã giao nhiệm vụ."),
    )
    if task is not None:
        return redirect("plans:directive_detail", directive.pk)
    return _directive_page(request, directive, task_form=form)


def _assignments(request):
    units = scoped_units(request.user, roles.VIEW)
    form = AssignmentFilterForm(request.GET or None, units=units.order_by("path"))
    return form, selectors.assignment_register(request.user, today=timezone.localdate(), **filters_of(form))


@staff_required(*roles.VIEW)
def assignment_list(request):
    form, queryset = _assignments(request)
    page = paginate(request, queryset)
    return render(
        request,
        "plans/assignment_list.html",
        {"form": form, "page": page, "total": page.paginator.count, "today": timezone.localdate()},
    )


@staff_required(*roles.VIEW)
def assignment_export(request):
    _form, queryset = _assignments(request)
    rows = (
        [
            a.task.directive.number,
            a.task.title,
            a.unit.name,
            dmy(a.assigned_on),
            dmy(a.deadline),
            a.get_status_display(),
            dmy(a.completed_on),
            dmy(a.accepted_on),
            "" if a.on_time is None else ("Đúng hạn" if a.on_time else "Quá hạn"),
        ]
        for a in queryset.iterator(chunk_size=1000)
    )
    content = table_xlsx(
        title="Nhiệm vụ",
        header=[
            "Văn bản",
            "Nhiệm vụ",
            "Đơn vị thực hiện",
            "Ngày giao",
            "Hạn",
            "Trạng thái",
            "Ngày hoàn thành",
            "Ngày nghiệm thu",
            "Đúng hạn",
        ],
        rows=rows,
        widths=[18, 50, 36, 12, 12, 24, 14, 14, 12],
    )
    return xlsx_response(content, "nhiem-vu")


def _with_directive():
    return TaskAssignment.objects.select_related("task__directive__unit", "unit")


def _assignment(request, pk):
    return get_object_or_404(
        selectors.visible_assignments(request.user).select_related("task__directive__unit", "unit"), pk=pk
    )


def _assignment_page(request, assignment, report_form=None, review_form=None):
    can_report = assignment.status != TaskAssignment.Status.ACCEPTED and unit_in_scope(
        request.user, assignment.unit, roles.REPORT
    )
    can_review = assignment.status == TaskAssignment.Status.REPORTED and unit_in_scope(
        request.user, assignment.task.directive.unit, roles.MANAGE
    )
    return render(
        request,
        "plans/assignment_detail.html",
        {
            "assignment": assignment,
            "reports": assignment.reports.select_related("reported_by__staff"),
            "events": assignment.events.all(),
            "can_report": can_report,
            "can_review": can_review,
            "report_form": report_form or ReportForm(),
            "review_form": review_form or ReviewForm(),
            "today": timezone.localdate(),
        },
        status=400 if (report_form or review_form) else 200,
    )


@staff_required(*roles.VIEW)
def assignment_detail(request, pk):
    return _assignment_page(request, _assignment(request, pk))


@require_POST
@staff_required(*roles.REPORT)
def assignment_report(request, pk):
    assignment = get_scoped_or_404(_with_directive(), request.user, roles=roles.REPORT, pk=pk)
    form = ReportForm(request.POST, request.FILES)
    report = submit(
        request,
        form,
        lambda data: services.report_task(assignment=assignment, by=request.user, **data),
        success=_("Đã gửi báo cáo."),
    )
    if report is not None:
        return redirect("plans:assignment_detail", assignment.pk)
    return _assignment_page(request, assignment, report_form=form)


@require_POST
@staff_required(*roles.MANAGE)
def assignment_review(request, pk):
    assignment = get_scoped_or_404(
        _with_directive(), request.user, field="task__directive__unit", roles=roles.MANAGE, pk=pk
    )
    form = ReviewForm(request.POST)
    reviewed = submit(
        request,
        form,
        lambda data: services.review_task(assignment=assignment, by=request.user, **data),
        success=_("Đã ghi kết quả nghiệm thu."),
    )
    if reviewed is not None:
        return redirect("plans:assignment_detail", assignment.pk)
    return _assignment_page(request, assignment, review_form=form)


@staff_required(*roles.VIEW)
def report_evidence(request, pk):
    report = get_object_or_404(TaskReport.objects.select_related("assignment"), pk=pk)
    _assignment(request, report.assignment_id)  # 404 unless the assignment is visible
    if not report.evidence:
        raise Http404
    return protected_file_response(report.evidence)
