"""Demo records for Lạng Sơn: working regulations of every city agency and ward (all issued by 2019,
some amended or replaced later; the 2025 wards' own), rewards 2018–2025, a few discipline cases, and the
province's Kế hoạch 103/KH-UBND on the public-service-culture project with its tasks for the city's units.

Discipline decisions are placed in 2021–2024 only, so that they do not disturb the 2018–2019 evaluation
figures of the seed article; a 2019 case closed without discipline shows the review path.
Dates, numbers and task texts are illustrative demo data, except the plan's number, which the article
gives.
"""

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.db import transaction

from congvu.core.audit import acting_as
from congvu.people.models import Staff, StaffCategory, Transfer
from congvu.records import services
from congvu.records.models import (
    REGULATION_UNIT_TYPES,
    Directive,
    DisciplineCase,
    DisciplineForm,
    RecordEvent,
    Reward,
    RewardTitle,
    TaskAssignment,
    TaskReport,
    WorkingRegulation,
)
from congvu.units.models import Unit

SEED = 103
CITY_END = dt.date(2025, 6, 30)
REFORM_DAY = dt.date(2025, 7, 1)
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def seed(stdout=None):
    if not Unit.objects.filter(code="LS-TP").exists():
        return
    started = dt.datetime.now(TZ)
    with transaction.atomic(), acting_as(None):
        units = {unit.code: unit for unit in Unit.objects.all()}
        made = {
            "regulations": seed_regulations(units),
            "rewards": seed_rewards(units),
            "discipline": seed_discipline(units),
            "plans": seed_plans(units),
        }
        _date_events(started)
    if stdout:
        stdout.write("  records: " + ", ".join(f"{key} +{value}" for key, value in made.items()))


# ---------------------------------------------------------------------------------------------------
# Working regulations


def _regulation_units(units, *, new: bool):
    selected = []
    for code, unit in sorted(units.items()):
        if unit.unit_type not in REGULATION_UNIT_TYPES:
            continue
        is_new = unit.valid_from == REFORM_DAY
        if new:
            if is_new:
                selected.append(unit)
        elif code in ("LS", "LS-SNV") or (code.startswith("LS-TP") and not is_new):
            selected.append(unit)
    return selected


def seed_regulations(units) -> int:
    if WorkingRegulation.objects.filter(unit=units["LS-TP"]).exists():
        return 0
    rng = random.Random(SEED)
    count = 0
    for index, unit in enumerate(_regulation_units(units, new=False)):
        signed = dt.date(rng.choice([2016, 2017, 2018]), rng.randint(1, 12), rng.randint(1, 28))
        if index % 6 == 5:  # a few updated their regulation in early 2019, as the article says
            signed = dt.date(2019, rng.randint(1, 4), rng.randint(1, 28))
        regulation = services.issue_regulation(
            unit=unit,
            kind=WorkingRegulation.Kind.ISSUED,
            title=f"Quy chế làm việc của {unit.name}",
            number=f"{rng.randint(10, 250)}/QĐ-{_short(unit)}",
            signed_on=signed,
            valid_from=signed,
            by=None,
        )
        count += 1
        if index % 4 == 1:
            services.issue_regulation(
                unit=unit,
                kind=WorkingRegulation.Kind.AMENDMENT,
                title=f"Sửa đổi, bổ sung một số điều của Quy chế làm việc của {unit.name}",
                number=f"{rng.randint(10, 250)}/QĐ-{_short(unit)}",
                signed_on=dt.date(2020, rng.randint(2, 11), rng.randint(1, 28)),
                amends=regulation,
                by=None,
            )
            count += 1
        if index % 5 == 2:
            replaced = dt.date(2021, rng.randint(1, 12), rng.randint(1, 28))
            regulation = services.issue_regulation(
                unit=unit,
                kind=WorkingRegulation.Kind.REPLACEMENT,
                title=f"Quy chế làm việc của {unit.name} (thay thế)",
                number=f"{rng.randint(10, 250)}/QĐ-{_short(unit)}",
                signed_on=replaced,
                valid_from=replaced + dt.timedelta(days=10),
                by=None,
            )
            count += 1
        if unit.valid_to:
            services.end_regulation(
                regulation=regulation,
                valid_to=unit.valid_to,
                note="Đơn vị kết thúc hoạt động khi sắp xếp đơn vị hành chính 2025",
                by=None,
            )
    for unit in _regulation_units(units, new=True):
        signed = dt.date(2025, 7, rng.randint(3, 25))
        services.issue_regulation(
            unit=unit,
            kind=WorkingRegulation.Kind.ISSUED,
            title=f"Quy chế làm việc của {unit.name}",
            number=f"{rng.randint(1, 60)}/QĐ-{_short(unit)}",
            signed_on=signed,
            valid_from=signed,
            by=None,
        )
        count += 1
    return count


