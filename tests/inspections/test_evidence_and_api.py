"""Evidence for the annual evaluation, and the JSON API."""

import datetime as dt

import pytest
from django.urls import reverse

from congvu.inspections import services
from congvu.inspections.evidence import evidence_for
from congvu.inspections.models import Finding
from tests.factories import StaffFactory
from tests.inspections.factories import closed_visit

pytestmark = pytest.mark.django_db


def test_evidence_names_the_official(inspector, city, ward):
    person, other = StaffFactory(unit=ward), StaffFactory(unit=ward)
    closed_visit(
        city, ward, head=inspector, fail_codes=("ruou-bia",), officials=[person], day=dt.date(2024, 5, 14)
    )
    closed_visit(
        city, ward, head=inspector, fail_codes=("hut-thuoc",), officials=[person], day=dt.date(2024, 9, 10)
    )
    first = Finding.objects.get(item__code="ruou-bia")
    services.decide_finding(finding=first, action="reminder", content="Nghiêm cấm rượu bia", today=first.date)
    items = evidence_for(person, 2024)
    assert [item["kind"] for item in items] == ["inspection.reminder", "inspection.finding"]
    assert items[0]["date"] == dt.date(2024, 5, 14) and "Nghiêm cấm rượu bia" in items[0]["summary"]
    assert items[0]["url"] == reverse("inspections:finding_detail", args=[first.pk])
    assert set(items[0]) == {"kind", "title", "date", "url", "summary"}
    assert evidence_for(person, 2023) == [] and evidence_for(other, 2024) == []


def test_api_lists_rounds_and_visits_in_scope(login, programme_office, inspector, city, ward):
    visit = closed_visit(city, ward, head=inspector, fail_codes=("bai-tri",))
    client = login(programme_office)
    rounds = client.get(reverse("api:inspection_rounds")).json()
    assert rounds[0]["visits"] == 1 and rounds[0]["organiser"] == "Thành phố Thử Nghiệm"
    visits = client.get(reverse("api:inspection_visits"), {"year": visit.date.year}).json()
    assert visits == [
        {
            "id": visit.pk,
            "round_id": visit.round_id,
            "unit_code": "P-AB",
            "unit_name": "Phường An Bình",
            "date": visit.date.isoformat(),
            "status": "closed",
            "failed_items": 1,
        }
    ]
    assert client.get(reverse("api:inspection_visit", args=[visit.pk])).json()["failed_items"] == 1


def test_api_needs_a_login(client):
    assert client.get(reverse("api:inspection_visits")).status_code == 401
