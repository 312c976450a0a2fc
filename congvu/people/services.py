import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congvu.core.events import record_event
from congvu.people.models import LeavePeriod, Staff, Transfer
from congvu.units.models import Unit


@transaction.atomic
def transfer_staff(
    *, staff: Staff, to_unit: Unit, effective_date: dt.date, decision_number: str = "", note: str = ""
) -> Transfer:
    """Move a person to another unit and keep the history (the old unit stays in Transfer)."""
    if to_unit.pk == staff.unit_id:
        raise ValidationError(_("Cán bộ đã thuộc đơn vị này."))
    last = staff.transfers.order_by("-effective_date").first()
    if last and effective_date < last.effective_date:
        raise ValidationError(_("Ngày điều động không được trước lần điều động gần nhất."))
    transfer = Transfer(
        staff=staff,
        from_unit=staff.unit,
        to_unit=to_unit,
        effective_date=effective_date,
        decision_number=decision_number,
        note=note,
    )
    transfer.full_clean()
    transfer.save()
    staff.unit = to_unit
    staff.save(update_fields=["unit", "name_folded"])
    return transfer


# Leave periods -----------------------------------------------------------------------------------------

LEAVE_FIELDS = ("kind", "start", "end", "document", "note")


def leave_state(leave: LeavePeriod) -> dict:
    return {name: str(getattr(leave, name)) for name in LEAVE_FIELDS}


def _lock_staff(staff: Staff) -> Staff:
    """Lock the person's row: two saves of overlapping periods at once must not both pass the check."""
    return Staff.objects.select_for_update().get(pk=staff.pk)


def _save_leave(leave: LeavePeriod, *, by, action: str, before=None, note: str = "") -> LeavePeriod:
    leave.document, leave.note = leave.document.strip(), leave.note.strip()
    leave.full_clean()
    leave.save()
    record_event(leave.staff, action, by=by, before=before, after=leave_state(leave), note=note)
    return leave


@transaction.atomic
def add_leave(
    *, staff: Staff, by, kind: str, start: dt.date, end: dt.date, document: str = "", note: str = ""
) -> LeavePeriod:
    """Record a period the person did not work (both ends included); periods of a person never overlap."""
    staff = _lock_staff(staff)
    leave = LeavePeriod(staff=staff, kind=kind, start=start, end=end, document=document, note=note)
    return _save_leave(leave, by=by, action="leave_added")


@transaction.atomic
def change_leave(
    *, leave: LeavePeriod, by, kind: str, start: dt.date, end: dt.date, document: str = "", note: str = ""
) -> LeavePeriod:
    _lock_staff(leave.staff)
    leave = LeavePeriod.objects.select_related("staff").get(pk=leave.pk)
    before = leave_state(leave)
    leave.kind, leave.start, leave.end, leave.document, leave.note = kind, start, end, document, note
    return _save_leave(leave, by=by, action="leave_changed", before=before)


@transaction.atomic
def delete_leave(*, leave: LeavePeriod, by) -> None:
    staff = _lock_staff(leave.staff)
    leave = LeavePeriod.objects.get(pk=leave.pk)
    before = leave_state(leave)
    leave.delete()
    record_event(staff, "leave_deleted", by=by, before=before)
