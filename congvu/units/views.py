from django.shortcuts import render

from congvu.core.pagination import paginate
from congvu.units.models import Unit, UnitSuccession
from congvu.units.selectors import current_units, search_units

FORMER_SHOWN = 10


def directory(request):
    """Public directory (Decree 20/2008 Art. 10/13): every current unit's address, hotline, email, website."""
    query = request.GET.get("q", "")[:100]
    units = search_units(query, current_units().select_related("parent"))
    page = paginate(request, units, 50)
    return render(request, "units/directory.html", {"page": page, "query": query, "former": _former(query)})


def _today_successors(unit: Unit) -> list[Unit]:
    """The current units a dissolved unit lives on in, following a chain of reorganisations."""
    found, seen, todo = [], {unit.pk}, [unit]
    while todo and len(seen) < 50:
        links = UnitSuccession.objects.filter(predecessor__in=todo).select_related("successor")
        todo = []
        for link in links:
            successor = link.successor
            if successor.pk in seen:
                continue
            seen.add(successor.pk)
            (found if successor.is_current() else todo).append(successor)
    return found


def _former(query: str) -> list[tuple[Unit, list[Unit]]]:
    """Former units matching the search (a citizen may still know the old ward's name), with the
    current units that took over their work."""
    if not query.strip():
        return []
    current = current_units().values("pk")
    former = search_units(query, Unit.objects.exclude(pk__in=current)).order_by("name")[:FORMER_SHOWN]
    rows = []
    for unit in former:
        successors = _today_successors(unit)
        # A school that only moved under a new ward keeps its name: it is already in the list.
        if successors and any(successor.name != unit.name for successor in successors):
            rows.append((unit, successors))
    return rows
