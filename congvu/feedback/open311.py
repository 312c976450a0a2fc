"""Open311 GeoReport v2 at /open311/v2/ (json and xml), as http://wiki.open311.org/GeoReport_v2 writes it.

One service per topic; jurisdiction_id is a unit's code. Reading is public, as the specification makes
it; a client's API key limits the units it may post to and narrows what it reads to them. Senders'
personal data is never returned: a request shows its status, topic, deadline (expected_datetime), once
published the text cleaned of personal data, and its location only when nobody can be found by it (an
anonymous case) or the sender chose to make it public (the `location_public` attribute).

Every parameter is cleaned at the door: characters XML cannot carry (NUL and the other control
characters) are dropped, lists and pages are capped, and whatever is wrong is answered with a 4xx in
the specification's error format, never a server error.
"""

import datetime as dt
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from django.core.exceptions import BadRequest, RequestDataTooBig, SuspiciousOperation, ValidationError
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from congvu.core.middleware import client_ip
from congvu.core.ratelimit import hit
from congvu.feedback import selectors, services
from congvu.feedback.models import OPEN_STATUSES, ApiKey, Case, Channel, Topic
from congvu.units.lineage import Lineage
from congvu.units.models import Unit

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-01-01T00:00:00+07:00"
FORMATS = ["application/json", "text/xml"]
# Lists are capped so that one anonymous request cannot read the whole register.
MAX_IDS = 50
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 200
MAX_PAGE = 1000
MAX_SERVICE_CODES = 50
YEARS = (2000, 2100)
ANONYMOUS_READS_PER_MINUTE = 60
LOCATION_PUBLIC = "location_public"

# The element each list root holds, as in the specification's examples.
LIST_ITEM = {"services": "service", "service_requests": "request", "errors": "error"}
# Characters XML 1.0 cannot carry (C0 controls but tab and line breaks, surrogates, U+FFFE/U+FFFF),
# and the C1 controls, which no citizen types.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ID = re.compile(r"[0-9]{1,18}")
_COORDINATE = re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{1,15})?")


def clean_text(value) -> str:
    """A parameter as text XML can carry: control characters dropped."""
    return _NOT_TEXT.sub("", str(value))


class Refused(Exception):
    """A request the specification answers with an error: the status and the description."""

    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status, self.description = status, description


# --- responses -----------------------------------------------------------------------------------------


def _element(parent, key, value):
    node = ET.SubElement(parent, key)
    if isinstance(value, dict):
        for sub_key, sub_value in value.items():
            _element(node, sub_key, sub_value)
    elif isinstance(value, list):
        # <attributes><attribute>…</attribute></attributes>, <values><value>…</value></values>,
        # <formats><format>…</format></formats>, <endpoints><endpoint>…</endpoint></endpoints>.
        for entry in value:
            _element(node, key[:-1], entry)
    elif isinstance(value, bool):
        node.text = str(value).lower()
    elif value is not None:
        node.text = clean_text(value)
    return node


def _xml_document(root) -> bytes:
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")


def _xml_list(root_name, items) -> bytes:
    root = ET.Element(root_name)
    for item in items:
        _element(root, LIST_ITEM[root_name], item)
    return _xml_document(root)


def _xml_object(root_name, fields) -> bytes:
    root = ET.Element(root_name)
    for key, value in fields.items():
        _element(root, key, value)
    return _xml_document(root)


def _json(data, status=200):
    return JsonResponse(data, safe=False, status=status, json_dumps_params={"ensure_ascii": False})


def _xml_response(body, status=200):
    return HttpResponse(body, content_type="text/xml; charset=utf-8", status=status)


def respond(fmt, root_name, items, status=200):
    """A list response: a JSON array, or <root_name><item>…</item></root_name>."""
    if fmt == "xml":
        return _xml_response(_xml_list(root_name, items), status=status)
    return _json(items, status=status)


def respond_object(fmt, root_name, fields, status=200):
    """A one-object response (discovery, a service definition)."""
    if fmt == "xml":
        return _xml_response(_xml_object(root_name, fields), status=status)
    return _json(fields, status=status)


def error(fmt, status, description):
    return respond(fmt, "errors", [{"code": status, "description": description}], status=status)


