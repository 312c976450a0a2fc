"""Demo feedback cases 2018–2026 for the Lạng Sơn units: every channel and topic, most answered on
time, some late, overdue, merged, forwarded or not accepted, and some published. Idempotent."""

import datetime as dt
import importlib
import random

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from congvu.accounts.models import User
from congvu.core.events import event_row, record_events
from congvu.core.workdays import add_working_days
from congvu.feedback.models import (
    Answer,
    AnswerRating,
    AnswerTemplate,
    Case,
    CaseEvent,
    Category,
    Channel,
    DeadlineRule,
    DeadlineStep,
    Decision,
    Kind,
    RefusalGround,
    Status,
    SuggestionBoxOpening,
    Topic,
)
from congvu.feedback.selectors import search_index
from congvu.people.models import Staff, StaffCategory
from congvu.people.names import person_name
from congvu.units.models import Unit

SEED = 2026
OLD_WARDS = ["CHILANG", "DONGKINH", "HOANGVANTHU", "TAMTHANH", "VINHTRAI", "HOANGDONG", "MAIPHA", "QUANGLAC"]
NEW_WARDS = ["TAMTHANH", "LUONGVANTRI", "KYLUA", "DONGKINH"]
STREETS = [
    "Lê Lợi",
    "Trần Đăng Ninh",
    "Bà Triệu",
    "Tam Thanh",
    "Lý Thái Tổ",
    "Phai Vệ",
    "Bắc Sơn",
    "Ngô Quyền",
    "Hùng Vương",
]

