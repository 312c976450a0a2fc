from django.core.paginator import Paginator
from django.shortcuts import render

from congvu.units.selectors import current_units, search_units


def directory(request):
    """Public directory (Decree 20/2008 Art. 10/13): every current unit's address, hotline, email, website."""
    query = request.GET.get("q", "")[:100]
    units = search_units(query, current_units().select_related("parent"))
    page = Paginator(units, 50).get_page(request.GET.get("page"))
    return render(request, "units/directory.html", {"page": page, "query": query})
