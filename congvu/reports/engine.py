"""The indicator engine: one definition per figure, used by the dashboard, exports, the public page and
the `indicators` command.

Each domain app registers its indicators in `congvu/<app>/indicators.py` with `@indicator(...)`; the
function receives a Scope and a Period and returns a Measure. The engine adds the previous period's
value and the change (percentage points for shares).

Scope across the 2025 reform: a unit's report covers its subtree and the subtrees of the units it
succeeded (the new Tam Thanh shows old Tam Thanh and Hoàng Đồng before July 2025), so records keep the
unit of their time and are still counted.
"""

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.db.models import Q

from congvu.units.models import Unit
from congvu.units.selectors import predecessor_units

SHARE, COUNT, NUMBER = "share", "count", "number"


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @property
    def is_whole_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31) and (
            self.start.year == self.end.year
        )

    def previous(self) -> "Period":
        """The same span just before: the previous year for a year, else the same number of days."""
        if self.is_whole_year:
            return Period.year(self.start.year - 1)
        days = (self.end - self.start).days + 1
        return Period(self.start - dt.timedelta(days=days), self.start - dt.timedelta(days=1))

    def datetime_range(self):
        """Aware datetimes [start 00:00, day after end 00:00) in the project's time zone."""
        from django.utils import timezone

        tz = timezone.get_current_timezone()
        start = dt.datetime.combine(self.start, dt.time.min, tzinfo=tz)
        end = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        return start, end


@dataclass
class Scope:
    unit: Unit

    @cached_property
    def roots(self) -> list[Unit]:
        """The unit and its predecessors, without those already inside another root's subtree (a
        province's old communes lie under the province): fewer OR'd prefixes in every query."""
        candidates = sorted([self.unit, *predecessor_units([self.unit])], key=lambda u: len(u.path))
        kept: list[Unit] = []
        for unit in candidates:
            if not any(unit.path.startswith(root.path) for root in kept):
                kept.append(unit)
        return kept

    def q(self, field: str = "unit") -> Q:
        """Filter on a Unit foreign key path (e.g. "unit", "case__unit") covering the lineage subtrees.

        Written as `unit_id IN (SELECT id FROM units of the subtrees)` rather than a join on each record's
        unit path: the units are matched once, not once per record (with 2 million counter ratings a
        commune's figure went from seconds to milliseconds on SQLite).
        """
        return Q(**{f"{field}__in": Unit.objects.filter(self._unit_q()).values("pk")})

    @cached_property
    def unit_ids(self) -> list[int]:
        return list(Unit.objects.filter(self._unit_q()).values_list("pk", flat=True))

    def _unit_q(self) -> Q:
        condition = Q()
        for root in self.roots:
            condition |= Q(path__startswith=root.path)
        return condition

    def units(self):
        return Unit.objects.filter(self._unit_q())


@dataclass(frozen=True)
class Measure:
    value: float | int | None
    numerator: float | int | None = None
    denominator: float | int | None = None
    breakdown: dict = field(default_factory=dict)

    @classmethod
    def share(cls, numerator, denominator, breakdown=None) -> "Measure":
        """A percentage; None when there is nothing to divide by."""
        value = round(100.0 * numerator / denominator, 2) if denominator else None
        return cls(value, numerator, denominator, breakdown or {})

    @classmethod
    def count(cls, number, breakdown=None) -> "Measure":
        return cls(number, number, None, breakdown or {})


