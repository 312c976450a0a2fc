"""Discipline cases: review → meeting → decision, forms by category, restricted access, evidence."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from congvu.discipline import services as discipline_services
from congvu.discipline.evidence import evidence_for as discipline_evidence
from congvu.discipline.models import DisciplineCase, forms_allowed_for
from congvu.discipline.selectors import discipline_forms_in_year
from congvu.people.models import StaffCategory
from congvu.rewards import services as rewards_services
from congvu.rewards.evidence import evidence_for as reward_evidence
from tests.factories import PositionFactory, StaffFactory
from tests.rewards.factories import title

pytestmark = pytest.mark.django_db


@pytest.fixture
def civil_servant(ward):
    return StaffFactory(unit=ward, full_name="Nông Văn Vi Phạm", category=StaffCategory.CONG_CHUC)


def _decide(case, by, form="khien_trach", day=dt.date(2025, 5, 20)):
    return discipline_services.decide_discipline(
        case=case,
        form=form,
        deciding_body="Chủ tịch UBND thành phố",
        decision_number="45/QĐ-UBND",
        decision_date=day,
        by=by,
    )


def test_an_inspection_finding_opens_a_case_through_the_agreed_interface(civil_servant, inspector, ward):
    case = discipline_services.open_discipline_case(
        staff=civil_servant,
        origin="inspection",
        origin_reference="Biên bản 05/BB-ĐKT",
        facts="Uống rượu trong giờ nghỉ trưa",
        by=inspector,
        origin_url="/quan-ly/kiem-tra/luot/5/",
    )
    assert case.status == DisciplineCase.Status.REVIEW
    assert case.unit == ward and case.opened_by == inspector
    assert case.origin_url == "/quan-ly/kiem-tra/luot/5/"
    assert case.events.get().action == "opened"


def test_unsafe_origin_links_are_dropped(civil_servant, inspector):
    case = discipline_services.open_discipline_case(
        staff=civil_servant,
        origin="feedback",
        origin_reference="PA-1",
        facts="x",
        by=inspector,
        origin_url="javascript:alert(1)",
    )
    assert case.origin_url == ""


def test_steps_meeting_then_decision_and_the_forms_in_the_year(civil_servant, unit_head):
    case = discipline_services.open_discipline_case(
        staff=civil_servant, origin="other", origin_reference="", facts="Đi muộn", by=unit_head
    )
    DisciplineCase.objects.filter(pk=case.pk).update(opened_on=dt.date(2025, 4, 1))
    discipline_services.record_discipline_meeting(
        case=case, meeting_date=dt.date(2025, 4, 20), summary="Đã họp", by=unit_head
    )
    case = _decide(case, unit_head)
    assert case.status == DisciplineCase.Status.DECIDED
    assert case.effective_from == dt.date(2025, 5, 20)
    assert case.effective_to == dt.date(2026, 5, 19)  # 12 months by default
    assert [e.action for e in case.events.all()] == ["opened", "meeting", "decided"]
    assert discipline_forms_in_year(civil_servant, 2025) == ["khien_trach"]
    assert discipline_forms_in_year(civil_servant, 2024) == []
    with pytest.raises(ValidationError):
        _decide(case, unit_head)  # decided once


def test_dismissed_cases_do_not_count(civil_servant, unit_head):
    case = discipline_services.open_discipline_case(
        staff=civil_servant, origin="other", origin_reference="", facts="x", by=unit_head
    )
    discipline_services.dismiss_discipline(case=case, note="Không đủ căn cứ", by=unit_head)
    assert discipline_forms_in_year(civil_servant, case.opened_on.year) == []


def test_forms_follow_the_category_and_position(ward):
    manager = PositionFactory(name="Trưởng phòng", is_manager=True)
    clerk = StaffFactory(unit=ward, category=StaffCategory.CONG_CHUC)
    head = StaffFactory(unit=ward, category=StaffCategory.CONG_CHUC, position=manager)
    teacher = StaffFactory(unit=ward, category=StaffCategory.VIEN_CHUC)
    elected = StaffFactory(unit=ward, category=StaffCategory.CAN_BO)
    assert forms_allowed_for(clerk) == ["khien_trach", "canh_cao", "ha_bac_luong", "buoc_thoi_viec"]
    assert forms_allowed_for(head) == ["khien_trach", "canh_cao", "giang_chuc", "cach_chuc", "buoc_thoi_viec"]
    assert forms_allowed_for(teacher) == ["khien_trach", "canh_cao", "buoc_thoi_viec"]
    assert forms_allowed_for(elected) == ["khien_trach", "canh_cao"]


def test_a_form_not_allowed_for_the_person_is_a_field_error(login, unit_head, ward):
    teacher = StaffFactory(unit=ward, category=StaffCategory.VIEN_CHUC)
    case = discipline_services.open_discipline_case(
        staff=teacher, origin="other", origin_reference="", facts="x", by=None
    )
    response = login(unit_head).post(
        reverse("discipline:discipline_decide", args=[case.pk]),
        {
            "form": "ha_bac_luong",
            "deciding_body": "UBND",
            "decision_number": "1",
            "decision_date": "01/01/2099",
        },
    )
    assert response.status_code == 400
    assert "Hạ bậc lương" not in response.content.decode().split('id="decide-form"')[1].split("</select>")[0]
    case.refresh_from_db()
    assert case.status == DisciplineCase.Status.REVIEW


def test_bad_dates_get_field_errors_not_500(login, unit_head, civil_servant):
    case = discipline_services.open_discipline_case(
        staff=civil_servant, origin="other", origin_reference="", facts="x", by=None
    )
    client = login(unit_head)
    response = client.post(
        reverse("discipline:discipline_decide", args=[case.pk]),
        {
            "form": "khien_trach",
            "deciding_body": "UBND",
            "decision_number": "1",
            "decision_date": "31/02/2025",
        },
    )
    assert response.status_code == 400
    assert "Nhập một ngày hợp lệ" in response.content.decode() or "valid date" in response.content.decode()


def test_only_unit_head_programme_office_and_admin_see_cases(
    login,
    civil_servant,
    unit_head,
    programme_office,
    system_admin,
    leadership,
    inspector,
    handler,
    reception_officer,
):
    case = discipline_services.open_discipline_case(
        staff=civil_servant, origin="other", origin_reference="", facts="Bí mật", by=None
    )
    url = reverse("discipline:discipline_detail", args=[case.pk])
    for user in (unit_head, programme_office, system_admin):
        assert login(user).get(url).status_code == 200
    for user in (leadership, inspector, handler, reception_officer):
        assert login(user).get(url).status_code == 403
        assert login(user).get(reverse("discipline:discipline_list")).status_code == 403


def test_web_journey_open_meet_decide(login, unit_head, civil_servant):
    client = login(unit_head)
    response = client.post(
        reverse("discipline:discipline_new"),
        {
            "staff": civil_servant.pk,
            "origin": "feedback",
            "origin_reference": "PA-9",
            "facts": "Gây phiền hà",
        },
    )
    case = DisciplineCase.objects.get()
    assert response.status_code == 302
    today = case.opened_on.strftime("%d/%m/%Y")
    client.post(
        reverse("discipline:discipline_meeting", args=[case.pk]), {"meeting_date": today, "summary": "Họp"}
    )
    client.post(
        reverse("discipline:discipline_decide", args=[case.pk]),
        {
            "form": "canh_cao",
            "deciding_body": "Chủ tịch UBND",
            "decision_number": "7/QĐ",
            "decision_date": today,
            "in_official_duty": "0",
        },
    )
    case.refresh_from_db()
    assert case.status == DisciplineCase.Status.DECIDED and case.form == "canh_cao"
    assert case.in_official_duty is False  # the decision says whether the violation was on duty
    page = client.get(reverse("discipline:discipline_detail", args=[case.pk])).content.decode()
    assert "Cảnh cáo" in page and "Họp kiểm điểm" in page
    assert "Vi phạm ngoài thực thi nhiệm vụ, công vụ" in page


def test_evidence_lists_rewards_and_discipline_of_the_year(civil_servant, programme_office, ward):
    reward = rewards_services.propose_reward(
        unit=ward,
        title=title(),
        year=2025,
        staff=civil_servant,
        reason="Tốt",
        proposed_on=dt.date(2025, 12, 1),
        by=programme_office,
    )
    rewards_services.decide_reward(
        reward=reward,
        approved=True,
        deciding_body="Thủ trưởng",
        decision_number="3/QĐ",
        decision_date=dt.date(2026, 1, 10),
        by=programme_office,
    )
    case = discipline_services.open_discipline_case(
        staff=civil_servant, origin="other", origin_reference="", facts="x", by=None
    )
    DisciplineCase.objects.filter(pk=case.pk).update(opened_on=dt.date(2025, 1, 2))
    _decide(case, programme_office, day=dt.date(2025, 6, 1))
    items = discipline_evidence(civil_servant, 2025) + reward_evidence(civil_servant, 2025)
    assert [item["kind"] for item in items] == ["discipline", "reward"]
    assert set(items[0]) == {"kind", "title", "date", "url", "summary"}
    assert items[0]["url"] == reverse("discipline:discipline_detail", args=[case.pk])
    assert items[1]["date"] == dt.date(2026, 1, 10)
    assert discipline_evidence(civil_servant, 2024) == [] == reward_evidence(civil_servant, 2024)
