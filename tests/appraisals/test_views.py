"""The pages: a unit runs its cycle through the forms; errors are field messages, never 500s."""

import datetime as dt
import io
import sys
import types

import pytest
from django.urls import reverse
from openpyxl import Workbook

from congvu.appraisals.models import Evaluation, Level, UnitCycle
from congvu.core.plugins import app_modules
from tests.appraisals.factories import decided_discipline, open_ward_cycle, to_reviewed, ward_staff
from tests.scope_harness import response_text

pytestmark = pytest.mark.django_db


def test_programme_office_opens_a_cycle_and_bad_input_is_a_field_error(login, programme_office, ward):
    client = login(programme_office)
    response = client.post(reverse("appraisals:cycle_list"), {"year": "abc", "scope_unit": ward.pk})
    assert (
        response.status_code == 200
        and "Hãy nhập một số" in response.content.decode()
        or "số" in response.content.decode()
    )
    response = client.post(reverse("appraisals:cycle_list"), {"year": 2026, "scope_unit": ward.pk})
    assert response.status_code == 302
    response = client.post(reverse("appraisals:cycle_list"), {"year": 2026, "scope_unit": ward.pk})
    assert "đã được mở" in response.content.decode()


def test_unit_head_cannot_open_a_cycle(login, unit_head, ward):
    response = login(unit_head).post(reverse("appraisals:cycle_list"), {"year": 2026, "scope_unit": ward.pk})
    assert response.status_code == 403


def test_dg_tyle_xuatsac_20_form_view_refuses_over_cap_with_the_counts_even_with_a_justification(
    login, unit_head, programme_office, ward
):
    people = ward_staff(ward, 4)
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    first, second = (to_reviewed(unit_cycle.evaluations.get(staff=p), unit_head) for p in people[:2])
    client = login(unit_head)
    page = client.get(reverse("appraisals:evaluation", args=[first.pk])).content.decode()
    assert "0 người xuất sắc (đã quyết định và đề xuất) / tối đa 1" in page  # 5 possibly good → 1
    propose = reverse("appraisals:evaluation_propose", args=[first.pk])
    assert client.post(propose, {"level": "xuat_sac"}).status_code == 302
    page = client.get(reverse("appraisals:evaluation", args=[second.pk])).content.decode()
    assert "1 người xuất sắc (đã quyết định và đề xuất) / tối đa 1" in page
    for data in (
        {"level": "xuat_sac"},
        {"level": "xuat_sac", "quota_justification": "Có sáng kiến cấp tỉnh."},
    ):
        response = client.post(reverse("appraisals:evaluation_propose", args=[second.pk]), data)
        body = response.content.decode()
        assert response.status_code == 400
        assert (
            "2 người hoàn thành xuất sắc nhiệm vụ, vượt mức tối đa 1" in body and "DG-TYLE-XUATSAC-20" in body
        )
        assert Evaluation.objects.get(pk=second.pk).status == Evaluation.Status.REVIEWED


def test_decision_notice_and_publication(login, unit_head, programme_office, ward, official):
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    client = login(unit_head)
    for evaluation in unit_cycle.evaluations.all():
        evaluation = to_reviewed(evaluation, unit_head)
        client.post(reverse("appraisals:evaluation_propose", args=[evaluation.pk]), {"level": "tot"})
        response = client.post(
            reverse("appraisals:evaluation_decide", args=[evaluation.pk]),
            {"level": "tot", "decision_number": ""},
        )
        assert response.status_code == 400 and "bắt buộc" in response.content.decode()
        response = client.post(
            reverse("appraisals:evaluation_decide", args=[evaluation.pk]),
            {"level": "tot", "decision_number": "15/QĐ"},
        )
        assert response.status_code == 302
    mine = unit_cycle.evaluations.get(staff=official.staff)
    notice = client.get(reverse("appraisals:evaluation_notice", args=[mine.pk]))
    text = response_text(notice)
    assert "Hoàn thành tốt nhiệm vụ" in text and official.staff.full_name in text and "15/QĐ" in text
    assert client.post(reverse("appraisals:unit_cycle_publish", args=[unit_cycle.pk])).status_code == 302
    assert UnitCycle.objects.get(pk=unit_cycle.pk).status == UnitCycle.Status.PUBLISHED
    # The official sees the publication, their notice and may complain.
    own = login(official)
    page = own.get(reverse("appraisals:published", args=[unit_cycle.pk]))
    assert page.status_code == 200 and official.staff.full_name in page.content.decode()
    assert own.get(reverse("appraisals:my_notice", args=[mine.pk])).status_code == 200
    response = own.post(
        reverse("appraisals:my_evaluation", args=[mine.pk]), {"step": "complaint", "complaint": ""}
    )
    assert response.status_code == 400
    response = own.post(
        reverse("appraisals:my_evaluation", args=[mine.pk]),
        {"step": "complaint", "complaint": "Xin xem lại."},
    )
    assert response.status_code == 302 and Evaluation.objects.get(pk=mine.pk).complaint == "Xin xem lại."


