"""Builders for working regulations in tests."""

import datetime as dt

import factory

from congvu.regulations.models import WorkingRegulation
from tests.factories import UnitFactory


class WorkingRegulationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingRegulation

    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"Quy chế làm việc số {n}")
    number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    signed_on = dt.date(2018, 1, 15)
    valid_from = dt.date(2018, 1, 15)
