"""One way to page a list: `paginate(request, queryset, per_page)` reads ?page= and never fails on a
bad page number (a letter or a page past the end shows the nearest page)."""

from functools import cached_property

from django.core.paginator import Paginator

DEFAULT_PER_PAGE = 50


class CappedPaginator(Paginator):
    """Counts at most CAP rows: on a province's inbox an exact count of every match is the slow part."""

    CAP = 10_000

    @cached_property
    def count(self):
        return self.object_list[: self.CAP + 1].count()

    @property
    def capped(self):
        return self.count > self.CAP


def paginate(request, object_list, per_page: int = DEFAULT_PER_PAGE, *, capped: bool = False):
    paginator_class = CappedPaginator if capped else Paginator
    return paginator_class(object_list, per_page).get_page(request.GET.get("page"))
