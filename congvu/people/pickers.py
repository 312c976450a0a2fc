"""The people picker of the staff forms that name one or more officials (a reward proposal, a
discipline case)."""

from congvu.accounts.scope import scoped, scoped_units
from congvu.core.edge import ascii_id
from congvu.people.models import Staff

MAX_PEOPLE_CHOICES = 2000


def staff_choices(request, roles):
    """People in scope for a picker, and the picker's context. A province has tens of thousands: past
    MAX_PEOPLE_CHOICES the page asks for a unit first (?don_vi=<id>) and lists that unit's people only."""
    picked = None
    unit_id = request.GET.get("don_vi", "")
    if ascii_id(unit_id) is not None:
        picked = scoped_units(request.user, roles).filter(pk=ascii_id(unit_id)).first()
    queryset = scoped(Staff.objects.active(), request.user, roles=roles, within=picked).select_related("unit")
    too_many = picked is None and queryset.count() > MAX_PEOPLE_CHOICES
    if too_many:
        queryset = queryset.none()
    return queryset.order_by("unit__path", "full_name"), {"picked_unit": picked, "too_many_people": too_many}
