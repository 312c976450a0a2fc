"""Evaluating the registered indicators (congvu.core.indicators) for a unit and a period: the value,
the previous period's value and the change (percentage points for shares). Used by the dashboard,
exports, the public page and the `indicators` command.
"""

from congvu.core.indicators import Period, load_all
from congvu.units.lineage import Lineage
from congvu.units.models import Unit


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
    code: str, unit: Unit, period: Period, *, with_previous: bool = True, scope: Lineage | None = None
) -> dict:
    registry = load_all()
    spec = registry[code]
    scope = scope or Lineage(unit)
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
    scope = Lineage(unit)  # one lineage lookup shared by every indicator
    return {
        "unit": unit_dict(unit),
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
        "indicators": [
            evaluate(code, unit, period, with_previous=with_previous, scope=scope) for code in selected
        ],
    }
