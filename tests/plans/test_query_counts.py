"""List and detail pages keep a bounded number of queries however many records there are."""

import datetime as dt

import pytest
from django.urls import reverse

from congvu.plans import services
from tests.discipline.factories import DisciplineCaseFactory
from tests.factories import StaffFactory, UnitFactory
from tests.plans.factories import DirectiveFactory
from tests.regulations.factories import WorkingRegulationFactory

pytestmark = pytest.mark.django_db


def _many_units(city, n):
    return [UnitFactory(parent=city, code=f"P-X{i:03d}", name=f"Phường Thêm {i}") for i in range(n)]


@pytest.mark.parametrize("n", [3, 25])
def test_registers_have_bounded_queries(
    n, login, programme_office, city, ward, django_assert_max_num_queries
):
    units = _many_units(city, n)
    for unit in units:
        WorkingRegulationFactory(unit=unit)
        DisciplineCaseFactory(unit=unit, staff=StaffFactory(unit=unit))
    for index in range(n):
        directive = DirectiveFactory(unit=city)
        services.add_task(
            directive=directive,
            title=f"Nhiệm vụ {index}",
            units=units[:3],
            deadline=dt.date(2099, 1, 1),
            by=None,
        )
    client = login(programme_office)
    for name in (
        "regulations:regulation_list",
        "discipline:discipline_list",
        "plans:directive_list",
        "plans:assignment_list",
    ):
        with django_assert_max_num_queries(16):
            assert client.get(reverse(name)).status_code == 200, name


def test_directive_detail_has_bounded_queries(login, programme_office, city, django_assert_max_num_queries):
    units = _many_units(city, 20)
    directive = DirectiveFactory(unit=city)
    for index in range(8):
        services.add_task(
            directive=directive, title=f"Nhiệm vụ {index}", units=units, deadline=dt.date(2099, 1, 1), by=None
        )
    client = login(programme_office)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("plans:directive_detail", args=[directive.pk])).status_code == 200
