"""Plans and directives: tasks assigned to units, reported with evidence, accepted; reminders; indicator."""

import datetime as dt
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from congvu.core.indicators import Period
from congvu.core.models import Notification
from congvu.plans import reminders, services
from congvu.plans.models import PlanEvent, TaskAssignment
from congvu.plans.selectors import completion
from congvu.reports.engine import evaluate
from tests.plans.factories import DirectiveFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def plan(city):
    return DirectiveFactory(unit=city, number="103/KH-UBND", title="Kế hoạch thực hiện Đề án Văn hóa công vụ")


def test_programme_office_assigns_a_task_with_a_working_day_deadline(
    login, programme_office, plan, ward, other_ward
):
    client = login(programme_office)
    response = client.post(
        reverse("plans:task_add", args=[plan.pk]),
        {
            "task-title": "Quán triệt kế hoạch",
            "task-units": [ward.pk, other_ward.pk],
            "task-working_days": "5",
        },
    )
    assert response.status_code == 302
    assignments = TaskAssignment.objects.order_by("unit__code")
    assert [a.unit for a in assignments] == [ward, other_ward]
    today = timezone.localdate()
    assert all(a.deadline > today and a.deadline_working_days == 5 for a in assignments)
    assert PlanEvent.objects.filter(action="assigned").count() == 2


def test_a_deadline_is_required_and_only_one_kind(login, programme_office, plan, ward):
    client = login(programme_office)
    response = client.post(
        reverse("plans:task_add", args=[plan.pk]), {"task-title": "X", "task-units": [ward.pk]}
    )
    assert response.status_code == 400 and "Hãy ghi hạn hoàn thành" in response.content.decode()
    response = client.post(
        reverse("plans:task_add", args=[plan.pk]),
        {"task-title": "X", "task-units": [ward.pk], "task-deadline": "01/01/2099", "task-working_days": "3"},
    )
    assert response.status_code == 400 and "Chỉ ghi một trong hai" in response.content.decode()
    assert not TaskAssignment.objects.exists()


