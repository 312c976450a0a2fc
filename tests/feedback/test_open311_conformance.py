"""Our own conformance suite for Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), walked end
to end in JSON and XML: every endpoint, its required fields, its errors, XML that parses whatever was
posted, no personal data, and a property fuzzer posting hostile fields and parameters to every endpoint
(no server error, every answer well-formed in the format asked for)."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congvu.feedback import open311
from congvu.feedback.models import ApiKey, Case
from tests.feedback.factories import make_case, topic

pytestmark = pytest.mark.django_db

FORMATS = ("json", "xml")
SERVICE_FIELDS = {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}
ATTRIBUTE_FIELDS = {
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
}
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}


@pytest.fixture
def api_key(ward, city, capsys):
    call_command("apikey", "create", "Ứng dụng kiểm thử", "--unit", city.code)
    return capsys.readouterr().out.strip().splitlines()[-1]


def parse(response, fmt):
    """The body as a list of dicts (or one dict), checking it is well-formed in its format."""
    if fmt == "json":
        assert response["Content-Type"].startswith("application/json")
        return json.loads(response.content)
    assert response["Content-Type"].startswith("text/xml")
    return ET.fromstring(response.content)


def rows(root, item):
    return [{child.tag: child for child in node} for node in root.findall(item)]


def post(client, key, unit, fmt="json", **extra):
    data = {
        "api_key": key,
        "jurisdiction_id": unit.code,
        "service_code": topic("giao-thong").code,
        "description": "Ổ gà lớn trên đường vào khu dân cư, nguy hiểm cho xe máy.",
        "first_name": "Lan",
        "last_name": "Phạm Thị",
        "email": "lan@example.vn",
        "lat": "21.850000",
        "long": "106.760000",
        "address_string": "20 Bà Triệu",
    }
    data.update(extra)
    return client.post(f"/open311/v2/requests.{fmt}", {k: v for k, v in data.items() if v is not None})


def assert_error(response, fmt, status):
    assert response.status_code == status
    body = parse(response, fmt)
    if fmt == "json":
        assert body[0]["code"] == status and body[0]["description"]
    else:
        assert body.tag == "errors" and body.findtext("error/code") == str(status)
        assert body.findtext("error/description")


# --- the specification, endpoint by endpoint -----------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_discovery(client, fmt):
    body = parse(client.get(f"/open311/v2/discovery.{fmt}"), fmt)
    if fmt == "json":
        assert {"changeset", "contact", "key_service", "endpoints"} <= set(body)
        endpoint = body["endpoints"][0]
        assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
        assert set(endpoint["formats"]) == {"application/json", "text/xml"}
    else:
        assert body.tag == "discovery" and body.findtext("changeset")
        endpoint = body.find("endpoints/endpoint")
        assert endpoint.findtext("specification") == "http://wiki.open311.org/GeoReport_v2"
        assert {f.text for f in endpoint.findall("formats/format")} == {"application/json", "text/xml"}
        assert endpoint.findtext("url").endswith("/open311/v2/") and endpoint.findtext("type") == "production"


@pytest.mark.parametrize("fmt", FORMATS)
def test_service_list_and_definition(client, fmt, ward):
    code = topic().code
    body = parse(client.get(f"/open311/v2/services.{fmt}", {"jurisdiction_id": ward.code}), fmt)
    if fmt == "json":
        assert all(SERVICE_FIELDS <= set(service) for service in body)
        assert code in {service["service_code"] for service in body}
    else:
        assert body.tag == "services"
        assert all(SERVICE_FIELDS <= set(row) for row in rows(body, "service"))
    definition = parse(client.get(f"/open311/v2/services/{code}.{fmt}"), fmt)
    if fmt == "json":
        assert definition["service_code"] == code
        attribute = definition["attributes"][0]
        assert ATTRIBUTE_FIELDS | {"values"} <= set(attribute)
        assert {"key", "name"} <= set(attribute["values"][0])
    else:
        assert definition.tag == "service_definition" and definition.findtext("service_code") == code
        attribute = definition.find("attributes/attribute")
        assert ATTRIBUTE_FIELDS <= {child.tag for child in attribute}
        assert (
            attribute.find("values/value/key") is not None and attribute.find("values/value/name") is not None
        )
    assert_error(client.get(f"/open311/v2/services/khong-co.{fmt}"), fmt, 404)


@pytest.mark.parametrize("fmt", FORMATS)
def test_post_a_request_then_read_it_by_id_token_and_search(client, fmt, ward, api_key):
    created = post(client, api_key, ward, fmt)
    assert created.status_code == 201
    body = parse(created, fmt)
    if fmt == "json":
        assert {"service_request_id", "service_notice", "account_id"} <= set(body[0])
        request_id = body[0]["service_request_id"]
    else:
        assert body.tag == "service_requests"
        request_id = body.findtext("request/service_request_id")
        assert body.find("request/service_notice") is not None and body.find("request/account_id") is not None
    case = Case.objects.get(pk=request_id)

    detail = parse(client.get(f"/open311/v2/requests/{request_id}.{fmt}"), fmt)
    searched = parse(client.get(f"/open311/v2/requests.{fmt}", {"service_request_id": request_id}), fmt)
    token = parse(client.get(f"/open311/v2/tokens/{case.code}.{fmt}"), fmt)
    listing = parse(
        client.get(
            f"/open311/v2/requests.{fmt}",
            {"service_code": case.topic.code, "status": "open", "jurisdiction_id": ward.code},
        ),
        fmt,
    )
    if fmt == "json":
        for found in (detail, searched, listing):
            assert REQUEST_FIELDS <= set(found[0]) and found[0]["service_request_id"] == request_id
        assert detail[0]["status"] == "open"
        assert token == [{"service_request_id": request_id, "token": case.code}]
    else:
        for found in (detail, searched, listing):
            assert found.tag == "service_requests"
            assert REQUEST_FIELDS <= set(rows(found, "request")[0])
            assert found.findtext("request/service_request_id") == request_id
        assert token.tag == "service_requests"  # the tokens response is a list of requests too
        assert token.findtext("request/service_request_id") == request_id
        assert token.findtext("request/token") == case.code


@pytest.mark.parametrize("fmt", FORMATS)
def test_errors_of_every_endpoint(client, fmt, ward, api_key):
    assert_error(post(client, None, ward, fmt), fmt, 403)
    assert_error(post(client, "sai", ward, fmt), fmt, 403)
    assert_error(post(client, api_key, ward, fmt, service_code="khong-co"), fmt, 400)
    assert_error(post(client, api_key, ward, fmt, jurisdiction_id="KHONG-CO"), fmt, 400)
    assert_error(post(client, api_key, ward, fmt, description="ngắn"), fmt, 400)
    assert_error(post(client, api_key, ward, fmt, lat="91"), fmt, 400)
    assert_error(post(client, api_key, ward, fmt, long="1_0"), fmt, 400)
    assert_error(post(client, api_key, ward, fmt, email="khong-phai-email"), fmt, 400)
    assert_error(client.get(f"/open311/v2/requests/999999.{fmt}"), fmt, 404)
    assert_error(client.get(f"/open311/v2/tokens/KHONG-CO.{fmt}"), fmt, 404)
    assert_error(client.get(f"/open311/v2/requests.{fmt}", {"api_key": "sai"}), fmt, 403)
    assert_error(client.get(f"/open311/v2/requests.{fmt}", {"status": "dang-lam"}), fmt, 400)
    assert_error(client.delete(f"/open311/v2/requests.{fmt}"), fmt, 405)
    assert_error(client.post(f"/open311/v2/services.{fmt}"), fmt, 405)


# --- the findings of the review -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_named_senders_location_is_not_returned_to_anyone(client, fmt, ward, api_key):
    request_id = post(client, api_key, ward).json()[0]["service_request_id"]
    case = Case.objects.get(pk=request_id)
    assert case.location == "20 Bà Triệu" and case.sender_address == ""  # not posing as a home address
    for response in (
        client.get(f"/open311/v2/requests/{request_id}.{fmt}"),
        client.get(f"/open311/v2/requests.{fmt}"),
        client.get(f"/open311/v2/requests/{request_id}.{fmt}", {"api_key": api_key}),
    ):
        text = response.content.decode()
        assert response.status_code == 200
        assert "Bà Triệu" not in text and "21.85" not in text and "106.76" not in text


def test_the_location_is_public_when_the_sender_chose_so_or_nobody_is_named(client, ward, api_key):
    chosen = post(client, api_key, ward, **{"attribute[location_public]": "true"}).json()[0]
    anonymous = post(client, api_key, ward, first_name="", last_name="", email="").json()[0]
    for created in (chosen, anonymous):
        row = client.get(f"/open311/v2/requests/{created['service_request_id']}.json").json()[0]
        assert row["address"] == "20 Bà Triệu" and (row["lat"], row["long"]) == (21.85, 106.76)


@pytest.mark.parametrize("fmt", FORMATS)
def test_service_request_id_lists_are_capped(client, fmt, ward):
    cases = [make_case(ward) for _ in range(3)]
    ids = ",".join(str(n) for n in range(1, open311.MAX_IDS + 2))
    assert_error(client.get(f"/open311/v2/requests.{fmt}", {"service_request_id": ids}), fmt, 400)
    few = ",".join(str(c.pk) for c in cases)
    body = parse(client.get(f"/open311/v2/requests.{fmt}", {"service_request_id": few}), fmt)
    assert len(body if fmt == "json" else body.findall("request")) == 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_listing_is_paged_and_the_page_size_capped(client, fmt, ward):
    made = {str(make_case(ward).pk) for _ in range(5)}
    seen = []
    for page in (1, 2, 3):
        body = parse(client.get(f"/open311/v2/requests.{fmt}", {"page_size": "2", "page": str(page)}), fmt)
        seen += (
            [r["service_request_id"] for r in body]
            if fmt == "json"
            else [r.text for r in body.findall("request/service_request_id")]
        )
    assert sorted(seen) == sorted(made)
    too_big = str(open311.MAX_PAGE_SIZE + 1)
    assert_error(client.get(f"/open311/v2/requests.{fmt}", {"page_size": too_big}), fmt, 400)
    for bad in ("0", "-1", "x", "²", "9" * 30):
        assert_error(client.get(f"/open311/v2/requests.{fmt}", {"page": bad}), fmt, 400)


def test_without_a_page_size_a_listing_returns_at_most_the_default(client, ward, monkeypatch):
    monkeypatch.setattr(open311, "DEFAULT_PAGE_SIZE", 3)
    for _ in range(4):
        make_case(ward)
    assert len(client.get("/open311/v2/requests.json").json()) == 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_jurisdiction_id_filters_every_read(client, fmt, ward, other_ward):
    mine, theirs = make_case(ward), make_case(other_ward)
    listing = client.get("/open311/v2/requests.json", {"jurisdiction_id": ward.code}).json()
    assert {row["service_request_id"] for row in listing} == {str(mine.pk)}
    by_ids = client.get(
        "/open311/v2/requests.json",
        {"jurisdiction_id": ward.code, "service_request_id": f"{mine.pk},{theirs.pk}"},
    ).json()
    assert [row["service_request_id"] for row in by_ids] == [str(mine.pk)]
    outside = client.get(f"/open311/v2/requests/{theirs.pk}.{fmt}", {"jurisdiction_id": ward.code})
    assert_error(outside, fmt, 404)
    assert_error(
        client.get(f"/open311/v2/tokens/{theirs.code}.{fmt}", {"jurisdiction_id": ward.code}), fmt, 404
    )
    for path in ("requests", "services", f"requests/{mine.pk}", f"services/{topic().code}"):
        assert_error(client.get(f"/open311/v2/{path}.{fmt}", {"jurisdiction_id": "KHONG-CO"}), fmt, 404)


def test_jurisdiction_id_reads_the_cases_of_the_units_a_unit_succeeded(client, ward, new_ward):
    old = make_case(ward)
    listing = client.get("/open311/v2/requests.json", {"jurisdiction_id": new_ward.code}).json()
    assert str(old.pk) in {row["service_request_id"] for row in listing}


HOSTILE = "Số 5\x00 đường\x01\x02\x08\x0b\x0c\x1b\x7f\x85 Lê Lợi \ufffe\uffff <&>]]>"


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_never_break_the_xml(client, fmt, ward, api_key):
    created = post(
        client,
        api_key,
        ward,
        fmt,
        address_string=HOSTILE,
        description="Mô tả\x00 có ký tự điều khiển \x1b[31m đủ dài để nhận.",
        first_name="",
        last_name="",
        email="",
    )
    assert created.status_code == 201
    parse(created, fmt)
    case = Case.objects.latest("pk")
    assert "\x00" not in case.location and "\x1b" not in case.content and "\x01" not in case.location
    # A row stored before the door was closed still gives XML that parses (PostgreSQL stores no NUL).
    stored = HOSTILE.replace("\x00", "")
    Case.objects.filter(pk=make_case(ward).pk).update(
        location=stored, is_anonymous=True, published_at=case.received_at, public_content=stored
    )
    for response in (
        client.get("/open311/v2/requests.xml"),
        client.get(f"/open311/v2/requests/{case.pk}.xml"),
    ):
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        assert root.tag == "service_requests" and "Lê Lợi" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"service_request_id": "²"},
        {"service_request_id": "1,2,x"},
        {"service_request_id": "9" * 40},
        {"start_date": "x"},
        {"end_date": "x"},
        {"start_date": "2026-13-45T00:00:00+07:00"},
        {"end_date": "0001-01-01T00:00:00+14:00"},
        {"start_date": "9999-12-31T23:59:59-12:00"},
        {"service_code": ",".join(f"ma-{n}" for n in range(open311.MAX_SERVICE_CODES + 1))},
        {"api_key": "x" * 5000},
        {"status": "open,closed,x"},
    ],
)
def test_bad_query_parameters_get_a_400_or_404_in_the_error_format(client, ward, params):
    for fmt in FORMATS:
        response = client.get(f"/open311/v2/requests.{fmt}", params)
        assert response.status_code in (400, 403, 404), (params, response.status_code)
        assert_error(response, fmt, response.status_code)


def test_nul_bytes_in_parameters_are_dropped_at_the_door(client, ward):
    case = make_case(ward)
    for fmt in FORMATS:
        response = client.get(
            f"/open311/v2/requests.{fmt}", {"jurisdiction_id": "P-AB\x00", "status": "op\x00en"}
        )
        assert response.status_code == 200 and str(case.pk).encode() in response.content
        parse(response, fmt)


@pytest.mark.parametrize("path", ["requests/²", "requests/99999999999999999999999", "tokens/" + "A" * 200])
def test_bad_ids_in_the_path_are_not_found(client, path):
    for fmt in FORMATS:
        assert_error(client.get(f"/open311/v2/{path}.{fmt}"), fmt, 404)


def test_naive_and_dated_searches(client, ward):
    case = make_case(ward)
    day = case.received_at.date().isoformat()
    listing = client.get(
        "/open311/v2/requests.json", {"start_date": f"{day}T00:00:00", "end_date": f"{day}T23:59:59+07:00"}
    ).json()
    assert [row["service_request_id"] for row in listing] == [str(case.pk)]


# --- property fuzzer --------------------------------------------------------------------------------------

NASTY = st.sampled_from(
    [
        "",
        "\x00",
        "\x1b[0m",
        "²",
        "-1",
        "0",
        "9" * 40,
        "1e309",
        "nan",
        "inf",
        "<x>&amp;]]>",
        "' OR 1=1 --",
        "open,closed",
        "2026-01-31T08:00:00+07:00",
        "2026-13-45T00:00:00",
        "0001-01-01T00:00:00+14:00",
        "P-AB",
        "TP",
        "giao-thong",
        "true",
        "a" * 20000,
    ]
)
VALUES = st.one_of(NASTY, st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
QUERY_NAMES = [
    "service_request_id",
    "service_code",
    "start_date",
    "end_date",
    "status",
    "jurisdiction_id",
    "page",
    "page_size",
    "api_key",
]
POST_NAMES = [
    "jurisdiction_id",
    "service_code",
    "description",
    "lat",
    "long",
    "address_string",
    "address_id",
    "email",
    "device_id",
    "account_id",
    "first_name",
    "last_name",
    "phone",
    "media_url",
    "attribute[location_public]",
]
PATHS = st.sampled_from(
    ["discovery", "services", "services/{word}", "requests", "requests/{word}", "tokens/{word}"]
)
WORDS = st.one_of(
    st.from_regex(r"\A[-_0-9a-zA-Z]{1,40}\Z"), st.sampled_from(["²", "Đ", "１２", "0", "9" * 25])
)
FUZZ = settings(
    max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.fixture
def open_doors(monkeypatch, ward, api_key):
    """The fuzzer is not the rate limit's test: let every request through."""
    monkeypatch.setattr(open311, "ANONYMOUS_READS_PER_MINUTE", 10**9)
    ApiKey.objects.update(requests_per_minute=10**9)
    make_case(ward)