def _short(unit) -> str:
    if unit.code in ("LS", "LS-TP") or unit.unit_type in ("phuong", "xa"):
        return "UBND"
    return unit.code.split("-")[-1] if not unit.code.endswith("-2025") else unit.code.split("-")[-2]


# ---------------------------------------------------------------------------------------------------
# Rewards


def ensure_default_titles():
    """The titles the data migration creates (a database flushed by tests has lost them)."""
    from importlib import import_module

    migration = import_module("congvu.records.migrations.0002_default_reward_titles")
    for order, (code, name, recipient, body) in enumerate(migration.TITLES, start=1):
        RewardTitle.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "recipient": recipient,
                "default_deciding_body": body,
                "sort_order": order,
            },
        )


def seed_rewards(units) -> int:
    if Reward.objects.exists():
        return 0
    ensure_default_titles()
    rng = random.Random(SEED + 1)
    titles = {title.code: title for title in RewardTitle.objects.all()}
    city = units["LS-TP"]
    people = list(
        Staff.objects.filter(badge_number__startswith="LS").select_related("unit").order_by("badge_number")
    )
    if not people:
        return 0
    former_unit = dict(
        Transfer.objects.filter(effective_date=REFORM_DAY).values_list("staff_id", "from_unit_id")
    )
    units_by_id = {unit.pk: unit for unit in units.values()}
    old_collectives = [
        u
        for c, u in units.items()
        if c.startswith("LS-TP-") and u.valid_to == CITY_END and u.unit_type != "mot_cua"
    ]
    new_collectives = [u for u in units.values() if u.valid_from == REFORM_DAY and u.unit_type != "mot_cua"]
    rewards = []
    plan = [("lao-dong-tien-tien", 40), ("chien-si-thi-dua-co-so", 6), ("giay-khen-ca-nhan", 4)]
    for year in range(2018, 2026):
        decided = dt.date(year + 1, 1, 10 + rng.randint(0, 15))
        proposed = dt.date(year, 12, rng.randint(1, 20))
        employed = [p for p in people if p.employed_from and p.employed_from <= dt.date(year, 6, 30)]
        chosen = rng.sample(employed, sum(n for _code, n in plan))
        for code, size in plan:
            title = titles[code]
            body = "Chủ tịch UBND thành phố Lạng Sơn" if year < 2025 else "Chủ tịch UBND phường"
            if code == "lao-dong-tien-tien":
                body = "Thủ trưởng cơ quan, đơn vị"
            number = f"{rng.randint(5, 99)}"  # one decision per title and year lists everyone
            for person in chosen[:size]:
                unit = (
                    units_by_id.get(former_unit.get(person.pk), person.unit) if year < 2025 else person.unit
                )
                rewards.append(
                    _reward(
                        title,
                        year,
                        unit,
                        proposed,
                        decided,
                        body,
                        staff=person,
                        number=number,
                    )
                )
            chosen = chosen[size:]
        collectives = old_collectives if year < 2025 else new_collectives
        collective_number = f"{rng.randint(100, 999)}"
        for unit in rng.sample(collectives, 4):
            body = "Chủ tịch UBND thành phố Lạng Sơn" if year < 2025 else "Chủ tịch UBND tỉnh Lạng Sơn"
            proposer = city if year < 2025 else units["LS"]
            rewards.append(
                _reward(
                    titles["tap-the-lao-dong-tien-tien"],
                    year,
                    proposer,
                    proposed,
                    decided,
                    body,
                    collective=unit,
                    number=collective_number,
                )
            )
    # Proposals for 2025 still waiting for the province's decision (the demo journey decides one).
    tam_thanh = units["LS-P-TAMTHANH-2025"]
    waiting = [p for p in people if p.unit_id == tam_thanh.pk and p.category == StaffCategory.CONG_CHUC][:2]
    for person in waiting:
        rewards.append(
            Reward(
                unit=tam_thanh,
                title=titles["chien-si-thi-dua-co-so"],
                year=2025,
                staff=person,
                reason="Hoàn thành xuất sắc nhiệm vụ năm 2025; có sáng kiến cải cách thủ tục hành chính tại "
                "Trung tâm Phục vụ hành chính công phường.",
                proposal_number="15/TTr-UBND",
                proposed_on=dt.date(2025, 12, 5),
            )
        )
    # The self-service demo account (canbo) has a decided reward of its own to see.
    own = Staff.objects.filter(user__username="canbo").first()
    if own and not any(r.staff_id == own.pk and r.year == 2024 for r in rewards):
        rewards.append(
            _reward(
                titles["lao-dong-tien-tien"],
                2024,
                units_by_id.get(former_unit.get(own.pk), own.unit),
                dt.date(2024, 12, 10),
                dt.date(2025, 1, 15),
                "Thủ trưởng cơ quan, đơn vị",
                staff=own,
                number="05",
            )
        )
    _fill_search(rewards)  # bulk_create skips save(), which fills the search column
    created = Reward.objects.bulk_create(rewards, batch_size=500)
    RecordEvent.objects.bulk_create(
        [RecordEvent(action="proposed", after=Reward.Status.PROPOSED, reward=r) for r in created]
        + [
            RecordEvent(action="decided", before=Reward.Status.PROPOSED, after=r.status, reward=r)
            for r in created
            if r.status == Reward.Status.DECIDED
        ],
        batch_size=1000,
    )
    return len(created)