def test_official_self_assesses_on_their_own_page(login, official, programme_office, ward):
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    mine = unit_cycle.evaluations.get(staff=official.staff)
    client = login(official)
    history = client.get(reverse("appraisals:my_evaluations")).content.decode()
    assert "2026" in history
    response = client.post(
        reverse("appraisals:my_evaluation", args=[mine.pk]),
        {"self_assessment": "Tự đánh giá", "general_score": "40", "tasks_1": "4"},
    )
    assert response.status_code == 400 and "30" in response.content.decode()
    response = client.post(
        reverse("appraisals:my_evaluation", args=[mine.pk]),
        {
            "self_assessment": "Tự đánh giá",
            "general_score": "28",
            "tasks_1": "4",
            "errors_1": "0",
            "late_1": "0",
        },
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == Evaluation.Status.SELF_ASSESSED and mine.total_score == 98


def test_evidence_panel_discovers_providers_and_shows_an_empty_state(
    login, unit_head, programme_office, ward, monkeypatch
):
    person = ward_staff(ward, 1)[0]
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    evaluation = unit_cycle.evaluations.get(staff=person)
    client = login(unit_head)
    body = client.get(reverse("appraisals:evaluation", args=[evaluation.pk])).content.decode()
    assert "Chưa có minh chứng nào cho năm này." in body
    fake = types.ModuleType("congvu.ratings.evidence")
    seen = []

    def evidence_for(staff, year):
        seen.append((staff.pk, year))
        return [
            {
                "kind": "rating",
                "title": "Đánh giá hài lòng tại quầy",
                "date": None,
                "url": "/x/",
                "summary": "98% hài lòng",
            }
        ]

    fake.evidence_for = evidence_for
    monkeypatch.setitem(sys.modules, "congvu.ratings.evidence", fake)
    app_modules.cache_clear()  # the plugin lookup is cached per process; this test swaps a module
    body = client.get(reverse("appraisals:evaluation", args=[evaluation.pk])).content.decode()
    assert "Đánh giá hài lòng tại quầy" in body and "98% hài lòng" in body
    assert seen == [(person.pk, 2026)]


def test_discipline_warning_on_the_evaluation_page(login, unit_head, programme_office, ward):
    person = ward_staff(ward, 1)[0]
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    evaluation = unit_cycle.evaluations.get(staff=person)
    decided_discipline(person, unit_head, form="canh_cao", number="7/QĐ-KL", day=dt.date(2026, 3, 2))
    body = login(unit_head).get(reverse("appraisals:evaluation", args=[evaluation.pk])).content.decode()
    assert "Mức xếp loại bị giới hạn theo quy định" in body
    assert "Cảnh cáo, quyết định 7/QĐ-KL ngày 02/03/2026" in body and "DG-KYLUAT-CONGVU-335" in body


def _xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "ket-qua.xlsx"
    return buffer


def test_import_of_past_results_reports_each_bad_row(login, programme_office, ward, other_ward):
    people = ward_staff(ward, 2)
    file = _xlsx(
        [
            ["Số thẻ", "Họ và tên", "Mã đơn vị", "Năm", "Xếp loại", "Số quyết định"],
            [people[0].badge_number, "", ward.code, 2019, "Hoàn thành tốt nhiệm vụ", "5/QĐ"],
            ["", people[1].full_name, ward.code, 2019, "HTXSNV", ""],
            ["", "Không Có Ai", ward.code, 2019, "tot", ""],
            [people[0].badge_number, "", ward.code, 2019, "tot", ""],
            [people[0].badge_number, "", "KHONGCO", 2018, "giỏi", ""],
            [people[0].badge_number, "", ward.code, 2030, "tot", ""],
        ]
    )
    response = login(programme_office).post(reverse("appraisals:import"), {"file": file})
    body = response.content.decode()
    assert "Đã nhập 2 kết quả." in body
    assert "Không Có Ai" in body and "trùng với dòng 2" in body and "KHONGCO" in body and "giỏi" in body
    assert "Năm phải là một năm đã qua" in body
    first = Evaluation.objects.get(staff=people[0], year=2019)
    assert first.rule_set.code == "ND56-2015" and first.unit == ward and first.level == Level.GOOD
    assert Evaluation.objects.get(staff=people[1], year=2019).level == Level.EXCELLENT
    response = login(programme_office).post(
        reverse("appraisals:import"), {"file": io.BytesIO(b"not a spreadsheet")}
    )
    assert response.status_code == 400 and "xlsx" in response.content.decode()


def test_results_page_query_count_does_not_grow_with_people(
    login, leadership, programme_office, ward, django_assert_max_num_queries
):
    ward_staff(ward, 30)
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    Evaluation.objects.filter(unit_cycle=unit_cycle).update(
        status=Evaluation.Status.DECIDED, level=Level.GOOD
    )
    client = login(leadership)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("appraisals:results") + f"?unit={ward.parent_id}&year=2026")
    assert response.status_code == 200
    assert "100,00" in response.content.decode()


