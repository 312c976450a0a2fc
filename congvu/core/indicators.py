"""The indicator kernel every part plugs its figures into: Period, Measure, Indicator and `@indicator`.

Each app registers its figures in `congvu/<app>/indicators.py`; the function receives the unit's
lineage (`congvu.units.lineage.Lineage`: its subtree plus the units it succeeded) and a Period, and
returns a Measure. `congvu.reports` evaluates and presents them; no app below it needs reports.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from congvu.core.plugins import app_modules

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
    compute: Callable[..., Measure]  # (lineage, period) -> Measure
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
    """Import every app's indicators module once; the registry sorted for presentation."""
    app_modules("indicators")
    return dict(sorted(REGISTRY.items(), key=lambda item: (item[1].order, item[0])))


def month_periods(year: int) -> list[Period]:
    """The twelve months of a year, each as an inclusive Period."""
    periods = []
    for month in range(1, 13):
        start = dt.date(year, month, 1)
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        periods.append(Period(start, following - dt.timedelta(days=1)))
    return periods