def assert_well_formed(response, fmt):
    assert response.status_code < 500, response.content[:300]
    if response.status_code == 405 or response["Content-Type"].startswith(("application/json", "text/xml")):
        body = parse(response, fmt)
        if fmt == "xml":
            assert body.tag in {"discovery", "services", "service_definition", "service_requests", "errors"}


@FUZZ
@given(
    path=PATHS,
    word=WORDS,
    fmt=st.sampled_from(FORMATS),
    params=st.dictionaries(st.sampled_from(QUERY_NAMES), VALUES, max_size=5),
)
def test_fuzz_every_read_endpoint(client, open_doors, path, word, fmt, params):
    response = client.get(f"/open311/v2/{path.format(word=word)}.{fmt}", params)
    assert_well_formed(response, fmt)
    assert response["Content-Type"].startswith("application/json" if fmt == "json" else "text/xml")


@FUZZ
@given(
    fmt=st.sampled_from(FORMATS),
    fields=st.dictionaries(st.sampled_from(POST_NAMES), VALUES, max_size=10),
    keyed=st.booleans(),
)
def test_fuzz_posting_requests(client, open_doors, ward, api_key, fmt, fields, keyed):
    data = {
        "jurisdiction_id": ward.code,
        "service_code": "giao-thong",
        "description": "Một phản ánh đủ dài để được nhận.",
        **fields,
    }
    if keyed:
        data["api_key"] = api_key
    response = client.post(f"/open311/v2/requests.{fmt}", data)
    assert_well_formed(response, fmt)
    if response.status_code == 201:
        case = Case.objects.latest("pk")
        stored = f"{case.location}{case.content}{case.sender_name}{case.sender_email}"
        assert not open311._NOT_TEXT.search(stored)
        listing = client.get("/open311/v2/requests.xml", {"service_request_id": str(case.pk)})
        ET.fromstring(listing.content)
