"""The visit minutes (biên bản kiểm tra) and the round report (báo cáo kết quả kiểm tra) in the Decree
30/2020 layout, and the register of visits as .xlsx."""

from collections import Counter

from django.db.models import Count, Q
from django.utils import timezone

from congvu.core.documents import (
    add_body,
    add_heading,
    add_signature,
    add_table,
    document_response,
    official_document,
)
from congvu.core.spreadsheets import table_xlsx
from congvu.inspections.models import Finding, TeamMember, Visit, VisitAnswer

RESULT_LABEL = {"pass": "Đạt", "fail": "Không đạt", "na": "Không áp dụng"}
SEVERITY_LABEL = {"minor": "Nhẹ", "moderate": "Trung bình", "serious": "Nghiêm trọng"}
ACTION_LABEL = {
    "": "Chưa quyết định",
    "reminder": "Nhắc nhở cán bộ",
    "remedial": "Giao đơn vị khắc phục",
    "discipline": "Đề nghị xem xét kỷ luật",
}


def _place(unit) -> str:
    """The place name on the date line: the province or city part of the unit's address."""
    name = unit.name
    for prefix in ("Thành phố ", "Tỉnh ", "Sở Nội vụ tỉnh ", "Phường ", "Xã "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return "Lạng Sơn"


def _issuer(round_) -> tuple[str, str]:
    """(managing body, issuing body) for the header."""
    unit = round_.unit
    managing = (
        f"UBND {unit.name.lower()}" if unit.unit_type in ("thanh_pho", "tinh", "phuong", "xa") else unit.name
    )
    return managing, "Đoàn kiểm tra kỷ luật, kỷ cương hành chính"


def minutes(visit: Visit):
    round_ = visit.round
    managing, issuing = _issuer(round_)
    document = official_document(
        managing_body=managing,
        issuing_body=issuing,
        number=f"{visit.pk:03d}/BB-ĐKT",
        place=_place(round_.unit),
        date=visit.date,
        kind_title="Biên bản kiểm tra",
        subject=f"Việc chấp hành kỷ luật, kỷ cương hành chính tại {visit.unit.name}",
    )
    members = list(round_.members.select_related("user", "user__staff"))
    add_body(
        document,
        f"Thực hiện Kế hoạch {round_.plan.decision_number or round_.plan.title}"
        + (
            f" và Quyết định số {round_.team_decision_number}"
            + (f" ngày {round_.team_decision_date:%d/%m/%Y}" if round_.team_decision_date else "")
            + " thành lập Đoàn kiểm tra"
            if round_.team_decision_number
            else ""
        )
        + f", hôm nay, ngày {visit.date:%d/%m/%Y}, Đoàn kiểm tra đã tiến hành kiểm tra"
        + (" (có báo trước)" if round_.announced else " (không báo trước)")
        + f" tại {visit.unit.name}.",
    )
    add_heading(document, "I. Thành phần")
    add_body(document, "1. Đoàn kiểm tra:")
    for member in members:
        role = "Trưởng đoàn" if member.role == TeamMember.Role.HEAD else "Thành viên"
        title = f", {member.title}" if member.title else ""
        add_body(document, f"- {member.user.display_name}{title} — {role};")
    add_body(document, f"2. Đại diện đơn vị được kiểm tra: {visit.unit_representative or '……………………'}.")
    add_heading(document, "II. Kết quả kiểm tra")
    answers = {a.item_id: a for a in visit.answers.prefetch_related("officials")}
    rows = []
    number = 0
    for section in visit.template_version.sections.prefetch_related("items"):
        for item in section.items.all():
            number += 1
            answer = answers.get(item.pk)
            people = ", ".join(s.full_name for s in answer.officials.all()) if answer else ""
            note = (answer.note if answer else "") + (f" ({people})" if people else "")
            rows.append(
                [number, item.text, RESULT_LABEL.get(answer.result, "") if answer else "Chưa kiểm tra", note]
            )
    add_table(document, ["TT", "Nội dung kiểm tra", "Kết quả", "Ghi chú"], rows)
    fails = [a for a in answers.values() if a.result == VisitAnswer.Result.FAIL]
    add_heading(document, "III. Nhận xét, kiến nghị")
    add_body(
        document,
        visit.summary
        or (
            f"Có {len(fails)} nội dung chưa đạt yêu cầu; đề nghị đơn vị chấn chỉnh, khắc phục."
            if fails
            else "Đơn vị chấp hành tốt các quy định về kỷ luật, kỷ cương hành chính."
        ),
        "Biên bản được lập thành 02 bản có giá trị như nhau, Đoàn kiểm tra giữ 01 bản, đơn vị được kiểm tra giữ 01 bản.",
    )
    head = next((m for m in members if m.role == TeamMember.Role.HEAD), None)
    add_signature(
        document,
        signer_title="Trưởng đoàn kiểm tra",
        signer_name=head.user.display_name if head else "",
        recipients=[visit.unit.name, "Lưu: Đoàn kiểm tra"],
    )
    document.add_paragraph()
    add_body(document, f"ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA: {visit.unit_representative or ''}")
    return document


def minutes_response(visit: Visit):
    return document_response(minutes(visit), f"bien-ban-kiem-tra-{visit.pk}-{visit.date:%Y%m%d}.docx")


def round_report(round_):
    managing, _issuing = _issuer(round_)
    end = round_.end_date
    document = official_document(
        managing_body=managing,
        issuing_body="Đoàn kiểm tra kỷ luật, kỷ cương hành chính",
        number=f"{round_.number:02d}/BC-ĐKT",
        place=_place(round_.unit),
        date=min(timezone.localdate(), end) if end >= round_.start_date else end,
        kind_title="Báo cáo",
        subject=f"Kết quả kiểm tra kỷ luật, kỷ cương hành chính đợt {round_.number} năm {round_.plan.year}",
    )
    visits = list(
        round_.visits.select_related("unit")
        .annotate(
            fails=Count("answers", filter=Q(answers__result=VisitAnswer.Result.FAIL)),
            checked=Count("answers"),
        )
        .order_by("date", "unit__path")
    )
    findings = list(Finding.objects.filter(visit__round=round_).select_related("item"))
    add_heading(document, "I. Khái quát")
    add_body(
        document,
        f"Thực hiện {round_.plan.title}"
        + (f" ({round_.plan.decision_number})" if round_.plan.decision_number else "")
        + f", từ ngày {round_.start_date:%d/%m/%Y} đến ngày {round_.end_date:%d/%m/%Y}, Đoàn kiểm tra đã kiểm tra "
        f"{len(visits)} lượt cơ quan, đơn vị về việc chấp hành kỷ luật, kỷ cương hành chính, văn hóa công sở.",
    )
    add_heading(document, "II. Kết quả kiểm tra tại các đơn vị")
    add_table(
        document,
        ["TT", "Đơn vị", "Ngày", "Số tiêu chí đã kiểm tra", "Không đạt"],
        [[i, v.unit.name, f"{v.date:%d/%m/%Y}", v.checked, v.fails] for i, v in enumerate(visits, start=1)],
    )
    add_heading(document, "III. Các nội dung vi phạm và hình thức xử lý")
    by_item = Counter(f.item.text for f in findings)
    by_action = Counter(ACTION_LABEL.get(f.action, "") for f in findings)
    if findings:
        add_table(document, ["Nội dung", "Số lượt vi phạm"], [[text, n] for text, n in by_item.most_common()])
        add_table(
            document, ["Hình thức xử lý", "Số phát hiện"], [[text, n] for text, n in by_action.most_common()]
        )
    else:
        add_body(document, "Không phát hiện vi phạm.")
    add_heading(document, "IV. Kiến nghị")
    add_body(
        document,
        "Đề nghị các cơ quan, đơn vị tiếp tục quán triệt, nhắc nhở cán bộ, công chức, viên chức nghiêm cấm sử dụng "
        "rượu, bia, đồ uống có cồn trong giờ làm việc, giờ nghỉ trưa của ngày làm việc, ngày trực; chấn chỉnh giao "
        "tiếp, ứng xử với người dân; khắc phục các tồn tại đã nêu đúng thời hạn và báo cáo kết quả về Đoàn kiểm tra.",
    )
    head = round_.head()
    add_signature(
        document,
        signer_title="Trưởng đoàn kiểm tra",
        signer_name=head.display_name if head else "",
        recipients=[round_.unit.name, "Các đơn vị được kiểm tra", "Lưu: VT"],
    )
    return document


def round_report_response(round_):
    return document_response(
        round_report(round_), f"bao-cao-ket-qua-kiem-tra-dot-{round_.number}-{round_.plan.year}.docx"
    )


REGISTER_HEADER = [
    "Năm",
    "Đợt",
    "Đơn vị tổ chức",
    "Đơn vị được kiểm tra",
    "Ngày kiểm tra",
    "Báo trước",
    "Trạng thái",
    "Số tiêu chí không đạt",
]
REGISTER_WIDTHS = [8, 6, 30, 45, 14, 10, 20, 12]


def visits_register(visits) -> bytes:
    """Sổ theo dõi lượt kiểm tra: one numbered row per visit."""
    statuses = dict(Visit.Status.choices)
    rows = (
        [
            visit.round.plan.year,
            visit.round.number,
            visit.round.unit.name,
            visit.unit.name,
            visit.date,
            "Có" if visit.round.announced else "Không",
            str(statuses.get(visit.status, visit.status)),
            getattr(visit, "fails", None),
        ]
        for visit in visits.select_related("round__plan", "round__unit", "unit").iterator()
    )
    return table_xlsx(title="Lượt kiểm tra", header=REGISTER_HEADER, rows=rows, widths=REGISTER_WIDTHS)
