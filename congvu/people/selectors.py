import datetime as dt

from django.db.models import Q

from congvu.core.text import folded_terms
from congvu.people.models import LeavePeriod, Staff, Transfer
from congvu.units.lineage import subtree_q


def search_staff(queryset, query: str | None):
    """Accent-insensitive search on name, plus exact-ish badge numbers."""
    for term in folded_terms(query):
        queryset = queryset.filter(Q(name_folded__contains=term) | Q(badge_number__icontains=term))
    return queryset


def staff_list(queryset, *, unit=None, category: str = "", query: str = "", active_only: bool = True):
    queryset = queryset.select_related("unit", "position")
    if unit is not None:
        queryset = queryset.filter(subtree_q(unit))
    if category:
        queryset = queryset.filter(category=category)
    if active_only:
        queryset = queryset.active()
    return search_staff(queryset, query)


def current_staff_of(unit):
    """The active staff working in `unit` or a unit below it today."""
    return Staff.objects.active().filter(subtree_q(unit))


def staff_who_worked_in(unit):
    """Everyone working in `unit` (or below it) now, plus those who moved out of it since."""
    return Staff.objects.filter(subtree_q(unit) | Q(transfers__from_unit=unit)).distinct()


def unit_on(staff: Staff, day: dt.date):
    """The unit the person belonged to on `day`, reconstructed from the transfer history."""
    transfers = list(Transfer.objects.filter(staff=staff).select_related("from_unit", "to_unit"))
    if not transfers:
        return staff.unit
    for transfer in transfers:
        if day < transfer.effective_date:
            return transfer.from_unit
    return transfers[-1].to_unit


def leave_periods_between(staff_ids, start: dt.date, end: dt.date) -> dict[int, list[LeavePeriod]]:
    """Each person's leave periods that touch [start, end] (both included), in date order."""
    found: dict[int, list[LeavePeriod]] = {}
    periods = LeavePeriod.objects.filter(staff_id__in=staff_ids, start__lte=end, end__gte=start)
    for period in periods.order_by("staff_id", "start").only("staff_id", "kind", "start", "end"):
        found.setdefault(period.staff_id, []).append(period)
    return found
