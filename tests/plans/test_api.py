"""The staff JSON endpoints: same roles and scope as the pages."""

import datetime as dt

import pytest
from django.urls import reverse

from congvu.plans import services as plans_services
from congvu.regulations import services as regulations_services

pytestmark = pytest.mark.django_db


def test_regulation_status_on_a_past_day(login, programme_office, city, ward, other_ward):
    for unit in (city, ward):
        regulations_services.issue_regulation(
            unit=unit,
            kind="issued",
            title="Quy chế",
            number=f"{unit.code}/QĐ",
            signed_on=dt.date(2018, 1, 1),
            by=None,
        )
    response = login(programme_office).get(reverse("api:records_regulations"), {"on": "2019-12-31"})
    assert response.status_code == 200
    data = response.json()
    assert (data["covered"], data["total"]) == (2, 3)
    missing = [row["unit_code"] for row in data["units"] if not row["in_force"]]
    assert missing == [other_ward.code]


def test_assignments_for_the_unit_and_overdue_filter(login, unit_head, programme_office, city, ward):
    directive = plans_services.register_directive(
        unit=city,
        doc_type="ke_hoach",
        issuing_body="UBND",
        number="1/KH",
        issued_on=dt.date(2026, 1, 1),
        title="Kế hoạch",
        by=None,
    )
    plans_services.add_task(
        directive=directive,
        title="Việc quá hạn",
        units=[ward],
        deadline=dt.date(2026, 1, 10),
        assigned_on=dt.date(2026, 1, 2),
        by=None,
    )
    client = login(unit_head)
    rows = client.get(reverse("api:records_assignments"), {"overdue": "true"}).json()
    assert [(row["task"], row["overdue"]) for row in rows] == [("Việc quá hạn", True)]


def test_roles_without_access_get_403_and_anonymous_401(client, login, reception_officer):
    assert client.get(reverse("api:records_assignments")).status_code == 401
    assert login(reception_officer).get(reverse("api:records_assignments")).status_code == 403
    assert login(reception_officer).get(reverse("api:records_regulations")).status_code == 403
