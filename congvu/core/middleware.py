import ipaddress

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from congvu.core import audit


def client_ip(request) -> str | None:
    """The citizen's or officer's address, for the audit log and the per-address rate limits.

    Behind a reverse proxy every request comes from the proxy, so all citizens would share one limit.
    With TRUST_X_FORWARDED_FOR on, the address is the last entry of X-Forwarded-For: the one our own
    proxy appended (entries before it come from the client and can be forged). Leave it off when the
    app is reached directly, or anyone could pick their address.
    """
    from django.conf import settings

    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = _address(forwarded.rsplit(",", 1)[-1])
        if last:
            return last
    return _address(request.META.get("REMOTE_ADDR") or "")


def _address(text: str) -> str | None:
    """An IP address as PostgreSQL's inet column takes it, or None for anything else (a forged or
    garbled header would otherwise fail every audited write)."""
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


class AuditContextMiddleware:
    """Makes the current user and address available to the audit log for this request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = audit.set_context(getattr(request, "user", None), client_ip(request))
        try:
            return self.get_response(request)
        finally:
            audit.reset_context(token)


class LanguageMiddleware:
    """Vietnamese unless the user chose otherwise with the language switch (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and most office PCs and
    kiosks here run English-language browsers; the programme is Vietnamese first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        response.headers["Vary"] = ", ".join(filter(None, [response.headers.get("Vary"), "Cookie"]))
        return response


class RequestLimitsMiddleware:
    """Bounds on what a request may make the server read or decode.

    The body is refused from its announced Content-Length, before anything reads it: Django would
    otherwise write an oversized upload to a temporary file first and refuse it afterwards. A form with
    files may send REQUEST_BODY_MAX_BYTES (the reverse proxy's client_max_body_size must match, see
    README); any other body DATA_UPLOAD_MAX_MEMORY_SIZE. The images of one request share one pixel
    budget (congvu.core.uploads.pixel_budget), so five large photos cannot take a worker's memory.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        from congvu.core import uploads

        refusal = self.refuse_body(request)
        if refusal is not None:
            return refusal
        with uploads.pixel_budget(settings.UPLOAD_REQUEST_MAX_PIXELS):
            return self.get_response(request)

    def refuse_body(self, request):
        from django.conf import settings

        raw = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(raw)
        except ValueError:
            length = -1
        if length < 0:
            return body_refused(request, 400, _("Độ dài nội dung gửi lên (Content-Length) không hợp lệ."))
        multipart = request.META.get("CONTENT_TYPE", "").startswith("multipart/form-data")
        limit = settings.REQUEST_BODY_MAX_BYTES if multipart else settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and length > limit:
            return body_refused(
                request,
                413,
                _("Nội dung gửi lên quá lớn (tối đa %(limit)s). Hãy gửi ít tệp hơn hoặc tệp nhỏ hơn.")
                % {"limit": filesizeformat(limit)},
            )
        return None


def body_refused(request, status: int, message: str):
    """The refusal of a body: JSON for the API, else a page (413.html) saying what to do."""
    from django.http import JsonResponse
    from django.shortcuts import render

    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return render(request, "413.html", {"message": message, "status": status}, status=status)


# Scripts only from our own files (no inline script, no eval): an injected <script> or onclick=… in a
# citizen's text cannot run. Styles may be inline (htmx's indicator, chart heights). The API's Swagger
# page is ninja's own page with its inline bootstrap, so it keeps the browser's default.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
CSP_EXEMPT_PREFIXES = ("/api/v1/docs",)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(CSP_EXEMPT_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response
