"""Demo inspections: Lạng Sơn city's rounds of 2019–2020 (8 rounds, 77 unit visits up to November 2020,
as in the seed article), with findings, reminders and remedial work; then rounds on the 2025 units,
organised by the province's Sở Nội vụ and by the new Phường Tam Thanh.

Records are bulk-created for speed (events go through record_event, as everywhere); rerunning changes nothing (each plan is looked up by its number).
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from congvu.accounts.models import User
from congvu.core.events import record_event
from congvu.core.workdays import add_working_days
from congvu.inspections.checklist import default_template_version
from congvu.inspections.models import (
    ChecklistItem,
    DisciplineProposal,
    Finding,
    InspectionPlan,
    RemedialTask,
    Reminder,
    Round,
    TeamMember,
    TemplateVersion,
    Visit,
    VisitAnswer,
)
from congvu.inspections.services import finding_of
from congvu.people.models import Staff, Transfer
from congvu.units.lineage import path_within, subtree_q
from congvu.units.models import Unit, UnitType

SEED = 1847
TZ = timezone.get_current_timezone()

# Items about a person's conduct end in a reminder; items about the office end in a remedial task.
PERSONAL = {
    "the-cong-chuc",
    "trang-phuc",
    "gio-lam-viec",
    "ruou-bia",
    "hut-thuoc",
    "viec-rieng",
    "thai-do",
    "lang-nghe",
}
FAIL_RATE = {
    "the-cong-chuc": 0.10,
    "trang-phuc": 0.04,
    "gio-lam-viec": 0.08,
    "ruou-bia": 0.02,
    "hut-thuoc": 0.04,
    "viec-rieng": 0.04,
    "thai-do": 0.02,
    "lang-nghe": 0.03,
    "cong-khai-tthc": 0.05,
    "duong-day-nong": 0.06,
    "mo-hom-thu": 0.06,
    "so-tiep-nhan": 0.07,
    "quy-che": 0.0,  # every unit had its working regulation (the article: 100%)
    "bai-tri": 0.05,
}
NOT_APPLICABLE_OUTSIDE_WARDS = {"cong-khai-tthc", "duong-day-nong", "mo-hom-thu", "so-tiep-nhan"}
ALCOHOL = (
    "Quán triệt, nhắc nhở cán bộ, công chức, viên chức nghiêm cấm sử dụng rượu, bia, đồ uống có cồn trong giờ "
    "làm việc, giờ nghỉ trưa của ngày làm việc, ngày trực; chú ý giao tiếp, ứng xử khi giải quyết công việc "
    "của người dân."
)

# (plan key, organiser code, year, plan title, decision, decision date, rounds)
# each round: (title, start, end, announced, team decision, unit selector, visit count, visit status list)
CITY_PLANS = [
    (
        "LS-TP",
        2019,
        "Kế hoạch kiểm tra kỷ luật, kỷ cương hành chính năm 2019",
        "15/KH-UBND",
        dt.date(2019, 1, 25),
        [
            (
                "Kiểm tra các phường, xã và bộ phận một cửa",
                dt.date(2019, 3, 11),
                dt.date(2019, 3, 22),
                True,
                10,
            ),
            ("Kiểm tra các phòng chuyên môn", dt.date(2019, 5, 13), dt.date(2019, 5, 24), False, 9),
            ("Kiểm tra các trường học, trung tâm", dt.date(2019, 8, 12), dt.date(2019, 8, 23), True, 10),
            ("Kiểm tra đột xuất sau kỳ nghỉ", dt.date(2019, 10, 14), dt.date(2019, 10, 25), False, 10),
        ],
    ),
    (
        "LS-TP",
        2020,
        "Kế hoạch kiểm tra kỷ luật, kỷ cương hành chính năm 2020",
        "12/KH-UBND",
        dt.date(2020, 1, 20),
        [
            (
                "Kiểm tra các phường, xã và bộ phận một cửa",
                dt.date(2020, 6, 8),
                dt.date(2020, 6, 19),
                True,
                10,
            ),
            ("Kiểm tra các phòng chuyên môn", dt.date(2020, 7, 13), dt.date(2020, 7, 24), False, 9),
            ("Kiểm tra các trường học, trung tâm", dt.date(2020, 9, 14), dt.date(2020, 9, 25), True, 10),
            ("Kiểm tra đột xuất cuối năm", dt.date(2020, 11, 9), dt.date(2020, 11, 20), False, 9),
        ],
    ),
]


def _working_days(start: dt.date, end: dt.date) -> list[dt.date]:
    days, day = [], start
    while day <= end:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _staff_by_unit(units: list[Unit]) -> dict[int, list[int]]:
    """Staff ids of each unit as it was before the 2025 transfers (or now, for units created since)."""
    ids = [u.pk for u in units]
    found: dict[int, list[int]] = {pk: [] for pk in ids}
    for staff_id, unit_id in Transfer.objects.filter(from_unit_id__in=ids).values_list(
        "staff_id", "from_unit_id"
    ):
        found[unit_id].append(staff_id)
    for staff_id, unit_id in Staff.objects.filter(unit_id__in=ids).values_list("pk", "unit_id"):
        found[unit_id].append(staff_id)
    for values in found.values():
        values.sort()
    return found


def _aware(day: dt.date, hour: int = 16) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=TZ)


class Builder:
    def __init__(self, rng, version, head, member):
        self.rng = rng
        self.version = version
        self.items = list(
            ChecklistItem.objects.filter(section__version=version)
            .order_by("section__order", "order")
            .values_list("pk", "code", "default_severity")
        )
        self.head, self.member = head, member

    def plan(self, unit, year, title, number, date):
        plan, _created = InspectionPlan.objects.get_or_create(
            unit=unit, year=year, decision_number=number, defaults={"title": title, "decision_date": date}
        )
        return plan

    def round(self, plan, number, title, start, end, announced):
        round_ = Round.objects.create(
            plan=plan,
            unit=plan.unit,
            number=number,
            title=title,
            start_date=start,
            end_date=end,
            announced=announced,
            team_decision_number=f"{number * 7 + plan.year % 100}/QĐ-{'SNV' if plan.unit.code == 'LS-SNV' else 'UBND'}",
            team_decision_date=start - dt.timedelta(days=7),
            template_version=self.version,
        )
        TeamMember.objects.bulk_create(
            [
                TeamMember(
                    round=round_, user=self.head, role=TeamMember.Role.HEAD, title="Phó Trưởng phòng Nội vụ"
                ),
                TeamMember(round=round_, user=self.member, role=TeamMember.Role.MEMBER, title="Chuyên viên"),
            ]
        )
        record_event(round_, "round_created", after=str(number), note=title, unit=plan.unit)
        return round_

    def visits(self, round_, units, staff_by_unit, *, statuses=None):
        """Visits on the round's working days, two a day; closed unless `statuses` says otherwise."""
        days = _working_days(round_.start_date, round_.end_date)
        visits = []
        for index, unit in enumerate(units):
            status = statuses[index] if statuses else Visit.Status.CLOSED
            day = days[min(index // 2, len(days) - 1)]
            visits.append(
                Visit(
                    round=round_,
                    unit=unit,
                    date=day,
                    status=status,
                    template_version=self.version,
                    unit_representative="Lãnh đạo đơn vị",
                    summary=ALCOHOL if status == Visit.Status.CLOSED else "",
                    recorded_by=self.member if status != Visit.Status.PLANNED else None,
                    submitted_at=_aware(day, 11)
                    if status in (Visit.Status.SUBMITTED, Visit.Status.CLOSED)
                    else None,
                    closed_at=_aware(day) if status == Visit.Status.CLOSED else None,
                    closed_by=self.head if status == Visit.Status.CLOSED else None,
                    revision=1 if status != Visit.Status.PLANNED else 0,
                )
            )
        visits = Visit.objects.bulk_create(visits)
        for visit in visits:
            record_event(visit, "visit_scheduled", after="planned", unit=visit.unit, round=round_)
            if visit.status == Visit.Status.CLOSED:
                record_event(
                    visit,
                    "visit_closed",
                    by=self.head,
                    before="submitted",
                    after="closed",
                    unit=visit.unit,
                    round=round_,
                )
        self.answers([v for v in visits if v.status != Visit.Status.PLANNED], staff_by_unit)
        return visits

    def answers(self, visits, staff_by_unit):
        answers, officials = [], []
        for visit in visits:
            ward_like = visit.unit.unit_type in (UnitType.WARD, UnitType.COMMUNE, UnitType.ONE_STOP)
            people = staff_by_unit.get(visit.unit_id) or []
            for item_id, code, _severity in self.items:
                if not ward_like and code in NOT_APPLICABLE_OUTSIDE_WARDS:
                    result, note = VisitAnswer.Result.NOT_APPLICABLE, ""
                elif self.rng.random() < FAIL_RATE.get(code, 0.03):
                    result, note = VisitAnswer.Result.FAIL, _fail_note(code)
                else:
                    result, note = VisitAnswer.Result.PASS, ""
                answer = VisitAnswer(visit=visit, item_id=item_id, result=result, note=note)
                answers.append(answer)
                if result == VisitAnswer.Result.FAIL and code in PERSONAL and people:
                    officials.append((answer, self.rng.choice(people)))
        VisitAnswer.objects.bulk_create(answers, batch_size=500)
        through = VisitAnswer.officials.through
        through.objects.bulk_create(
            [through(visitanswer_id=a.pk, staff_id=s) for a, s in officials], batch_size=500
        )

    def findings(self, visits, *, accept_until: dt.date, late_every: int = 6):
        """Findings for the failed items of closed visits, each with its action carried out."""
        closed = {v.pk: v for v in visits if v.status == Visit.Status.CLOSED}
        failed = list(
            VisitAnswer.objects.filter(visit_id__in=closed, result=VisitAnswer.Result.FAIL)
            .select_related("item")
            .prefetch_related("officials")
            .order_by("visit__date", "pk")
        )
        reminders = []
        for index, answer in enumerate(failed):
            visit = closed[answer.visit_id]
            people = list(answer.officials.all())
            personal = answer.item.code in PERSONAL and people
            serious = answer.item.code == "ruou-bia" and index % 2 == 0
            action = (
                Finding.Action.DISCIPLINE
                if personal and serious
                else Finding.Action.REMINDER
                if personal
                else Finding.Action.REMEDIAL
            )
            finding = finding_of(answer, visit, action=action, status=Finding.Status.CLOSED)
            finding.officials.set(people)
            record_event(finding, "finding_opened", after="open", unit=visit.unit, visit=visit)
            record_event(finding, "finding_decided", by=self.head, after=action, unit=visit.unit, visit=visit)
            if action == Finding.Action.REMINDER:
                reminders += [
                    Reminder(
                        finding=finding,
                        staff=person,
                        unit=visit.unit,
                        date=visit.date,
                        content=ALCOHOL
                        if answer.item.code == "ruou-bia"
                        else f"Nhắc nhở: {answer.item.text.lower()}.",
                        created_by=self.head,
                    )
                    for person in people
                ]
            elif action == Finding.Action.DISCIPLINE:
                for person in people:
                    DisciplineProposal.objects.create(
                        finding=finding,
                        staff=person,
                        unit=visit.unit,
                        facts=f"{answer.note} (phát hiện qua kiểm tra ngày {visit.date:%d/%m/%Y})",
                        created_by=self.head,
                    )
            else:
                assigned = visit.date + dt.timedelta(days=1)
                deadline = add_working_days(assigned, 10)
                late = index % late_every == late_every - 1
                reported = (
                    deadline + dt.timedelta(days=4) if late else deadline - dt.timedelta(days=2 + index % 5)
                )
                done = reported <= accept_until
                task = RemedialTask.objects.create(
                    finding=finding,
                    unit=visit.unit,
                    description=f"Khắc phục: {answer.item.text.lower()}; báo cáo kết quả kèm ảnh minh chứng.",
                    working_days=10,
                    assigned_on=assigned,
                    deadline=deadline,
                    status=RemedialTask.Status.ACCEPTED if done else RemedialTask.Status.OPEN,
                    report="Đơn vị đã khắc phục, có ảnh kèm theo." if done else "",
                    reported_on=reported if done else None,
                    accepted_on=reported + dt.timedelta(days=2) if done else None,
                    reviewed_by=self.head if done else None,
                    reminded_at=_aware(deadline) if done or deadline < accept_until else None,
                    escalated_at=_aware(deadline + dt.timedelta(days=1))
                    if not done and deadline < accept_until
                    else None,
                )
                record_event(task, "task_assigned", after="open", unit=visit.unit, finding=finding)
                if done:
                    record_event(task, "task_reported", before="open", after="reported", unit=visit.unit)
                    record_event(
                        task,
                        "task_accepted",
                        by=self.head,
                        before="reported",
                        after="accepted",
                        unit=visit.unit,
                    )
                else:
                    finding.status = Finding.Status.OPEN
                    finding.save(update_fields=["status"])
        Reminder.objects.bulk_create(reminders)


def _fail_note(code: str) -> str:
    return {
        "the-cong-chuc": "Một công chức không đeo thẻ khi làm việc.",
        "trang-phuc": "Trang phục chưa gọn gàng, lịch sự.",
        "gio-lam-viec": "Một người đến muộn sau giờ làm việc buổi sáng.",
        "ruou-bia": "Sử dụng bia trong giờ nghỉ trưa của ngày làm việc.",
        "hut-thuoc": "Hút thuốc lá trong phòng làm việc.",
        "viec-rieng": "Làm việc riêng trong giờ làm việc.",
        "thai-do": "Người dân phản ánh bị hướng dẫn thiếu nhiệt tình, phải đi lại nhiều lần.",
        "lang-nghe": "Hướng dẫn người dân chưa đầy đủ, rõ ràng.",
        "cong-khai-tthc": "Niêm yết thủ tục hành chính chưa cập nhật.",
        "duong-day-nong": "Chưa niêm yết số đường dây nóng tại nơi dễ thấy.",
        "mo-hom-thu": "Hòm thư góp ý không được mở theo định kỳ.",
        "so-tiep-nhan": "Sổ tiếp nhận phản ánh, kiến nghị ghi chép chưa đầy đủ.",
        "bai-tri": "Thiếu biển tên phòng làm việc.",
    }.get(code, "Chưa đạt yêu cầu.")


def _city_units(city) -> list[Unit]:
    units = list(Unit.objects.filter(subtree_q(city, "")).exclude(pk=city.pk).order_by("sort_order", "code"))
    order = {
        UnitType.WARD: 0,
        UnitType.COMMUNE: 0,
        UnitType.ONE_STOP: 1,
        UnitType.OFFICE: 2,
        UnitType.CENTRE: 3,
        UnitType.SCHOOL: 4,
    }
    return sorted(units, key=lambda u: (order.get(u.unit_type, 5), u.code))


def seed_city(builder, staff_by_unit):
    city = Unit.objects.get(code="LS-TP")
    if InspectionPlan.objects.filter(unit=city).exists():
        return 0
    units = _city_units(city)
    cursor = 0
    total = 0
    for _code, year, title, number, date, rounds in CITY_PLANS:
        plan = builder.plan(city, year, title, number, date)
        for round_number, (round_title, start, end, announced, count) in enumerate(rounds, start=1):
            round_ = builder.round(plan, round_number, round_title, start, end, announced)
            chosen = [units[(cursor + i) % len(units)] for i in range(count)]
            cursor += count
            visits = builder.visits(round_, chosen, staff_by_unit)
            builder.findings(visits, accept_until=dt.date(2020, 12, 31))
            total += len(visits)
    return total


def seed_after_reform(builder, staff_by_unit):
    snv = Unit.objects.get(code="LS-SNV")
    tam_thanh = Unit.objects.get(code="LS-P-TAMTHANH-2025")
    if InspectionPlan.objects.filter(unit__in=[snv, tam_thanh]).exists():
        return 0
    wards = list(Unit.objects.filter(code__regex=r"^LS-P-[A-Z]+-2025$").order_by("code"))
    centres = list(Unit.objects.filter(code__regex=r"^LS-P-[A-Z]+-2025-TTHCC$").order_by("code"))
    schools = list(Unit.objects.filter(code__regex=r"^LS-TP-TR\d+-2025$").order_by("code"))
    total = 0
    plan = builder.plan(
        snv,
        2025,
        "Kế hoạch kiểm tra công vụ sau sắp xếp đơn vị hành chính năm 2025",
        "210/KH-SNV",
        dt.date(2025, 8, 15),
    )
    round_ = builder.round(
        plan,
        1,
        "Kiểm tra các phường và Trung tâm Phục vụ hành chính công",
        dt.date(2025, 10, 6),
        dt.date(2025, 10, 17),
        True,
    )
    visits = builder.visits(round_, wards + centres, staff_by_unit)
    builder.findings(visits, accept_until=dt.date(2026, 1, 31))
    total += len(visits)
    plan = builder.plan(
        snv,
        2026,
        "Kế hoạch kiểm tra kỷ luật, kỷ cương hành chính năm 2026",
        "35/KH-SNV",
        dt.date(2026, 1, 22),
    )
    round_ = builder.round(
        plan, 1, "Kiểm tra đột xuất các trường học", dt.date(2026, 4, 6), dt.date(2026, 4, 17), False
    )
    visits = builder.visits(round_, schools[::6], staff_by_unit)
    builder.findings(visits, accept_until=dt.date(2026, 6, 30))
    total += len(visits)
    # The new Phường Tam Thanh checks its own units: one visit closed with open remedial work, one waiting
    # for the team head, one still to be recorded.
    plan = builder.plan(
        tam_thanh,
        2026,
        "Kế hoạch kiểm tra công vụ phường Tam Thanh năm 2026",
        "08/KH-UBND",
        dt.date(2026, 2, 2),
    )
    round_ = builder.round(
        plan,
        1,
        "Kiểm tra Trung tâm Phục vụ hành chính công và các trường",
        dt.date(2026, 11, 2),
        dt.date(2026, 12, 11),
        True,
    )
    local = [
        u
        for u in [Unit.objects.get(code="LS-P-TAMTHANH-2025-TTHCC"), *schools]
        if path_within(u, [tam_thanh])
    ][:3]
    statuses = [Visit.Status.CLOSED, Visit.Status.SUBMITTED, Visit.Status.PLANNED][: len(local)]
    visits = builder.visits(round_, local, staff_by_unit, statuses=statuses)
    _open_task(builder, visits[0])
    total += len(visits)
    return total


def _open_task(builder, visit):
    """Make sure the Tam Thanh demo has one failed item turned into a task that is now overdue."""
    item = visit.template_version.sections.get(order=4).items.get(code="so-tiep-nhan")
    answer = VisitAnswer.objects.get(visit=visit, item=item)
    answer.result, answer.note = VisitAnswer.Result.FAIL, _fail_note("so-tiep-nhan")
    answer.save()
    builder.findings([visit], accept_until=visit.date)


@transaction.atomic
def seed(stdout=None):
    version = default_template_version()
    # The demo's checklist has been in use since the 2019 plan.
    TemplateVersion.objects.filter(pk=version.pk, published_at__gt=_aware(dt.date(2019, 1, 2), 8)).update(
        published_at=_aware(dt.date(2019, 1, 2), 8)
    )
    head = User.objects.filter(username="kiemtra").first()
    member = User.objects.filter(username="noivu").first()
    if head is None or member is None:
        return
    rng = random.Random(SEED)
    units = list(Unit.objects.filter(code__startswith="LS-"))
    staff_by_unit = _staff_by_unit(units)
    city_visits = seed_city(Builder(rng, version, head, member), staff_by_unit)
    later = seed_after_reform(Builder(rng, version, member, head), staff_by_unit)
    if stdout:
        stdout.write(
            f"  inspections: {Round.objects.count()} rounds, {Visit.objects.count()} visits "
            f"(+{city_visits} city, +{later} after 2025), {Finding.objects.count()} findings"
        )
