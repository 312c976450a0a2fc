"""Builders for rewards in tests."""

import datetime as dt

import factory

from congvu.rewards.demo import ensure_default_titles
from congvu.rewards.models import Reward, RewardTitle
from tests.factories import StaffFactory, UnitFactory


def title(code="lao-dong-tien-tien"):
    """The default titles come from a data migration; tests that flush the database (browser journeys)
    remove them, so they are created again when missing."""
    if not RewardTitle.objects.filter(code=code).exists():
        ensure_default_titles()
    return RewardTitle.objects.get(code=code)


class RewardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reward

    unit = factory.SubFactory(UnitFactory)
    title = factory.LazyFunction(title)
    year = 2025
    staff = factory.SubFactory(StaffFactory, unit=factory.SelfAttribute("..unit"))
    reason = "Hoàn thành tốt nhiệm vụ"
    proposed_on = dt.date(2025, 12, 1)