def endpoint(*methods):
    """An Open311 view: only the given methods, and a refusal (or unreadable body) answered in the
    specification's error format."""

    def wrap(view):
        @csrf_exempt
        def run(request, *args, fmt="json", **kwargs):
            if request.method not in methods and not (request.method == "HEAD" and "GET" in methods):
                response = error(
                    fmt,
                    405,
                    _("Phương thức %(method)s không dùng được ở đây.") % {"method": request.method[:10]},
                )
                response["Allow"] = ", ".join(methods)
                return response
            try:
                return view(request, *args, fmt=fmt, **kwargs)
            except Refused as refused:
                return error(fmt, refused.status, refused.description)
            except RequestDataTooBig:
                return error(fmt, 413, _("Yêu cầu quá lớn."))
            except (MultiPartParserError, SuspiciousOperation, BadRequest):
                return error(fmt, 400, _("Không đọc được nội dung yêu cầu."))

        run.__name__ = view.__name__
        run.__doc__ = view.__doc__
        return run

    return wrap


# --- parameters ----------------------------------------------------------------------------------------


def _param(query, name, max_length=300) -> str:
    value = clean_text(query.get(name) or "").strip()
    if len(value) > max_length:
        raise Refused(400, _("%(name)s: tối đa %(n)s ký tự.") % {"name": name, "n": max_length})
    return value


def _number(query, name, *, default, maximum) -> int:
    raw = _param(query, name, 10)
    if not raw:
        return default
    if not re.fullmatch(r"[0-9]{1,6}", raw) or not 1 <= int(raw) <= maximum:
        raise Refused(400, _("%(name)s phải là số nguyên từ 1 đến %(max)s.") % {"name": name, "max": maximum})
    return int(raw)


def _datetime(query, name):
    raw = _param(query, name, 40)
    if not raw:
        return None
    try:
        value = parse_datetime(raw)
    except ValueError:
        value = None
    if value is None or not YEARS[0] <= value.year <= YEARS[1]:
        raise Refused(
            400,
            _("%(name)s phải là ngày giờ theo chuẩn W3C (ví dụ 2026-01-31T08:00:00+07:00), năm %(a)s–%(b)s.")
            % {"name": name, "a": YEARS[0], "b": YEARS[1]},
        )
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def _jurisdiction(query) -> Unit | None:
    """The unit named by jurisdiction_id, any unit that exists or existed (its old cases can be read)."""
    code = _param(query, "jurisdiction_id", 40)
    if not code:
        return None
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise Refused(404, _("jurisdiction_id không tồn tại."))
    return unit


def _listed(query, name, maximum, max_length=1000) -> list[str]:
    values = [v.strip() for v in _param(query, name, max_length).split(",") if v.strip()]
    if len(values) > maximum:
        raise Refused(400, _("%(name)s: tối đa %(n)s giá trị mỗi lần.") % {"name": name, "n": maximum})
    return values


# --- keys and reading ----------------------------------------------------------------------------------


def _key(raw):
    if not raw:
        return None
    return (
        ApiKey.objects.filter(key_hash=ApiKey.hash(raw), revoked_at__isnull=True)
        .prefetch_related("units")
        .first()
    )


def _limited(key):
    return not hit(f"open311:{key.pk}", limit=key.requests_per_minute, window_seconds=60)


def _readable(request) -> Q:
    """The cases the caller may read.

    The specification makes reading public: without a key, every case can be read (public fields only,
    limited per address); a key narrows reading to its units and uses its own rate. A key that is
    given but wrong or revoked is refused rather than silently ignored. jurisdiction_id narrows to
    that unit's lineage (its subtree and the units it succeeded).
    """
    query = request.GET
    raw_key = _param(query, "api_key", 100)
    readable = Q()
    if raw_key:
        key = _key(raw_key)
        if key is None:
            raise Refused(403, _("api_key không hợp lệ hoặc đã bị thu hồi."))
        if _limited(key):
            raise Refused(429, _("Vượt giới hạn số yêu cầu mỗi phút."))
        readable = selectors.readable_with_key_q(key)
    else:
        address = (client_ip(request) or "unknown")[:64]
        if not hit(f"open311-read:{address}", limit=ANONYMOUS_READS_PER_MINUTE, window_seconds=60):
            raise Refused(429, _("Vượt giới hạn số yêu cầu mỗi phút."))
    unit = _jurisdiction(query)
    if unit is not None:
        readable &= Lineage(unit).q("unit")
    return readable