def test_api_results_and_evaluations(login, leadership, programme_office, ward):
    ward_staff(ward, 2)
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    Evaluation.objects.filter(unit_cycle=unit_cycle).update(
        status=Evaluation.Status.DECIDED, level=Level.GOOD
    )
    client = login(leadership)
    rows = client.get(reverse("api:results") + f"?unit={ward.parent_id}&year=2026").json()
    total = next(row for row in rows if row["year"] == 2026 and row["group"] == "all")
    assert total["share"] == 100.0 and total["levels"]["tot"] == total["rated"]
    listed = client.get(reverse("api:evaluations") + "?year=2026").json()
    assert len(listed) == total["rated"] and listed[0]["level"] == "tot"


def test_home_cards_for_the_official_and_the_head(login, official, unit_head, programme_office, ward):
    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    assert (
        "Tự đánh giá năm 2026 chưa nộp"
        in login(official).get(reverse("accounts:staff_home")).content.decode()
    )
    evaluation = to_reviewed(unit_cycle.evaluations.get(staff=official.staff), unit_head)
    from congvu.appraisals import services

    services.propose(evaluation=evaluation, by=unit_head, level=Level.GOOD)
    assert (
        "Phiếu đánh giá chờ quyết định"
        in login(unit_head).get(reverse("accounts:staff_home")).content.decode()
    )


def test_step_log_reads_as_labels_and_dd_mm_yyyy_not_raw_data(login, unit_head, programme_office, ward):
    from congvu.appraisals.models import EvaluationEvent

    _cycle, unit_cycle = open_ward_cycle(ward, programme_office)
    EvaluationEvent.objects.create(
        unit_cycle=unit_cycle,
        by=unit_head,
        action="meeting",
        before={"meeting_date": "", "status": "open"},
        after={"meeting_date": "2026-11-20", "status": "open"},
    )
    page = login(unit_head).get(reverse("appraisals:unit_cycle", args=[unit_cycle.pk])).content.decode()
    assert "Họp đánh giá của đơn vị" in page and "Ngày họp: — → 20/11/2026" in page
    assert "2026-11-20" not in page and "{&#x27;" not in page
