"""A citizen submits feedback, gets a code and tracks it; a handler answers, the head approves, it is published."""

import pytest

from congvu.feedback.models import Case
from tests.e2e.conftest import log_in
from tests.feedback.factories import ensure_topics, make_case

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_citizen_submits_gets_a_code_and_tracks_it(browser_page, ward, other_ward):
    ensure_topics()
    page = browser_page
    page.goto(page.base_url + "/gui-phan-anh/")
    page.fill("#unit-filter", "an binh")  # typed without accents
    assert page.locator("#id_unit").input_value() == str(ward.pk)
    page.select_option("#id_topic", label="Giao thông, hạ tầng")
    page.fill("#id_title", "Đèn đường hỏng trước nhà văn hóa")
    page.fill("#id_content", "Ba cột đèn trước nhà văn hóa khu 4 hỏng đã hai tuần, buổi tối rất tối.")
    page.fill("#id_sender_name", "Nông Thị Hiền")
    page.fill("#id_sender_address", "Khu 4, phường An Bình")
    page.fill("#id_sender_phone", "0912 111 222")
    page.click("button.primary")  # without consent: a clear error, nothing lost
    assert "Cần đồng ý" in page.locator("main").inner_text()
    assert page.input_value("#id_title") == "Đèn đường hỏng trước nhà văn hóa"
    page.check("#id_consent")
    page.click("button.primary")
    page.wait_for_load_state()
    code = page.locator("#tracking-code").inner_text()
    assert Case.objects.get().code == code

    other = page.context.browser.new_context(locale="vi-VN")
    stranger = other.new_page()
    stranger.goto(page.base_url + f"/tra-cuu/{code}/")
    assert "Mới tiếp nhận" in stranger.locator("#case-status").inner_text()
    assert "Đèn đường hỏng" not in stranger.locator("main").inner_text()
    stranger.fill("#id_contact", "0912111222")
    stranger.click("main form button")
    stranger.wait_for_load_state()
    assert "Đèn đường hỏng trước nhà văn hóa" in stranger.locator("main").inner_text()
    other.close()


def test_handler_answers_head_approves_and_it_is_published(browser_page, ward, handler, unit_head):
    case = make_case(ward, title="Chậm trả kết quả chứng thực")
    page = browser_page
    log_in(page, handler.username)
    page.goto(page.base_url + "/quan-ly/phan-anh/?q=cham tra ket qua")
    page.click(f"text={case.code}")
    page.select_option("#id_decision", "xu_ly")
    page.click("text=Ghi quyết định")
    page.wait_for_load_state()
    assert "Đang xử lý" in page.locator("#case-status").inner_text()
    page.fill("#answer-form textarea[name=body]", "Phường đã trả kết quả chứng thực và nhắc nhở công chức.")
    page.click("#answer-form button[name=submit]")
    page.wait_for_load_state()
    assert "Chờ duyệt" in page.locator("#case-status").inner_text()

    head_context = page.context.browser.new_context(locale="vi-VN")
    head = head_context.new_page()
    head.base_url = page.base_url
    log_in(head, unit_head.username)
    head.goto(page.base_url + f"/quan-ly/phan-anh/{case.pk}/")
    head.click("#review-form button[name=approve]")
    head.wait_for_load_state()
    head_context.close()

    page.reload()
    page.select_option("#send-form select[name=via]", "email")
    page.click("#send-form button")
    page.wait_for_load_state()
    assert "Đã trả lời" in page.locator("#case-status").inner_text()
    page.fill(
        "#publish-form textarea[name=public_content]", "Người dân phản ánh chậm trả kết quả chứng thực."
    )
    page.click("#publish-form button[name=preview]")
    page.wait_for_load_state()
    assert "chậm trả kết quả chứng thực" in page.locator("#publish-preview").inner_text()
    page.click("button[name=confirm]")
    page.wait_for_load_state()
    page.goto(page.base_url + "/phan-anh-da-tra-loi/")
    page.click("text=Chậm trả kết quả chứng thực")
    body = page.locator("main").inner_text()
    assert "nhắc nhở công chức" in body and "Nguyễn Văn Dân" not in body and "0912345678" not in body


def test_the_form_fits_a_phone(phone_page, ward):
    page = phone_page
    page.goto(page.base_url + "/gui-phan-anh/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
