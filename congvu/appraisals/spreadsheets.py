"""Import of past years' results from .xlsx (name or badge number, unit, year, level), row by row."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congvu.accounts.scope import unit_in_scope
from congvu.appraisals import level_rules, rules
from congvu.appraisals.models import Evaluation, Level
from congvu.core.events import record_event
from congvu.core.spreadsheets import (
    Book,
    cell_text,
    header_positions,
    missing_columns_error,
    read_table,
)
from congvu.core.text import fold
from congvu.people.models import Staff
from congvu.units.lineage import subtree_q
from congvu.units.models import Unit

COLUMNS = [
    ("badge_number", "Số thẻ"),
    ("full_name", "Họ và tên"),
    ("unit_code", "Mã đơn vị"),
    ("year", "Năm"),
    ("level", "Xếp loại"),
    ("decision_number", "Số quyết định"),
]
HEADER_ALIASES = {fold(label): key for key, label in COLUMNS} | {
    "badge": "badge_number",
    "badge number": "badge_number",
    "name": "full_name",
    "full name": "full_name",
    "unit": "unit_code",
    "unit code": "unit_code",
    "year": "year",
    "level": "level",
    "decision": "decision_number",
}
LEVEL_WORDS = (
    {fold(str(label)): value for value, label in Level.choices}
    | {value.replace("_", " "): value for value in Level.values}
    | {
        "htxsnv": Level.EXCELLENT,
        "httnv": Level.GOOD,
        "htnv": Level.COMPLETED,
        "khtnv": Level.NOT_COMPLETED,
        "hoan thanh nhiem vu nhung con han che ve nang luc": Level.COMPLETED,
    }
)
MAX_ROWS = 60000


@dataclass
class ImportReport:
    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


_text = cell_text


def _header(row) -> dict[str, int]:
    positions = header_positions(row, HEADER_ALIASES)
    labels = dict(COLUMNS)
    missing = [labels[key] for key in ("unit_code", "year", "level") if key not in positions]
    if "badge_number" not in positions and "full_name" not in positions:
        missing.append(f"{labels['badge_number']} / {labels['full_name']}")
    if missing:
        raise missing_columns_error(missing)
    return positions


def _find_staff(values, unit) -> tuple[Staff | None, str]:
    badge = _text(values.get("badge_number"))
    if badge:
        staff = Staff.objects.filter(badge_number__iexact=badge).first()
        return staff, "" if staff else _("không có người có số thẻ “%(b)s”") % {"b": badge}
    name = fold(_text(values.get("full_name")))
    if not name:
        return None, _("thiếu số thẻ hoặc họ và tên")
    matches = list(Staff.objects.filter(subtree_q(unit), name_folded=name)[:2])
    if not matches:
        matches = list(Staff.objects.filter(name_folded=name, transfers__from_unit=unit).distinct()[:2])
    if len(matches) != 1:
        return None, (
            _("không tìm thấy “%(n)s” ở đơn vị này")
            if not matches
            else _("có nhiều người tên “%(n)s”; hãy dùng số thẻ")
        ) % {"n": _text(values.get("full_name"))}
    return matches[0], ""


def _parse(values, units, user, this_year):
    problems = []
    unit = units.get(_text(values.get("unit_code")).upper())
    if unit is None or not unit_in_scope(user, unit):
        problems.append(
            _("không có đơn vị mã “%(code)s” trong phạm vi của bạn")
            % {"code": _text(values.get("unit_code"))}
        )
    try:
        year = int(_text(values.get("year")))
        if not 2000 <= year < this_year:
            raise ValueError
    except ValueError:
        year = None
        problems.append(_("Năm phải là một năm đã qua (ví dụ 2019)"))
    level = LEVEL_WORDS.get(fold(_text(values.get("level"))))
    if level is None:
        problems.append(_("Xếp loại không hợp lệ: “%(v)s”") % {"v": _text(values.get("level"))})
    staff = None
    if unit is not None and not problems:
        staff, problem = _find_staff(values, unit)
        if problem:
            problems.append(problem)
    if staff is not None and year is not None:
        rule_set = rules.rule_set_for(year, staff.category)
        if rule_set is None:
            problems.append(_("không có bộ quy tắc cho năm %(y)s") % {"y": year})
        elif Evaluation.objects.filter(staff=staff, year=year, is_current=True).exists():
            problems.append(_("%(n)s đã có kết quả năm %(y)s") % {"n": staff.full_name, "y": year})
    if problems:
        return None, "; ".join(str(p) for p in problems)
    evaluation = Evaluation(
        year=year,
        staff=staff,
        unit=unit,
        category=staff.category,
        position=staff.position,
        is_manager=bool(staff.position and staff.position.is_manager),
        rule_set=rule_set,
        source=Evaluation.Source.IMPORT,
        status=Evaluation.Status.DECIDED,
        level=level,
        decision_number=_text(values.get("decision_number"))[:60],
    )
    try:
        checked = level_rules.check_level(evaluation, level, at="import")
    except ValidationError as error:
        return None, " ".join(error.messages)
    evaluation.forced_reason = f"{checked.reason} ({checked.rule.citation()})"[:300] if checked.reason else ""
    return evaluation, ""


def _refuse_groups_over_ceiling(valid, report):
    """The ceiling on "excellent" over each unit × year × staff group, counting the results already
    there: a group over its cap is refused whole (saving part of it would change its base)."""
    groups = {}
    for number, evaluation in valid:
        key = (evaluation.unit_id, evaluation.year, evaluation.category in level_rules.CBCC)
        groups.setdefault(key, []).append((number, evaluation))
    kept = []
    for rows in groups.values():
        sample = rows[0][1]
        overrides = {("new", number): evaluation.level for number, evaluation in rows}
        try:
            level_rules.check_ceiling(sample, overrides=overrides, decided_only=True)
        except ValidationError as error:
            message = " ".join(error.messages)
            report.errors.extend((number, message) for number, _evaluation in rows)
            continue
        kept.extend(rows)
    return kept


def import_results(file, *, by) -> ImportReport:
    """Good rows are saved (in one transaction), bad rows reported with their number and reason.

    Each result keeps the unit named in the file (the unit of its time) and the year's rule set."""
    from django.utils import timezone

    table = read_table(file, check_header=_header, max_rows=MAX_ROWS)
    units = {unit.code.upper(): unit for unit in Unit.objects.all()}
    report, seen, valid = ImportReport(), {}, []
    this_year = timezone.localdate().year
    for number, values in table.rows:
        evaluation, problem = _parse(values, units, by, this_year)
        if problem:
            report.errors.append((number, problem))
            continue
        key = (evaluation.staff_id, evaluation.year)
        if key in seen:
            report.errors.append((number, _("trùng với dòng %(r)s") % {"r": seen[key]}))
            continue
        seen[key] = number
        valid.append((number, evaluation))
    with transaction.atomic():
        for _number, evaluation in _refuse_groups_over_ceiling(valid, report):
            evaluation.full_clean()
            evaluation.save()
            record_event(evaluation, "imported", by=by, after={"level": evaluation.level})
            report.created += 1
    report.errors.extend(table.errors)
    report.errors.sort(key=lambda error: error[0])
    return report


def template() -> bytes:
    """The empty import sheet: its header row names the columns `import_results` reads."""
    book = Book()
    book.sheet("Kết quả xếp loại").header([label for _key, label in COLUMNS])
    return book.to_bytes()
