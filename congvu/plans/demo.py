"""Demo plans for Lạng Sơn: the province's Kế hoạch 103/KH-UBND on the public-service-culture project
with its tasks for the city's units, and a 2026 plan for the new wards. Dates and task texts are
illustrative demo data, except the plan's number, which the article gives."""

import datetime as dt
import random

from congvu.core.events import event_row, record_events
from congvu.plans import services
from congvu.plans.models import Directive, PlanEvent, TaskAssignment, TaskReport
from congvu.units.demodata import SEED, at_nine, run_step


def seed(stdout=None):
    run_step("plans", seed_plans, date_events=_date_events, stdout=stdout)


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
                    event_row(
                        assignment,
                        action,
                        before=before,
                        after=after,
                        at=at_nine(day),
                    )
                )
            count += 1
        TaskReport.objects.bulk_create(reports)
        TaskAssignment.objects.bulk_update(assignments, ["status", "completed_on", "accepted_on"])
        record_events(events)
    count += _seed_plan_2026(units)
    return count


def _date_events(started):
    """Events written while seeding carry today's time; give them the day each step happened."""
    events = list(PlanEvent.objects.filter(at__gte=started).select_related("assignment", "directive"))
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
        elif event.directive_id:
            day = event.directive.issued_on
        if day:
            event.at = at_nine(day)
    PlanEvent.objects.bulk_update(events, ["at"], batch_size=500)


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
