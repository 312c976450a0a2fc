"""The intake register and its export, the inbox search and filters, indicators and evidence."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from congvu.core.indicators import Period
from congvu.feedback import services
from congvu.feedback.evidence import evidence_for
from congvu.feedback.models import Case
from congvu.reports.engine import evaluate
from tests.factories import StaffFactory
from tests.feedback.factories import aware, make_case

pytestmark = pytest.mark.django_db


def test_register_exports_the_usual_columns(login, ward, unit_head):
    make_case(ward, received_at=aware(2026, 3, 2), title="Đèn đường hỏng")
    response = login(unit_head).get(
        reverse("feedback:register_export"),
        {"unit": ward.pk, "date_from": "01/03/2026", "date_to": "31/03/2026"},
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][:2] == ("STT", "Ngày tiếp nhận")
    assert rows[3][0] == 1 and rows[3][1] == "02/03/2026" and "Đèn đường hỏng" in rows[3][5]


def test_inbox_search_without_accents_and_filters(login, ward, handler, django_assert_max_num_queries):
    make_case(ward, title="Ô nhiễm tiếng ồn quán karaoke")
    make_case(ward, title="Đèn đường hỏng")
    client = login(handler)
    body = client.get(reverse("feedback:inbox"), {"q": "o nhiem"}).content.decode()
    assert "Ô nhiễm tiếng ồn" in body and "Đèn đường hỏng" not in body
    for _ in range(20):
        make_case(ward)
    with django_assert_max_num_queries(15):
        client.get(reverse("feedback:inbox"), {"tab": "new", "channel": "web"})


def test_indicators_follow_decision_766(ward, handler, unit_head):
    on_time = make_case(ward, received_at=aware(2025, 3, 3))
    late = make_case(ward, received_at=aware(2025, 3, 3))
    for case, sent in ((on_time, aware(2025, 3, 10)), (late, aware(2025, 5, 10))):
        services.decide_intake(case, by=handler, decision="xu_ly")
        answer = services.save_answer(case, by=handler, body="Trả lời", submit=True)
        services.review_answer(answer, by=unit_head, approve=True)
        services.send_answer(answer, by=handler, via="letter", now=sent)
    services.rate(Case.objects.get(pk=on_time.pk), satisfied=False)
    year = Period.year(2025)
    assert evaluate("feedback.received", ward, year)["value"] == 2
    assert evaluate("feedback.on_time", ward, year)["value"] == 50.0
    assert evaluate("feedback.satisfaction", ward, year)["value"] == 0.0


def test_evidence_lists_cases_naming_the_official(ward, reception_officer):
    official = StaffFactory(unit=ward, full_name="Vũ Văn Bị Phản Ánh")
    case = make_case(ward, received_at=aware(2026, 4, 1))
    services.set_officials(case, by=reception_officer, staff=[official])
    items = evidence_for(official, 2026)
    assert (
        len(items) == 1
        and items[0]["date"] == dt.date(2026, 4, 1)
        and items[0]["url"].endswith(f"/{case.pk}/")
    )
    assert evidence_for(official, 2025) == []


def test_staff_api_lists_cases_in_scope(login, ward, other_ward, handler):
    mine = make_case(ward, title="Trong phạm vi")
    make_case(other_ward, title="Ngoài phạm vi")
    client = login(handler)
    rows = client.get("/api/v1/feedback/cases").json()
    assert [row["code"] for row in rows] == [mine.code]
    assert client.get(f"/api/v1/feedback/cases/{mine.pk}").json()["title"] == "Trong phạm vi"


def test_inbox_count_is_capped(login, ward, handler, monkeypatch):
    from congvu.core.pagination import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "CAP", 2)
    for _ in range(4):
        make_case(ward)
    body = login(handler).get(reverse("feedback:inbox")).content.decode()
    assert "Hơn 2 phản ánh" in body
