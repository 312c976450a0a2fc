"""Leave periods on the staff record: the service, the page, the admin and the .xlsx import."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from congvu.people import services
from congvu.people.models import LeaveKind, LeavePeriod, StaffEvent
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
D = dt.date
MARCH_1, MARCH_31 = D(2025, 3, 1), D(2025, 3, 31)
HEADER = ["Số thẻ", "Loại nghỉ", "Từ ngày", "Đến ngày", "Số văn bản"]


def xlsx(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("nghi.xlsx", buffer.getvalue())


def add(person, by, kind=LeaveKind.SICK, start=MARCH_1, end=MARCH_31, **extra):
    return services.add_leave(staff=person, by=by, kind=kind, start=start, end=end, **extra)


# The service ----------------------------------------------------------------------------------------------


def test_adding_changing_and_deleting_leave_writes_the_staff_timeline(ward, programme_office):
    person = StaffFactory(unit=ward)
    leave = add(person, programme_office, document=" 15/QĐ-UBND ")
    assert leave.document == "15/QĐ-UBND" and leave.days == 31
    services.change_leave(
        leave=leave, by=programme_office, kind=LeaveKind.MATERNITY, start=D(2025, 3, 1), end=D(2025, 8, 31)
    )
    services.delete_leave(leave=leave, by=programme_office)
    events = list(StaffEvent.objects.filter(staff=person).order_by("id"))
    assert [event.action for event in events] == ["leave_added", "leave_changed", "leave_deleted"]
    assert events[1].before["kind"] == LeaveKind.SICK and events[1].after["kind"] == LeaveKind.MATERNITY
    assert events[1].after["end"] == "2025-08-31"
    assert events[2].before["kind"] == LeaveKind.MATERNITY and events[2].by == programme_office
    assert events[1].label == "Sửa thời gian nghỉ"
    assert not LeavePeriod.objects.filter(staff=person).exists()


def test_periods_of_a_person_never_overlap_whatever_their_kind(ward, programme_office):
    person = StaffFactory(unit=ward)
    add(person, programme_office, start=D(2025, 3, 1), end=D(2025, 3, 31))
    with pytest.raises(ValidationError) as refused:
        add(person, programme_office, kind=LeaveKind.MATERNITY, start=D(2025, 3, 31), end=D(2025, 9, 1))
    assert "Trùng với thời gian nghỉ" in str(refused.value) and "01/03/2025" in str(refused.value)
    add(person, programme_office, start=D(2025, 4, 1), end=D(2025, 4, 2))  # the next day is fine
    add(StaffFactory(unit=ward), programme_office)  # someone else's period is fine
    assert LeavePeriod.objects.count() == 3
    assert StaffEvent.objects.filter(staff=person).count() == 2


def test_a_change_may_not_make_a_period_overlap_another_and_leaves_it_unchanged(ward, programme_office):
    person = StaffFactory(unit=ward)
    first = add(person, programme_office, start=D(2025, 3, 1), end=D(2025, 3, 31))
    add(person, programme_office, start=D(2025, 5, 1), end=D(2025, 5, 31))
    with pytest.raises(ValidationError):
        services.change_leave(
            leave=first, by=programme_office, kind=LeaveKind.SICK, start=D(2025, 3, 1), end=D(2025, 5, 1)
        )
    first.refresh_from_db()
    assert first.end == D(2025, 3, 31)
    # Changing a period over its own dates is not an overlap.
    services.change_leave(
        leave=first, by=programme_office, kind=LeaveKind.SICK, start=D(2025, 2, 15), end=D(2025, 4, 30)
    )


def test_the_end_may_not_come_before_the_start(ward, programme_office):
    person = StaffFactory(unit=ward)
    with pytest.raises(ValidationError) as refused:
        add(person, programme_office, start=D(2025, 3, 2), end=D(2025, 3, 1))
    assert "Ngày kết thúc không được trước ngày bắt đầu" in str(refused.value)
    assert not StaffEvent.objects.exists()


# The staff page ------------------------------------------------------------------------------------------------


def test_the_staff_page_lists_leave_and_offers_changes_to_the_programme_office(
    client, programme_office, unit_head, ward
):
    person = StaffFactory(unit=ward)
    leave = add(person, programme_office, document="7/QĐ")
    client.force_login(unit_head)
    page = client.get(reverse("people:staff_detail", args=[person.pk])).content.decode()
    assert "Nghỉ ốm đau" in page and "7/QĐ" in page and "01/03/2025" in page
    assert reverse("people:leave_edit", args=[leave.pk]) not in page
    assert client.get(reverse("people:leave_add", args=[person.pk])).status_code == 403
    client.force_login(programme_office)
    page = client.get(reverse("people:staff_detail", args=[person.pk])).content.decode()
    assert reverse("people:leave_edit", args=[leave.pk]) in page


def test_adding_leave_through_the_page_keeps_the_input_when_refused(client, programme_office, ward):
    person = StaffFactory(unit=ward)
    add(person, programme_office)
    client.force_login(programme_office)
    url = reverse("people:leave_add", args=[person.pk])
    data = {"kind": LeaveKind.MATERNITY, "start": "15/03/2025", "end": "14/09/2025", "document": "9/QĐ"}
    response = client.post(url, data)
    assert response.status_code == 200 and "Trùng với thời gian nghỉ" in response.content.decode()
    assert 'value="9/QĐ"' in response.content.decode()
    assert LeavePeriod.objects.filter(staff=person).count() == 1
    response = client.post(url, data | {"start": "01/04/2025"})
    assert response.status_code == 302
    assert LeavePeriod.objects.filter(staff=person, kind=LeaveKind.MATERNITY).exists()
    response = client.post(url, data | {"start": "31/02/2025"})
    assert response.status_code == 200 and LeavePeriod.objects.filter(staff=person).count() == 2


def test_editing_and_deleting_leave_through_the_page(client, programme_office, ward):
    person = StaffFactory(unit=ward)
    leave = add(person, programme_office)
    client.force_login(programme_office)
    edit = reverse("people:leave_edit", args=[leave.pk])
    assert 'value="01/03/2025"' in client.get(edit).content.decode()
    response = client.post(edit, {"kind": LeaveKind.OTHER_LAWFUL, "start": "01/03/2025", "end": "10/03/2025"})
    assert response.status_code == 302
    leave.refresh_from_db()
    assert leave.kind == LeaveKind.OTHER_LAWFUL and leave.end == D(2025, 3, 10)
    delete = reverse("people:leave_delete", args=[leave.pk])
    assert client.get(delete).status_code == 405
    assert client.post(delete).status_code == 302
    assert not LeavePeriod.objects.exists()
    assert StaffEvent.objects.filter(staff=person, action="leave_deleted").exists()


# The admin -------------------------------------------------------------------------------------------------------


def test_the_admin_saves_through_the_service(admin_client, ward):
    person = StaffFactory(unit=ward)
    url = reverse("admin:people_leaveperiod_add")
    data = {"staff": person.pk, "kind": LeaveKind.SICK, "start": "2025-03-01", "end": "2025-03-31"}
    assert admin_client.post(url, data).status_code == 302
    leave = LeavePeriod.objects.get(staff=person)
    assert StaffEvent.objects.filter(staff=person, action="leave_added").exists()
    response = admin_client.post(url, data | {"start": "2025-03-15", "end": "2025-04-15"})
    assert response.status_code == 200 and "Trùng với thời gian nghỉ" in response.content.decode()
    change = reverse("admin:people_leaveperiod_change", args=[leave.pk])
    assert admin_client.post(change, data | {"end": "2025-03-20"}).status_code == 302
    assert StaffEvent.objects.get(staff=person, action="leave_changed").before["end"] == "2025-03-31"
    delete = reverse("admin:people_leaveperiod_delete", args=[leave.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert StaffEvent.objects.filter(staff=person, action="leave_deleted").exists()


# The import ---------------------------------------------------------------------------------------------------------


def test_import_saves_every_row_with_its_event(client, programme_office, ward):
    first = StaffFactory(unit=ward, badge_number="AB001")
    second = StaffFactory(unit=ward, badge_number="AB002")
    client.force_login(programme_office)
    upload = xlsx(
        [
            ["ab001", "Thai sản", "01/01/2025", "30/06/2025", "3/QĐ"],
            ["AB001", "ốm đau", dt.datetime(2025, 7, 1), dt.datetime(2025, 7, 20), ""],
            ["AB002", "Nghỉ khác theo quy định của pháp luật", "2025-02-01", "2025-02-28", None],
            [None, None, None, None, None],
        ]
    )
    response = client.post(reverse("people:leave_import"), {"file": upload})
    assert "Đã nhập 3 thời gian nghỉ" in response.content.decode()
    assert LeavePeriod.objects.filter(staff=first).count() == 2
    assert LeavePeriod.objects.get(staff=second).kind == LeaveKind.OTHER_LAWFUL
    assert StaffEvent.objects.filter(action="leave_imported").count() == 3


def test_import_is_all_or_nothing_and_names_each_bad_row(client, ward_insider, ward, other_ward):
    StaffFactory(unit=ward, badge_number="AB001")
    StaffFactory(unit=other_ward, badge_number="NGOAI001")
    client.force_login(ward_insider)
    upload = xlsx(
        [
            ["AB001", "ốm đau", "01/03/2025", "31/03/2025", ""],  # good
            ["NGOAI001", "ốm đau", "01/03/2025", "31/03/2025", ""],  # another ward's person
            ["AB001", "đi chơi", "32/03/2025", "01/04/2025", ""],  # bad kind and date
            ["AB001", "thai sản", "15/03/2025", "30/09/2025", ""],  # overlaps row 2
            ["AB001", "ốm đau", "10/05/2025", "01/05/2025", ""],  # end before start
            ["", "ốm đau", "01/06/2025", "", ""],  # no badge, no end
        ]
    )
    response = client.post(reverse("people:leave_import"), {"file": upload})
    text = response.content.decode()
    assert response.status_code == 400 and "5 dòng bị lỗi" in text
    assert "Chưa nhập dòng nào" in text
    assert "không có người có số thẻ “NGOAI001” trong phạm vi của bạn" in text
    assert "Loại nghỉ phải là" in text and "Từ ngày không hợp lệ" in text
    assert "Trùng với thời gian nghỉ" in text and "Ngày kết thúc không được trước" in text
    assert "thiếu Số thẻ" in text and "thiếu Đến ngày" in text
    for row in (3, 4, 5, 6, 7):
        assert f"<td>{row}</td>" in text
    assert "<td>2</td>" not in text
    assert not LeavePeriod.objects.exists() and not StaffEvent.objects.exists()


def test_import_refuses_a_file_without_the_required_columns_or_not_excel(client, programme_office):
    client.force_login(programme_office)
    url = reverse("people:leave_import")
    response = client.post(url, {"file": xlsx([["AB001", "ốm đau"]], header=["Số thẻ", "Loại nghỉ"])})
    assert "Thiếu cột bắt buộc: Từ ngày, Đến ngày" in response.content.decode()
    response = client.post(url, {"file": SimpleUploadedFile("x.xlsx", b"not excel")})
    assert "Tệp không phải Excel .xlsx." in response.content.decode()


def test_import_template_has_the_columns_the_import_reads(client, programme_office):
    from openpyxl import load_workbook

    client.force_login(programme_office)
    response = client.get(reverse("people:leave_import_template"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == [
        "Số thẻ",
        "Loại nghỉ",
        "Từ ngày",
        "Đến ngày",
        "Số văn bản",
        "Ghi chú",
    ]


def test_only_the_programme_office_and_the_admin_import_leave(client, unit_head):
    client.force_login(unit_head)
    assert client.get(reverse("people:leave_import")).status_code == 403
    assert client.get(reverse("people:leave_import_template")).status_code == 403