# topic code, category, title, content, answer
SUBJECTS = [
    (
        "dat-dai",
        Category.OBSTACLE,
        "Chậm cấp giấy chứng nhận quyền sử dụng đất",
        "Gia đình tôi nộp hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất tại bộ phận một cửa đã hơn 30 ngày nhưng chưa nhận được kết quả, cũng không được thông báo lý do.",
        "Hồ sơ của Ông/Bà phải bổ sung trích đo địa chính; bộ phận một cửa đã liên hệ hướng dẫn và trả kết quả. Phường đã nhắc nhở công chức địa chính về việc thông báo chậm.",
    ),
    (
        "dat-dai",
        Category.UNFIT,
        "Thủ tục tách thửa yêu cầu nhiều giấy tờ",
        "Thủ tục tách thửa đất ở yêu cầu nộp nhiều bản sao giấy tờ đã có trong cơ sở dữ liệu, đề nghị đơn giản hóa.",
        "UBND phường đã tổng hợp kiến nghị gửi Sở Tài nguyên và Môi trường đề xuất cắt giảm giấy tờ trùng lặp; trong khi chờ, công chức sẽ tự khai thác dữ liệu sẵn có.",
    ),
    (
        "xay-dung",
        Category.OTHER,
        "Công trình xây dựng lấn chiếm vỉa hè",
        "Công trình nhà ở tại ngõ 3 đường Bà Triệu đổ vật liệu xây dựng ra vỉa hè nhiều ngày, gây cản trở người đi bộ.",
        "Tổ quản lý trật tự đô thị đã kiểm tra, lập biên bản và yêu cầu chủ công trình thu dọn vật liệu; vỉa hè đã được hoàn trả.",
    ),
    (
        "ho-tich",
        Category.OBSTACLE,
        "Cán bộ tư pháp hẹn trả kết quả nhiều lần",
        "Tôi làm thủ tục trích lục khai sinh, bị hẹn đi hẹn lại ba lần mà không có giấy hẹn ghi rõ lý do.",
        "Phường đã kiểm điểm công chức tư pháp – hộ tịch, trả kết quả cho Ông/Bà và chấn chỉnh việc ghi phiếu hẹn theo quy định.",
    ),
    (
        "ho-tich",
        Category.SOLUTION,
        "Đề nghị trả kết quả chứng thực qua bưu điện",
        "Người cao tuổi đi lại khó khăn, đề nghị phường cho phép nhận kết quả chứng thực qua dịch vụ bưu chính công ích.",
        "Phường tiếp thu và đã triển khai trả kết quả qua bưu chính công ích từ tháng này; người dân đăng ký tại quầy.",
    ),
    (
        "giao-duc",
        Category.OTHER,
        "Thu các khoản ngoài quy định tại trường",
        "Đầu năm học, lớp của con tôi thu thêm tiền quỹ lớp và tiền mua sắm thiết bị không có trong danh mục được phép thu.",
        "Phòng Giáo dục đã kiểm tra, yêu cầu nhà trường dừng thu và hoàn trả các khoản ngoài quy định; hiệu trưởng đã bị nhắc nhở.",
    ),
    (
        "y-te",
        Category.OTHER,
        "Trạm y tế không có người trực buổi trưa",
        "Trưa ngày chủ nhật, trạm y tế phường đóng cửa, không có số điện thoại trực để người dân liên hệ.",
        "Trạm y tế đã niêm yết số điện thoại trực 24/7 và phân công lịch trực ngày nghỉ; trưởng trạm đã rút kinh nghiệm.",
    ),
    (
        "moi-truong",
        Category.OTHER,
        "Rác thải tồn đọng tại điểm tập kết",
        "Điểm tập kết rác đầu ngõ không được thu gom hai ngày liền, bốc mùi, ảnh hưởng các hộ xung quanh.",
        "Phường đã làm việc với đơn vị vệ sinh môi trường, bố trí thu gom hằng ngày và di chuyển điểm tập kết.",
    ),
    (
        "giao-thong",
        Category.OTHER,
        "Đèn chiếu sáng đường hỏng kéo dài",
        "Ba cột đèn chiếu sáng trên đường Lý Thái Tổ hỏng hơn hai tuần, buổi tối rất tối, nguy hiểm cho người đi đường.",
        "Đơn vị quản lý chiếu sáng đã thay bóng và sửa chữa tủ điện; tuyến đường đã sáng trở lại.",
    ),
    (
        "giao-thong",
        Category.OTHER,
        "Ổ gà lớn trên đường vào khu dân cư",
        "Đường vào khu dân cư có nhiều ổ gà lớn, mùa mưa đọng nước, đã có người đi xe máy bị ngã.",
        "Phường đã vá tạm các ổ gà và đưa tuyến đường vào kế hoạch duy tu năm sau.",
    ),
    (
        "chinh-sach-xa-hoi",
        Category.OBSTACLE,
        "Chậm chi trả trợ cấp xã hội",
        "Mẹ tôi thuộc diện hưởng trợ cấp xã hội hằng tháng nhưng hai tháng nay chưa được chi trả.",
        "Khoản trợ cấp chậm do thay đổi tài khoản nhận; phường đã chi trả bù đủ hai tháng và thông báo lịch chi trả.",
    ),
    (
        "kinh-doanh",
        Category.INCONSISTENT,
        "Hướng dẫn đăng ký hộ kinh doanh không thống nhất",
        "Mỗi lần hỏi, cán bộ hướng dẫn một kiểu về giấy tờ đăng ký hộ kinh doanh; trên cổng dịch vụ công lại ghi khác.",
        "Phòng Tài chính – Kế hoạch đã thống nhất bộ hướng dẫn, niêm yết tại bộ phận một cửa và cập nhật trên cổng dịch vụ công.",
    ),
    (
        "thai-do-can-bo",
        Category.OBSTACLE,
        "Thái độ thiếu tôn trọng của công chức một cửa",
        "Khi tôi hỏi lại về hồ sơ, công chức tại quầy trả lời cộc lốc và không hướng dẫn cụ thể.",
        "Lãnh đạo phường đã xác minh qua camera, yêu cầu công chức kiểm điểm và xin lỗi công dân; phường tăng cường nhắc nhở quy tắc ứng xử.",
    ),
    (
        "thai-do-can-bo",
        Category.OBSTACLE,
        "Cán bộ không đeo thẻ công chức",
        "Nhiều cán bộ tại bộ phận tiếp nhận không đeo thẻ, người dân không biết ai đang giải quyết hồ sơ của mình.",
        "Phường đã nhắc nhở toàn thể cán bộ đeo thẻ khi thi hành công vụ và đưa nội dung vào kiểm tra định kỳ.",
    ),
    (
        "khac",
        Category.INITIATIVE,
        "Đề nghị lắp màn hình tra cứu hồ sơ tại một cửa",
        "Đề nghị lắp màn hình để người dân tự tra cứu tình trạng hồ sơ, đỡ phải hỏi cán bộ.",
        "Phường tiếp thu sáng kiến, đã lắp ki-ốt tra cứu và đánh giá mức độ hài lòng tại bộ phận một cửa.",
    ),
]
COMPLAINT = (
    "dat-dai",
    "Khiếu nại quyết định thu hồi đất",
    "Tôi không đồng ý với quyết định thu hồi đất và mức bồi thường đối với gia đình tôi, đề nghị xem xét lại.",
)
STAFF_CHANNELS = [
    Channel.WEB,
    Channel.WEB,
    Channel.WEB,
    Channel.HOTLINE,
    Channel.HOTLINE,
    Channel.WALK_IN,
    Channel.WALK_IN,
    Channel.POST,
    Channel.EMAIL,
    Channel.PAPER_FORM,
    Channel.SUGGESTION_BOX,
]


