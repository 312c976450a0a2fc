from django.urls import reverse

from tests.factories import StaffFactory
from tests.scope_harness import ScopeCase


def _outsider(world):
    return StaffFactory(unit=world.other_ward, full_name="Đinh Thị Ngoài Phạm Vi", badge_number="NGOAI001")


SCOPE_CASES = [
    ScopeCase("people:staff_detail", lambda w: reverse("people:staff_detail", args=[_outsider(w).pk])),
    ScopeCase(
        "people:staff_list",
        lambda w: (_outsider(w), reverse("people:staff_list"))[1],
        kind="list",
        secret="Đinh Thị Ngoài Phạm Vi",
    ),
    ScopeCase(
        "people:staff_export",
        lambda w: (_outsider(w), reverse("people:staff_export"))[1],
        kind="list",
        secret="NGOAI001",
    ),
    ScopeCase(
        "people:staff_import_template",
        lambda w: (_outsider(w), reverse("people:staff_import_template"))[1],
        kind="list",
        secret="NGOAI001",
    ),
    ScopeCase(
        "people:staff_import",
        lambda w: (_outsider(w), reverse("people:staff_import"))[1],
        kind="list",
        secret="Đinh Thị Ngoài Phạm Vi",
    ),
]


def _unchanged(world):
    from congvu.people.models import Staff

    return Staff.objects.get(badge_number="NGOAI001").unit == world.other_ward


SCOPE_CASES.append(
    ScopeCase(
        "people:staff_transfer",
        lambda w: reverse("people:staff_transfer", args=[_outsider(w).pk]),
        kind="action",
        data={"effective_date": "01/07/2025"},
        unchanged=_unchanged,
    )
)


def _outsider_with_photo(world):
    from django.core.files.base import ContentFile

    person = _outsider(world)
    person.photo.save("ngoai.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    return reverse("people:staff_photo", args=[person.pk])


SCOPE_CASES.append(ScopeCase("people:staff_photo", _outsider_with_photo))


def _outsider_leave(world):
    import datetime as dt

    from congvu.people.models import LeaveKind, LeavePeriod

    return LeavePeriod.objects.create(
        staff=_outsider(world), kind=LeaveKind.SICK, start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31)
    )


def _leave_unchanged(world):
    from congvu.people.models import LeavePeriod, StaffEvent

    leave = LeavePeriod.objects.get(staff__badge_number="NGOAI001")
    return leave.end.day == 31 and leave.kind == "om_dau" and not StaffEvent.objects.exists()


def _no_leave_added(world):
    from congvu.people.models import LeavePeriod

    return not LeavePeriod.objects.filter(staff__badge_number="NGOAI001").exists()


LEAVE_DATA = {"kind": "thai_san", "start": "01/05/2025", "end": "30/05/2025"}
SCOPE_CASES += [
    ScopeCase(
        "people:leave_add",
        lambda w: reverse("people:leave_add", args=[_outsider(w).pk]),
        kind="action",
        data=LEAVE_DATA,
        unchanged=_no_leave_added,
    ),
    ScopeCase(
        "people:leave_edit",
        lambda w: reverse("people:leave_edit", args=[_outsider_leave(w).pk]),
        kind="action",
        data=LEAVE_DATA,
        unchanged=_leave_unchanged,
    ),
    ScopeCase(
        "people:leave_delete",
        lambda w: reverse("people:leave_delete", args=[_outsider_leave(w).pk]),
        kind="action",
        unchanged=_leave_unchanged,
    ),
    ScopeCase(
        "people:leave_import",
        lambda w: (_outsider_leave(w), reverse("people:leave_import"))[1],
        kind="list",
        secret="NGOAI001",
    ),
    ScopeCase(
        "people:leave_import_template",
        lambda w: (_outsider_leave(w), reverse("people:leave_import_template"))[1],
        kind="list",
        secret="NGOAI001",
    ),
]
