"""Fake indicators for the reports tests, computed from a small table of figures per unit and year so the
engine, pages and files can be tested before (and independently of) the domain parts' indicators."""

from contextlib import contextmanager

from congvu.core import indicators as engine
from congvu.core.indicators import COUNT, SHARE, Measure, indicator


class FakeFigures:
    """figures[(unit_code, year)] = (numerator, denominator); a scope sums its units' figures."""

    def __init__(self):
        self.shares: dict[tuple[str, int], tuple[int, int]] = {}
        self.counts: dict[tuple[str, int], int] = {}

    def _codes(self, scope):
        return set(scope.units().values_list("code", flat=True))

    def share(self, scope, period):
        codes = self._codes(scope)
        years = range(period.start.year, period.end.year + 1)
        pairs = [self.shares[(c, y)] for c in codes for y in years if (c, y) in self.shares]
        return Measure.share(
            sum(p[0] for p in pairs), sum(p[1] for p in pairs), breakdown={"Tốt": len(pairs)}
        )

    def count(self, scope, period):
        codes = self._codes(scope)
        years = range(period.start.year, period.end.year + 1)
        return Measure.count(sum(self.counts.get((c, y), 0) for c in codes for y in years))


@contextmanager
def fake_registry():
    """Registers `test.share` (public, drills down to the staff list), `test.count` (public) and
    `test.private` (staff only); removes them afterwards."""
    figures = FakeFigures()
    common = {
        "definition_vi": "Chỉ tiêu thử nghiệm.",
        "definition_en": "A test indicator.",
        "source": "tests",
        "legal_basis": "Quyết định thử nghiệm",
    }
    indicator(
        "test.share",
        name_vi="Tỷ lệ thử nghiệm",
        name_en="Test share",
        kind=SHARE,
        formula="good / all × 100",
        order=1,
        public=True,
        drilldown="people:staff_list",
        **common,
    )(figures.share)
    indicator(
        "test.count",
        name_vi="Số lượng thử nghiệm",
        name_en="Test count",
        kind=COUNT,
        formula="count",
        order=2,
        public=True,
        counts_people=True,
        **common,
    )(figures.count)
    indicator(
        "test.private",
        name_vi="Chỉ tiêu nội bộ",
        name_en="Internal figure",
        kind=COUNT,
        formula="count",
        order=3,
        drilldown="no_such:page",
        **common,
    )(figures.count)
    try:
        yield figures
    finally:
        for code in ("test.share", "test.count", "test.private"):
            engine.REGISTRY.pop(code, None)
