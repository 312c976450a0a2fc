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
