"""Files staff hand out: the answer letter (Decree 30/2020 .docx) and the intake register (.xlsx)."""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from congvu.core.documents import add_body, add_signature, document_response, official_document

REGISTER_COLUMNS = [
    "STT",
    "Ngày tiếp nhận",
    "Mã",
    "Người gửi",
    "Địa chỉ",
    "Tóm tắt nội dung",
    "Kênh tiếp nhận",
    "Phân loại",
    "Đơn vị xử lý",
    "Hạn trả lời",
    "Kết quả",
    "Ngày trả lời",
]


def _d(value):
    if value is None:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value).date()
    return value.strftime("%d/%m/%Y")


def answer_letter_response(case, answer):
    unit = case.unit
    parent = unit.parent
    document = official_document(
        managing_body=parent.name if parent else "",
        issuing_body=unit.name,
        number=f"{case.pk}/TL-PAKN",
        place=(unit.address.split(",")[-1].strip() if unit.address else "Lạng Sơn") or "Lạng Sơn",
        date=timezone.localdate(answer.sent_at) if answer.sent_at else timezone.localdate(),
        kind_title="Văn bản",
        subject=f"V/v trả lời phản ánh, kiến nghị mã {case.code}",
    )
    recipient = case.sender_name or "Ông/Bà"
    add_body(
        document,
        f"Kính gửi: {recipient}" + (f", địa chỉ: {case.sender_address}" if case.sender_address else ""),
        f"Ngày {_d(case.received_at)}, {unit.name} tiếp nhận phản ánh, kiến nghị của Ông/Bà về: {case.title}.",
        *[paragraph for paragraph in answer.body.splitlines() if paragraph.strip()],
        f"Ông/Bà có thể tra cứu và đánh giá kết quả tại trang Tra cứu phản ánh với mã {case.code}.",
    )
    add_signature(
        document,
        signer_title="Thủ trưởng đơn vị",
        signer_name=answer.reviewed_by.display_name if answer.reviewed_by else "",
        recipients=[recipient, "Lưu: VT"],
    )
    return document_response(document, f"tra-loi-{case.code}.docx")


def register_xlsx(unit, date_from, date_to, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "So tiep nhan"
    sheet.append([f"SỔ TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ — {unit.name}"])
    sheet.append([f"Từ ngày {_d(date_from)} đến ngày {_d(date_to)}"])
    sheet.append(REGISTER_COLUMNS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = Font(bold=True, size=13)
    for number, case in enumerate(rows.iterator(chunk_size=2000), start=1):
        summary = case.title + ((": " + case.content[:300]) if case.content else "")
        result = case.get_status_display()
        if case.decision_reason and case.status == "khong_tiep_nhan":
            result += f" ({case.decision_reason})"
        if case.forwarded_to:
            result += f" → {case.forwarded_to}"
        sheet.append(
            [
                number,
                _d(case.received_at),
                case.code,
                "Ẩn danh" if case.is_anonymous else case.sender_name,
                case.sender_address,
                summary,
                case.get_channel_display(),
                " / ".join(
                    x for x in (case.get_category_display(), case.topic.name if case.topic else "") if x
                ),
                case.unit.name,
                _d(case.answer_due),
                result,
                _d(case.answered_at),
            ]
        )
    for letter, width in zip("ABCDEFGHIJKL", (5, 12, 22, 22, 28, 60, 20, 28, 28, 12, 30, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
