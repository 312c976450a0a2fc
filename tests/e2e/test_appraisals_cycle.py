"""A ward runs its 2026 evaluation in the browser: the Nội vụ office opens the cycle, an official
assesses themself, the head records the meeting and proposes, the quota stops an over-quota
"excellent" without a justification, the head decides, downloads the notice and publishes."""

import pytest

from congvu.appraisals import services
from congvu.appraisals.models import Evaluation, Level, UnitCycle
from tests.appraisals.factories import to_reviewed, ward_staff
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _page(browser, live_server):
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = live_server.url
    return page


def test_a_ward_runs_its_2026_cycle_end_to_end(
    browser, live_server, ward, programme_office, unit_head, official
):
    colleagues = ward_staff(ward, 3)

    # The programme office opens the year's cycle for the ward.
    office = _page(browser, live_server)
    log_in(office, programme_office.username)
    office.goto(office.base_url + "/quan-ly/danh-gia-xep-loai/")
    office.fill("#id_year", "2026")
    office.select_option("#id_scope_unit", str(ward.pk))
    office.click("#open-cycle button[type=submit]")
    office.wait_for_load_state()
    assert "Đã mở đợt đánh giá năm 2026" in office.locator("main").inner_text()
    unit_cycle = UnitCycle.objects.get(unit=ward, cycle__year=2026)
    office.context.close()

    # The official writes the self-assessment with monthly task results.
    me = _page(browser, live_server)
    log_in(me, official.username)
    me.goto(me.base_url + "/quan-ly/danh-gia-cua-toi/")
    me.click("#my-history a:text-is('Tự đánh giá')")
    me.fill("#id_self_assessment", "Hoàn thành 100% nhiệm vụ, có sáng kiến cải cách thủ tục.")
    me.fill("#id_general_score", "29")
    for month in range(1, 11):
        me.fill(f"#id_tasks_{month}", "4")
    me.click("#self-assessment button[type=submit]")
    me.wait_for_load_state()
    assert "Đã gửi bản tự đánh giá" in me.locator("main").inner_text()
    mine = Evaluation.objects.get(staff=official.staff, year=2026)
    assert mine.total_score == 99 and mine.self_level == Level.EXCELLENT

    # The others are further along; one colleague is already proposed "excellent" (cap: 20% of 5 = 1).
    for index, evaluation in enumerate(unit_cycle.evaluations.exclude(pk=mine.pk)):
        evaluation = to_reviewed(evaluation, unit_head)
        services.propose(
            evaluation=evaluation, by=unit_head, level=Level.EXCELLENT if index == 0 else Level.GOOD
        )

    # The head records the official's part of the meeting.
    head = _page(browser, live_server)
    log_in(head, unit_head.username)
    head.goto(head.base_url + f"/quan-ly/danh-gia-xep-loai/phieu/{mine.pk}/")
    head.fill("#step-meeting #id_meeting_comment", "Tập thể ghi nhận sáng kiến cải cách thủ tục.")
    head.fill("#step-meeting #id_votes_excellent", "7")
    head.fill("#step-meeting #id_votes_good", "2")
    head.click("#step-meeting button[type=submit]")
    head.wait_for_load_state()
    assert "Đã họp nhận xét" in head.locator("#evaluation-status").inner_text()

    # Proposing "excellent" over the quota is blocked with the count, the cap and the rule; a written
    # justification no longer lifts the ceiling, so the head proposes "good".
    head.select_option("#step-propose #id_level", "xuat_sac")
    head.click("#step-propose button[type=submit]")
    head.wait_for_load_state()
    body = head.locator("main").inner_text()
    assert "vượt mức tối đa 1" in body and "DG-TYLE-XUATSAC-20" in body
    assert Evaluation.objects.get(pk=mine.pk).status == Evaluation.Status.REVIEWED
    head.select_option("#step-propose #id_level", "tot")
    head.click("#step-propose button[type=submit]")
    head.wait_for_load_state()
    assert "Đã đề xuất" in head.locator("#evaluation-status").inner_text()

    # The decision (locked), then the written notice.
    head.fill("#step-decide #id_decision_number", "25/QĐ-UBND")
    head.click("#step-decide button[type=submit]")
    head.wait_for_load_state()
    assert "Hoàn thành tốt nhiệm vụ" in head.locator("#evaluation-level").inner_text()
    with head.expect_download() as download:
        head.click("#notice-link")
    assert download.value.suggested_filename.endswith(".docx")

    # Everyone else decided; the head publishes the results inside the unit.
    for evaluation in unit_cycle.evaluations.filter(status=Evaluation.Status.PROPOSED):
        services.decide(
            evaluation=evaluation,
            by=unit_head,
            level=evaluation.proposed_level,
            decision_number="26/QĐ-UBND",
        )
    head.goto(head.base_url + f"/quan-ly/danh-gia-xep-loai/don-vi/{unit_cycle.pk}/")
    head.click("#publish")
    head.wait_for_load_state()
    assert "Đã công khai" in head.locator("#unit-cycle-status").inner_text()

    # The official sees the published list.
    me.goto(me.base_url + f"/quan-ly/danh-gia-cua-toi/cong-khai/{unit_cycle.pk}/")
    table = me.locator("#published-table").inner_text()
    assert official.staff.full_name in table and colleagues[0].full_name in table
    head.context.close()
    me.context.close()
