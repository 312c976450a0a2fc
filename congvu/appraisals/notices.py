"""The written notice of the result to the person (Decree 30/2020 layout)."""

from django.utils import timezone

from congvu.core.documents import add_body, add_signature, add_table, official_document


def _place(unit) -> str:
    top = unit.ancestors().first() or unit
    name = top.name
    for prefix in ("Tỉnh ", "Thành phố "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def notice_document(evaluation):
    unit = evaluation.unit
    decided = (
        timezone.localtime(evaluation.decided_at).date() if evaluation.decided_at else timezone.localdate()
    )
    document = official_document(
        issuing_body=unit.name,
        managing_body=unit.parent.name if unit.parent_id else "",
        number=f"{evaluation.decision_number}",
        place=_place(unit),
        date=decided,
        kind_title="Thông báo",
        subject=f"Kết quả đánh giá, xếp loại chất lượng năm {evaluation.year}",
    )
    staff = evaluation.staff
    add_body(
        document,
        f"Căn cứ {evaluation.rule_set.legal_basis};",
        f"{unit.name} thông báo kết quả đánh giá, xếp loại chất lượng năm {evaluation.year} của "
        f"ông/bà {staff.full_name}"
        + (f", {evaluation.position.name}" if evaluation.position_id else "")
        + " như sau:",
    )
    rows = [["Xếp loại", evaluation.level_label()]]
    if evaluation.total_score is not None:
        rows.append(["Tổng điểm", f"{evaluation.total_score:.2f}/100"])
    if evaluation.forced_reason:
        rows.append(["Lý do", evaluation.forced_reason])
    if evaluation.supersedes_id:
        rows.append(
            [
                "Đính chính",
                f"Thay thế Quyết định số {evaluation.supersedes.decision_number}: {evaluation.correction_reason}",
            ]
        )
    add_table(document, ["Nội dung", "Kết quả"], rows)
    add_body(
        document,
        f"Trong thời hạn {evaluation.rule_set.complaint_days} ngày kể từ ngày kết quả được công khai, "
        "nếu không đồng ý, ông/bà có quyền khiếu nại theo quy định.",
    )
    signer = evaluation.decided_by
    add_signature(
        document,
        signer_title="Thủ trưởng đơn vị",
        signer_name=(signer.display_name if signer else ""),
        recipients=[staff.full_name, "Lưu: VT"],
    )
    return document
