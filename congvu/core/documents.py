"""Word documents in the layout of Decree 30/2020/NĐ-CP (administrative documents).

The header is a two-column table: on the left the managing body and the issuing body, the number;
on the right the national title and motto, and the place and date. Then the document's kind and
subject, the body, and the signature block with the recipients (Nơi nhận).
"""

import datetime as dt
import io

from django.http import HttpResponse
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def _paragraph(
    cell_or_doc, text, *, bold=False, italic=False, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, underline=False
):
    paragraph = cell_or_doc.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    run.font.name = FONT
    return paragraph


def vietnamese_date(place: str, day: dt.date) -> str:
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def official_document(
    *,
    issuing_body: str,
    number: str,
    place: str,
    date: dt.date,
    kind_title: str,
    subject: str = "",
    managing_body: str = "",
) -> Document:
    """A new document with the Decree 30/2020 header; add the body with `add_body`, then `add_signature`."""
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)

    header = document.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = header.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(9.5)
    left.paragraphs[0].text = ""
    if managing_body:
        _paragraph(left, managing_body.upper(), size=13)
    _paragraph(left, issuing_body.upper(), bold=True, size=13)
    _paragraph(left, f"Số: {number}", size=13)
    right.paragraphs[0].text = ""
    _paragraph(right, NATIONAL_TITLE, bold=True, size=13)
    _paragraph(right, MOTTO, bold=True, size=14, underline=True)
    _paragraph(right, vietnamese_date(place, date), italic=True, size=14)

    document.add_paragraph()
    _paragraph(document, kind_title.upper(), bold=True, size=14)
    if subject:
        _paragraph(document, subject, bold=True, size=14)
    document.add_paragraph()
    return document


def add_heading(document, text: str):
    return _paragraph(document, text, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.LEFT)


def add_body(document, *paragraphs: str):
    for text in paragraphs:
        paragraph = _paragraph(document, text, size=14, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.paragraph_format.space_after = Pt(6)


def add_table(document, header: list[str], rows: list[list]):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        _paragraph(cell, str(text), bold=True, size=12)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = ""
            _paragraph(cell, "" if value is None else str(value), size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
    document.add_paragraph()
    return table


def add_signature(
    document, *, signer_title: str, signer_name: str, recipients: list[str] = (), authority: str = ""
):
    """Signature block on the right, recipients (Nơi nhận) on the left."""
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    if recipients:
        _paragraph(left, "Nơi nhận:", bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT)
        for recipient in recipients:
            _paragraph(left, f"- {recipient};", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    right.paragraphs[0].text = ""
    if authority:
        _paragraph(right, authority.upper(), bold=True, size=14)
    _paragraph(right, signer_title.upper(), bold=True, size=14)
    for _ in range(3):
        _paragraph(right, "", size=14)
    _paragraph(right, signer_name, bold=True, size=14)
    return table


def document_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def document_response(document, filename: str) -> HttpResponse:
    response = HttpResponse(document_bytes(document), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
