"""Reward proposals: a unit proposes, the programme office records the competent body's decision."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from congvu.core.models import AuditEvent
from congvu.rewards import services
from congvu.rewards.models import Reward
from tests.factories import StaffFactory
from tests.rewards.factories import RewardFactory, title

pytestmark = pytest.mark.django_db


def test_unit_head_proposes_a_reward_for_a_person_of_the_ward(login, unit_head, ward):
    person = StaffFactory(unit=ward, full_name="Lục Văn Khen")
    client = login(unit_head)
    response = client.post(
        reverse("rewards:reward_new"),
        {
            "unit": ward.pk,
            "title": title("chien-si-thi-dua-co-so").pk,
            "year": "2025",
            "staff": person.pk,
            "reason": "Sáng kiến rút ngắn thời gian giải quyết hồ sơ",
            "proposal_number": "12/TTr-UBND",
            "proposed_on": "01/12/2025",
        },
    )
    reward = Reward.objects.get()
    assert response.status_code == 302
    assert reward.status == Reward.Status.PROPOSED and reward.staff == person
    assert reward.proposed_by == unit_head
    assert reward.events.get().action == "proposed"
    assert AuditEvent.objects.filter(object_type="rewards.reward", action="create").exists()


def test_a_collective_title_needs_a_unit_not_a_person(login, unit_head, ward):
    client = login(unit_head)
    response = client.post(
        reverse("rewards:reward_new"),
        {
            "unit": ward.pk,
            "title": title("tap-the-lao-dong-tien-tien").pk,
            "year": "2025",
            "reason": "Tập thể hoàn thành tốt",
            "proposed_on": "01/12/2025",
        },
    )
    assert response.status_code == 200
    assert "Danh hiệu này dành cho tập thể" in response.content.decode()
    assert not Reward.objects.exists()


def test_unit_head_cannot_decide_but_programme_office_can(login, unit_head, programme_office, ward):
    reward = RewardFactory(unit=ward)
    data = {
        "approved": "1",
        "deciding_body": "Chủ tịch UBND thành phố",
        "decision_number": "88/QĐ-UBND",
        "decision_date": "15/01/2026",
    }
    assert login(unit_head).post(reverse("rewards:reward_decide", args=[reward.pk]), data).status_code == 403
    response = login(programme_office).post(reverse("rewards:reward_decide", args=[reward.pk]), data)
    assert response.status_code == 302
    reward.refresh_from_db()
    assert reward.status == Reward.Status.DECIDED
    assert reward.decision_number == "88/QĐ-UBND" and reward.decision_date == dt.date(2026, 1, 15)
    assert [e.action for e in reward.events.all()] == ["decided"]


def test_a_decision_needs_its_number_and_date_and_is_taken_once(login, programme_office, ward):
    reward = RewardFactory(unit=ward)
    client = login(programme_office)
    response = client.post(reverse("rewards:reward_decide", args=[reward.pk]), {"approved": "1"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Hãy ghi số quyết định." in body and "Hãy ghi ngày quyết định." in body
    services.decide_reward(reward=reward, approved=False, note="Chưa đủ tiêu chuẩn", by=programme_office)
    with pytest.raises(ValidationError):
        services.decide_reward(reward=reward, approved=False, note="Lần hai", by=programme_office)


def test_list_searches_without_accents_and_exports_xlsx(login, programme_office, ward):
    RewardFactory(unit=ward, staff=StaffFactory(unit=ward, full_name="Hoàng Thị Đào"))
    RewardFactory(unit=ward, staff=StaffFactory(unit=ward, full_name="Vi Văn Khác"))
    client = login(programme_office)
    body = client.get(reverse("rewards:reward_list"), {"q": "hoang thi dao"}).content.decode()
    assert "Hoàng Thị Đào" in body and "Vi Văn Khác" not in body
    export = client.get(reverse("rewards:reward_export"), {"q": "dao"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    from tests.scope_harness import response_text

    text = response_text(export)
    assert "Hoàng Thị Đào" in text and "Vi Văn Khác" not in text


def test_list_query_count_does_not_grow_with_rows(
    login, programme_office, ward, django_assert_max_num_queries
):
    for _ in range(30):
        RewardFactory(unit=ward)
    client = login(programme_office)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("rewards:reward_list")).status_code == 200


def test_reception_and_handlers_have_no_access(login, reception_officer, handler):
    for user in (reception_officer, handler):
        assert login(user).get(reverse("rewards:reward_list")).status_code == 403


def test_an_official_sees_only_their_own_rewards_and_discipline(login, official, ward):
    mine = RewardFactory(
        unit=ward,
        staff=official.staff,
        status=Reward.Status.DECIDED,
        decision_number="11/QĐ-MINE",
        decision_date=dt.date(2026, 1, 5),
    )
    RewardFactory(
        unit=ward,
        status=Reward.Status.DECIDED,
        decision_number="12/QĐ-OTHER",
        decision_date=dt.date(2026, 1, 5),
    )
    page = login(official).get(reverse("rewards:my_records")).content.decode()
    assert mine.decision_number in page and "12/QĐ-OTHER" not in page
    assert login(official).get(reverse("rewards:reward_list")).status_code == 403


def test_people_picker_narrows_to_a_unit_and_asks_for_one_when_too_many(
    login, programme_office, ward, other_ward
):
    from congvu.people import pickers

    StaffFactory(unit=ward, full_name="Người Phường An")
    StaffFactory(unit=other_ward, full_name="Người Phường Khác")
    client = login(programme_office)
    page = client.get(reverse("rewards:reward_new"), {"don_vi": ward.pk}).content.decode()
    assert "Người Phường An" in page and "Người Phường Khác" not in page
    pickers.MAX_PEOPLE_CHOICES, saved = 1, pickers.MAX_PEOPLE_CHOICES
    try:
        page = client.get(reverse("discipline:discipline_new")).content.decode()
    finally:
        pickers.MAX_PEOPLE_CHOICES = saved
    assert "hãy chọn đơn vị trước" in page and "Người Phường Khác" not in page


def test_a_unit_proposes_a_list_and_one_decision_covers_it(
    login, unit_head, programme_office, other_unit_head, ward
):
    people = [StaffFactory(unit=ward, full_name=f"Người Tiên Tiến {i}") for i in range(3)]
    client = login(unit_head)
    response = client.post(
        reverse("rewards:reward_new"),
        {
            "unit": ward.pk,
            "title": title("lao-dong-tien-tien").pk,
            "year": "2025",
            "staff": [p.pk for p in people],
            "reason": "Hoàn thành tốt nhiệm vụ",
            "proposed_on": "01/12/2025",
        },
    )
    assert response.status_code == 302 and Reward.objects.count() == 3
    again = client.post(
        reverse("rewards:reward_new"),
        {
            "unit": ward.pk,
            "title": title("lao-dong-tien-tien").pk,
            "year": "2025",
            "staff": [people[0].pk],
            "reason": "Lần hai",
            "proposed_on": "01/12/2025",
        },
    )
    assert again.status_code == 200 and "đã được đề nghị" in again.content.decode()
    assert Reward.objects.count() == 3

    office = login(programme_office)
    page = office.get(reverse("rewards:reward_list"), {"status": "proposed"}).content.decode()
    assert 'id="batch-form"' in page
    ids = list(Reward.objects.values_list("pk", flat=True)[:2])
    response = office.post(
        reverse("rewards:reward_decide_many"),
        {
            "rewards": ids,
            "deciding_body": "Thủ trưởng",
            "decision_number": "9/QĐ",
            "decision_date": "10/01/2026",
        },
    )
    assert response.status_code == 302
    assert Reward.objects.filter(status=Reward.Status.DECIDED, decision_number="9/QĐ").count() == 2
    missing = office.post(reverse("rewards:reward_decide_many"), {"deciding_body": "X"})
    assert missing.status_code == 400 and "Hãy chọn ít nhất một đề nghị." in missing.content.decode()
