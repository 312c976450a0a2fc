"""Open311 GeoReport v2 at /open311/v2/ (json and xml).

One service per topic; a client's API key limits the units (jurisdiction_id = unit code) it may post to
and read. Senders' personal data is never returned: a request shows its status, topic, deadline
(expected_datetime) and, once published, the text cleaned of personal data.
"""

import datetime as dt
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt

from congvu.core.middleware import client_ip
from congvu.core.ratelimit import hit
from congvu.feedback import selectors, services
from congvu.feedback.models import OPEN_STATUSES, ApiKey, Case, Channel, Topic
from congvu.units.models import Unit

LIST_ROOT = {"services": "service", "service_requests": "request", "errors": "error", "tokens": "request"}


def _xml(root_name, items):
    root = ET.Element(root_name)
    child = LIST_ROOT.get(root_name, "item")
    for item in items:
        node = ET.SubElement(root, child)
        for key, value in item.items():
            sub = ET.SubElement(node, key)
            if isinstance(value, list):
                for entry in value:
                    inner = ET.SubElement(sub, "attribute" if isinstance(entry, dict) else "value")
                    if isinstance(entry, dict):
                        for k, v in entry.items():
                            ET.SubElement(inner, k).text = "" if v is None else str(v)
                    else:
                        inner.text = str(entry)
            else:
                sub.text = (
                    "" if value is None else (str(value).lower() if isinstance(value, bool) else str(value))
                )
    return b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(root, encoding="utf-8")


def respond(fmt, root_name, items, status=200):
    if fmt == "xml":
        return HttpResponse(_xml(root_name, items), content_type="text/xml; charset=utf-8", status=status)
    return JsonResponse(items, safe=False, status=status, json_dumps_params={"ensure_ascii": False})


def error(fmt, status, description):
    return respond(fmt, "errors", [{"code": status, "description": description}], status=status)


def _iso(value):
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(17, 0), tzinfo=timezone.get_current_timezone())
    return timezone.localtime(value).isoformat(timespec="seconds")


def _key(request):
    raw = request.POST.get("api_key") or request.GET.get("api_key") or ""
    if not raw:
        return None
    return (
        ApiKey.objects.filter(key_hash=ApiKey.hash(raw), revoked_at__isnull=True)
        .prefetch_related("units")
        .first()
    )


def _service(topic):
    return {
        "service_code": topic.code,
        "service_name": topic.name,
        "description": topic.name,
        "metadata": False,
        "type": "realtime",
        "keywords": "",
        "group": "phan-anh-kien-nghi",
    }


