"""Browser journeys of rewards, discipline, working regulations and plans: a reward decided, a
discipline case from an inspection finding, a regulation replaced with the indicator right for past dates, a plan's tasks assigned, reported, accepted."""

import datetime as dt

import pytest

from congvu.core.indicators import Period
from congvu.discipline import services as discipline_services
from congvu.discipline.evidence import evidence_for
from congvu.discipline.models import DisciplineCase
from congvu.discipline.selectors import discipline_forms_in_year
from congvu.plans.models import TaskAssignment
from congvu.regulations import services as regulations_services
from congvu.regulations.models import WorkingRegulation
from congvu.reports.engine import evaluate
from congvu.rewards.models import Reward
from tests.e2e.conftest import log_in
from tests.factories import StaffFactory
from tests.rewards.factories import title

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _switch_user(page, username):
    page.context.clear_cookies()
    log_in(page, username)


def test_a_reward_proposal_is_decided(browser_page, unit_head, programme_office, ward):
    person = StaffFactory(unit=ward, full_name="Lục Thị Khen Thưởng")
    proposed_title = title("chien-si-thi-dua-co-so")
    page = browser_page
    log_in(page, unit_head.username)
    page.goto(page.base_url + "/quan-ly/khen-thuong/de-nghi/")
    page.select_option("#id_unit", str(ward.pk))
    page.select_option("#id_title", str(proposed_title.pk))
    page.select_option("#id_year", "2025")
    page.select_option("#id_staff", str(person.pk))
    page.fill("#id_reason", "Có sáng kiến cải cách thủ tục hành chính")
    page.fill("#id_proposal_number", "15/TTr-UBND")
    page.fill("#id_proposed_on", "05/12/2025")
    page.click("form.panel button[type=submit]")
    page.wait_for_load_state()
    assert "Đã đề nghị" in page.locator("#reward-status").inner_text()
    assert page.locator("#decide-form").count() == 0  # the unit head cannot decide
    reward_url = page.url

    _switch_user(page, programme_office.username)
    page.goto(reward_url)
    page.fill("#id_deciding_body", "Chủ tịch UBND thành phố")
    page.fill("#id_decision_number", "102/QĐ-UBND")
    page.fill("#id_decision_date", "15/01/2026")
    page.click("#decide-form button[type=submit]")
    page.wait_for_load_state()
    assert "Đã quyết định khen thưởng" in page.locator("#reward-status").inner_text()
    assert "102/QĐ-UBND" in page.locator("main").inner_text()
    page.goto(page.base_url + "/quan-ly/khen-thuong/?q=luc thi khen")
    assert "Lục Thị Khen Thưởng" in page.locator("table.register").inner_text()
    assert Reward.objects.get().status == Reward.Status.DECIDED


def test_an_inspection_finding_becomes_a_decided_discipline_case_on_the_evidence(
    browser_page, unit_head, inspector, ward
):
    person = StaffFactory(unit=ward, full_name="Nông Văn Vi Phạm")
    case = discipline_services.open_discipline_case(  # what the inspections part calls for a finding
        staff=person,
        origin="inspection",
        origin_reference="Biên bản kiểm tra 05/BB-ĐKT",
        facts="Sử dụng đồ uống có cồn trong giờ nghỉ trưa",
        by=inspector,
    )
    today = dt.date.today().strftime("%d/%m/%Y")
    page = browser_page
    log_in(page, unit_head.username)
    page.goto(page.base_url + f"/quan-ly/ky-luat/{case.pk}/")
    assert "Biên bản kiểm tra 05/BB-ĐKT" in page.locator("main").inner_text()
    page.fill("#meeting-form #id_meeting_date", today)
    page.fill("#meeting-form #id_summary", "Đương sự nhận khuyết điểm")
    page.click("#meeting-form button[type=submit]")
    page.wait_for_load_state()
    assert "Đã họp kiểm điểm" in page.locator("#case-status").inner_text()
    page.select_option("#decide-form #id_form", "khien_trach")
    page.fill("#decide-form #id_deciding_body", "Chủ tịch UBND phường")
    page.fill("#decide-form #id_decision_number", "21/QĐ-UBND")
    page.fill("#decide-form #id_decision_date", today)
    page.click("#decide-form button[type=submit]")
    page.wait_for_load_state()
    assert "Đã quyết định kỷ luật" in page.locator("#case-status").inner_text()
    year = dt.date.today().year
    assert discipline_forms_in_year(person, year) == ["khien_trach"]
    evidence = evidence_for(person, year)
    assert evidence[0]["kind"] == "discipline" and "Khiển trách" in evidence[0]["title"]
    page.goto(page.base_url + evidence[0]["url"])
    assert "21/QĐ-UBND" in page.locator("main").inner_text()
    assert DisciplineCase.objects.get().events.count() == 3


