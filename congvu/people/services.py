import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congvu.people.models import Staff, Transfer
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
