from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from congvu.accounts.decorators import login_required_page
from congvu.accounts.models import RoleAssignment
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


@login_required_page
def staff_home(request):
    assignments = (
        RoleAssignment.objects.filter(user=request.user).select_related("unit").order_by("unit__path")
    )
    return render(
        request,
        "core/staff_home.html",
        {"assignments": assignments, "cards": nav.home_cards(request)},
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def server_error(request):
    return render(request, "500.html", status=500)


@login_required_page
def notifications(request):
    from django.core.paginator import Paginator
    from django.shortcuts import redirect

    from congvu.core.models import Notification

    mine = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        mine.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("core:notifications")
    page = Paginator(mine, 30).get_page(request.GET.get("page"))
    return render(request, "core/notifications.html", {"page": page})
