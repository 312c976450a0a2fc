"""Every write of working regulations: one transaction per action, full_clean before save, and an
event for each state change."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congvu.core.events import record_event
from congvu.regulations.models import WorkingRegulation
from congvu.units.models import Unit


def _user(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


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
        record_event(
            replaces,
            "replaced",
            by=by,
            before=previous_end.isoformat() if previous_end else None,
            after=replaces.valid_to.isoformat(),
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
    record_event(regulation, "issued", by=by, after=kind)
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
    record_event(regulation, "repealed", by=by, after=valid_to.isoformat(), note=note)
    return regulation
