"""Empty, malformed or hostile input gets an answer in the user's language, never a 500."""

import datetime as dt

import pytest
from django.urls import reverse

from congvu.feedback import services
from congvu.feedback.models import SuggestionBoxOpening
from congvu.feedback.views import ACTIONS
from tests.feedback.factories import make_case

pytestmark = pytest.mark.django_db

JUNK = {
    "unit": "abc",
    "topic": "999999",
    "page": "x",
    "date_from": "31/02/2026",
    "date_to": "zz",
    "q": "<b>" * 50,
    "channel": "nope",
    "status": "nope",
    "tab": "nope",
    "days": "-1",
    "handler": "x",
    "case": ["x", "999999"],
}


def test_public_pages_survive_junk(client, ward):
    case = make_case(ward)
    for url in (
        reverse("feedback:submit"),
        reverse("feedback:track"),
        reverse("feedback:rate", args=[case.code]),
    ):
        assert client.post(url, {}).status_code < 500
        assert client.post(url, JUNK).status_code < 500
    assert client.get(reverse("feedback:track"), {"code": "'; drop table"}).status_code < 500
    assert client.get(reverse("feedback:submitted")).status_code == 302
    assert client.get("/phan-anh-da-tra-loi/999999/").status_code == 404


def test_staff_pages_and_actions_survive_junk(client, ward, ward_insider):
    case = make_case(ward)
    opening = SuggestionBoxOpening.objects.create(
        unit=ward, opened_on=dt.date(2026, 3, 2), opened_by="A", witnesses="B", letters_count=3
    )
    client.force_login(ward_insider)
    for name in (
        "feedback:inbox",
        "feedback:register",
        "feedback:register_export",
        "feedback:intake",
        "feedback:openings",
    ):
        assert client.get(reverse(name), JUNK).status_code < 500, name
        assert client.post(reverse(name), {}).status_code < 500, name
    assert client.post(reverse("feedback:opening_detail", args=[opening.pk]), JUNK).status_code < 500
    assert client.post(reverse("feedback:bulk_assign"), JUNK).status_code < 500
    assert client.post(reverse("feedback:case_publish", args=[case.pk]), JUNK).status_code < 500
    for slug in ACTIONS:
        for data in ({}, JUNK):
            response = client.post(reverse("feedback:case_action", args=[case.pk, slug]), data)
            assert response.status_code < 500, slug
    services.decide_intake(case, by=ward_insider, decision="xu_ly")
    for slug in ACTIONS:
        assert client.post(reverse("feedback:case_action", args=[case.pk, slug]), JUNK).status_code < 500, (
            slug
        )


def test_open311_survives_junk(client, db):
    for url in ("/open311/v2/requests.json", "/open311/v2/requests.xml"):
        assert client.post(url, JUNK).status_code in (400, 403)
        assert client.get(url, {"api_key": "x", "start_date": "garbage"}).status_code in (400, 403)
    assert client.get("/open311/v2/requests/abc.json", {"api_key": "x"}).status_code == 403
