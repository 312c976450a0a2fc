import datetime as dt

from django.db.models import Q

from congvu.core.text import folded_terms
from congvu.people.models import Staff, Transfer


def search_staff(queryset, query: str | None):
    """Accent-insensitive search on name, plus exact-ish badge numbers."""
    for term in folded_terms(query):
        queryset = queryset.filter(Q(name_folded__contains=term) | Q(badge_number__icontains=term))
    return queryset


def staff_list(queryset, *, unit=None, category: str = "", query: str = "", active_only: bool = True):
    queryset = queryset.select_related("unit", "position")
    if unit is not None:
        queryset = queryset.filter(unit__path__startswith=unit.path)
    if category:
        queryset = queryset.filter(category=category)
    if active_only:
        queryset = queryset.active()
    return search_staff(queryset, query)


def unit_on(staff: Staff, day: dt.date):
    """The unit the person belonged to on `day`, reconstructed from the transfer history."""
    transfers = list(Transfer.objects.filter(staff=staff).select_related("from_unit", "to_unit"))
    if not transfers:
        return staff.unit
    for transfer in transfers:
        if day < transfer.effective_date:
            return transfer.from_unit
    return transfers[-1].to_unit