def discovery(request):
    base = request.build_absolute_uri("/open311/v2/")
    return JsonResponse(
        {
            "changeset": "2026-01-01T00:00:00+07:00",
            "contact": "Văn phòng UBND",
            "key_service": "Khóa API do quản trị hệ thống cấp (python manage.py apikey create)",
            "endpoints": [
                {
                    "specification": "http://wiki.open311.org/GeoReport_v2",
                    "url": base,
                    "changeset": "2026-01-01T00:00:00+07:00",
                    "type": "production",
                    "formats": ["application/json", "text/xml"],
                }
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def service_list(request, fmt):
    return respond(fmt, "services", [_service(t) for t in Topic.objects.filter(is_active=True)])


def service_definition(request, code, fmt):
    topic = Topic.objects.filter(code=code, is_active=True).first()
    if topic is None:
        return error(fmt, 404, "service_code not found")
    # The spec's service definition is one object, not a list: {"service_code", "attributes"} or
    # <service_definition><service_code/><attributes/></service_definition>.
    if fmt == "xml":
        root = ET.Element("service_definition")
        ET.SubElement(root, "service_code").text = topic.code
        ET.SubElement(root, "attributes")
        body = b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(root, encoding="utf-8")
        return HttpResponse(body, content_type="text/xml; charset=utf-8")
    return JsonResponse(
        {"service_code": topic.code, "attributes": []}, json_dumps_params={"ensure_ascii": False}
    )


def _public(case):
    published = case.published_at is not None
    return {
        "service_request_id": str(case.pk),
        "status": "open" if case.status in OPEN_STATUSES else "closed",
        "status_notes": case.get_status_display(),
        "service_name": case.topic.name if case.topic else "",
        "service_code": case.topic.code if case.topic else "",
        "description": case.public_content if published else "",
        "agency_responsible": case.unit.name,
        "service_notice": case.public_answer if published else "",
        "requested_datetime": _iso(case.received_at),
        "updated_datetime": _iso(case.closed_at or case.received_at),
        "expected_datetime": _iso(case.answer_due),
        "address": case.location,
        "address_id": "",
        "zipcode": "",
        "lat": float(case.lat) if case.lat is not None else None,
        "long": float(case.long) if case.long is not None else None,
        "media_url": "",
    }


def _limited(key):
    return not hit(f"open311:{key.pk}", limit=key.requests_per_minute, window_seconds=60)


ANONYMOUS_READS_PER_MINUTE = 60


def _readable(request, fmt):
    """(filter of the cases the caller may read, error response or None).

    The specification makes reading public: without a key, every case can be read (public fields only,
    limited per address); a key narrows reading to its units and uses its own rate. A key that is
    given but wrong or revoked is refused rather than silently ignored.
    """
    if request.GET.get("api_key"):
        key = _key(request)
        if key is None:
            return None, error(fmt, 403, "api_key invalid or revoked")
        if _limited(key):
            return None, error(fmt, 429, "rate limit exceeded")
        return selectors.readable_with_key_q(key), None
    address = client_ip(request) or "unknown"
    if not hit(f"open311-read:{address}", limit=ANONYMOUS_READS_PER_MINUTE, window_seconds=60):
        return None, error(fmt, 429, "rate limit exceeded")
    return Q(), None


@csrf_exempt
def requests_view(request, fmt):
    if request.method == "POST":
        return _create(request, fmt)
    readable, refused = _readable(request, fmt)
    if refused:
        return refused
    cases = Case.objects.filter(readable).select_related("unit", "topic")
    params = request.GET
    if params.get("service_request_id"):
        ids = [v for v in params["service_request_id"].split(",") if v.strip().isdigit()]
        return respond(fmt, "service_requests", [_public(c) for c in cases.filter(pk__in=ids)])
    try:
        end = parse_datetime(params["end_date"]) if params.get("end_date") else timezone.now()
        start = (
            parse_datetime(params["start_date"]) if params.get("start_date") else end - dt.timedelta(days=90)
        )
    except ValueError:
        start = end = None
    if start is None or end is None:
        return error(fmt, 400, "start_date/end_date must be w3 date-times")
    status = params.get("status", "")
    if status not in ("", "open", "closed"):
        return error(fmt, 400, "status must be open or closed")
    service_codes = params["service_code"].split(",") if params.get("service_code") else None
    cases = selectors.open311_requests(
        cases, start=start, end=end, service_codes=service_codes, status=status
    )
    return respond(fmt, "service_requests", [_public(c) for c in cases])


def request_detail(request, pk, fmt):
    readable, refused = _readable(request, fmt)
    if refused:
        return refused
    case = (
        Case.objects.filter(readable, pk=pk).select_related("unit", "topic").first() if pk.isdigit() else None
    )
    if case is None:
        return error(fmt, 404, "service_request_id not found")
    return respond(fmt, "service_requests", [_public(case)])


def token_detail(request, token, fmt):
    """Our requests get an id at once; the tracking code given to the sender also works as a token."""
    readable, refused = _readable(request, fmt)
    if refused:
        return refused
    case = Case.objects.filter(readable, code=token.upper()).first()
    if case is None:
        return error(fmt, 404, "token not found")
    return respond(fmt, "tokens", [{"service_request_id": str(case.pk), "token": token}])


def _create(request, fmt):
    key = _key(request)
    if key is None:
        return error(fmt, 403, "api_key missing or invalid")
    if _limited(key):
        return error(fmt, 429, "rate limit exceeded")
    data = request.POST
    # Only units that exist today receive new cases, as on the web form; a dissolved unit's code is refused.
    unit = Unit.objects.current().filter(code=data.get("jurisdiction_id", "")).first()
    if unit is None:
        return error(fmt, 400, "jurisdiction_id is required and must be the code of a current unit")
    if not selectors.key_may_post_to(key, unit):
        return error(fmt, 403, "this api_key may not post to this jurisdiction")
    topic = Topic.objects.filter(code=data.get("service_code", ""), is_active=True).first()
    if topic is None:
        return error(fmt, 400, "service_code is required and must be a known service")
    description = (data.get("description") or "").strip()
    if not 10 <= len(description) <= 10000:
        return error(fmt, 400, "description is required (10 to 10000 characters)")
    email, phone = (data.get("email") or "").strip(), (data.get("phone") or "").strip()
    if phone and not re.fullmatch(r"\+?[0-9 .\-]{8,15}", phone):
        return error(fmt, 400, "phone is not a valid number")
    try:
        lat = float(data["lat"]) if data.get("lat") else None
        long = float(data["long"]) if data.get("long") else None
    except ValueError:
        return error(fmt, 400, "lat/long must be numbers")
    if (lat is not None and not -90 <= lat <= 90) or (long is not None and not -180 <= long <= 180):
        return error(fmt, 400, "lat/long out of range")
    name = " ".join(x for x in (data.get("last_name", ""), data.get("first_name", "")) if x).strip()
    media = (data.get("media_url") or "").strip()
    idempotency = request.headers.get("Idempotency-Key", "").strip()[:60]
    try:
        case, _created = services.submit_case(
            channel=Channel.OPEN311,
            unit=unit,
            topic=topic,
            title=description[:120],
            content=description + (f"\n\nẢnh/tệp: {media}" if media else ""),
            sender_name=name[:150],
            sender_email=email,
            sender_phone=phone,
            sender_address=(data.get("address_string") or "")[:300] if name else "",
            is_anonymous=not name or not (email or phone),
            consent=bool(name),
            location=(data.get("address_string") or "")[:300],
            lat=Decimal(f"{lat:.6f}") if lat is not None else None,
            long=Decimal(f"{long:.6f}") if long is not None else None,
            api_key=key,
            idempotency_key=f"o311:{key.pk}:{idempotency}" if idempotency else None,
        )
    except ValidationError as problem:
        return error(fmt, 400, "; ".join(problem.messages))
    notice = f"Mã tra cứu: {case.code}. Hạn trả lời: {case.answer_due:%d/%m/%Y}."
    return respond(
        fmt,
        "service_requests",
        [{"service_request_id": str(case.pk), "service_notice": notice, "account_id": None}],
        status=201,
    )
