import datetime as dt

from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from congvu.accounts.decorators import staff_required
from congvu.accounts.models import Role
from congvu.accounts.scope import scoped
from congvu.core.forms import AuditFilterForm
from congvu.core.models import AuditEvent
from congvu.core.pagination import paginate


def filter_events(events, data):
    if data.get("action"):
        events = events.filter(action=data["action"])
    if data.get("actor"):
        events = events.filter(by_name__icontains=data["actor"])
    if data.get("object_type"):
        events = events.filter(object_type=data["object_type"])
    if data.get("text"):
        events = events.filter(Q(object_repr__icontains=data["text"]) | Q(note__icontains=data["text"]))
    if data.get("date_from"):
        events = events.filter(at__date__gte=data["date_from"])
    if data.get("date_to"):
        events = events.filter(at__date__lte=data["date_to"])
    return events


@staff_required(Role.SYSTEM_ADMIN)
def audit_log(request):
    # System admins see the log of their units; superusers see it all, including logins (no unit).
    events = scoped(AuditEvent.objects.all(), request.user, field="unit_id", roles=[Role.SYSTEM_ADMIN])
    form = AuditFilterForm(request.GET or None, object_types=events.values_list("object_type", flat=True))
    if form.is_bound and form.is_valid():
        events = filter_events(events, form.cleaned_data)
    page = paginate(request, events.select_related("by"), 50)
    return render(
        request,
        "accounts/audit_log.html",
        {"form": form, "page": page, "title": _("Nhật ký hệ thống"), "today": dt.date.today()},
    )
