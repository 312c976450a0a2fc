from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congvu.accounts.decorators import staff_required
from congvu.accounts.models import Role
from congvu.accounts.scope import get_scoped_or_404, has_role, scoped, scoped_units
from congvu.core.forms import filters_of
from congvu.core.formviews import spreadsheet_import, submit
from congvu.core.pagination import paginate
from congvu.core.spreadsheets import SpreadsheetError, xlsx_response
from congvu.core.uploads import protected_file_response
from congvu.people import leave_spreadsheets, selectors, services, spreadsheets
from congvu.people.forms import LeaveForm, StaffFilterForm, StaffImportForm, TransferForm
from congvu.people.models import LeavePeriod, Staff

VIEW_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN, Role.LEADERSHIP, Role.INSPECTOR)
MANAGE_ROLES = (Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN)


def _filtered_staff(request):
    form = StaffFilterForm(request.GET or None, units=scoped_units(request.user).current())
    queryset = scoped(Staff.objects.all(), request.user)
    return form, selectors.staff_list(queryset, **filters_of(form))


@staff_required(*VIEW_ROLES)
def staff_list(request):
    form, queryset = _filtered_staff(request)
    page = paginate(request, queryset, 50)
    return render(
        request,
        "people/staff_list.html",
        {
            "form": form,
            "page": page,
            "total": page.paginator.count,
            "can_import": has_role(request.user, *MANAGE_ROLES),
        },
    )


@staff_required(*VIEW_ROLES)
def staff_detail(request, pk):
    staff = get_scoped_or_404(Staff.objects.select_related("unit", "position"), request.user, pk=pk)
    transfers = staff.transfers.select_related("from_unit", "to_unit")
    can_manage = has_role(request.user, *MANAGE_ROLES)
    return render(
        request,
        "people/staff_detail.html",
        {
            "staff": staff,
            "transfers": transfers,
            "leave_periods": staff.leave_periods.all(),
            "can_transfer": can_manage,
            "can_manage_leave": can_manage,
        },
    )


@staff_required(*MANAGE_ROLES)
def staff_transfer(request, pk):
    """Move a person to another unit of the user's scope, keeping the history."""
    staff = get_scoped_or_404(Staff.objects.select_related("unit"), request.user, roles=MANAGE_ROLES, pk=pk)
    units = scoped_units(request.user, MANAGE_ROLES).current().exclude(pk=staff.unit_id)
    form = TransferForm(request.POST or None, units=units)
    done = submit(
        request,
        form,
        lambda data: services.transfer_staff(staff=staff, **data),
        success=_("Đã điều động %(name)s.") % {"name": staff.full_name},
    )
    if done is not None:
        return redirect("people:staff_detail", pk=staff.pk)
    return render(request, "people/staff_transfer.html", {"staff": staff, "form": form})


@staff_required(*VIEW_ROLES)
def staff_export(request):
    _form, queryset = _filtered_staff(request)
    return xlsx_response(spreadsheets.export_staff(queryset), "danh-sach-cbccvc")


@staff_required(*MANAGE_ROLES)
def staff_import(request):
    return spreadsheet_import(
        request,
        StaffImportForm(request.POST or None, request.FILES or None),
        lambda file: spreadsheets.import_staff(file, by=request.user),
        template="people/staff_import.html",
        columns=spreadsheets.COLUMNS,
        refusal=SpreadsheetError,
    )


@staff_required(*MANAGE_ROLES)
def staff_import_template(request):
    return xlsx_response(spreadsheets.export_staff(Staff.objects.none()), "mau-nhap-cbccvc", dated=False)


@staff_required(*VIEW_ROLES)
def staff_photo(request, pk):
    staff = get_scoped_or_404(Staff.objects.all(), request.user, pk=pk)
    if not staff.photo:
        raise Http404
    return protected_file_response(staff.photo, inline=True)


# Leave periods -----------------------------------------------------------------------------------------


def _leave_in_scope(request, pk):
    queryset = LeavePeriod.objects.select_related("staff", "staff__unit")
    return get_scoped_or_404(queryset, request.user, field="staff__unit", roles=MANAGE_ROLES, pk=pk)


def _leave_form_page(request, staff, form, *, leave=None):
    return render(request, "people/leave_form.html", {"staff": staff, "form": form, "leave": leave})


@staff_required(*MANAGE_ROLES)
def leave_add(request, pk):
    staff = get_scoped_or_404(Staff.objects.select_related("unit"), request.user, roles=MANAGE_ROLES, pk=pk)
    form = LeaveForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.add_leave(staff=staff, by=request.user, **data),
        success=_("Đã thêm thời gian nghỉ của %(name)s.") % {"name": staff.full_name},
    )
    if done is not None:
        return redirect("people:staff_detail", pk=staff.pk)
    return _leave_form_page(request, staff, form)


@staff_required(*MANAGE_ROLES)
def leave_edit(request, pk):
    leave = _leave_in_scope(request, pk)
    initial = {name: getattr(leave, name) for name in services.LEAVE_FIELDS}
    form = LeaveForm(request.POST or None, initial=initial)
    done = submit(
        request,
        form,
        lambda data: services.change_leave(leave=leave, by=request.user, **data),
        success=_("Đã sửa thời gian nghỉ."),
    )
    if done is not None:
        return redirect("people:staff_detail", pk=leave.staff_id)
    return _leave_form_page(request, leave.staff, form, leave=leave)


@require_POST
@staff_required(*MANAGE_ROLES)
def leave_delete(request, pk):
    leave = _leave_in_scope(request, pk)
    services.delete_leave(leave=leave, by=request.user)
    messages.success(request, _("Đã xóa thời gian nghỉ."))
    return redirect("people:staff_detail", pk=leave.staff_id)


@staff_required(*MANAGE_ROLES)
def leave_import(request):
    return spreadsheet_import(
        request,
        StaffImportForm(request.POST or None, request.FILES or None),
        lambda file: leave_spreadsheets.import_leave(file, by=request.user, roles=MANAGE_ROLES),
        template="people/leave_import.html",
        columns=leave_spreadsheets.COLUMNS,
        refusal=SpreadsheetError,
    )


@staff_required(*MANAGE_ROLES)
def leave_import_template(request):
    return xlsx_response(leave_spreadsheets.template(), "mau-nhap-thoi-gian-nghi", dated=False)
