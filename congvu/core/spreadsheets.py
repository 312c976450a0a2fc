"""The one spreadsheet writer behind every .xlsx congvu produces.

`SheetWriter` gives a titled sheet with an optional title block, one bold wrapped header row, rows
(with a running number when asked), column widths, dd/mm/yyyy dates and a frozen header; `Book` holds
one or more of them and turns into bytes or a download. Every value passes through `cell_value`, the one
place that decides how a Python value lands in a cell, and every book passes through `keep_formulas_out`
before it is saved: text a spreadsheet program would run as a formula (a citizen named
`=HYPERLINK(...)`) stays text, whichever way the cell was written.

`read_table` reads an uploaded sheet within bounds: the zip's announced sizes are checked before openpyxl
opens it (the shared-strings table is loaded whole even in read-only mode), rows and columns are capped.
"""

import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from congvu.core.text import fold
from congvu.core.uploads import check_office_archive

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_HEADER = "STT"
# Excel refuses longer sheet names.
SHEET_TITLE_MAX = 31
# What makes Excel, LibreOffice or Google Sheets read a text as a formula (OWASP, "CSV injection"): the
# four formula signs, and the tab and carriage return some of them skip before one.
FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")


def dmy(value) -> str:
    """A date or datetime as Vietnamese offices write it (dd/mm/yyyy), local time; "" for none."""
    if not value:
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y")


def cell_value(value):
    """How a value is stored in a cell: dates as dd/mm/yyyy text, None as empty, text without the control
    characters the .xlsx format cannot hold (openpyxl would refuse the whole export), the rest as is."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return dmy(value)
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def looks_like_formula(value) -> bool:
    """Text that a spreadsheet program would run as a formula. Numbers are never formulas (-5 is -5)."""
    return isinstance(value, str) and value.startswith(FORMULA_SIGNS)


def keep_as_text(cell) -> None:
    """Store the cell as plain text with Excel's own leading apostrophe (quotePrefix): the text shows
    exactly as written, and stays text when someone edits the cell, instead of a visible "'" being added
    to a citizen's words."""
    cell.data_type = "s"
    cell.quotePrefix = True