def test_unit_reports_with_evidence_and_the_office_accepts(login, unit_head, programme_office, plan, ward):
    task = services.add_task(
        directive=plan,
        title="Niêm yết đường dây nóng",
        units=[ward],
        deadline=dt.date(2099, 1, 1),
        by=programme_office,
    )
    assignment = task.assignments.get()
    head = login(unit_head)
    page = head.get(reverse("plans:directive_detail", args=[plan.pk])).content.decode()
    assert "Niêm yết đường dây nóng" in page
    response = head.post(
        reverse("plans:assignment_report", args=[assignment.pk]),
        {
            "text": "Đã niêm yết tại bộ phận một cửa",
            "is_final": "on",
            "evidence": SimpleUploadedFile("anh.pdf", PDF),
        },
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert (
        assignment.status == TaskAssignment.Status.REPORTED
        and assignment.completed_on == timezone.localdate()
    )
    assert (
        head.post(reverse("plans:assignment_review", args=[assignment.pk]), {"accept": "1"}).status_code
        == 403
    )
    office = login(programme_office)
    assert (
        office.post(reverse("plans:assignment_review", args=[assignment.pk]), {"accept": "1"}).status_code
        == 302
    )
    assignment.refresh_from_db()
    assert assignment.status == TaskAssignment.Status.ACCEPTED and assignment.on_time
    report = assignment.reports.get()
    assert office.get(reverse("plans:report_evidence", args=[report.pk])).status_code == 200
    assert [e.action for e in assignment.events.all()] == ["assigned", "reported_final", "accepted"]


def test_returning_needs_a_note_and_reopens_the_task(programme_office, plan, ward):
    task = services.add_task(directive=plan, title="T", units=[ward], deadline=dt.date(2099, 1, 1), by=None)
    assignment = task.assignments.get()
    services.report_task(assignment=assignment, text="Xong", is_final=True, by=None)
    with pytest.raises(Exception):  # noqa: B017
        services.review_task(assignment=assignment, accept=False, note="", by=programme_office)
    assignment = services.review_task(
        assignment=assignment, accept=False, note="Thiếu ảnh", by=programme_office
    )
    assert assignment.status == TaskAssignment.Status.RETURNED and assignment.completed_on is None


def test_bad_evidence_file_is_refused_with_a_message(login, unit_head, plan, ward):
    task = services.add_task(directive=plan, title="T", units=[ward], deadline=dt.date(2099, 1, 1), by=None)
    assignment = task.assignments.get()
    response = login(unit_head).post(
        reverse("plans:assignment_report", args=[assignment.pk]),
        {"text": "Xong", "evidence": SimpleUploadedFile("x.pdf", b"#!/bin/sh\necho")},
    )
    assert response.status_code == 400 and "không đúng định dạng" in response.content.decode()
    assert not assignment.reports.exists()


def test_reminder_before_the_deadline_and_escalation_after_are_sent_once(
    plan, ward, unit_head, programme_office
):
    today = timezone.localdate()
    soon = services.add_task(directive=plan, title="Sắp đến hạn", units=[ward], deadline=today, by=None)
    late = services.add_task(
        directive=plan,
        title="Quá hạn",
        units=[ward],
        deadline=today,
        assigned_on=today - dt.timedelta(days=30),
        by=None,
    )
    TaskAssignment.objects.filter(task=late).update(deadline=today - dt.timedelta(days=1))
    now = timezone.now()
    assert reminders.run_due(now) == 2
    assert reminders.run_due(now) == 0
    assert Notification.objects.filter(user=unit_head, kind="records.task_due").count() == 1
    assert Notification.objects.filter(user=programme_office, kind="records.task_overdue").count() == 1
    assert soon.assignments.get().reminded_at is not None


@pytest.mark.django_db(transaction=True)
def test_concurrent_reminder_runs_send_each_once(city, ward, unit_head):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the claim is exercised on PostgreSQL")
    plan = DirectiveFactory(unit=city)
    services.add_task(directive=plan, title="T", units=[ward], deadline=timezone.localdate(), by=None)
    results = []

    def run():
        results.append(reminders.run_due(timezone.now()))
        connection.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(results) == 1
    assert Notification.objects.filter(kind="records.task_due").count() == 1


def test_completion_and_on_time_indicator(plan, city, ward, other_ward):
    task = services.add_task(
        directive=plan,
        title="Báo cáo năm",
        units=[ward, other_ward],
        deadline=dt.date(2020, 12, 11),
        assigned_on=dt.date(2020, 3, 1),
        by=None,
    )
    on_time, late = task.assignments.order_by("unit__code")
    services.report_task(
        assignment=on_time, text="x", is_final=True, reported_on=dt.date(2020, 12, 10), by=None
    )
    services.review_task(assignment=on_time, accept=True, by=None)
    services.report_task(assignment=late, text="x", is_final=True, reported_on=dt.date(2020, 12, 20), by=None)
    services.review_task(assignment=late, accept=True, by=None)
    result = evaluate("plans.tasks_on_time", city, Period.year(2020))
    assert result["value"] == 50.0 and result["breakdown"]["by_document"]["103/KH-UBND"] == {
        "due": 2,
        "on_time": 1,
    }
    assert evaluate("plans.tasks_on_time", ward, Period.year(2020))["value"] == 100.0
    stats = completion(TaskAssignment.objects.all(), dt.date(2021, 1, 1))
    assert stats["accepted"] == 2 and stats["on_time"] == 1 and stats["overdue"] == 0


def test_a_unit_sees_only_its_own_assignments_of_a_shared_plan(login, unit_head, plan, ward, other_ward):
    services.add_task(
        directive=plan, title="Chung", units=[ward, other_ward], deadline=dt.date(2099, 1, 1), by=None
    )
    page = login(unit_head).get(reverse("plans:directive_detail", args=[plan.pk])).content.decode()
    assert "Phường An Bình" in page and "Phường Ngoài Phạm Vi" not in page


def test_register_a_document_with_a_checked_file(login, programme_office, unit_head, city):
    client = login(programme_office)
    data = {
        "unit": city.pk,
        "doc_type": "ke_hoach",
        "issuing_body": "UBND tỉnh",
        "number": "103/KH-UBND",
        "issued_on": "17/05/2019",
        "title": "Kế hoạch thực hiện Đề án",
    }
    bad = client.post(
        reverse("plans:directive_new"), {**data, "file": SimpleUploadedFile("kh.pdf", b"<html>")}
    )
    assert bad.status_code == 200 and "không đúng định dạng" in bad.content.decode()
    good = client.post(reverse("plans:directive_new"), {**data, "file": SimpleUploadedFile("kh.pdf", PDF)})
    assert good.status_code == 302
    from congvu.plans.models import Directive

    directive = Directive.objects.get()
    assert client.get(reverse("plans:directive_file", args=[directive.pk])).status_code == 200
    listing = client.get(reverse("plans:directive_list"), {"q": "de an"}).content.decode()
    assert "103/KH-UBND" in listing
    assert login(unit_head).get(reverse("plans:directive_detail", args=[directive.pk])).status_code == 404
    assert login(unit_head).get(reverse("plans:directive_new")).status_code == 403


def test_invalid_dates_in_forms_are_field_errors(login, programme_office, city):
    response = login(programme_office).post(
        reverse("plans:directive_new"),
        {
            "unit": city.pk,
            "doc_type": "ke_hoach",
            "issuing_body": "X",
            "number": "1",
            "issued_on": "32/13/2019",
            "title": "T",
        },
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()
