from congvu.core import audit


def client_ip(request) -> str | None:
    # Behind a reverse proxy, configure it to set REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips);
    # X-Forwarded-For from the client is not trusted.
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
