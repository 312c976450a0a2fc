"""An inspector records a visit on a phone: large controls, officials found without accents, a draft
that survives a reload and a dropped connection, sent when the network returns; the team head closes."""

import pytest

from congvu.inspections.models import Finding, Visit, VisitAnswer
from congvu.inspections.selectors import items_of
from tests.e2e.conftest import log_in
from tests.factories import StaffFactory
from tests.inspections.factories import make_visit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_inspector_records_a_visit_on_a_phone(phone_page, inspector, city, ward):
    page = phone_page
    visit = make_visit(city, ward, head=inspector)
    StaffFactory(unit=ward, full_name="Hoàng Thị Đào")
    StaffFactory(unit=ward, full_name="Lý Văn Bình")
    items = list(items_of(visit.template_version))
    badge = next(i for i in items if i.code == "the-cong-chuc")

    log_in(page, inspector.username)
    page.goto(page.base_url + f"/quan-ly/kiem-tra/luot/{visit.pk}/ghi-nhan/")
    assert "Phường An Bình" in page.locator("h1").inner_text()
    # Large touch targets.
    box = page.locator(f"#item-{badge.pk} .choice-pass span").bounding_box()
    assert box["height"] >= 48

    for each in items:
        page.locator(f"#item-{each.pk} .choice-{'fail' if each.pk == badge.pk else 'pass'} span").click()
    page.fill(f"#note_{badge.pk}", "Không đeo thẻ công chức")
    page.fill(f"#search_{badge.pk}", "hoang dao")
    page.locator(f"#item-{badge.pk} .official-results button").first.click()
    assert "Hoàng Thị Đào" in page.locator(f"#item-{badge.pk} .chips").inner_text()

    # Nothing sent yet, but the draft is on the phone: a reload restores it.
    page.reload()
    assert "khôi phục" in page.locator("#sync-status").inner_text()
    assert page.locator(f"#item-{badge.pk} .choice-fail input").is_checked()
    assert "Hoàng Thị Đào" in page.locator(f"#item-{badge.pk} .chips").inner_text()
    assert not VisitAnswer.objects.filter(visit=visit).exists()

    # The connection drops while saving: the draft is kept and sent when the network returns.
    page.context.set_offline(True)
    page.click("#save-button")
    page.locator("#sync-status", has_text="Mất kết nối").wait_for()
    assert not VisitAnswer.objects.filter(visit=visit).exists()
    page.context.set_offline(False)
    page.locator("#sync-status", has_text="Đã lưu lên máy chủ").wait_for()
    assert VisitAnswer.objects.filter(visit=visit).count() == len(items)
    failed = VisitAnswer.objects.get(visit=visit, result="fail")
    assert failed.item == badge and [s.full_name for s in failed.officials.all()] == ["Hoàng Thị Đào"]
    assert page.evaluate(f"localStorage.getItem('congvu-visit-{visit.pk}-{inspector.pk}')") is None

    # Send to the team head (here the same inspector), who closes the visit.
    page.goto(page.base_url + f"/quan-ly/kiem-tra/luot/{visit.pk}/")
    with page.expect_navigation():
        page.click("button:has-text('Gửi trưởng đoàn')")
    with page.expect_navigation():
        page.click("button:has-text('Kết thúc lượt kiểm tra')")
    visit.refresh_from_db()
    assert visit.status == Visit.Status.CLOSED
    assert Finding.objects.get(visit=visit).item == badge
    assert "Phát hiện" in page.locator("main").inner_text()
