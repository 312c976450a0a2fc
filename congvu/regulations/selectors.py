"""Reads of working regulations: which units should have one, which have one in force on a day."""

import datetime as dt
from collections import defaultdict

from congvu.core.text import fold, folded_terms
from congvu.regulations.models import REGULATION_UNIT_TYPES, WorkingRegulation
from congvu.units.models import Unit


def units_needing_regulation(units, on: dt.date):
    """Units that exist on `on` and are of a type expected to issue a working regulation."""
    return units.current(on).filter(unit_type__in=REGULATION_UNIT_TYPES)


def regulation_coverage(units, on: dt.date) -> tuple[int, int]:
    """(units with a regulation in force on `on`, units that should have one), over `units`."""
    expected = units_needing_regulation(units, on)
    total = expected.count()
    covered = (
        expected.filter(
            pk__in=WorkingRegulation.objects.in_force(on).values("unit_id"),
        ).count()
        if total
        else 0
    )
    return covered, total


def regulation_status(units, on: dt.date) -> list[dict]:
    """For each unit that should have a regulation on `on`: the one in force then (or None, flagged),
    and its amendments in force by that day."""
    expected = list(units_needing_regulation(units, on).order_by("path"))
    in_force = {
        regulation.unit_id: regulation
        for regulation in WorkingRegulation.objects.in_force(on)
        .filter(unit__in=[u.pk for u in expected])
        .order_by("valid_from")
    }
    amendments = defaultdict(list)
    for amendment in WorkingRegulation.objects.filter(
        amends__in=[r.pk for r in in_force.values()], valid_from__lte=on
    ).order_by("valid_from"):
        amendments[amendment.amends_id].append(amendment)
    rows = []
    for unit in expected:
        regulation = in_force.get(unit.pk)
        rows.append(
            {
                "unit": unit,
                "regulation": regulation,
                "amendments": amendments.get(regulation.pk, []) if regulation else [],
                "missing": regulation is None,
            }
        )
    return rows


def regulation_history(unit: Unit):
    return (
        WorkingRegulation.objects.filter(unit=unit)
        .select_related("amends", "replaces")
        .order_by("valid_from", "id")
    )


def register_rows(units, on: dt.date, *, query: str = "", only_missing: bool = False) -> list[dict]:
    """`regulation_status` as the register page filters it: every word of `query` in the unit's name or
    code or the regulation's number and title; only the units lacking one when `only_missing`."""
    rows = regulation_status(units, on)
    terms = folded_terms(query)
    if terms:
        rows = [
            row
            for row in rows
            if all(
                term in row["unit"].name_folded
                or (row["regulation"] and term in row["regulation"].search_folded)
                or term in fold(row["unit"].code)
                for term in terms
            )
        ]
    if only_missing:
        rows = [row for row in rows if row["missing"]]
    return rows


def in_force_for(unit: Unit, on: dt.date):
    """The unit's regulation in force on `on`, or None."""
    return WorkingRegulation.objects.filter(unit=unit).in_force(on).first()
