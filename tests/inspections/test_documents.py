"""The minutes and the round report download as Word files in the Decree 30 layout that open."""

import io

import pytest
from django.urls import reverse
from docx import Document

from congvu.core.documents import DOCX
from tests.factories import StaffFactory
from tests.inspections.factories import DAY, closed_visit

pytestmark = pytest.mark.django_db


def _open(response):
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return text


def test_minutes_download_and_open(login, inspector, unit_head, city, ward):
    person = StaffFactory(unit=ward, full_name="Phan Văn Không Thẻ")
    visit = closed_visit(city, ward, head=inspector, fail_codes=("the-cong-chuc",), officials=[person])
    for user in (inspector, unit_head):
        response = login(user).get(reverse("inspections:visit_minutes", args=[visit.pk]))
        assert "attachment" in response["Content-Disposition"]
        text = _open(response)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
        assert (
            "BIÊN BẢN KIỂM TRA" in text and f"ngày {DAY.day:02d} tháng {DAY.month:02d} năm {DAY.year}" in text
        )
        assert "Phường An Bình" in text and "Phan Văn Không Thẻ" in text and "Không đạt" in text
        assert "TRƯỞNG ĐOÀN KIỂM TRA" in text and "Lương Văn Kiểm Tra" in text
        assert f"Số: {visit.pk:03d}/BB-ĐKT" in text


def test_round_report_download_and_open(login, programme_office, inspector, city, ward):
    visit = closed_visit(city, ward, head=inspector, fail_codes=("ruou-bia",))
    text = _open(login(programme_office).get(reverse("inspections:round_report", args=[visit.round_id])))
    assert "BÁO CÁO" in text and "Kết quả kiểm tra kỷ luật, kỷ cương hành chính đợt 1" in text
    assert "Phường An Bình" in text and "rượu, bia" in text
