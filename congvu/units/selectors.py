"""Reads of the unit tree. Other apps use these rather than querying Unit themselves."""

import datetime as dt

from django.db.models import Q

from congvu.core.text import folded_terms
from congvu.units.models import Unit, UnitSuccession


def current_units(on: dt.date | None = None):
    return Unit.objects.current(on)


def search_units(query: str | None, queryset=None):
    """Accent-insensitive search: "hoang dong" finds "Hoàng Đồng"; every word must match."""
    queryset = queryset if queryset is not None else Unit.objects.all()
    for term in folded_terms(query):
        queryset = queryset.filter(Q(name_folded__contains=term) | Q(code__icontains=term))
    return queryset


def subtree_ids(unit: Unit) -> list[int]:
    return list(Unit.objects.under(unit).values_list("pk", flat=True))


def predecessor_units(units: list[Unit]) -> list[Unit]:
    """Every unit that was merged, split or renamed into one of `units` (or below them), transitively."""
    found: dict[int, Unit] = {}
    frontier = list(units)
    while frontier:
        prefixes = Q()
        for unit in frontier:
            prefixes |= Q(successor__path__startswith=unit.path)
        rows = UnitSuccession.objects.filter(prefixes).select_related("predecessor")
        frontier = [row.predecessor for row in rows if row.predecessor_id not in found]
        found.update({unit.pk: unit for unit in frontier})
    return list(found.values())


def successors_of(unit: Unit) -> list[Unit]:
    return [row.successor for row in unit.successions.select_related("successor")]


def lineage_units(unit: Unit) -> list[Unit]:
    """The unit itself plus its predecessors: what a report across the 2025 reform covers."""
    return [unit, *predecessor_units([unit])]


def units_with_children(queryset):
    return queryset.select_related("parent")
