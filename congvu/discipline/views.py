"""Staff pages of discipline cases: only unit heads, the programme office and admins of the scope
(congvu.discipline.roles). Views parse input, call one service or selector and render."""

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congvu.accounts.decorators import staff_required
from congvu.accounts.scope import scoped_units
from congvu.core.forms import filters_of
from congvu.core.formviews import submit
from congvu.core.pagination import paginate
from congvu.core.spreadsheets import dmy, table_xlsx, xlsx_response
from congvu.discipline import roles, selectors, services
from congvu.discipline.forms import (
    DisciplineDecisionForm,
    DisciplineFilterForm,
    DisciplineOpenForm,
    DismissForm,
    MeetingForm,
)
from congvu.discipline.models import DisciplineCase, DisciplineForm, forms_allowed_for
from congvu.people.pickers import staff_choices


def _cases(request):
    form = DisciplineFilterForm(
        request.GET or None, units=scoped_units(request.user, roles.MANAGE).order_by("path")
    )
    return form, selectors.register(request.user, **filters_of(form))


@staff_required(*roles.MANAGE)
def discipline_list(request):
    form, queryset = _cases(request)
    page = paginate(request, queryset)
    return render(
        request,
        "discipline/discipline_list.html",
        {"form": form, "page": page, "total": page.paginator.count},
    )


@staff_required(*roles.MANAGE)
def discipline_export(request):
    _form, queryset = _cases(request)
    rows = (
        [
            c.staff.full_name,
            c.staff.badge_number or "",
            c.unit.name,
            c.get_origin_display(),
            c.origin_reference,
            c.facts,
            c.get_status_display(),
            c.get_form_display() if c.form else "",
            c.decision_number,
            dmy(c.decision_date),
            dmy(c.effective_from),
            dmy(c.effective_to),
        ]
        for c in queryset.iterator(chunk_size=1000)
    )
    content = table_xlsx(
        title="Kỷ luật",
        header=[
            "Họ và tên",
            "Số thẻ",
            "Đơn vị",
            "Nguồn",
            "Tham chiếu",
            "Nội dung vi phạm",
            "Trạng thái",
            "Hình thức",
            "Số quyết định",
            "Ngày quyết định",
            "Hiệu lực từ",
            "Hết hiệu lực",
        ],
        rows=rows,
        widths=[28, 12, 34, 24, 20, 50, 20, 16, 16, 14, 14, 14],
    )
    return xlsx_response(content, "ky-luat")


def _case(request, pk):
    queryset = selectors.visible(request.user)
    return get_object_or_404(queryset.select_related("unit", "staff__unit", "staff__position"), pk=pk)


def _detail(request, case, forms=None):
    forms = forms or {}
    open_case = case.status in (DisciplineCase.Status.REVIEW, DisciplineCase.Status.MEETING)
    allowed = forms_allowed_for(case.staff)
    context = {
        "case": case,
        "events": case.events.all(),
        "open_case": open_case,
        "allowed_forms": [label for code, label in DisciplineForm.choices if code in allowed],
        "meeting_form": forms.get("meeting") or MeetingForm(initial={"meeting_date": timezone.localdate()}),
        "decision_form": forms.get("decision") or DisciplineDecisionForm(allowed_forms=allowed),
        "dismiss_form": forms.get("dismiss") or DismissForm(),
    }
    return render(request, "discipline/discipline_detail.html", context, status=400 if forms else 200)


@staff_required(*roles.MANAGE)
def discipline_detail(request, pk):
    return _detail(request, _case(request, pk))


@staff_required(*roles.MANAGE)
def discipline_new(request):
    people, picker = staff_choices(request, roles.MANAGE)
    form = DisciplineOpenForm(request.POST or None, staff=people, initial=request.GET.dict())
    case = submit(
        request,
        form,
        lambda data: services.open_discipline_case(by=request.user, **data),
        success=_("Đã mở hồ sơ xem xét kỷ luật."),
    )
    if case is not None:
        return redirect("discipline:discipline_detail", case.pk)
    units = scoped_units(request.user, roles.MANAGE).current().order_by("path")
    return render(request, "discipline/discipline_form.html", {"form": form, "units": units, **picker})


def _case_action(request, case, form, key, action, success=None):
    """A step on an open case: the form posted, one service, back to the case (or the case with the
    form's errors)."""
    done = submit(
        request, form, lambda data: action(case, data), success=success or _("Đã cập nhật hồ sơ kỷ luật.")
    )
    if done is not None:
        return redirect("discipline:discipline_detail", case.pk)
    return _detail(request, case, forms={key: form})


@require_POST
@staff_required(*roles.MANAGE)
def discipline_meeting(request, pk):
    return _case_action(
        request,
        _case(request, pk),
        MeetingForm(request.POST),
        "meeting",
        lambda case, data: services.record_discipline_meeting(case=case, by=request.user, **data),
    )


@require_POST
@staff_required(*roles.MANAGE)
def discipline_decide(request, pk):
    case = _case(request, pk)
    return _case_action(
        request,
        case,
        DisciplineDecisionForm(request.POST, allowed_forms=forms_allowed_for(case.staff)),
        "decision",
        lambda case, data: services.decide_discipline(case=case, by=request.user, **data),
        success=_("Đã ghi quyết định kỷ luật."),
    )


@require_POST
@staff_required(*roles.MANAGE)
def discipline_dismiss(request, pk):
    return _case_action(
        request,
        _case(request, pk),
        DismissForm(request.POST),
        "dismiss",
        lambda case, data: services.dismiss_discipline(case=case, by=request.user, **data),
    )
