from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from congvu.core import nav


@require_GET
@never_cache
def healthz(request):
    """Liveness and database reachability, for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "time": timezone.now().isoformat()})


def portal_home(request):
    return render(request, "core/portal_home.html", {"links": nav.public_links()})


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def server_error(request):
    return render(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    """A form sent without its security token (an expired page, cookies blocked): a Vietnamese 403 that
    says what to do, instead of Django's English page. `reason` is for developers and is not shown."""
    message = _(
        "Phiên làm việc của trang đã hết hạn hoặc trình duyệt chặn cookie. Vui lòng tải lại trang, "
        "bật cookie cho trang này rồi gửi lại."
    )
    return render(request, "403.html", {"message": message}, status=403)
