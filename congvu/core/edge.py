"""The edge of the application: what every request must satisfy before any view sees it, and the small
parsers the API and the public forms share for values a client may send in any shape.

NUL bytes and other control characters have no place in anything a person types. PostgreSQL refuses a
NUL in a text value outright (the request would end in a server error there and pass on SQLite), and
the other control characters break the XML, spreadsheets and e-mails the text later goes into. So the
guard refuses them once, here, with a Vietnamese message and a 400 (the API: a 422 in its own error
shape), before anything is written; a cookie carrying them is dropped, as if the browser had none.
"""

import json
import re
from importlib import import_module

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

# Years a date or a year filter may name. Outside them a date is a typing error, and near the limits
# of Python's dates (year 1 or 9999) a period's previous period or its end + 1 day cannot be computed.
MIN_YEAR = 1900
MAX_YEAR = 2100
# The largest offset an API list accepts: far more rows than any list holds, far below the integer
# limits of SQLite and PostgreSQL.
MAX_OFFSET = 1_000_000
# An id sent as text: ASCII digits only ("²" and "٣" are digits to str.isdigit and int() fails on the
# first or reads the second), and short enough to be a database id (int() refuses 4,300 digits).
_ASCII_ID = re.compile(r"[0-9]{1,18}")
# Tab, line feed and carriage return are part of ordinary text; every other C0 character, DEL, the C1
# characters and lone surrogates (only a JSON escape can make one) are not.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
API_PREFIX = "/api/"
# Open311 clients get its own error format and have every parameter cleaned by congvu.feedback.open311
# (control characters dropped, as GeoReport clients expect), so the guard leaves those paths to it.
OPEN311_PREFIX = "/open311/"


def ascii_id(value) -> int | None:
    """The integer an id written in ASCII digits stands for, else None."""
    text = str(value or "").strip()
    return int(text) if _ASCII_ID.fullmatch(text) else None


def has_control_character(text: str) -> bool:
    return bool(_CONTROL.search(text))


def control_character_message() -> str:
    return _(
        "Dữ liệu gửi lên chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL). "
        "Vui lòng xóa ký tự đó và gửi lại."
    )


def _strings(value):
    """Every string in a decoded JSON document, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _form_values(querydict):
    for key, values in querydict.lists():
        yield key
        yield from values


def _body_strings(request):
    """The text fields of the body, as the views will read them (files are checked by core.uploads)."""
    content_type = request.content_type or ""
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return _form_values(request.POST)
    if content_type == "application/json" or content_type.endswith("+json"):
        try:
            return _strings(json.loads(request.body or b"null"))
        except ValueError:
            return ()  # not JSON: the API answers that itself
    return ()


def offending_part(request) -> str | None:
    """Where the request carries a control character ("path", "query", "body"), or None."""
    if has_control_character(request.path):
        return "path"
    if any(has_control_character(value) for value in _form_values(request.GET)):
        return "query"
    if request.method in ("POST", "PUT", "PATCH"):
        try:
            if any(has_control_character(value) for value in _body_strings(request)):
                return "body"
        except SuspiciousOperation:
            raise  # too many fields, too big: Django answers 400 (later reads would find an empty POST)
        except Exception:  # noqa: BLE001 - a broken body: the view's own parsing answers it
            return None
    return None


def _clean_cookies(request) -> None:
    """Drop cookies with control characters: they come from no page of ours, and a session key or a
    rater's id with a NUL would reach the database (PostgreSQL: a server error on every page)."""
    cookies = request.COOKIES
    bad = {name for name, value in cookies.items() if has_control_character(name + value)}
    if not bad:
        return
    request.COOKIES = {name: value for name, value in cookies.items() if name not in bad}
    if settings.SESSION_COOKIE_NAME in bad and hasattr(request, "session"):
        # SessionMiddleware already took the key; the session is read lazily, so a fresh one is in time.
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()


def _refusal(request, part: str):
    message = control_character_message()
    if request.path.startswith(API_PREFIX):
        detail = [{"loc": [part], "msg": message, "type": "control_character"}]
        return JsonResponse({"detail": detail}, status=422)
    return render(request, "400.html", {"message": message}, status=400)


class EdgeGuardMiddleware:
    """Refuses requests with control characters in the path, the query or the text fields of the body.

    Placed after the session, language and authentication middleware (the refusal page is in the
    user's language and layout) and before any view or CSRF check reads the body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _clean_cookies(request)
        if request.path.startswith(OPEN311_PREFIX):
            return self.get_response(request)
        part = offending_part(request)
        if part is not None:
            return _refusal(request, part)
        return self.get_response(request)


def out_of_range_date(**dates) -> str | None:
    """A Vietnamese message when a date parameter lies outside MIN_YEAR..MAX_YEAR, else None."""
    for name, value in dates.items():
        if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
            return _("Ngày “%(name)s” phải nằm trong các năm %(first)s–%(last)s.") % {
                "name": name,
                "first": MIN_YEAR,
                "last": MAX_YEAR,
            }
    return None
