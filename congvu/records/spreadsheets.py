"""The .xlsx exports of the registers (one sheet, bold header, dates as dd/mm/yyyy)."""

import io

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def d(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def xlsx_response(*, filename: str, title: str, header: list[str], rows, widths: list[int] | None = None):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(["STT", *header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    for index, width in enumerate([6, *(widths or [20] * len(header))], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.xlsx"'
    return response
