from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congvu.accounts.decorators import staff_required
from congvu.accounts.models import Role
from congvu.accounts.scope import get_scoped_or_404, has_role, scoped, scoped_units
from congvu.core.forms import filters_of
from congvu.core.formviews import spreadsheet_import, submit
from congvu.core.pagination import paginate
from congvu.core.spreadsheets import SpreadsheetError, xlsx_response
from congvu.core.uploads import protected_file_response
from congvu.people import selectors, services, spreadsheets
from congvu.people.forms import StaffFilterForm, StaffImportForm, TransferForm
from congvu.people.models import Staff

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
    can_transfer = has_role(request.user, *MANAGE_ROLES)
    return render(
        request,
        "people/staff_detail.html",
        {"staff": staff, "transfers": transfers, "can_transfer": can_transfer},
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
