"""From plan to closed finding: the programme office plans a round, the team records and closes a visit,
findings become reminders, tasks and discipline proposals; the unit reports, the inspector accepts."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congvu.core.models import Notification
from congvu.inspections.models import (
    DisciplineProposal,
    Finding,
    InspectionEvent,
    InspectionPlan,
    RemedialTask,
    Reminder,
    Round,
    TeamMember,
    Visit,
    VisitAnswer,
    VisitPhoto,
)
from congvu.inspections.selectors import items_of
from tests.factories import StaffFactory
from tests.inspections.factories import DAY, answer_all, closed_visit, item, make_visit

pytestmark = pytest.mark.django_db


def test_programme_office_plans_a_round_with_team_and_visits(login, programme_office, inspector, ward, city):
    client = login(programme_office)
    response = client.post(
        reverse("inspections:plan_create"),
        {
            "unit": city.pk,
            "year": 2024,
            "title": "Kế hoạch kiểm tra năm 2024",
            "decision_number": "15/KH-UBND",
            "decision_date": "20/01/2024",
        },
    )
    plan = InspectionPlan.objects.get()
    assert response.status_code == 302 and plan.decision_date.isoformat() == "2024-01-20"
    from congvu.inspections.checklist import default_template_version

    response = client.post(
        reverse("inspections:round_create", args=[plan.pk]),
        {
            "title": "Kiểm tra các phường",
            "start_date": "13/05/2024",
            "end_date": "24/05/2024",
            "team_decision_number": "120/QĐ-UBND",
            "team_decision_date": "06/05/2024",
            "announced": "",
            "template_version": default_template_version().pk,
        },
    )
    round_ = Round.objects.get()
    assert response.status_code == 302 and round_.number == 1 and not round_.announced
    client.post(reverse("inspections:member_add", args=[round_.pk]), {"user": inspector.pk, "role": "head"})
    assert TeamMember.objects.get(round=round_).role == "head"
    response = client.post(
        reverse("inspections:visit_schedule", args=[round_.pk]), {"unit": ward.pk, "date": "15/05/2024"}
    )
    visit = Visit.objects.get()
    assert visit.status == Visit.Status.PLANNED and visit.template_version == round_.template_version
    actions = list(InspectionEvent.objects.values_list("action", flat=True))
    assert actions == ["plan_created", "round_created", "member_added", "visit_scheduled"]
    page = client.get(reverse("inspections:round_detail", args=[round_.pk])).content.decode()
    assert "Phường An Bình" in page and "Lương Văn Kiểm Tra" in page


def test_bad_dates_get_a_field_error_not_a_crash(login, programme_office, city):
    client = login(programme_office)
    plan = InspectionPlan.objects.create(unit=city, year=2024, title="Kế hoạch")
    response = client.post(
        reverse("inspections:round_create", args=[plan.pk]),
        {"title": "Đợt", "start_date": "31/02/2024", "end_date": "01/01/2024"},
    )
    assert response.status_code == 400
    assert "Nhập một ngày hợp lệ" in response.content.decode() or "valid date" in response.content.decode()
    assert not Round.objects.exists()


def test_visit_date_outside_the_round_is_refused(login, programme_office, city, ward):
    from tests.inspections.factories import make_round

    round_ = make_round(city)
    response = login(programme_office).post(
        reverse("inspections:visit_schedule", args=[round_.pk]), {"unit": ward.pk, "date": "01/01/2030"}
    )
    assert response.status_code == 400
    assert "Ngày kiểm tra phải nằm trong thời gian của đợt" in response.content.decode()


def test_inspector_records_submits_and_head_closes(login, inspector, city, ward, unit_head):
    visit = make_visit(city, ward, head=inspector)
    person = StaffFactory(unit=ward, full_name="Nguyễn Thị Đeo Thẻ")
    client = login(inspector)
    badge = item("the-cong-chuc")
    data = {"representative": "Phó Chủ tịch UBND phường", "summary": "Nhắc nhở chung"}
    for each in items_of(visit.template_version):
        data[f"result_{each.pk}"] = "pass"
    data[f"result_{badge.pk}"] = "fail"
    data[f"note_{badge.pk}"] = "Không đeo thẻ"
    data[f"officials_{badge.pk}"] = str(person.pk)
    response = client.post(
        reverse("inspections:visit_record", args=[visit.pk]), data, HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.status_code == 200 and response.json()["ok"]
    # The same draft sent again after a dropped connection changes nothing more than the first time.
    client.post(reverse("inspections:visit_record", args=[visit.pk]), data, HTTP_X_REQUESTED_WITH="fetch")
    assert VisitAnswer.objects.filter(visit=visit).count() == items_of(visit.template_version).count()
    answer = VisitAnswer.objects.get(visit=visit, item=badge)
    assert list(answer.officials.all()) == [person]

    client.post(reverse("inspections:visit_submit", args=[visit.pk]))
    client.post(reverse("inspections:visit_close", args=[visit.pk]))
    visit.refresh_from_db()
    assert visit.status == Visit.Status.CLOSED
    finding = Finding.objects.get()
    assert finding.item == badge and list(finding.officials.all()) == [person] and finding.unit == ward
    assert Notification.objects.filter(user=unit_head, kind="inspection.visit_closed").exists()
    # The unit head sees the result.
    page = login(unit_head).get(reverse("inspections:visit_detail", args=[visit.pk]))
    assert page.status_code == 200 and "Không đeo thẻ" in page.content.decode()


def test_unit_head_does_not_see_the_draft(login, inspector, city, ward, unit_head):
    visit = make_visit(city, ward, head=inspector)
    answer_all(visit, by=inspector)
    assert login(unit_head).get(reverse("inspections:visit_detail", args=[visit.pk])).status_code == 404


def test_only_team_members_record_and_only_the_head_closes(login, inspector, city, ward):
    from tests.factories import UserFactory, grant

    outsider = UserFactory(username="kiemtrakhac")
    grant(outsider, "inspector", city)
    visit = make_visit(city, ward, head=inspector)
    assert login(outsider).get(reverse("inspections:visit_record", args=[visit.pk])).status_code == 403
    answer_all(visit, by=inspector)
    login(inspector).post(reverse("inspections:visit_submit", args=[visit.pk]))
    assert login(outsider).post(reverse("inspections:visit_close", args=[visit.pk])).status_code == 403
    visit.refresh_from_db()
    assert visit.status == Visit.Status.SUBMITTED


def test_submit_needs_every_item_and_a_note_for_failures(login, inspector, city, ward):
    visit = make_visit(city, ward, head=inspector)
    badge = item("the-cong-chuc")
    client = login(inspector)
    client.post(reverse("inspections:visit_record", args=[visit.pk]), {f"result_{badge.pk}": "fail"})
    client.post(reverse("inspections:visit_submit", args=[visit.pk]), follow=True)
    visit.refresh_from_db()
    assert visit.status == Visit.Status.DRAFT


def test_officials_outside_the_visited_unit_are_refused(login, inspector, city, ward, other_ward):
    visit = make_visit(city, ward, head=inspector)
    stranger = StaffFactory(unit=other_ward)
    badge = item("the-cong-chuc")
    response = login(inspector).post(
        reverse("inspections:visit_record", args=[visit.pk]),
        {f"result_{badge.pk}": "fail", f"officials_{badge.pk}": str(stranger.pk)},
        HTTP_X_REQUESTED_WITH="fetch",
    )
    assert response.status_code == 400
    assert "không thuộc đơn vị được kiểm tra" in " ".join(response.json()["errors"])
    assert not VisitAnswer.objects.exists()


def test_officials_search_ignores_accents(login, inspector, city, ward):
    visit = make_visit(city, ward, head=inspector)
    StaffFactory(unit=ward, full_name="Hoàng Thị Đào")
    StaffFactory(unit=ward, full_name="Lý Văn Bình")
    response = login(inspector).get(
        reverse("inspections:visit_officials", args=[visit.pk]), {"q": "hoang dao"}
    )
    assert [r["name"] for r in response.json()["results"]] == ["Hoàng Thị Đào"]


def _jpeg_with_exif() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (8, 8), "blue")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_photos_are_stored_without_exif_and_bad_files_refused(
    login, inspector, city, ward, settings, tmp_path
):
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    visit = make_visit(city, ward, head=inspector)
    client = login(inspector)
    upload = SimpleUploadedFile("anh.jpg", _jpeg_with_exif(), content_type="image/jpeg")
    response = client.post(
        reverse("inspections:visit_photo", args=[visit.pk]),
        {"photo": upload, "item": item("bai-tri").pk},
        HTTP_X_REQUESTED_WITH="fetch",
    )
    assert response.json()["ok"]
    photo = VisitPhoto.objects.get()
    with Image.open(photo.image.path) as stored:
        assert not stored.getexif()
    fake = SimpleUploadedFile("anh.jpg", b"not an image at all", content_type="image/jpeg")
    response = client.post(
        reverse("inspections:visit_photo", args=[visit.pk]), {"photo": fake}, HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.status_code == 400 and VisitPhoto.objects.count() == 1
    assert client.get(reverse("inspections:photo", args=[photo.pk])).status_code == 200


def test_finding_becomes_a_task_the_unit_completes_and_the_inspector_accepts(
    login, inspector, city, ward, unit_head, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    visit = closed_visit(city, ward, head=inspector, fail_codes=("so-tiep-nhan",))
    finding = Finding.objects.get()
    inspector_client = login(inspector)
    response = inspector_client.post(
        reverse("inspections:finding_detail", args=[finding.pk]),
        {
            "action": "remedial",
            "severity": "moderate",
            "content": "Cập nhật sổ tiếp nhận",
            "working_days": "5",
        },
    )
    assert response.status_code == 302
    task = RemedialTask.objects.get()
    assert task.unit == ward and task.deadline > visit.date and task.working_days == 5
    assert Notification.objects.filter(user=unit_head, kind="inspection.task_assigned").exists()

    head_client = login(unit_head)
    response = head_client.post(reverse("inspections:task_detail", args=[task.pk]), {"report": "Đã cập nhật"})
    assert response.status_code == 400 and "minh chứng" in response.content.decode()
    evidence = SimpleUploadedFile("so.pdf", b"%PDF-1.4 minh chung", content_type="application/pdf")
    response = head_client.post(
        reverse("inspections:task_detail", args=[task.pk]), {"report": "Đã cập nhật", "files": evidence}
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == RemedialTask.Status.REPORTED and task.evidence.count() == 1

    inspector_client = login(inspector)
    inspector_client.post(
        reverse("inspections:task_review", args=[task.pk]), {"decision": "return", "note": "Thiếu ảnh sổ"}
    )
    task.refresh_from_db()
    assert task.status == RemedialTask.Status.OPEN and task.returned_count == 1

    login(unit_head).post(reverse("inspections:task_detail", args=[task.pk]), {"report": "Bổ sung ảnh"})
    login(inspector).post(reverse("inspections:task_review", args=[task.pk]), {"decision": "accept"})
    task.refresh_from_db()
    finding.refresh_from_db()
    assert task.status == RemedialTask.Status.ACCEPTED and finding.status == Finding.Status.CLOSED
    history = list(InspectionEvent.objects.filter(task=task).values_list("action", "before", "after"))
    assert history == [
        ("task_assigned", None, "open"),
        ("task_reported", "open", "reported"),
        ("task_returned", "reported", "open"),
        ("task_reported", "open", "reported"),
        ("task_accepted", "reported", "accepted"),
    ]


def test_return_without_reason_is_refused(login, inspector, city, ward):
    closed_visit(city, ward, head=inspector, fail_codes=("so-tiep-nhan",))
    from congvu.inspections import services

    finding = Finding.objects.get()
    services.decide_finding(finding=finding, action="remedial", content="Sửa", working_days=3)
    task = RemedialTask.objects.get()
    RemedialTask.objects.filter(pk=task.pk).update(status="reported", report="x")
    login(inspector).post(
        reverse("inspections:task_review", args=[task.pk]), {"decision": "return", "note": ""}
    )
    task.refresh_from_db()
    assert task.status == RemedialTask.Status.REPORTED


def test_reminder_is_recorded_against_each_official(login, inspector, city, ward):
    person = StaffFactory(unit=ward, full_name="Trần Văn Uống Bia")
    closed_visit(city, ward, head=inspector, fail_codes=("ruou-bia",), officials=[person])
    finding = Finding.objects.get()
    login(inspector).post(
        reverse("inspections:finding_detail", args=[finding.pk]),
        {
            "action": "reminder",
            "severity": "serious",
            "officials": [person.pk],
            "content": "Nghiêm cấm rượu bia",
        },
    )
    reminder = Reminder.objects.get()
    assert reminder.staff == person and reminder.unit == ward
    finding.refresh_from_db()
    assert finding.action == "reminder" and finding.status == "closed"


def test_discipline_proposal_opens_a_discipline_case(login, inspector, city, ward):
    """Deciding a finding as a discipline proposal opens a case for each official, linked both ways."""
    from congvu.discipline.models import DisciplineCase
    from congvu.inspections import services

    person = StaffFactory(unit=ward)
    closed_visit(city, ward, head=inspector, fail_codes=("thai-do",), officials=[person])
    finding = Finding.objects.get()
    services.decide_finding(finding=finding, action="discipline", content="Sách nhiễu", by=inspector)
    case = DisciplineCase.objects.get()
    assert case.staff == person and case.origin == "inspection" and case.opened_by == inspector
    assert case.origin_reference == f"KT-{finding.visit_id}-{finding.pk}"
    assert DisciplineProposal.objects.get().case_reference == str(case.pk)


def test_visit_list_and_register(login, programme_office, inspector, city, ward):
    closed_visit(city, ward, head=inspector)
    client = login(programme_office)
    assert (
        "Phường An Bình" in client.get(reverse("inspections:visit_list"), {"year": DAY.year}).content.decode()
    )
    response = client.get(reverse("inspections:visit_register"))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][4] == "Phường An Bình" and rows[1][5] == DAY.strftime("%d/%m/%Y") and rows[1][8] == 1


def test_visit_detail_query_count(login, inspector, city, ward, django_assert_max_num_queries):
    visit = closed_visit(city, ward, head=inspector, fail_codes=("the-cong-chuc", "bai-tri"))
    client = login(inspector)
    with django_assert_max_num_queries(40):
        assert client.get(reverse("inspections:visit_detail", args=[visit.pk])).status_code == 200


def test_pages_render_in_english(login, inspector, city, ward):
    visit = closed_visit(city, ward, head=inspector)
    client = login(inspector)
    client.cookies["congvu_language"] = "en"
    page = client.get(reverse("inspections:visit_detail", args=[visit.pk])).content.decode()
    assert "Inspection visit" in page


def test_overview_for_the_programme_office_and_the_unit_head(
    login, programme_office, inspector, unit_head, city, ward
):
    visit = closed_visit(city, ward, head=inspector)
    page = login(programme_office).get(reverse("inspections:index")).content.decode()
    assert "Kế hoạch kiểm tra năm" in page and "Các bộ tiêu chí" in page
    page = login(unit_head).get(reverse("inspections:index")).content.decode()
    assert reverse("inspections:visit_detail", args=[visit.pk]) in page
    assert "Các bộ tiêu chí" not in page and "Kế hoạch kiểm tra năm" not in page
    for name in ("finding_list", "task_list", "visit_list"):
        assert login(unit_head).get(reverse(f"inspections:{name}")).status_code == 200


def test_a_retried_save_is_applied_once_and_a_stale_draft_does_not_overwrite(login, inspector, city, ward):
    visit = make_visit(city, ward, head=inspector)
    badge = item("the-cong-chuc")
    client = login(inspector)
    url = reverse("inspections:visit_record", args=[visit.pk])
    first = {f"result_{badge.pk}": "pass", "revision": "0", "save_key": "k1"}
    assert client.post(url, first, HTTP_X_REQUESTED_WITH="fetch").json()["revision"] == 1
    # The answer to the first save was lost; the phone sends the same save again.
    again = client.post(url, first, HTTP_X_REQUESTED_WITH="fetch")
    assert again.status_code == 200 and again.json()["revision"] == 1
    # Another draft started from revision 0 with other content is refused, with the current revision.
    stale = {f"result_{badge.pk}": "fail", "revision": "0", "save_key": "k2"}
    response = client.post(url, stale, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 409 and response.json()["conflict"] and response.json()["revision"] == 1
    assert VisitAnswer.objects.get(visit=visit, item=badge).result == "pass"
    # Saving again from the current revision overwrites deliberately.
    stale.update(revision="1", save_key="k3")
    assert client.post(url, stale, HTTP_X_REQUESTED_WITH="fetch").status_code == 200
    assert VisitAnswer.objects.get(visit=visit, item=badge).result == "fail"


def test_programme_office_removes_a_member_and_cancels_a_planned_visit(
    login, programme_office, inspector, city, ward
):
    visit = make_visit(city, ward, head=inspector)
    client = login(programme_office)
    member = visit.round.members.get()
    client.post(reverse("inspections:member_remove", args=[visit.round_id, member.pk]))
    assert not TeamMember.objects.exists()
    client.post(reverse("inspections:visit_cancel", args=[visit.pk]))
    assert not Visit.objects.exists()
    actions = list(InspectionEvent.objects.filter(round=visit.round_id).values_list("action", flat=True))
    assert actions[-2:] == ["member_removed", "visit_cancelled"]


def test_a_recorded_visit_cannot_be_cancelled(login, programme_office, inspector, city, ward):
    visit = make_visit(city, ward, head=inspector)
    answer_all(visit, by=inspector)
    login(programme_office).post(reverse("inspections:visit_cancel", args=[visit.pk]), follow=True)
    assert Visit.objects.filter(pk=visit.pk).exists()


def test_home_cards_for_the_team_head_and_the_unit_head(login, inspector, unit_head, city, ward):
    from congvu.inspections import services

    visit = make_visit(city, ward, head=inspector)
    answer_all(visit, by=inspector)
    services.submit_visit(visit=visit, by=inspector)
    page = login(inspector).get(reverse("accounts:staff_home")).content.decode()
    assert "Lượt kiểm tra chờ trưởng đoàn kết thúc" in page
    services.close_visit(visit=visit, by=inspector)
    other = closed_visit(city, ward, head=inspector, fail_codes=("bai-tri",))
    finding = other.findings.get()
    services.decide_finding(finding=finding, action="remedial", content="Làm biển", working_days=2, today=DAY)
    page = login(unit_head).get(reverse("accounts:staff_home")).content.decode()
    assert "Nhiệm vụ khắc phục quá hạn" in page


def test_a_team_member_from_outside_the_organisers_scope_opens_the_rounds_visits(
    login, inspector, city, ward, other_ward
):
    from tests.factories import UserFactory, grant

    member = UserFactory(username="kiemtraphuong")
    grant(member, "inspector", other_ward)
    stranger = UserFactory(username="kiemtraphuongkhac")
    grant(stranger, "inspector", other_ward)
    visit = make_visit(city, ward, head=inspector, members=[member])
    client = login(member)
    assert client.get(reverse("inspections:visit_record", args=[visit.pk])).status_code == 200
    assert client.get(reverse("inspections:visit_detail", args=[visit.pk])).status_code == 200
    assert client.get(reverse("inspections:round_detail", args=[visit.round.pk])).status_code == 200
    client = login(stranger)
    assert client.get(reverse("inspections:visit_record", args=[visit.pk])).status_code == 404
    assert client.get(reverse("inspections:round_detail", args=[visit.round.pk])).status_code == 404


def test_a_superuser_sees_every_round_and_visit_without_being_on_a_team(inspector, city, ward):
    """An unlimited scope OR'd with "the rounds I am on" must stay unlimited."""
    from congvu.inspections import selectors
    from tests.factories import UserFactory

    visit = make_visit(city, ward, head=inspector)
    superuser = UserFactory(username="sieuquantri", is_superuser=True)
    assert visit.round in selectors.rounds_for(superuser)
    assert visit in selectors.visits_for(superuser)


def test_the_team_opens_the_remedial_tasks_of_its_round(inspector, city, ward, other_ward):
    """A team member outside the visited unit's scope is sent a link to a task of the round's visit: the
    task is visible to them like the round and its visits."""
    from congvu.inspections import selectors
    from congvu.inspections.models import RemedialTask
    from tests.factories import UserFactory

    visit = closed_visit(city, other_ward, head=inspector, fail_codes=("ruou-bia",))
    finding = Finding.objects.get(visit=visit)
    outsider = UserFactory(username="thanhvien")  # no role at all, only on the team
    TeamMember.objects.create(round=visit.round, user=outsider)
    task = RemedialTask.objects.create(
        finding=finding,
        unit=other_ward,
        description="Khắc phục",
        assigned_on=DAY,
        deadline=DAY,
        working_days=5,
    )
    assert task in selectors.tasks_for(outsider) and finding in selectors.findings_for(outsider)
    assert visit.round in selectors.rounds_for(outsider)
