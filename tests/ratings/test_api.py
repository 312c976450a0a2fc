import datetime as dt
import json
import uuid

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from congvu.core.models import Notification
from congvu.ratings import services as ratings_services
from congvu.ratings.models import Level, Rating
from congvu.ratings.services import revoke_device
from tests.factories import StaffFactory
from tests.ratings.factories import RatingFactory, roster

URL = "/api/v1/ratings"


def post(client, token, **body):
    payload = {"id": str(uuid.uuid4()), "level": "satisfied", **body}
    return client.post(
        URL, json.dumps(payload), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def test_url_is_the_documented_one():
    assert reverse("api:ratings") == URL
    assert reverse("api:ratings_summary") == URL + "/summary"


def test_a_new_rating_is_stored_with_device_counter_official_and_unit(client, kiosk, counter_official):
    device, token = kiosk
    response = post(
        client, token, level="very_satisfied", reasons=["polite"], comment="Tốt", dossier_code="hs-1"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["official"]["name"] == counter_official.full_name
    rating = Rating.objects.get()
    assert (rating.device, rating.counter, rating.staff, rating.unit) == (
        device,
        device.counter,
        counter_official,
        device.counter.unit,
    )
    assert rating.channel == "kiosk" and rating.dossier_code == "HS-1" and rating.reasons == ["polite"]


def test_a_resent_id_returns_the_stored_rating_once(client, kiosk):
    _device, token = kiosk
    body = {"id": str(uuid.uuid4()), "level": "satisfied", "rated_at": timezone.now().isoformat()}
    first = post(client, token, **body)
    again = post(client, token, **{**body, "level": "not_satisfied"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert Rating.objects.count() == 1 and Rating.objects.get().level == Level.SATISFIED


@pytest.mark.parametrize("header", ["", "Bearer nope", "Token x"])
def test_a_bad_token_is_refused(client, kiosk, header):
    response = client.post(
        URL,
        json.dumps({"id": str(uuid.uuid4()), "level": "satisfied"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=header,
    )
    assert response.status_code == 401
    assert not Rating.objects.exists()


def test_a_revoked_device_is_refused(client, kiosk):
    device, token = kiosk
    revoke_device(device=device)
    assert post(client, token).status_code == 401


def test_a_bad_body_gets_field_errors(client, kiosk):
    _device, token = kiosk
    future = (timezone.now() + dt.timedelta(days=1)).isoformat()
    response = post(client, token, id="abc", level="meh", rated_at=future, reasons=["bogus"])
    assert response.status_code == 422
    fields = {error["loc"][-1] for error in response.json()["detail"]}
    assert fields == {"id", "level", "rated_at", "reasons"}
    assert "UUID" in json.dumps(response.json(), ensure_ascii=False)
    missing = client.post(URL, "{}", content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert missing.status_code == 422
    assert not Rating.objects.exists()


def test_one_rating_per_dossier(client, kiosk):
    _device, token = kiosk
    assert (
        post(
            client,
            token,
            dossier_code="HS-9",
            rated_at=(timezone.now() - dt.timedelta(minutes=5)).isoformat(),
        ).status_code
        == 201
    )
    second = post(client, token, dossier_code="hs-9")
    assert second.status_code == 422
    assert second.json()["detail"][0]["loc"] == ["body", "dossier_code"]


def test_the_official_comes_from_the_roster_at_rated_at(client, counter, kiosk, one_stop):
    _device, token = kiosk
    morning, afternoon = StaffFactory(unit=one_stop), StaffFactory(unit=one_stop)
    day = timezone.localdate() - dt.timedelta(days=3)
    roster(counter, morning, day, ["morning"])
    roster(counter, afternoon, day, ["afternoon"])
    tz = timezone.get_current_timezone()
    at_nine = dt.datetime.combine(day, dt.time(9), tzinfo=tz)
    at_three = dt.datetime.combine(day, dt.time(15), tzinfo=tz)
    next_day = dt.datetime.combine(
        day + dt.timedelta(days=1), dt.time(9, 30), tzinfo=tz
    )  # no roster: the last one
    for moment, expected in [(at_nine, morning), (at_three, afternoon), (next_day, morning)]:
        response = post(client, token, rated_at=moment.isoformat())
        assert response.status_code == 201
        assert Rating.objects.get(client_id=response.json()["id"]).staff == expected


def test_a_burst_of_taps_is_throttled(client, kiosk):
    _device, token = kiosk
    now = timezone.now()
    assert post(client, token, rated_at=now.isoformat()).status_code == 201
    burst = post(client, token, rated_at=(now + dt.timedelta(milliseconds=600)).isoformat())
    assert burst.status_code == 429 and burst.json()["code"] == "burst"
    assert Rating.objects.count() == 1


def test_too_many_requests_from_one_device_are_throttled(client, kiosk, monkeypatch):
    monkeypatch.setattr(ratings_services, "DEVICE_LIMIT_PER_MINUTE", 2)
    _device, token = kiosk
    base = timezone.now() - dt.timedelta(hours=1)
    codes = [
        post(client, token, rated_at=(base + dt.timedelta(minutes=i)).isoformat()).status_code
        for i in range(3)
    ]
    assert codes == [201, 201, 429]


def test_not_satisfied_alerts_the_unit_head_the_same_day(
    client, kiosk, unit_head, django_capture_on_commit_callbacks
):
    unit_head.email = "truong@example.gov.vn"
    unit_head.save()
    _device, token = kiosk
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client, token, level="not_satisfied", reasons=["waiting", "attitude"], comment="Chờ lâu"
        )
    assert response.status_code == 201
    notification = Notification.objects.get(user=unit_head)
    assert "Thời gian chờ lâu" in notification.body and "Chờ lâu" in notification.body
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["truong@example.gov.vn"]
    post(client, token, level="satisfied", rated_at=(timezone.now() - dt.timedelta(minutes=2)).isoformat())
    assert Notification.objects.filter(user=unit_head).count() == 1


def test_storing_a_rating_takes_few_queries(client, kiosk, django_assert_max_num_queries):
    _device, token = kiosk
    with django_assert_max_num_queries(16):
        assert post(client, token).status_code == 201


def test_summary_counts_and_scope(client, unit_head, one_stop, other_ward, counter_official):
    for level in ["very_satisfied", "satisfied", "satisfied", "not_satisfied"]:
        RatingFactory(unit=one_stop, staff=counter_official, level=level)
    client.force_login(unit_head)
    response = client.get(URL + "/summary", {"unit": one_stop.code})
    assert response.status_code == 200
    data = response.json()
    assert data["summary"]["total"] == 4 and data["summary"]["share"] == 75.0
    assert data["by_official"][0]["staff__full_name"] == counter_official.full_name
    assert client.get(URL + "/summary", {"unit": other_ward.pk}).status_code == 404
    assert client.get(URL).status_code == 200 and len(client.get(URL).json()) == 4


def test_summary_needs_a_staff_session(client):
    assert client.get(URL + "/summary").status_code == 401


def test_a_body_that_is_not_json_is_a_422_in_vietnamese(client, kiosk):
    _device, token = kiosk
    response = client.post(
        URL, "level=satisfied", content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Nội dung gửi lên không phải JSON hợp lệ."
    assert Rating.objects.count() == 0