def _units():
    codes = (
        [f"LS-TP-{w}" for w in OLD_WARDS]
        + [f"LS-P-{w}-2025" for w in NEW_WARDS]
        + ["LS-TP-GDDT", "LS-TP-TCKH", "LS-TP-TNMT"]
    )
    return {u.code: u for u in Unit.objects.filter(code__in=codes)}


def _aware(day, hour, minute):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


@transaction.atomic
def seed(stdout=None):
    if Case.objects.filter(is_demo=True).exists():
        return
    units = _units()
    if not units:
        return
    rng = random.Random(SEED)
    topics = {t.code: t for t in Topic.objects.all()}
    DeadlineRule.objects.get_or_create(topic=topics["ho-tich"], unit=None, defaults={"answer_days": 10})
    AnswerTemplate.objects.get_or_create(
        title="Hướng dẫn theo thủ tục khiếu nại, tố cáo",
        defaults={
            "for_complaints": True,
            "body": "Nội dung Ông/Bà gửi là khiếu nại/tố cáo, được giải quyết theo Luật Khiếu nại, Luật Tố cáo. Đề nghị Ông/Bà gửi đơn đến Ban tiếp công dân để được hướng dẫn.",
        },
    )
    AnswerTemplate.objects.get_or_create(
        title="Trả lời đã khắc phục",
        defaults={
            "body": "Qua kiểm tra, đơn vị đã khắc phục nội dung Ông/Bà phản ánh. Cảm ơn Ông/Bà đã đóng góp ý kiến."
        },
    )
    handlers = {
        u.username: u
        for u in User.objects.filter(
            username__in=["xuly.tamthanh", "truongdonvi.tamthanh", "tiepnhan.tamthanh"]
        )
    }
    today = timezone.localdate()
    reform = dt.date(2025, 7, 1)
    plan = []  # (received day, unit)
    for year in range(2018, 2027):
        count = 36 if year < 2026 else 60
        for _ in range(count):
            start = dt.date(year, 1, 2)
            end = min(dt.date(year, 12, 28), today - dt.timedelta(days=1))
            day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
            while day.weekday() >= 5:
                day -= dt.timedelta(days=1)
            if day < reform:
                code = "LS-TP-" + rng.choice(OLD_WARDS + OLD_WARDS + ["GDDT", "TCKH", "TNMT"])
            else:
                code = f"LS-P-{rng.choice(NEW_WARDS + ['TAMTHANH', 'TAMTHANH'])}-2025"
            plan.append((day, units[code]))
    for _ in range(14):  # the current weeks: new cases waiting for the intake decision and handling
        day = today - dt.timedelta(days=rng.randrange(1, 21))
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        plan.append((day, units[f"LS-P-{rng.choice(NEW_WARDS + ['TAMTHANH', 'TAMTHANH'])}-2025"]))
    plan.sort(key=lambda item: item[0])

    openings = {}
    cases, meta = [], []
    for index, (day, unit) in enumerate(plan):
        topic_code, category, title, content, answer = rng.choice(SUBJECTS)
        channel = rng.choice(STAFF_CHANNELS)
        anonymous = channel == Channel.SUGGESTION_BOX and rng.random() < 0.6 or rng.random() < 0.04
        complaint = rng.random() < 0.02
        if complaint:
            topic_code, title, content = COMPLAINT
            category = ""
        sex = rng.choice("MF")
        name = "" if anonymous else person_name(rng, "nam" if sex == "M" else "nu")
        received = _aware(day, rng.randint(7, 16), rng.choice([0, 10, 15, 25, 30, 40, 45, 50]))
        answer_days = 10 if topic_code == "ho-tich" else 15
        age = (today - day).days
        roll = rng.random()
        if anonymous:
            status = Status.ANSWERED if age > 30 else Status.IN_PROGRESS
        elif complaint:
            status = Status.REDIRECTED
        elif age <= 25:
            status = rng.choice(
                [Status.NEW, Status.IN_PROGRESS, Status.IN_PROGRESS, Status.AWAITING_APPROVAL, Status.PAUSED]
            )
        elif roll < 0.04:
            status = Status.NOT_ACCEPTED
        elif roll < 0.08:
            status = Status.FORWARDED
        elif roll < 0.11:
            status = Status.MERGED
        elif roll < 0.2 and day.year >= 2026:
            status = Status.IN_PROGRESS  # overdue, still open
        else:
            status = Status.ANSWERED
        street = rng.choice(STREETS)
        case = Case(
            channel=channel
            if not (channel == Channel.SUGGESTION_BOX and day < dt.date(2018, 2, 1))
            else Channel.POST,
            kind=Kind.SUGGESTION if anonymous else (Kind.COMPLAINT if complaint else Kind.FEEDBACK),
            status=status,
            category=category,
            topic=topics[topic_code],
            is_anonymous=anonymous,
            sender_name=name,
            sender_address="" if anonymous else f"Số {rng.randint(1, 200)} đường {street}, {unit.name}",
            sender_phone="" if anonymous else f"09{rng.randint(10000000, 99999999)}",
            sender_email="" if anonymous or rng.random() < 0.5 else f"nguoidan{index}@example.vn",
            title=title,
            content=content,
            receiving_unit=unit,
            unit=unit,
            received_at=received,
            consent_given=not anonymous and channel == Channel.WEB,
            consent_version="2026-01" if not anonymous and channel == Channel.WEB else "",
            consent_at=received if not anonymous and channel == Channel.WEB else None,
            forward_due=add_working_days(day, 5),
            answer_due=add_working_days(day, answer_days),
            hotline_number=unit.hotline if channel == Channel.HOTLINE else "",
            call_at=received if channel == Channel.HOTLINE else None,
            is_demo=True,
        )
        if complaint:
            case.complaint_suspected = case.kind_confirmed = True
        if status == Status.PAUSED:
            case.paused_on = add_working_days(day, 3)  # before the deadline: the clock stops
        if status == Status.NOT_ACCEPTED:
            # Art. 7.3 holds only for a letter without its sender's details: the demo's have none.
            case.sender_name = case.sender_address = case.sender_phone = case.sender_email = ""
            case.consent_given, case.consent_version, case.consent_at = False, "", None
            case.decision, case.refusal_ground, case.decision_reason = (
                Decision.NOT_ACCEPTED,
                RefusalGround.MISSING_SENDER,
                "Thiếu họ tên, địa chỉ và thông tin liên hệ của người gửi.",
            )
        elif status == Status.FORWARDED:
            case.decision, case.forwarded_to = (
                Decision.OUTSIDE,
                rng.choice(["Sở Tài nguyên và Môi trường", "Công an thành phố", "Điện lực Lạng Sơn"]),
            )
        elif status not in (Status.NEW, Status.MERGED, Status.REDIRECTED):
            case.decision = Decision.HANDLE
        if status == Status.REDIRECTED:
            case.public_answer = "Nội dung là khiếu nại, được hướng dẫn gửi đơn theo Luật Khiếu nại."
        answered_on = None
        if status == Status.ANSWERED:
            late = rng.random() < 0.08
            used = rng.randint(answer_days + 1, answer_days + 8) if late else rng.randint(3, answer_days)
            answered_on = add_working_days(day, used)
            if answered_on >= today:
                answered_on = today - dt.timedelta(days=1)
            case.answered_at = _aware(answered_on, rng.randint(8, 16), 30)
            case.closed_at = case.answered_at
            if rng.random() < 0.35 and not anonymous:
                case.published_at = case.answered_at + dt.timedelta(days=2)
                case.public_title, case.public_content, case.public_answer = title, content, answer
        elif status in (Status.NOT_ACCEPTED, Status.FORWARDED, Status.REDIRECTED, Status.MERGED):
            case.closed_at = _aware(add_working_days(day, rng.randint(1, 4)), 10, 0)
        if unit.code.startswith("LS-P-TAMTHANH") and status in (
            Status.IN_PROGRESS,
            Status.AWAITING_APPROVAL,
            Status.PAUSED,
            Status.ANSWERED,
        ):
            case.handler = handlers.get("xuly.tamthanh")
        if status in (
            Status.IN_PROGRESS,
            Status.AWAITING_APPROVAL,
            Status.ANSWERED,
            Status.NOT_ACCEPTED,
            Status.FORWARDED,
        ):
            case.received_by = (
                handlers.get("tiepnhan.tamthanh") if unit.code.startswith("LS-P-TAMTHANH") else None
            )
        cases.append(case)
        meta.append((answer, answered_on, channel, unit, day))

    Case.objects.bulk_create(cases, batch_size=500)
    if cases[0].pk is None:  # a backend that does not return ids
        cases = list(Case.objects.filter(is_demo=True).order_by("received_at", "pk"))
    for case in cases:
        year = timezone.localtime(case.received_at).year
        case.code = f"PA-{year}-{case.pk:06d}-{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(4))}"
        case.search_folded = search_index(case)
    Case.objects.bulk_update(cases, ["code", "search_folded"], batch_size=500)

    # Merged duplicates point at an earlier answered case of the same unit.
    last_answered = {}
    merged = []
    for case in cases:
        if case.status == Status.MERGED and case.unit_id in last_answered:
            case.merged_into_id = last_answered[case.unit_id]
            merged.append(case)
        elif case.status == Status.ANSWERED:
            last_answered[case.unit_id] = case.pk
    Case.objects.bulk_update(merged, ["merged_into"], batch_size=500)

    events, answers, ratings = [], [], []

    def step(case, at, action, by_name, *, before=None, after=None, note="", public=True):
        # Seeding thousands of steps at once: built here, written with one bulk insert below.
        events.append(
            event_row(
                case,
                action,
                at=at,
                by_name=by_name,
                before=str(before) if before else None,
                after=str(after) if after else None,
                note=note,
                public=public,
            )
        )

    for case, (answer_text, _answered_on, channel, _unit, _day) in zip(cases, meta, strict=True):
        step(
            case,
            case.received_at,
            "received",
            "" if channel == Channel.WEB else "Cán bộ tiếp nhận",
            after=Status.NEW.label,
            note=f"Tiếp nhận qua kênh: {Channel(case.channel).label}",
        )
        if case.decision:
            step(
                case,
                case.received_at + dt.timedelta(days=1),
                {Decision.HANDLE: "accepted", Decision.NOT_ACCEPTED: "not_accepted"}.get(
                    case.decision, "forwarded"
                ),
                "Cán bộ tiếp nhận",
                before=Status.NEW.label,
                after=Status(case.status if case.decision != Decision.HANDLE else Status.IN_PROGRESS).label,
                note=case.decision_reason or case.forwarded_to,
            )
        if case.status == Status.PAUSED:
            step(
                case,
                _aware(case.paused_on, 9, 0),
                "paused",
                "Người xử lý",
                before=Status.IN_PROGRESS.label,
                after=Status.PAUSED.label,
                note="Đề nghị người gửi bổ sung bản sao giấy tờ.",
            )
        if case.status in (Status.AWAITING_APPROVAL, Status.ANSWERED):
            sent = case.status == Status.ANSWERED
            answers.append(
                Answer(
                    case=case,
                    body=answer_text,
                    state=Answer.State.SENT if sent else Answer.State.SUBMITTED,
                    created_at=case.answered_at - dt.timedelta(days=1)
                    if sent
                    else case.received_at + dt.timedelta(days=3),
                    sent_at=case.answered_at,
                    sent_via="letter" if sent else "",
                    drafted_by=case.handler,
                )
            )
        if case.status == Status.ANSWERED:
            step(
                case,
                case.answered_at,
                "answered",
                "Người xử lý",
                before=Status.AWAITING_APPROVAL.label,
                after=Status.ANSWERED.label,
            )
            if case.kind == Kind.FEEDBACK and rng.random() < 0.55:
                ratings.append(
                    AnswerRating(
                        case=case,
                        satisfied=rng.random() < 0.88,
                        rated_at=case.answered_at + dt.timedelta(days=3),
                    )
                )
        if case.published_at:
            step(case, case.published_at, "published", "Người xử lý")
        if case.status == Status.MERGED and case.merged_into_id:
            step(case, case.closed_at, "merged", "Cán bộ tiếp nhận", after=Status.MERGED.label, public=False)
    record_events(events)
    # The deadline history and its stored results, by the same code that upgrades an older install.
    history = importlib.import_module("congvu.feedback.migrations.0008_rebuild_deadline_history")
    history.rebuild(Case, CaseEvent, DeadlineStep, cases)
    Answer.objects.bulk_create(answers, batch_size=1000)
    AnswerRating.objects.bulk_create(ratings, batch_size=1000)

    # Cases about an official's conduct name the official (evidence for the annual evaluation).
    through = Case.officials_concerned.through
    links = []
    for case in cases:
        if case.topic_id == topics["thai-do-can-bo"].pk and case.kind == Kind.FEEDBACK:
            staff_ids = list(
                Staff.objects.filter(
                    Q(unit=case.unit) | Q(transfers__from_unit=case.unit), category=StaffCategory.CONG_CHUC
                )
                .values_list("pk", flat=True)
                .distinct()
                .order_by("pk")[:6]
            )
            if staff_ids:
                links.append(through(case_id=case.pk, staff_id=rng.choice(staff_ids)))
    through.objects.bulk_create(links, batch_size=500)

    # Suggestion-box openings for the letters of the last months.
    for case in cases:
        if case.channel == Channel.SUGGESTION_BOX and timezone.localdate(case.received_at).year >= 2025:
            key = (case.unit_id, timezone.localdate(case.received_at))
            if key not in openings:
                openings[key] = SuggestionBoxOpening.objects.create(
                    unit=case.unit,
                    opened_on=key[1],
                    opened_by="Chủ tịch UBND phường",
                    witnesses="Đại diện Ủy ban MTTQ phường; công chức văn phòng",
                    letters_count=0,
                )
            openings[key].letters_count += 1
            case.opening = openings[key]
    for opening in openings.values():
        opening.save()
    Case.objects.bulk_update([c for c in cases if c.opening_id], ["opening"], batch_size=500)
    if stdout:
        stdout.write(
            f"  feedback cases: {len(cases)}, answers: {len(answers)}, ratings: {len(ratings)}, published: {sum(1 for c in cases if c.published_at)}"
        )
