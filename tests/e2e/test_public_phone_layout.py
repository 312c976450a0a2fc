"""Public pages on a 360-px phone: nothing wider than the screen."""

import pytest

from tests.factories import UnitFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_transparency_filter_with_long_unit_names_fits_a_phone(phone_page, city):
    UnitFactory(
        code="TP-TTVH",
        name="Trung tâm Văn hóa, Thể thao và Truyền thông thành phố Thử Nghiệm (đơn vị có tên rất dài)",
        parent=city,
    )
    page = phone_page
    page.goto(page.base_url + "/cong-khai/")
    assert page.locator("#id_unit").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_unit_directory_shows_each_unit_as_a_block_on_a_phone(phone_page, city):
    UnitFactory(
        code="TP-VP",
        name="Văn phòng HĐND và UBND thành phố Thử Nghiệm",
        parent=city,
        hotline="0205 3000000",
        email="vanphong.thunghiem@example.gov.vn",
        website="https://vanphong.thunghiem.example.gov.vn",
    )
    page = phone_page
    page.goto(page.base_url + "/don-vi/?q=van+phong")
    email = page.locator("table.directory a[href^='mailto:']").first
    box = email.bounding_box()
    assert box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
