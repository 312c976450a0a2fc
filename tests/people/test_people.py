"""Staff register: Excel import with a row-by-row report, export, transfers."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from congvu.people.models import Staff, Transfer
from congvu.people.selectors import unit_on
from congvu.people.services import transfer_staff
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
HEADER = [
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Loại",
    "Chức vụ",
    "Mã đơn vị",
    "Số thẻ",
    "Ngày vào làm",
    "Ngày thôi việc",
]


def xlsx(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("can-bo.xlsx", buffer.getvalue())


def test_import_keeps_good_rows_and_reports_bad_ones(client, programme_office, ward, other_ward):
    client.force_login(programme_office)
    upload = xlsx(
        [
            [
                "Nguyễn Thị Mai",
                "Nữ",
                "12/03/1990",
                "Công chức",
                "Chuyên viên",
                "P-AB",
                "AB001",
                "01/02/2015",
                None,
            ],
            ["", "Nam", None, "Viên chức", None, "P-AB", "AB002", None, None],
            ["Trần Văn Bình", "Nam", "31/02/1990", "Viên chức", None, "P-AB", "AB003", None, None],
            ["Lê Văn Cường", "Nam", None, "Giáo viên", None, "KHONG-CO", "AB004", None, None],
            [
                "Hoàng Thị Dung",
                "Nữ",
                dt.datetime(1988, 5, 4),
                "vc",
                "Giáo viên",
                "P-NPV",
                "AB001",
                None,
                None,
            ],
            [None, None, None, None, None, None, None, None, None],
            ["Vi Văn Em", "nam", None, "cán bộ", "Chủ tịch UBND", "p-ab", "AB006", None, None],
        ]
    )
    response = client.post(reverse("people:staff_import"), {"file": upload})
    report = response.context["report"]
    assert response.status_code == 200
    assert (report.created, report.updated) == (2, 0)
    rows = dict(report.errors)
    assert set(rows) == {3, 4, 5, 6}
    assert "thiếu Họ và tên" in rows[3]
    assert "Ngày sinh không hợp lệ" in rows[4]
    assert "Loại phải là" in rows[5] and "KHONG-CO" in rows[5]
    assert "trùng với dòng 2" in rows[6]
    assert set(
        Staff.objects.filter(badge_number__startswith="AB").values_list("badge_number", flat=True)
    ) == {"AB001", "AB006"}
    mai = Staff.objects.get(badge_number="AB001")
    assert (
        mai.date_of_birth == dt.date(1990, 3, 12) and mai.unit == ward and mai.position.name == "Chuyên viên"
    )


def test_import_updates_by_badge_and_refuses_units_out_of_scope(client, unit_head, ward, other_ward):
    client.force_login(unit_head)
    assert client.get(reverse("people:staff_import")).status_code == 403  # unit heads read, Nội vụ imports


def test_import_rejects_files_that_are_not_excel(client, system_admin):
    client.force_login(system_admin)
    before = Staff.objects.count()
    response = client.post(
        reverse("people:staff_import"), {"file": SimpleUploadedFile("x.xlsx", b"not excel")}
    )
    assert "Tệp không phải Excel .xlsx." in response.content.decode()
    missing = xlsx([["A", "Nam"]], header=["Họ và tên", "Giới tính"])
    response = client.post(reverse("people:staff_import"), {"file": missing})
    assert "Thiếu cột bắt buộc" in response.content.decode()
    assert Staff.objects.count() == before


def test_export_lists_staff_in_scope(client, unit_head, ward, other_ward):
    StaffFactory(unit=ward, full_name="Nguyễn Văn Trong", badge_number="IN1")
    StaffFactory(unit=other_ward, full_name="Nguyễn Văn Ngoài", badge_number="OUT1")
    client.force_login(unit_head)
    response = client.get(reverse("people:staff_export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Nguyễn Văn Trong" in names and "Nguyễn Văn Ngoài" not in names
    assert sheet.cell(1, 2).value == "Họ và tên"


def test_staff_list_search_without_accents(client, unit_head, ward):
    StaffFactory(unit=ward, full_name="Lương Thị Hằng")
    client.force_login(unit_head)
    body = client.get(reverse("people:staff_list"), {"q": "luong hang"}).content.decode()
    assert "Lương Thị Hằng" in body


def test_transfer_keeps_history(ward, other_ward):
    person = StaffFactory(unit=ward)
    transfer_staff(
        staff=person, to_unit=other_ward, effective_date=dt.date(2025, 7, 1), decision_number="15/QĐ"
    )
    person.refresh_from_db()
    assert person.unit == other_ward
    assert Transfer.objects.get(staff=person).from_unit == ward
    assert unit_on(person, dt.date(2024, 12, 31)) == ward
    assert unit_on(person, dt.date(2025, 7, 1)) == other_ward


def test_transfer_page_moves_within_scope_only(client, programme_office, ward, other_ward, city):
    person = StaffFactory(unit=ward, full_name="Nông Thị Chuyển")
    client.force_login(programme_office)
    url = reverse("people:staff_transfer", args=[person.pk])
    bad = client.post(url, {"to_unit": other_ward.pk, "effective_date": "31/02/2025"})
    assert bad.status_code == 200 and "Nhập một ngày hợp lệ." in bad.content.decode()
    response = client.post(
        url, {"to_unit": other_ward.pk, "effective_date": "01/07/2025", "decision_number": "9/QĐ"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.unit == other_ward
    assert person.transfers.get().decision_number == "9/QĐ"


def test_photo_is_served_to_staff_in_scope(client, unit_head, ward):
    from django.core.files.base import ContentFile

    person = StaffFactory(unit=ward)
    person.photo.save("anh.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    client.force_login(unit_head)
    response = client.get(reverse("people:staff_photo", args=[person.pk]))
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    assert client.get(reverse("people:staff_photo", args=[StaffFactory(unit=ward).pk])).status_code == 404


def test_staff_list_offers_import_only_to_those_allowed_to_import(
    client, unit_head, inspector, programme_office
):
    import_url = reverse("people:staff_import")
    for user in (unit_head, inspector):
        client.force_login(user)
        assert import_url not in client.get(reverse("people:staff_list")).content.decode()
        assert client.get(import_url).status_code == 403
    client.force_login(programme_office)
    assert import_url in client.get(reverse("people:staff_list")).content.decode()