def _reward(title, year, unit, proposed, decided, body, *, number, staff=None, collective=None):
    return Reward(
        unit=unit,
        title=title,
        year=year,
        staff=staff,
        collective=collective,
        reason=f"Hoàn thành tốt nhiệm vụ được giao năm {year}; chấp hành tốt kỷ luật, kỷ cương hành chính.",
        status=Reward.Status.DECIDED,
        proposed_on=proposed,
        deciding_body=body,
        decision_number=f"{number}/QĐ-UBND",
        decision_date=decided,
    )


def _fill_search(rewards):
    from congvu.core.text import fold

    for reward in rewards:
        name = reward.staff.full_name if reward.staff else reward.collective.name
        reward.search_folded = fold(
            f"{name} {reward.title.name} {reward.decision_number} {reward.proposal_number}"
        )[:600]


# ---------------------------------------------------------------------------------------------------
# Discipline


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
        RecordEvent.objects.create(action="opened", after=case.status, discipline_case=case)
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
        RecordEvent.objects.create(action="opened", after=case.status, discipline_case=case)
        count += 1
    return count


def _allowed(staff):
    from congvu.records.models import forms_allowed_for

    return forms_allowed_for(staff)


# ---------------------------------------------------------------------------------------------------
# Plans and directives

PLAN_103_TASKS = [
    # title, description, who ("all" | "wards" | "offices"), deadline
    (
        "Quán triệt, phổ biến Kế hoạch đến toàn thể cán bộ, công chức, viên chức",
        "Tổ chức hội nghị quán triệt; niêm yết nội dung Đề án văn hóa công vụ tại trụ sở.",
        "all",
        dt.date(2019, 6, 28),
    ),
    (
        "Rà soát, ban hành hoặc sửa đổi quy chế làm việc, quy tắc ứng xử của đơn vị",
        "Gửi quyết định ban hành (hoặc sửa đổi, bổ sung) quy chế làm việc về Phòng Nội vụ.",
        "all",
        dt.date(2019, 9, 30),
    ),
    (
        "Công khai đường dây nóng, hòm thư góp ý, phiếu đánh giá và sổ tiếp nhận phản ánh, kiến nghị",
        "Niêm yết tại Bộ phận tiếp nhận và trả kết quả; báo cáo kèm ảnh chụp.",
        "wards",
        dt.date(2019, 7, 31),
    ),
    (
        "Báo cáo kết quả thực hiện văn hóa công vụ năm 2019",
        "Báo cáo theo đề cương, kèm số liệu đánh giá, xếp loại và khen thưởng, kỷ luật.",
        "all",
        dt.date(2019, 12, 13),
    ),
    (
        "Báo cáo kết quả thực hiện văn hóa công vụ năm 2020",
        "Báo cáo theo đề cương, kèm số liệu đánh giá, xếp loại và khen thưởng, kỷ luật.",
        "all",
        dt.date(2020, 11, 20),
    ),
]