@dataclass(frozen=True)
class Indicator:
    code: str
    name_vi: str
    name_en: str
    kind: str  # share | count | number
    definition_vi: str
    definition_en: str
    formula: str
    source: str
    legal_basis: str
    compute: Callable[[Scope, Period], Measure]
    order: int = 100
    public: bool = False  # shown on the public transparency page
    # Optional URL name of the staff list page of the records behind the figure; the dashboard links to
    # it with ?unit=<code>&from=dd/mm/yyyy&to=dd/mm/yyyy. Resolved defensively (a missing page: no link).
    drilldown: str = ""
    # A count of people (e.g. staff at each evaluation level): hidden on the public page for a small group,
    # since it could point at a person. Counts of events (rounds, cases) need no such protection.
    counts_people: bool = False

    @property
    def is_share(self) -> bool:
        return self.kind == SHARE

    def name(self, language: str | None = None) -> str:
        from django.utils.translation import get_language

        return self.name_en if (language or get_language() or "vi").startswith("en") else self.name_vi

    def definition(self, language: str | None = None) -> str:
        from django.utils.translation import get_language

        english = (language or get_language() or "vi").startswith("en")
        return self.definition_en if english else self.definition_vi


REGISTRY: dict[str, Indicator] = {}


def indicator(
    code,
    *,
    name_vi,
    name_en,
    kind,
    definition_vi,
    definition_en,
    formula,
    source,
    legal_basis="",
    order=100,
    public=False,
    drilldown="",
    counts_people=False,
):
    def register(function):
        REGISTRY[code] = Indicator(
            code,
            name_vi,
            name_en,
            kind,
            definition_vi,
            definition_en,
            formula,
            source,
            legal_basis,
            function,
            order,
            public,
            drilldown,
            counts_people,
        )
        return function

    return register


def load_all() -> dict[str, Indicator]:
    """Import every app's indicators module once."""
    for config in apps.get_app_configs():
        if config.name.startswith("congvu."):
            try:
                importlib.import_module(f"{config.name}.indicators")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.indicators":
                    raise
    return dict(sorted(REGISTRY.items(), key=lambda item: (item[1].order, item[0])))


def change(kind: str, current, previous):
    """The difference with the previous period: percentage points for shares, units for counts."""
    if current is None or previous is None:
        return None
    return round(current - previous, 2)


def unit_dict(unit: Unit) -> dict:
    return {
        "id": unit.pk,
        "code": unit.code,
        "name": unit.name,
        "type": unit.unit_type,
        "valid_from": unit.valid_from.isoformat() if unit.valid_from else None,
        "valid_to": unit.valid_to.isoformat() if unit.valid_to else None,
    }


def evaluate(
    code: str, unit: Unit, period: Period, *, with_previous: bool = True, scope: Scope | None = None
) -> dict:
    registry = load_all()
    spec = registry[code]
    scope = scope or Scope(unit)
    measure = spec.compute(scope, period)
    result = {
        "code": spec.code,
        "name": spec.name_vi,
        "name_en": spec.name_en,
        "kind": spec.kind,
        "counts_people": spec.counts_people,
        "value": measure.value,
        "numerator": measure.numerator,
        "denominator": measure.denominator,
        "breakdown": measure.breakdown,
    }
    if with_previous:
        previous = spec.compute(scope, period.previous())
        result["previous"] = previous.value
        result["previous_numerator"] = previous.numerator
        result["previous_denominator"] = previous.denominator
        result["change"] = change(spec.kind, measure.value, previous.value)
    return result


def evaluate_all(
    unit: Unit,
    period: Period,
    codes: list[str] | None = None,
    *,
    public_only: bool = False,
    with_previous: bool = True,
) -> dict:
    registry = load_all()
    selected = [
        code
        for code, spec in registry.items()
        if (codes is None or code in codes) and (spec.public or not public_only)
    ]
    scope = Scope(unit)  # one lineage lookup shared by every indicator
    return {
        "unit": unit_dict(unit),
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
        "indicators": [
            evaluate(code, unit, period, with_previous=with_previous, scope=scope) for code in selected
        ],
    }


def month_periods(year: int) -> list[Period]:
    """The twelve months of a year, each as an inclusive Period."""
    periods = []
    for month in range(1, 13):
        start = dt.date(year, month, 1)
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        periods.append(Period(start, following - dt.timedelta(days=1)))
    return periods