def test_a_regulation_is_replaced_and_past_dates_keep_their_state(browser_page, programme_office, city, ward):
    regulations_services.issue_regulation(
        unit=city,
        kind="issued",
        title="Quy chế thành phố",
        number="5/QĐ-UBND",
        signed_on=dt.date(2017, 1, 5),
        by=None,
    )
    regulations_services.issue_regulation(
        unit=ward,
        kind="issued",
        title="Quy chế cũ",
        number="12/QĐ-UBND",
        signed_on=dt.date(2018, 3, 1),
        by=None,
    )
    page = browser_page
    log_in(page, programme_office.username)
    page.goto(page.base_url + f"/quan-ly/quy-che/don-vi/{ward.pk}/")
    page.click("text=Ghi văn bản mới")
    page.wait_for_load_state()
    assert page.locator("#id_kind").input_value() == "replacement"
    page.fill("#id_title", "Quy chế làm việc mới")
    page.fill("#id_number", "30/QĐ-UBND")
    page.fill("#id_signed_on", "20/02/2024")
    page.fill("#id_valid_from", "01/03/2024")
    page.set_input_files(
        "#id_file", files=[{"name": "quy-che.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.click("form.panel button[type=submit]")
    page.wait_for_load_state()
    assert "30/QĐ-UBND" in page.locator("p.lead").inner_text()
    assert "29/02/2024" in page.locator("table.register").inner_text()  # the old one ends the day before

    page.goto(page.base_url + "/quan-ly/quy-che/?on=31/12/2019")
    assert "12/QĐ-UBND" in page.locator("table.register").inner_text()
    assert "2/2 " in page.locator("#coverage").inner_text()
    page.goto(page.base_url + "/quan-ly/quy-che/?on=31/12/2024")
    assert "30/QĐ-UBND" in page.locator("table.register").inner_text()
    for year in (2019, 2020, 2024):
        assert evaluate("units.with_working_regulation", city, Period.year(year))["value"] == 100.0
    assert WorkingRegulation.objects.get(number="12/QĐ-UBND").valid_to == dt.date(2024, 2, 29)


def test_a_plans_tasks_are_assigned_reported_and_accepted(
    browser_page, programme_office, unit_head, city, ward
):
    page = browser_page
    log_in(page, programme_office.username)
    page.goto(page.base_url + "/quan-ly/ke-hoach/them/")
    page.select_option("#id_unit", str(city.pk))
    page.select_option("#id_doc_type", "ke_hoach")
    page.fill("#id_issuing_body", "UBND tỉnh Lạng Sơn")
    page.fill("#id_number", "103/KH-UBND")
    page.fill("#id_issued_on", "17/05/2019")
    page.fill("#id_title", "Kế hoạch thực hiện Đề án Văn hóa công vụ")
    page.click("form.panel button[type=submit]")
    page.wait_for_load_state()
    page.fill("#id_task-title", "Công khai đường dây nóng và hòm thư góp ý")
    page.select_option("#id_task-units", [str(ward.pk)])
    page.fill("#id_task-working_days", "10")
    page.click("#task-form button[type=submit]")
    page.wait_for_load_state()
    assert "Công khai đường dây nóng" in page.locator("main").inner_text()
    assignment = TaskAssignment.objects.get()

    _switch_user(page, unit_head.username)
    page.goto(page.base_url + "/quan-ly/nhiem-vu/")
    page.click("text=Công khai đường dây nóng và hòm thư góp ý")
    page.wait_for_load_state()
    page.fill("#id_text", "Đã niêm yết tại bộ phận một cửa, ảnh kèm theo")
    page.check("#id_is_final")
    page.set_input_files(
        "#id_evidence", files=[{"name": "anh.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.click("#report-form button[type=submit]")
    page.wait_for_load_state()
    assert "chờ nghiệm thu" in page.locator("#assignment-status").inner_text()

    _switch_user(page, programme_office.username)
    page.goto(page.base_url + f"/quan-ly/nhiem-vu/{assignment.pk}/")
    page.click("#review-form button[type=submit]")
    page.wait_for_load_state()
    assert "Đã nghiệm thu" in page.locator("#assignment-status").inner_text()
    page.goto(page.base_url + "/quan-ly/ke-hoach/")
    assert "1/1" in page.locator("table.register").inner_text()