PLAN_2026_TASKS = [
    (
        "Tự kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính quý III/2026",
        "Báo cáo kết quả tự kiểm tra kèm biên bản.",
        dt.date(2026, 10, 30),
    ),
    (
        "Báo cáo kết quả thực hiện văn hóa công vụ năm 2026",
        "Báo cáo theo đề cương; số liệu khảo sát sự hài lòng tại Trung tâm Phục vụ hành chính công.",
        dt.date(2026, 12, 11),
    ),
]


def seed_plans(units) -> int:
    if Directive.objects.filter(number="103/KH-UBND").exists():
        return 0
    rng = random.Random(SEED + 2)
    city = units["LS-TP"]
    plan = services.register_directive(
        unit=city,
        doc_type=Directive.DocType.PLAN,
        issuing_body="UBND tỉnh Lạng Sơn",
        number="103/KH-UBND",
        issued_on=dt.date(2019, 5, 17),
        title="Kế hoạch thực hiện Đề án “Văn hóa công vụ” trên địa bàn tỉnh Lạng Sơn",
        by=None,
    )
    wards = [
        u for c, u in sorted(units.items()) if c.startswith("LS-TP-") and u.unit_type in ("phuong", "xa")
    ]
    offices = [u for c, u in sorted(units.items()) if c.startswith("LS-TP-") and u.unit_type == "phong"]
    count = 0
    for title, description, who, deadline in PLAN_103_TASKS:
        assignees = {"all": wards + offices, "wards": wards, "offices": offices}[who]
        task = services.add_task(
            directive=plan,
            title=title,
            description=description,
            units=assignees,
            deadline=deadline,
            assigned_on=dt.date(2019, 5, 24),
            by=None,
        )
        # Reports and acceptances of 2019–2020 in bulk (the services path is what the tests exercise);
        # each step keeps its report row and its dated event.
        assignments = list(task.assignments.all())
        reports, events = [], []
        for assignment in assignments:
            late = rng.random() < 0.04
            done = (
                deadline + dt.timedelta(days=rng.randint(3, 12))
                if late
                else deadline - dt.timedelta(days=rng.randint(0, 20))
            )
            progress = max(assignment.assigned_on, done - dt.timedelta(days=20))
            reports += [
                TaskReport(assignment=assignment, reported_on=progress, text="Đã triển khai thực hiện."),
                TaskReport(
                    assignment=assignment,
                    reported_on=done,
                    text="Đã hoàn thành nhiệm vụ; gửi kèm báo cáo.",
                    is_final=True,
                ),
            ]
            assignment.status = TaskAssignment.Status.ACCEPTED
            assignment.completed_on = done
            assignment.accepted_on = done + dt.timedelta(days=3)
            S = TaskAssignment.Status
            for action, day, before, after in (
                ("reported", progress, S.ASSIGNED, S.ASSIGNED),
                ("reported_final", done, S.ASSIGNED, S.REPORTED),
                ("accepted", assignment.accepted_on, S.REPORTED, S.ACCEPTED),
            ):
                events.append(
                    RecordEvent(
                        assignment=assignment,
                        action=action,
                        before=before,
                        after=after,
                        at=dt.datetime.combine(day, dt.time(9, 0), tzinfo=TZ),
                    )
                )
            count += 1
        TaskReport.objects.bulk_create(reports)
        TaskAssignment.objects.bulk_update(assignments, ["status", "completed_on", "accepted_on"])
        RecordEvent.objects.bulk_create(events)
    count += _seed_plan_2026(units)
    return count


