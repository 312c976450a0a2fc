"""Demo discipline cases for Lạng Sơn. Decisions are placed in 2021–2024 only, so that they do not
disturb the 2018–2019 evaluation figures of the seed article; a 2019 case closed without discipline
shows the review path. Facts, numbers and dates are illustrative."""

import datetime as dt

from congvu.core.events import record_event
from congvu.discipline import services
from congvu.discipline.models import DisciplineCase, DisciplineEvent, DisciplineForm, forms_allowed_for
from congvu.people.models import Staff, StaffCategory, Transfer
from congvu.units.demodata import REFORM_DAY, at_nine, run_step


def seed(stdout=None):
    run_step("discipline", seed_discipline, date_events=_date_events, stdout=stdout)


DISCIPLINE_CASES = [
    # (badge, origin, reference, facts, opened, outcome, form, decision date)
    (
        "LS00004",
        DisciplineCase.Origin.INSPECTION,
        "Biên bản kiểm tra KLKCHC số 05/BB-ĐKT",
        "Sử dụng đồ uống có cồn trong giờ nghỉ trưa của ngày làm việc (kiểm tra đột xuất).",
        dt.date(2019, 10, 8),
        "dismissed",
        "",
        None,
    ),
    (
        "LS00014",
        DisciplineCase.Origin.FEEDBACK,
        "Phản ánh PA-2021-0312",
        "Gây phiền hà, yêu cầu bổ sung giấy tờ không có trong thành phần hồ sơ thủ tục hành chính.",
        dt.date(2021, 4, 2),
        "decided",
        DisciplineForm.KHIEN_TRACH,
        dt.date(2021, 5, 20),
    ),
    (
        "LS00034",
        DisciplineCase.Origin.INSPECTION,
        "Biên bản kiểm tra KLKCHC số 11/BB-ĐKT",
        "Nhiều lần đi muộn, về sớm; không đeo thẻ công chức khi thi hành công vụ.",
        dt.date(2022, 9, 12),
        "decided",
        DisciplineForm.KHIEN_TRACH,
        dt.date(2022, 11, 3),
    ),
    (
        "LS00150",
        DisciplineCase.Origin.OTHER,
        "Báo cáo của Trung tâm",
        "Để thất lạc hồ sơ của người dân, không báo cáo kịp thời với lãnh đạo đơn vị.",
        dt.date(2023, 3, 6),
        "decided",
        DisciplineForm.CANH_CAO,
        dt.date(2023, 4, 18),
    ),
    (
        "LS00056",
        DisciplineCase.Origin.FEEDBACK,
        "Phản ánh PA-2024-0098",
        "Chậm giải quyết hồ sơ đất đai quá hạn nhiều lần, không thông báo lý do cho người dân.",
        dt.date(2024, 5, 14),
        "decided",
        DisciplineForm.KHIEN_TRACH,
        dt.date(2024, 7, 1),
    ),
]


def seed_discipline(units) -> int:
    if DisciplineCase.objects.exists():
        return 0
    count = 0
    for badge, origin, reference, facts, opened, outcome, form, decided in DISCIPLINE_CASES:
        staff = Staff.objects.filter(badge_number=badge).select_related("position").first()
        if staff is None:
            continue
        transfer = Transfer.objects.filter(staff=staff, effective_date=REFORM_DAY).first()
        case = DisciplineCase(
            staff=staff,
            unit_id=transfer.from_unit_id if transfer else staff.unit_id,
            origin=origin,
            origin_reference=reference,
            facts=facts,
            opened_on=opened,
        )
        case.save()
        record_event(case, "opened", after=case.status)
        services.record_discipline_meeting(
            case=case,
            meeting_date=opened + dt.timedelta(days=14),
            summary="Cuộc họp kiểm điểm đã nghe giải trình; đa số ý kiến đề nghị xử lý theo quy định.",
            by=None,
        )
        if outcome == "dismissed":
            services.dismiss_discipline(
                case=case, note="Vi phạm lần đầu, đã nhận khuyết điểm; nhắc nhở bằng văn bản.", by=None
            )
        else:
            if form not in (allowed := _allowed(staff)):
                form = allowed[0]
            services.decide_discipline(
                case=case,
                form=form,
                deciding_body="Chủ tịch UBND thành phố Lạng Sơn",
                decision_number=f"{decided.timetuple().tm_yday}/QĐ-UBND",
                decision_date=decided,
                by=None,
            )
        count += 1
    # One open case in the new Tam Thanh ward, waiting for its meeting.
    tam_thanh = units["LS-P-TAMTHANH-2025"]
    person = (
        Staff.objects.filter(unit=tam_thanh, category=StaffCategory.CONG_CHUC)
        .order_by("-badge_number")
        .first()
    )
    if person:
        case = DisciplineCase(
            staff=person,
            unit=tam_thanh,
            origin=DisciplineCase.Origin.FEEDBACK,
            origin_reference="Phản ánh PA-2026-0041",
            facts="Thái độ thiếu tôn trọng với người dân tại quầy tiếp nhận hồ sơ.",
            opened_on=dt.date(2026, 3, 9),
        )
        case.save()
        record_event(case, "opened", after=case.status)
        count += 1
    return count


def _allowed(staff):
    return forms_allowed_for(staff)


def _date_events(started):
    events = list(DisciplineEvent.objects.filter(at__gte=started).select_related("case"))
    for event in events:
        case = event.case
        day = {
            "opened": case.opened_on,
            "meeting": case.meeting_date,
            "decided": case.decision_date,
            "dismissed": case.meeting_date,
        }.get(event.action)
        if day:
            event.at = at_nine(day)
    DisciplineEvent.objects.bulk_update(events, ["at"], batch_size=500)
