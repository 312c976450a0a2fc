"""Open311 GeoReport v2: discovery, services, requests (json and xml), keys, scope and errors."""

import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

from congvu.feedback.models import ApiKey, Case, Channel

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_key(ward, capsys):
    call_command("apikey", "create", "Ứng dụng Lạng Sơn số", "--unit", ward.code)
    return capsys.readouterr().out.strip().splitlines()[-1]


def _post(client, key, ward, headers=None, **extra):
    data = {
        "api_key": key,
        "jurisdiction_id": ward.code,
        "service_code": "giao-thong",
        "description": "Ổ gà lớn trước số nhà 20 đường Bà Triệu, nguy hiểm cho xe máy.",
        "first_name": "Lan",
        "last_name": "Phạm Thị",
        "email": "lan@example.vn",
        "lat": "21.85",
        "long": "106.76",
        "address_string": "20 Bà Triệu",
    }
    data.update(extra)
    return client.post("/open311/v2/requests.json", data, headers=headers or {})


def test_discovery_and_services(client, db):
    assert client.get("/open311/v2/discovery.json").json()["endpoints"][0]["formats"] == [
        "application/json",
        "text/xml",
    ]
    services = client.get("/open311/v2/services.json").json()
    assert {"service_code", "service_name", "metadata", "type"} <= set(services[0])
    root = ET.fromstring(client.get("/open311/v2/services.xml").content)
    assert root.tag == "services" and root.find("service/service_code") is not None
    assert client.get("/open311/v2/services/khong-co.json").status_code == 404


def test_service_definition_is_one_object_as_in_the_specification(client, db):
    code = client.get("/open311/v2/services.json").json()[0]["service_code"]
    definition = client.get(f"/open311/v2/services/{code}.json").json()
    assert set(definition) == {"service_code", "attributes"} and definition["service_code"] == code
    assert [a["code"] for a in definition["attributes"]] == ["location_public"]
    root = ET.fromstring(client.get(f"/open311/v2/services/{code}.xml").content)
    assert root.tag == "service_definition" and root.findtext("service_code") == code
    assert root.findtext("attributes/attribute/code") == "location_public"
    assert [v.text for v in root.findall("attributes/attribute/values/value/key")] == ["true", "false"]


def test_post_and_read_back_without_personal_data(client, ward, api_key):
    response = _post(client, api_key, ward)
    assert response.status_code == 201
    request_id = response.json()[0]["service_request_id"]
    case = Case.objects.get(pk=request_id)
    assert case.channel == Channel.OPEN311 and case.sender_email == "lan@example.vn"
    detail = client.get(f"/open311/v2/requests/{request_id}.json", {"api_key": api_key}).json()[0]
    assert detail["status"] == "open" and detail["expected_datetime"].startswith(case.answer_due.isoformat())
    text = str(detail)
    assert "lan@example.vn" not in text and "Phạm Thị" not in text
    listing = client.get("/open311/v2/requests.xml", {"api_key": api_key, "status": "open"})
    assert ET.fromstring(listing.content).find("request/service_request_id").text == request_id
    token = client.get(f"/open311/v2/tokens/{case.code}.json", {"api_key": api_key}).json()
    assert token[0]["service_request_id"] == request_id


def test_idempotency_key_makes_one_case(client, ward, api_key):
    _post(client, api_key, ward, headers={"Idempotency-Key": "abc"})
    client.post(
        "/open311/v2/requests.json",
        {
            "api_key": api_key,
            "jurisdiction_id": ward.code,
            "service_code": "giao-thong",
            "description": "Ổ gà lớn trước số nhà 20 đường Bà Triệu, nguy hiểm cho xe máy.",
        },
        headers={"Idempotency-Key": "abc"},
    )
    assert Case.objects.count() == 1


def test_errors_follow_the_spec(client, ward, other_ward, api_key):
    missing = client.post("/open311/v2/requests.json", {"jurisdiction_id": ward.code})
    assert missing.status_code == 403 and missing.json()[0]["code"] == 403
    outside = _post(client, api_key, other_ward)
    assert outside.status_code == 403
    bad = _post(client, api_key, ward, service_code="khong-co")
    assert bad.status_code == 400 and "service_code" in bad.json()[0]["description"]
    xml = client.post(
        "/open311/v2/requests.xml",
        {"api_key": api_key, "jurisdiction_id": ward.code, "service_code": "giao-thong", "description": ""},
    )
    assert xml.status_code == 400 and ET.fromstring(xml.content).tag == "errors"
    assert client.get("/open311/v2/requests/999999.json", {"api_key": api_key}).status_code == 404


def test_revoked_key_is_refused(client, ward, api_key, capsys):
    prefix = ApiKey.objects.get().prefix
    call_command("apikey", "revoke", prefix)
    assert _post(client, api_key, ward).status_code == 403


def test_a_key_reads_the_cases_of_the_units_its_unit_succeeded(client, ward, new_ward, capsys):
    from tests.feedback.factories import make_case

    old = make_case(ward)
    call_command("apikey", "create", "Ứng dụng phường mới", "--unit", new_ward.code)
    key = capsys.readouterr().out.strip().splitlines()[-1]
    rows = client.get(f"/open311/v2/requests/{old.pk}.json", {"api_key": key}).json()
    assert rows[0]["service_request_id"] == str(old.pk)
    assert _post(client, key, ward).status_code == 403  # posting only to its own current units


def test_a_dissolved_unit_receives_no_new_request(client, city, ward, capsys):
    import datetime as dt

    ward.valid_to = dt.date(2025, 6, 30)
    ward.save(update_fields=["valid_to"])
    call_command("apikey", "create", "Ứng dụng thành phố", "--unit", city.code)
    key = capsys.readouterr().out.strip().splitlines()[-1]
    response = _post(client, key, ward)
    assert response.status_code == 400
    assert "jurisdiction_id" in response.json()[0]["description"]
    assert not Case.objects.exists()
    assert _post(client, key, city).status_code == 201


def test_a_service_definition_is_one_object(client, db):
    from tests.feedback.factories import topic

    code = topic().code
    definition = client.get(f"/open311/v2/services/{code}.json").json()
    assert definition["service_code"] == code and isinstance(definition["attributes"], list)
    root = ET.fromstring(client.get(f"/open311/v2/services/{code}.xml").content)
    assert root.tag == "service_definition" and root.find("service_code").text == code


def test_reading_is_public_and_a_key_narrows_it(client, ward, other_ward, api_key):
    """GeoReport v2 needs no key to read; the public fields only, and a given key limits to its units."""
    from tests.feedback.factories import make_case

    mine, theirs = make_case(ward), make_case(other_ward)
    listing = client.get("/open311/v2/requests.json").json()
    ids = {row["service_request_id"] for row in listing}
    assert {str(mine.pk), str(theirs.pk)} <= ids
    assert all("Nguyễn Văn Dân" not in str(row) and "0912345678" not in str(row) for row in listing)
    assert client.get(f"/open311/v2/requests/{theirs.pk}.json").status_code == 200
    narrowed = client.get("/open311/v2/requests.json", {"api_key": api_key}).json()
    assert {row["service_request_id"] for row in narrowed} == {str(mine.pk)}
    assert client.get("/open311/v2/requests.json", {"api_key": "sai"}).status_code == 403
