"""Open the portal, switch language, log in as a ward reception officer, see the staff home."""

import pytest

from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_portal_language_switch_and_reception_officer_home(browser_page, reception_officer, ward):
    page = browser_page
    page.goto(page.base_url + "/")
    assert "Văn hóa công vụ" in page.title()
    assert page.locator("h1").inner_text().startswith("Văn hóa công vụ")

    with page.expect_navigation():
        page.select_option("#language-select", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Staff login" in page.locator("header").inner_text()

    with page.expect_navigation():
        page.select_option("#language-select", "vi")
    assert "Đăng nhập cán bộ" in page.locator("header").inner_text()

    log_in(page, reception_officer.username)
    assert page.url.endswith("/quan-ly/")
    body = page.locator("main").inner_text()
    assert "Xin chào, Lê Thị Tiếp Nhận" in body
    assert "Cán bộ tiếp nhận" in body and "Phường An Bình" in body


def test_unit_directory_is_searchable_without_accents(browser_page, ward, other_ward):
    page = browser_page
    page.goto(page.base_url + "/don-vi/")
    page.fill("input[name=q]", "an binh")
    page.click("form[role=search] button")
    page.wait_for_load_state()
    table = page.locator("table.directory").inner_text()
    assert "Phường An Bình" in table
    assert "Phường Ngoài Phạm Vi" not in table
