"""Leave periods from .xlsx (badge number, kind, from, to, document): all rows or none."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Upper
from django.utils.translation import gettext as _

from congvu.accounts.scope import scoped
from congvu.core.events import event_row, record_events
from congvu.core.spreadsheets import Book, cell_text, header_positions, missing_columns_error, read_table
from congvu.core.text import fold
from congvu.people.models import LeaveKind, LeavePeriod, Staff
from congvu.people.services import leave_state
from congvu.people.spreadsheets import _date

COLUMNS = [
    ("badge_number", "Số thẻ"),
    ("kind", "Loại nghỉ"),
    ("start", "Từ ngày"),
    ("end", "Đến ngày"),
    ("document", "Số văn bản"),
    ("note", "Ghi chú"),
]
REQUIRED = ("badge_number", "kind", "start", "end")
HEADER_ALIASES = {fold(label): key for key, label in COLUMNS} | {
    "ma can bo": "badge_number",
    "badge": "badge_number",
    "badge number": "badge_number",
    "staff code": "badge_number",
    "kind": "kind",
    "loai": "kind",
    "from": "start",
    "to": "end",
    "so quyet dinh": "document",
    "document": "document",
    "note": "note",
}
KIND_WORDS = (
    {fold(str(label)): value for value, label in LeaveKind.choices}
    | {value.replace("_", " "): value for value in LeaveKind.values}
    | {
        "thai san": LeaveKind.MATERNITY,
        "om": LeaveKind.SICK,
        "om dau": LeaveKind.SICK,
        "nghi om": LeaveKind.SICK,
        "khac": LeaveKind.OTHER_LAWFUL,
        "nghi khong luong": LeaveKind.OTHER_LAWFUL,
        "khong ly do": LeaveKind.UNLAWFUL,
        "tu y nghi viec": LeaveKind.UNLAWFUL,
        "maternity": LeaveKind.MATERNITY,
        "sick": LeaveKind.SICK,
        "other": LeaveKind.OTHER_LAWFUL,
        "unlawful": LeaveKind.UNLAWFUL,
    }
)
MAX_ROWS = 60000


@dataclass
class LeaveImportReport:
    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def _header(row) -> dict[str, int]:
    positions = header_positions(row, HEADER_ALIASES)
    labels = dict(COLUMNS)
    missing = [labels[key] for key in REQUIRED if key not in positions]
    if missing:
        raise missing_columns_error(missing)
    return positions


def _parse(values: dict, staff_by_badge: dict[str, Staff]) -> LeavePeriod:
    """One row as an unsaved period; a ValidationError lists every problem of the row."""
    labels, problems = dict(COLUMNS), []
    for key in REQUIRED:
        if not cell_text(values.get(key)):
            problems.append(_("thiếu %(column)s") % {"column": labels[key]})
    badge = cell_text(values.get("badge_number"))
    staff = staff_by_badge.get(badge.upper())
    if badge and staff is None:
        problems.append(_("không có người có số thẻ “%(badge)s” trong phạm vi của bạn") % {"badge": badge})
    kind = KIND_WORDS.get(fold(cell_text(values.get("kind"))))
    if cell_text(values.get("kind")) and kind is None:
        problems.append(
            _("Loại nghỉ phải là thai sản, ốm đau, nghỉ khác theo quy định hoặc không có lý do chính đáng")
        )
    dates = {}
    for key in ("start", "end"):
        try:
            dates[key] = _date(values.get(key), labels[key])
        except ValidationError as error:
            problems.extend(error.messages)
    if problems:
        raise ValidationError("; ".join(str(problem) for problem in problems))
    return LeavePeriod(
        staff=staff,
        kind=kind,
        start=dates["start"],
        end=dates["end"],
        document=cell_text(values.get("document"))[:100],
        note=cell_text(values.get("note"))[:300],
    )


def _staff_by_badge(rows, by, roles) -> dict[str, Staff]:
    badges = {cell_text(values.get("badge_number")).upper() for _number, values in rows} - {""}
    people = (
        scoped(Staff.objects.all(), by, roles=roles)
        .annotate(badge_upper=Upper("badge_number"))
        .filter(badge_upper__in=badges)
        .select_for_update(of=("self",))
    )
    return {person.badge_upper: person for person in people}


@transaction.atomic
def import_leave(file, *, by, roles) -> LeaveImportReport:
    """Import leave periods of people in the user's scope (through `roles`). All or nothing: when any
    row is wrong, every wrong row is reported with its number and reason and nothing is saved."""
    table = read_table(file, check_header=_header, max_rows=MAX_ROWS)
    report = LeaveImportReport(errors=list(table.errors))
    staff_by_badge = _staff_by_badge(table.rows, by, roles)
    saved = []
    for number, values in table.rows:
        try:
            leave = _parse(values, staff_by_badge)
            # Saved row by row, so a later row that overlaps an earlier one of the file is refused too.
            leave.full_clean()
            leave.save()
        except ValidationError as error:
            report.errors.append((number, "; ".join(error.messages)))
            continue
        saved.append(leave)
    if report.errors:
        transaction.set_rollback(True)
        report.errors.sort()
        return report
    record_events(
        [event_row(leave.staff, "leave_imported", by=by, after=leave_state(leave)) for leave in saved]
    )
    report.created = len(saved)
    return report


def template() -> bytes:
    book = Book()
    book.sheet("Thời gian nghỉ").header([label for _key, label in COLUMNS], widths=(14, 24, 12, 12, 20, 30))
    return book.to_bytes()
