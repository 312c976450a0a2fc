"""A unit's lineage: its subtree plus the subtrees of the units it succeeded across reforms.

This is the one definition of "the records of a unit": the new Tam Thanh (from July 2025) covers old
Tam Thanh and Hoàng Đồng before it, so records keep the unit of their time and are still found. Reports
filter with it, and `congvu.accounts.scope` builds every staff filter on it.
"""

from collections.abc import Iterable
from functools import cached_property

from django.db.models import Q

from congvu.units.models import Unit
from congvu.units.selectors import predecessor_units


def collapse_roots(units: Iterable[Unit]) -> list[Unit]:
    """The units without those already inside another's subtree (a province's old communes lie under
    the province): fewer OR'd prefixes in every query, the same records."""
    kept: list[Unit] = []
    for unit in sorted({unit.pk: unit for unit in units}.values(), key=lambda u: len(u.path)):
        if not any(unit.path.startswith(root.path) for root in kept):
            kept.append(unit)
    return kept


def lineage_roots(units: Iterable[Unit]) -> list[Unit]:
    """The given units and every unit merged, split or renamed into them, collapsed."""
    units = list(units)
    return collapse_roots([*units, *predecessor_units(units)])


def subtrees_q(roots: Iterable[Unit]) -> Q:
    """A filter on Unit itself: the units in the subtrees of `roots` (nothing for no roots)."""
    condition = Q(pk__in=[])
    for root in roots:
        condition |= Q(path__startswith=root.path)
    return condition


def records_of_units_q(roots: Iterable[Unit], field: str = "unit") -> Q:
    """A filter on a Unit foreign key path (e.g. "unit", "case__unit"; "" for Unit itself) covering the
    subtrees of `roots`.

    Written as `unit_id IN (SELECT id FROM units of the subtrees)` rather than a join on each record's
    unit path: the units are matched once, not once per record (with 2 million counter ratings a
    commune's figure went from seconds to milliseconds on SQLite).
    """
    units = Unit.objects.filter(subtrees_q(roots))
    if not field:
        return Q(pk__in=units.values("pk"))
    return Q(**{f"{field}__in": units.values("pk")})


def subtree_q(unit: Unit, field: str = "unit") -> Q:
    """Records of `unit` and the units below it, as they are now (no predecessors): e.g. the staff who
    work in a ward today."""
    return records_of_units_q([unit], field)


def path_within(unit: Unit, roots: Iterable[Unit]) -> bool:
    return any(unit.path.startswith(root.path) for root in roots)


class Lineage:
    """One unit's lineage, looked up once and shared by every figure of a report."""

    def __init__(self, unit: Unit):
        self.unit = unit

    def __repr__(self):
        return f"Lineage({self.unit.code})"

    @cached_property
    def roots(self) -> list[Unit]:
        return lineage_roots([self.unit])

    def q(self, field: str = "unit") -> Q:
        return records_of_units_q(self.roots, field)

    def units(self):
        return Unit.objects.filter(subtrees_q(self.roots))

    @cached_property
    def unit_ids(self) -> list[int]:
        return list(self.units().values_list("pk", flat=True))

    def contains(self, unit: Unit | None) -> bool:
        return unit is not None and path_within(unit, self.roots)
