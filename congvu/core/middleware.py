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
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR") or None


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
