"""The one spreadsheet writer behind every .xlsx congvu produces.

`SheetWriter` gives a titled sheet with an optional title block, one bold wrapped header row, rows
(with a running number when asked), column widths, dd/mm/yyyy dates and a frozen header; `Book` holds
one or more of them and turns into bytes or a download. Every value passes through `cell_value`, the one
place that decides how a Python value lands in a cell.
"""

import datetime as dt
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_HEADER = "STT"
# Excel refuses longer sheet names.
SHEET_TITLE_MAX = 31


def dmy(value) -> str:
    """A date or datetime as Vietnamese offices write it (dd/mm/yyyy), local time; "" for none."""
    if not value:
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y")


def cell_value(value):
    """How a value is stored in a cell: dates as dd/mm/yyyy text, None as empty, the rest as is."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return dmy(value)
    return value


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
        self.sheet.append([str(title) for title in titles])
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
