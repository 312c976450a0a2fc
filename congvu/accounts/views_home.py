"""The staff side's own pages: the home page after login and the official's notifications."""

from django.shortcuts import redirect, render
from django.utils import timezone

from congvu.accounts.decorators import login_required_page
from congvu.accounts.models import RoleAssignment
from congvu.core import nav
from congvu.core.models import Notification
from congvu.core.pagination import paginate


@login_required_page
def staff_home(request):
    assignments = (
        RoleAssignment.objects.filter(user=request.user).select_related("unit").order_by("unit__path")
    )
    return render(
        request,
        "accounts/staff_home.html",
        {"assignments": assignments, "cards": nav.home_cards(request)},
    )


@login_required_page
def notifications(request):
    mine = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        mine.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("accounts:notifications")
    page = paginate(request, mine, 30)
    return render(request, "accounts/notifications.html", {"page": page})
