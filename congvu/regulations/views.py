"""Staff pages of working regulations (who may do what: congvu.regulations.roles). Views parse input,
call one service or selector and render."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congvu.accounts.decorators import staff_required
from congvu.accounts.scope import get_scoped_or_404, has_role, scoped_units, unit_in_scope
from congvu.core.edge import ascii_id
from congvu.core.formviews import submit
from congvu.core.spreadsheets import dmy, table_xlsx, xlsx_response
from congvu.core.uploads import protected_file_response
from congvu.regulations import roles, selectors, services
from congvu.regulations.forms import RegulationEndForm, RegulationFilterForm, RegulationForm
from congvu.regulations.models import WorkingRegulation
from congvu.units.models import Unit


def _regulation_rows(request):
    units = scoped_units(request.user, roles.VIEW)
    form = RegulationFilterForm(request.GET or None, units=units.current().order_by("path"))
    on, only_missing, query, selected = timezone.localdate(), False, "", units
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        on = data["on"] or on
        only_missing = data["missing"]
        query = data["q"]
        if data["unit"]:
            selected = scoped_units(request.user, roles.VIEW, within=data["unit"])
    rows = selectors.register_rows(selected, on, query=query, only_missing=only_missing)
    return form, rows, on


@staff_required(*roles.VIEW)
def regulation_list(request):
    form, rows, on = _regulation_rows(request)
    covered = sum(1 for row in rows if not row["missing"])
    return render(
        request,
        "regulations/regulation_list.html",
        {
            "form": form,
            "rows": rows,
            "on": on,
            "covered": covered,
            "total": len(rows),
            "percent": round(100.0 * covered / len(rows), 1) if rows else None,
            "can_manage": has_role(request.user, *roles.MANAGE),
        },
    )


@staff_required(*roles.VIEW)
def regulation_export(request):
    _form, rows, on = _regulation_rows(request)
    data = []
    for row in rows:
        regulation = row["regulation"]
        data.append(
            [
                row["unit"].code,
                row["unit"].name,
                "Chưa có" if row["missing"] else "Có",
                regulation.number if regulation else "",
                regulation.title if regulation else "",
                dmy(regulation.signed_on) if regulation else "",
                dmy(regulation.valid_from) if regulation else "",
                "; ".join(f"{a.number} ({dmy(a.valid_from)})" for a in row["amendments"]),
            ]
        )
    content = table_xlsx(
        title="Quy chế làm việc",
        header=[
            "Mã đơn vị",
            "Đơn vị",
            f"Quy chế có hiệu lực ngày {on:%d/%m/%Y}",
            "Số, ký hiệu",
            "Tên văn bản",
            "Ngày ban hành",
            "Hiệu lực từ",
            "Sửa đổi, bổ sung",
        ],
        rows=data,
        widths=[22, 40, 16, 20, 50, 14, 14, 40],
    )
    return xlsx_response(content, f"quy-che-lam-viec-{on:%Y%m%d}")


@staff_required(*roles.VIEW)
def regulation_unit(request, unit_pk):
    unit = get_scoped_or_404(Unit.objects.all(), request.user, field="", roles=roles.VIEW, pk=unit_pk)
    today = timezone.localdate()
    return render(
        request,
        "regulations/regulation_unit.html",
        {
            "unit": unit,
            "history": selectors.regulation_history(unit),
            "current": selectors.in_force_for(unit, today),
            "today": today,
            "can_manage": unit_in_scope(request.user, unit, roles.MANAGE),
        },
    )


def _regulation(request, pk, role_set=roles.VIEW):
    return get_scoped_or_404(
        WorkingRegulation.objects.select_related("unit", "amends", "replaces"),
        request.user,
        roles=role_set,
        pk=pk,
    )


def _detail(request, regulation, end_form=None):
    can_end = (
        regulation.kind != WorkingRegulation.Kind.AMENDMENT
        and regulation.valid_to is None
        and unit_in_scope(request.user, regulation.unit, roles.MANAGE)
    )
    return render(
        request,
        "regulations/regulation_detail.html",
        {
            "regulation": regulation,
            "amendments": regulation.amendments.all(),
            "replaced_by": regulation.replaced_by.first(),
            "events": regulation.events.all(),
            "can_end": can_end,
            "end_form": end_form or RegulationEndForm(),
        },
        status=400 if end_form else 200,
    )


@staff_required(*roles.VIEW)
def regulation_detail(request, pk):
    return _detail(request, _regulation(request, pk))


@require_POST
@staff_required(*roles.MANAGE)
def regulation_end(request, pk):
    regulation = _regulation(request, pk, roles.MANAGE)
    form = RegulationEndForm(request.POST)
    ended = submit(
        request,
        form,
        lambda data: services.end_regulation(regulation=regulation, by=request.user, **data),
        success=_("Đã ghi bãi bỏ quy chế."),
    )
    if ended is not None:
        return redirect("regulations:regulation_detail", regulation.pk)
    return _detail(request, regulation, end_form=form)


@staff_required(*roles.VIEW)
def regulation_file(request, pk):
    regulation = _regulation(request, pk)
    if not regulation.file:
        raise Http404
    return protected_file_response(regulation.file)


@staff_required(*roles.MANAGE)
def regulation_new(request):
    units = scoped_units(request.user, roles.MANAGE).current().order_by("path")
    initial = {}
    if ascii_id(request.GET.get("unit")) is not None:
        initial["unit"] = units.filter(pk=ascii_id(request.GET["unit"])).first()
        if initial["unit"] is not None and selectors.in_force_for(initial["unit"], timezone.localdate()):
            initial["kind"] = WorkingRegulation.Kind.REPLACEMENT
    form = RegulationForm(request.POST or None, request.FILES or None, units=units, initial=initial)
    regulation = submit(
        request,
        form,
        lambda data: services.issue_regulation(by=request.user, **data),
        success=_("Đã ghi quy chế làm việc."),
    )
    if regulation is not None:
        return redirect("regulations:regulation_unit", regulation.unit_id)
    return render(request, "regulations/regulation_form.html", {"form": form})
