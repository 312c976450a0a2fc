"""Builders for discipline cases in tests."""

import datetime as dt

import factory

from congvu.discipline.models import DisciplineCase
from tests.factories import StaffFactory, UnitFactory


class DisciplineCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DisciplineCase

    unit = factory.SubFactory(UnitFactory)
    staff = factory.SubFactory(StaffFactory, unit=factory.SelfAttribute("..unit"))
    origin = DisciplineCase.Origin.OTHER
    facts = "Đi muộn nhiều lần"
    opened_on = dt.date(2025, 3, 1)