def _iso(value):
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(17, 0), tzinfo=timezone.get_current_timezone())
    return timezone.localtime(value).isoformat(timespec="seconds")


def _public(case):
    """The fields of a request the specification lists, none of them personal data."""
    published = case.published_at is not None
    located = case.location_is_public
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
        "address": case.location if located else "",
        "address_id": "",
        "zipcode": "",
        "lat": float(case.lat) if located and case.lat is not None else None,
        "long": float(case.long) if located and case.long is not None else None,
        "media_url": "",
    }


# --- endpoints -----------------------------------------------------------------------------------------


def _discovery(request):
    return {
        "changeset": CHANGESET,
        "contact": "Văn phòng UBND",
        "key_service": "Khóa API do quản trị hệ thống cấp (python manage.py apikey create)",
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": request.build_absolute_uri("/open311/v2/"),
                "changeset": CHANGESET,
                "type": "production",
                "formats": FORMATS,
            }
        ],
    }


@endpoint("GET")
def discovery(request, fmt):
    return respond_object(fmt, "discovery", _discovery(request))


def _service(topic):
    return {
        "service_code": topic.code,
        "service_name": topic.name,
        "description": topic.name,
        "metadata": True,  # the location_public attribute
        "type": "realtime",
        "keywords": "",
        "group": "phan-anh-kien-nghi",
    }


def _attributes():
    return [
        {
            "variable": True,
            "code": LOCATION_PUBLIC,
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": "true: công khai địa điểm (address_string, lat, long); mặc định: không",
            "order": 1,
            "description": "Người gửi đồng ý công khai địa điểm phản ánh",
            "values": [{"key": "true", "name": "Có"}, {"key": "false", "name": "Không"}],
        }
    ]


@endpoint("GET")
def service_list(request, fmt):
    _jurisdiction(request.GET)
    return respond(fmt, "services", [_service(t) for t in Topic.objects.filter(is_active=True)])


@endpoint("GET")
def service_definition(request, code, fmt):
    _jurisdiction(request.GET)
    topic = Topic.objects.filter(code=code[:40], is_active=True).first()
    if topic is None:
        raise Refused(404, _("service_code không tồn tại."))
    # One object, not a list: {"service_code", "attributes"} or <service_definition>.
    return respond_object(
        fmt, "service_definition", {"service_code": topic.code, "attributes": _attributes()}
    )