def keep_formulas_out(sheet) -> None:
    """Every formula-like text cell of `sheet` kept as text. No export of ours writes a formula."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f" or looks_like_formula(cell.value):
                keep_as_text(cell)


class SheetWriter:
    def __init__(self, sheet, *, title: str):
        self.sheet = sheet
        sheet.title = title[:SHEET_TITLE_MAX]
        self.numbered = False
        self.count = 0

    def title_block(self, *lines: str) -> "SheetWriter":
        """Lines above the table (the register's name, the period); the first one large and bold."""
        for index, line in enumerate(lines):
            self.sheet.append([cell_value(line)])
            if index == 0:
                self.sheet.cell(row=self.sheet.max_row, column=1).font = Font(bold=True, size=13)
        return self

    def header(self, titles: Sequence[str], *, numbered: bool = False, widths: Sequence[int] | None = None):
        """The bold header row; `numbered` adds an STT column filled by `rows`."""
        self.numbered = numbered
        titles = [NUMBER_HEADER, *titles] if numbered else list(titles)
        self.sheet.append([cell_value(str(title)) for title in titles])
        header_row = self.sheet.max_row
        for cell in self.sheet[header_row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        # A coordinate, not a cell: creating the cell below would make the next row() skip a line.
        self.sheet.freeze_panes = f"A{header_row + 1}"
        if widths is not None:
            self.widths([6, *widths] if numbered else widths)
        return self

    def row(self, values: Iterable) -> "SheetWriter":
        self.count += 1
        values = [cell_value(value) for value in values]
        self.sheet.append([self.count, *values] if self.numbered else values)
        return self

    def rows(self, rows: Iterable[Iterable]) -> "SheetWriter":
        for values in rows:
            self.row(values)
        return self

    def widths(self, widths: Sequence[int]) -> "SheetWriter":
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        return self


class Book:
    """A workbook of SheetWriters; the first `sheet()` uses the workbook's own first sheet."""

    def __init__(self):
        self.workbook = Workbook()
        self._fresh = True

    def sheet(self, title: str) -> SheetWriter:
        if self._fresh:
            self._fresh = False
            return SheetWriter(self.workbook.active, title=title)
        return SheetWriter(self.workbook.create_sheet(), title=title)

    def to_bytes(self) -> bytes:
        for sheet in self.workbook.worksheets:
            keep_formulas_out(sheet)
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()


def xlsx_response(content: bytes, filename: str, *, dated: bool = True) -> HttpResponse:
    """A download of `content` as `<filename>-<yyyymmdd>.xlsx` (or `<filename>.xlsx`)."""
    response = HttpResponse(content, content_type=XLSX)
    stem = f"{filename}-{timezone.localdate():%Y%m%d}" if dated else filename
    response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
    return response


def table_xlsx(
    *, title: str, header: Sequence[str], rows: Iterable[Iterable], widths=None, numbered=True
) -> bytes:
    """The common case: one sheet, one numbered table."""
    book = Book()
    book.sheet(title).header(header, numbered=numbered, widths=widths).rows(rows)
    return book.to_bytes()


# Reading an uploaded table --------------------------------------------------------------------------


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read (not .xlsx, no header row, missing columns)."""


def cell_text(value) -> str:
    """A cell as trimmed text; a whole number typed in Excel (12.0) as "12"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def header_positions(row, aliases: dict[str, str]) -> dict[str, int]:
    """The column of each known heading: `aliases` maps a folded heading ("ho va ten") to a key."""
    positions: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = aliases.get(fold(cell_text(cell)))
        if key and key not in positions:
            positions[key] = index
    return positions


def missing_columns_error(labels) -> SpreadsheetError:
    return SpreadsheetError(_("Thiếu cột bắt buộc: %(columns)s") % {"columns": ", ".join(labels)})


@dataclass
class Table:
    """The rows of an uploaded sheet: (row number, {key: value}) for each non-empty row, and the errors
    that concern the file rather than a row (too many rows)."""

    rows: list[tuple[int, dict]]
    errors: list[tuple[int, str]]


# An import sheet has a few dozen columns; a row of 16,384 cells is made to fill memory.
MAX_COLUMNS = 100
MAX_IMPORT_BYTES = 20 * 1024 * 1024
# The parts openpyxl reads of an uploaded workbook, by their unpacked size. The shared strings (every
# distinct text of the workbook) are held whole in memory even in read-only mode: 20 MB is some 300,000
# distinct names and addresses. Worksheets are streamed, but their size bounds the time spent.
IMPORT_PART_LIMITS = {
    "xl/sharedStrings.xml": 20 * 1024 * 1024,
    "xl/worksheets/*.xml": 100 * 1024 * 1024,
    "xl/styles.xml": 10 * 1024 * 1024,
}


def check_import_file(file) -> None:
    """Refuse, before openpyxl sees it, an upload that is not an .xlsx or whose parts are too large."""
    name = getattr(file, "name", "") or ""
    if getattr(file, "size", 0) > MAX_IMPORT_BYTES:
        raise SpreadsheetError(_("Tệp quá lớn (tối đa %(n)s MB).") % {"n": MAX_IMPORT_BYTES // (1024 * 1024)})
    file.seek(0)
    head = file.read(4)
    file.seek(0)
    if head != b"PK\x03\x04":
        raise SpreadsheetError(_("Không đọc được tệp. Hãy tải lên tệp Excel .xlsx."))
    try:
        check_office_archive(file, name=name, part_limits=IMPORT_PART_LIMITS)
    except ValidationError as error:
        raise SpreadsheetError(error.messages[0]) from error


def read_table(
    file, *, check_header: Callable[[tuple], dict[str, int]], max_rows: int, max_columns: int = MAX_COLUMNS
) -> Table:
    """Read the first sheet of an uploaded .xlsx. `check_header(header_row)` returns the column of each
    key or raises SpreadsheetError for a missing column; rows past `max_rows` are refused with one error,
    columns past `max_columns` are not read."""
    check_import_file(file)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001  (openpyxl raises many kinds for a file that is not .xlsx)
        raise SpreadsheetError(_("Không đọc được tệp. Hãy tải lên tệp Excel .xlsx.")) from error
    try:
        sheet_rows = workbook.worksheets[0].iter_rows(values_only=True, max_col=max_columns)
        header = next(sheet_rows, None)
        if header is None:
            raise SpreadsheetError(_("Tệp không có dữ liệu."))
        positions = check_header(header)
        table = Table(rows=[], errors=[])
        for number, row in enumerate(sheet_rows, start=2):
            if number > max_rows:
                table.errors.append((number, _("Tệp quá lớn: tối đa %(n)s dòng") % {"n": max_rows}))
                break
            if not any(cell_text(value) for value in row):
                continue
            values = {key: row[index] if index < len(row) else None for key, index in positions.items()}
            table.rows.append((number, values))
        return table
    finally:
        workbook.close()
