"""Files staff hand out: the answer letter (Decree 30/2020 .docx) and the intake register (.xlsx)."""

from django.utils import timezone

from congvu.core.documents import add_body, add_signature, document_response, official_document
from congvu.core.spreadsheets import NUMBER_HEADER, Book, dmy

REGISTER_COLUMNS = [
    NUMBER_HEADER,
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
    # Lateness at each step, as stored when the step was done (congvu.feedback.deadlines).
    "Hạn phân loại, chuyển đơn",
    "Phân loại, chuyển đơn trễ hạn",
    "Trả lời trễ hạn",
]


# Where the sender would be, for a reader outside the case's handling chain (congvu.feedback.roles).
SENDER_HIDDEN = "Người gửi (ẩn)"


def answer_letter_response(case, answer, *, show_sender: bool):
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
    recipient = (case.sender_name or "Ông/Bà") if show_sender else SENDER_HIDDEN
    address = case.sender_address if show_sender else ""
    add_body(
        document,
        f"Kính gửi: {recipient}" + (f", địa chỉ: {address}" if address else ""),
        f"Ngày {dmy(case.received_at)}, {unit.name} tiếp nhận phản ánh, kiến nghị của Ông/Bà về: {case.title}.",
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


REGISTER_WIDTHS = (5, 12, 22, 22, 28, 60, 20, 28, 28, 12, 30, 12, 14, 14, 12)


def _register_sender(case) -> tuple[str, str]:
    """Name and address; rows come annotated with `sender_visible` (congvu.feedback.roles)."""
    if case.is_anonymous:
        return "Ẩn danh", ""
    if not case.sender_visible:
        return SENDER_HIDDEN, ""
    return case.sender_name, case.sender_address


def _register_row(case) -> list:
    summary = case.title + ((": " + case.content[:300]) if case.content else "")
    result = case.get_status_display()
    if case.decision_reason and case.status == "khong_tiep_nhan":
        result += f" ({case.decision_reason})"
    if case.forwarded_to:
        result += f" → {case.forwarded_to}"
    if case.refusal_ground:
        result += f" [{case.get_refusal_ground_display()}]"
    return [
        dmy(case.received_at),
        case.code,
        *_register_sender(case),
        summary,
        case.get_channel_display(),
        " / ".join(x for x in (case.get_category_display(), case.topic.name if case.topic else "") if x),
        case.unit.name,
        dmy(case.answer_due),
        result,
        dmy(case.answered_at),
        dmy(case.forward_due),
        "Trễ hạn" if case.intake_late else "",
        {True: "Trễ hạn", False: "Đúng hạn"}.get(case.answered_late, ""),
    ]


def register_xlsx(unit, date_from, date_to, rows) -> bytes:
    """`rows`: cases annotated with `sender_visible` (congvu.feedback.roles.with_sender_visible)."""
    book = Book()
    sheet = book.sheet("So tiep nhan")
    sheet.title_block(
        f"SỔ TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ — {unit.name}", f"Từ ngày {dmy(date_from)} đến ngày {dmy(date_to)}"
    )
    sheet.header(REGISTER_COLUMNS[1:], numbered=True).widths(REGISTER_WIDTHS)
    sheet.rows(_register_row(case) for case in rows.iterator(chunk_size=2000))
    return book.to_bytes()