def _date_events(started):
    """Events written while seeding carry today's time; give them the day each step happened."""
    events = list(
        RecordEvent.objects.filter(at__gte=started).select_related(
            "assignment", "regulation", "discipline_case"
        )
    )
    first_reports = {}
    for event in events:
        day = None
        if event.assignment_id:
            assignment = event.assignment
            day = {
                "assigned": assignment.assigned_on,
                "reported_final": assignment.completed_on,
                "accepted": assignment.accepted_on,
            }.get(event.action)
            if event.action == "reported":
                day = first_reports.setdefault(
                    assignment.pk,
                    assignment.reports.order_by("reported_on").values_list("reported_on", flat=True).first(),
                )
        elif event.regulation_id:
            regulation = event.regulation
            day = regulation.signed_on if event.action == "issued" else regulation.valid_to
        elif event.discipline_case_id:
            case = event.discipline_case
            day = {
                "opened": case.opened_on,
                "meeting": case.meeting_date,
                "decided": case.decision_date,
                "dismissed": case.meeting_date,
            }.get(event.action)
        elif event.reward_id:
            day = event.reward.decision_date if event.action == "decided" else event.reward.proposed_on
        elif event.directive_id:
            day = event.directive.issued_on
        if day:
            event.at = dt.datetime.combine(day, dt.time(9, 0), tzinfo=TZ)
    RecordEvent.objects.bulk_update(events, ["at"], batch_size=500)


def _seed_plan_2026(units) -> int:
    new_wards = [units[f"LS-P-{code}-2025"] for code in ("TAMTHANH", "LUONGVANTRI", "KYLUA", "DONGKINH")]
    plan = services.register_directive(
        unit=units["LS"],
        doc_type=Directive.DocType.PLAN,
        issuing_body="UBND tỉnh Lạng Sơn",
        number="28/KH-UBND",
        issued_on=dt.date(2026, 2, 10),
        title="Kế hoạch thực hiện văn hóa công vụ, kỷ luật, kỷ cương hành chính năm 2026",
        by=None,
    )
    count = 0
    for index, (title, description, deadline) in enumerate(PLAN_2026_TASKS):
        task = services.add_task(
            directive=plan,
            title=title,
            description=description,
            units=new_wards,
            deadline=deadline,
            assigned_on=dt.date(2026, 2, 20),
            by=None,
        )
        for assignment in task.assignments.select_related("unit"):
            count += 1
            if index == 0 and assignment.unit.code != "LS-P-TAMTHANH-2025":
                services.report_task(
                    assignment=assignment,
                    text="Đã tự kiểm tra; không phát hiện vi phạm.",
                    is_final=True,
                    reported_on=dt.date(2026, 10, 27),
                    by=None,
                )
                if assignment.unit.code != "LS-P-KYLUA-2025":
                    services.review_task(assignment=assignment, accept=True, by=None, on=dt.date(2026, 11, 2))
    return count
