"""The programme office plans a round in the browser: plan, round, team head, a visit to a ward."""

import pytest

from congvu.inspections.models import InspectionPlan, Round, TeamMember, Visit
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_programme_office_plans_a_round(browser_page, programme_office, inspector, city, ward):
    page = browser_page
    log_in(page, programme_office.username)
    page.goto(page.base_url + "/quan-ly/kiem-tra/")
    page.click("text=Lập kế hoạch kiểm tra")
    page.select_option("#id_unit", str(city.pk))
    page.fill("#id_year", "2026")
    page.fill("#id_title", "Kế hoạch kiểm tra kỷ luật, kỷ cương hành chính năm 2026")
    page.fill("#id_decision_number", "15/KH-UBND")
    page.fill("#id_decision_date", "20/01/2026")
    with page.expect_navigation():
        page.click("button:has-text('Lưu kế hoạch')")
    plan = InspectionPlan.objects.get()

    page.fill("#id_title", "Kiểm tra các phường")
    page.fill("#id_start_date", "09/03/2026")
    page.fill("#id_end_date", "20/03/2026")
    page.fill("#id_team_decision_number", "120/QĐ-UBND")
    page.uncheck("#id_announced")
    with page.expect_navigation():
        page.click("button:has-text('Tạo đợt kiểm tra')")
    round_ = Round.objects.get(plan=plan)
    assert not round_.announced

    page.select_option("#id_user", str(inspector.pk))
    page.select_option("#id_role", "head")
    with page.expect_navigation():
        page.click("button:has-text('Thêm vào đoàn')")
    page.select_option("#id_unit", str(ward.pk))
    page.fill("#id_date", "10/03/2026")
    with page.expect_navigation():
        page.click("button:has-text('Thêm lượt')")
    assert TeamMember.objects.get(round=round_).user == inspector
    visit = Visit.objects.get(round=round_)
    assert visit.unit == ward and visit.date.isoformat() == "2026-03-10"
    body = page.locator("main").inner_text()
    assert "Phường An Bình" in body and "10/03/2026" in body and "Lương Văn Kiểm Tra" in body
