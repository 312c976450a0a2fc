"""Staff register to and from .xlsx, in the column layout Vietnamese personnel offices use."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congvu.accounts.scope import unit_in_scope
from congvu.core.spreadsheets import (
    Book,
    cell_text,
    header_positions,
    missing_columns_error,
    read_table,
)
from congvu.core.text import fold
from congvu.people.models import Position, Sex, Staff, StaffCategory
from congvu.units.models import Unit

COLUMNS = [
    ("full_name", "Họ và tên"),
    ("sex", "Giới tính"),
    ("date_of_birth", "Ngày sinh"),
    ("category", "Loại"),
    ("position", "Chức vụ"),
    ("unit_code", "Mã đơn vị"),
    ("badge_number", "Số thẻ"),
    ("employed_from", "Ngày vào làm"),
    ("employed_to", "Ngày thôi việc"),
]
REQUIRED = {"full_name", "sex", "category", "unit_code"}
HEADER_ALIASES = {fold(label): key for key, label in COLUMNS} | {
    "full name": "full_name",
    "name": "full_name",
    "sex": "sex",
    "date of birth": "date_of_birth",
    "category": "category",
    "position": "position",
    "unit code": "unit_code",
    "unit": "unit_code",
    "badge number": "badge_number",
    "badge": "badge_number",
    "employed from": "employed_from",
    "employed to": "employed_to",
    "don vi": "unit_code",
}
SEX_WORDS = {
    "nam": Sex.MALE,
    "male": Sex.MALE,
    "m": Sex.MALE,
    "nu": Sex.FEMALE,
    "female": Sex.FEMALE,
    "f": Sex.FEMALE,
}
CATEGORY_WORDS = (
    {fold(str(label)): value for value, label in StaffCategory.choices}
    | {value.replace("_", " "): value for value in StaffCategory.values}
    | {"cb": StaffCategory.CAN_BO, "cc": StaffCategory.CONG_CHUC, "vc": StaffCategory.VIEN_CHUC}
)
MAX_ROWS = 60000


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


_text = cell_text


def _date(value, label: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError(
        _("%(column)s không hợp lệ: “%(value)s” (cần dạng dd/mm/yyyy)") % {"column": label, "value": text}
    )


def _read_header(row) -> dict[str, int]:
    positions = header_positions(row, HEADER_ALIASES)
    missing = [label for key, label in COLUMNS if key in REQUIRED and key not in positions]
    if missing:
        raise missing_columns_error(missing)
    return positions


def _parse_row(values: dict, units: dict[str, Unit], by) -> dict:
    """Validate one row; raise ValidationError with every problem of the row in the user's language."""
    problems = []
    labels = dict(COLUMNS)
    for key in REQUIRED:
        if not _text(values.get(key)):
            problems.append(_("thiếu %(column)s") % {"column": labels[key]})
    sex = SEX_WORDS.get(fold(_text(values.get("sex"))))
    if _text(values.get("sex")) and sex is None:
        problems.append(_("Giới tính phải là Nam hoặc Nữ"))
    category = CATEGORY_WORDS.get(fold(_text(values.get("category"))))
    if _text(values.get("category")) and category is None:
        problems.append(_("Loại phải là Cán bộ, Công chức, Viên chức hoặc Người lao động"))
    unit = units.get(_text(values.get("unit_code")).upper())
    if _text(values.get("unit_code")) and (unit is None or not unit_in_scope(by, unit)):
        problems.append(
            _("không có đơn vị mã “%(code)s” trong phạm vi của bạn")
            % {"code": _text(values.get("unit_code"))}
        )
    parsed_dates = {}
    for key in ("date_of_birth", "employed_from", "employed_to"):
        try:
            parsed_dates[key] = _date(values.get(key), labels[key])
        except ValidationError as error:
            problems.extend(error.messages)
    if len(_text(values.get("full_name"))) > 150:
        problems.append(_("Họ và tên quá dài (tối đa 150 ký tự)"))
    if parsed_dates.get("employed_from") and parsed_dates.get("employed_to"):
        if parsed_dates["employed_to"] < parsed_dates["employed_from"]:
            problems.append(_("Ngày thôi việc trước ngày vào làm"))
    if problems:
        raise ValidationError("; ".join(str(p) for p in problems))
    return {
        "full_name": " ".join(_text(values["full_name"]).split()),
        "sex": sex,
        "category": category,
        "unit": unit,
        "position_name": _text(values.get("position"))[:150],
        "badge_number": _text(values.get("badge_number"))[:30] or None,
        **parsed_dates,
    }


def _save_row(data: dict) -> bool:
    """Create or update (matched by badge number) one person; True when created."""
    position = None
    if data["position_name"]:
        position, _created = Position.objects.get_or_create(name=data["position_name"])
    staff = Staff.objects.filter(badge_number=data["badge_number"]).first() if data["badge_number"] else None
    created = staff is None
    staff = staff or Staff()
    for attribute in (
        "full_name",
        "sex",
        "category",
        "unit",
        "badge_number",
        "date_of_birth",
        "employed_from",
        "employed_to",
    ):
        setattr(staff, attribute, data[attribute])
    staff.position = position
    staff.full_clean(exclude=["photo"])
    staff.save()
    return created


def import_staff(file, *, by) -> ImportReport:
    """Import staff from .xlsx: bad rows are reported with their row number and reason, good rows are saved.

    All good rows are saved in one transaction, each fully or not at all.
    """
    table = read_table(file, check_header=_read_header, max_rows=MAX_ROWS)
    units = {unit.code.upper(): unit for unit in Unit.objects.all()}
    report, seen_badges, valid = ImportReport(errors=list(table.errors)), {}, []
    for number, values in table.rows:
        try:
            data = _parse_row(values, units, by)
        except ValidationError as error:
            report.errors.append((number, "; ".join(error.messages)))
            continue
        badge = data["badge_number"]
        if badge and badge in seen_badges:
            report.errors.append(
                (
                    number,
                    _("Số thẻ %(badge)s trùng với dòng %(row)s")
                    % {"badge": badge, "row": seen_badges[badge]},
                )
            )
            continue
        if badge:
            seen_badges[badge] = number
        valid.append((number, data))
    _save_valid_rows(valid, report)
    return report


def _save_valid_rows(valid, report: ImportReport) -> None:
    with transaction.atomic():
        for number, data in valid:
            try:
                with transaction.atomic():
                    created = _save_row(data)
            except ValidationError as error:
                report.errors.append((number, "; ".join(error.messages)))
                continue
            if created:
                report.created += 1
            else:
                report.updated += 1
    report.errors.sort()


def export_staff(queryset) -> bytes:
    book = Book()
    sheet = book.sheet("Danh sách CBCCVC").header(
        [*(label for _key, label in COLUMNS), "Tên đơn vị"],
        numbered=True,
        widths=(28, 10, 12, 16, 26, 16, 14, 14, 14, 40),
    )
    for staff in queryset.select_related("unit", "position").iterator(chunk_size=2000):
        sheet.row(
            [
                staff.full_name,
                staff.get_sex_display(),
                staff.date_of_birth,
                staff.get_category_display(),
                staff.position.name if staff.position else "",
                staff.unit.code,
                staff.badge_number or "",
                staff.employed_from,
                staff.employed_to,
                staff.unit.name,
            ]
        )
    return book.to_bytes()
