"""Reads of discipline cases (other parts call these, never the models directly)."""

from congvu.accounts.scope import scope_q
from congvu.core.text import search_folded
from congvu.discipline import roles
from congvu.discipline.models import DisciplineCase


def visible(user):
    """Cases of a unit in the user's scope, or against a person working in one."""
    return DisciplineCase.objects.filter(
        scope_q(user, "unit", roles.MANAGE) | scope_q(user, "staff__unit", roles.MANAGE)
    )


def register(user, *, unit=None, year=None, status="", form="", query=""):
    """The cases register as filtered on the page (`unit`: cases of that unit's lineage)."""
    queryset = visible(user).select_related("unit", "staff")
    if unit is not None:
        queryset = queryset.filter(scope_q(user, "unit", roles.MANAGE, within=unit))
    if year:
        queryset = queryset.filter(decision_date__year=year)
    if status:
        queryset = queryset.filter(status=status)
    if form:
        queryset = queryset.filter(form=form)
    return search_folded(queryset, query)


def discipline_forms_in_year(staff, year: int) -> list[str]:
    """The forms of discipline decided for `staff` with a decision date in `year`, as codes
    ("khien_trach", "canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc", "buoc_thoi_viec")."""
    return list(
        DisciplineCase.objects.filter(
            staff=staff,
            status=DisciplineCase.Status.DECIDED,
            decision_date__year=year,
        )
        .order_by("decision_date", "id")
        .values_list("form", flat=True)
    )


def discipline_decisions_in_year(staff, year: int):
    """The decided discipline of `staff` with a decision date in `year`: form, decision number and date,
    and whether the violation was in the performance of official duties (the evaluation reads these)."""
    return list(
        DisciplineCase.objects.filter(
            staff=staff,
            status=DisciplineCase.Status.DECIDED,
            decision_date__year=year,
        )
        .order_by("decision_date", "id")
        .values("form", "decision_number", "decision_date", "in_official_duty")
    )


def decided_cases_of(staff):
    """A person's decided discipline (the self-service page)."""
    return DisciplineCase.objects.filter(staff=staff, status=DisciplineCase.Status.DECIDED)
