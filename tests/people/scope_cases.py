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