@endpoint("GET", "POST")
def requests_view(request, fmt):
    if request.method == "POST":
        return _create(request, fmt)
    cases = Case.objects.filter(_readable(request)).select_related("unit", "topic")
    query = request.GET
    ids = _listed(query, "service_request_id", MAX_IDS)
    if ids:
        if not all(_ID.fullmatch(i) for i in ids):
            raise Refused(400, _("service_request_id là các số, cách nhau bằng dấu phẩy."))
        # The specification: with ids, every other parameter but jurisdiction_id is ignored.
        return respond(fmt, "service_requests", [_public(c) for c in cases.filter(pk__in=ids).order_by("pk")])
    end = _datetime(query, "end_date") or timezone.now()
    start = _datetime(query, "start_date") or end - dt.timedelta(days=90)
    statuses = set(_listed(query, "status", 2))
    if not statuses <= {"open", "closed"}:
        raise Refused(400, _("status chỉ nhận open, closed."))
    service_codes = _listed(query, "service_code", MAX_SERVICE_CODES, 2000)
    page = _number(query, "page", default=1, maximum=MAX_PAGE)
    page_size = _number(query, "page_size", default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
    cases = selectors.open311_requests(
        cases,
        start=start,
        end=end,
        service_codes=service_codes,
        status=statuses.pop() if len(statuses) == 1 else "",
    )
    rows = cases[(page - 1) * page_size : page * page_size]
    return respond(fmt, "service_requests", [_public(c) for c in rows])


@endpoint("GET")
def request_detail(request, pk, fmt):
    readable = _readable(request)
    case = None
    if _ID.fullmatch(pk):
        case = Case.objects.filter(readable, pk=int(pk)).select_related("unit", "topic").first()
    if case is None:
        raise Refused(404, _("service_request_id không tồn tại."))
    return respond(fmt, "service_requests", [_public(case)])


@endpoint("GET")
def token_detail(request, token, fmt):
    """Our requests get an id at once; the tracking code given to the sender also works as a token."""
    readable = _readable(request)
    case = Case.objects.filter(readable, code=token.upper()).first() if len(token) <= 30 else None
    if case is None:
        raise Refused(404, _("token không tồn tại."))
    return respond(fmt, "service_requests", [{"service_request_id": str(case.pk), "token": token}])


def _coordinate(data, name, limit):
    raw = _param(data, name, 30)
    if not raw:
        return None
    if not _COORDINATE.fullmatch(raw) or not -limit <= float(raw) <= limit:
        raise Refused(400, _("%(name)s phải là số từ -%(n)s đến %(n)s.") % {"name": name, "n": limit})
    return Decimal(raw).quantize(Decimal("0.000001"))


def _create(request, fmt):
    data = request.POST
    key = _key(_param(data, "api_key", 100) or _param(request.GET, "api_key", 100))
    if key is None:
        raise Refused(403, _("Thiếu api_key hoặc api_key không hợp lệ."))
    if _limited(key):
        raise Refused(429, _("Vượt giới hạn số yêu cầu mỗi phút."))
    # Only units that exist today receive new cases, as on the web form; a dissolved unit's code is refused.
    unit = Unit.objects.current().filter(code=_param(data, "jurisdiction_id", 40)).first()
    if unit is None:
        raise Refused(400, _("jurisdiction_id là bắt buộc và phải là mã của một đơn vị đang hoạt động."))
    if not selectors.key_may_post_to(key, unit):
        raise Refused(403, _("api_key này không được gửi đến jurisdiction_id này."))
    topic = Topic.objects.filter(code=_param(data, "service_code", 40), is_active=True).first()
    if topic is None:
        raise Refused(400, _("service_code là bắt buộc và phải là một dịch vụ đã có."))
    description = _param(data, "description", 10000)
    if len(description) < 10:
        raise Refused(400, _("description là bắt buộc (từ 10 đến 10000 ký tự)."))
    email, phone = _param(data, "email", 254), _param(data, "phone", 20)
    if phone and not re.fullmatch(r"\+?[0-9 .\-]{8,15}", phone):
        raise Refused(400, _("phone không phải số điện thoại hợp lệ."))
    lat, long = _coordinate(data, "lat", 90), _coordinate(data, "long", 180)
    name = " ".join(x for x in (_param(data, "last_name", 75), _param(data, "first_name", 75)) if x)
    media = _param(data, "media_url", 2000)
    address = _param(data, "address_string", 300)
    location_public = _param(data, f"attribute[{LOCATION_PUBLIC}]", 10).lower() in ("true", "1")
    idempotency = clean_text(request.headers.get("Idempotency-Key", "")).strip()[:60]
    try:
        case, _created = services.submit_case(
            channel=Channel.OPEN311,
            unit=unit,
            topic=topic,
            title=description[:120],
            content=description + (f"\n\nẢnh/tệp: {media}" if media else ""),
            sender_name=name,
            sender_email=email,
            sender_phone=phone,
            # address_string is where the problem is (the specification's location), not the sender's home.
            is_anonymous=not name or not (email or phone),
            consent=bool(name),
            location=address,
            location_public=location_public,
            lat=lat,
            long=long,
            api_key=key,
            idempotency_key=f"o311:{key.pk}:{idempotency}" if idempotency else None,
        )
    except ValidationError as problem:
        raise Refused(400, "; ".join(problem.messages)) from None
    notice = _("Mã tra cứu: %(code)s. Hạn trả lời: %(due)s.") % {
        "code": case.code,
        "due": f"{case.answer_due:%d/%m/%Y}",
    }
    return respond(
        fmt,
        "service_requests",
        [{"service_request_id": str(case.pk), "service_notice": notice, "account_id": None}],
        status=201,
    )
