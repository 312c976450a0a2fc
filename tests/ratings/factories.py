import datetime as dt
import uuid

import factory
from django.utils import timezone

from congvu.ratings.models import Channel, Counter, Level, Rating, RosterEntry, Session
from congvu.ratings.services import pair_device


class CounterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Counter

    code = factory.Sequence(lambda n: f"Q-{n:04d}")
    name = factory.Sequence(lambda n: f"Quầy số {n}")


class RatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rating

    client_id = factory.LazyFunction(uuid.uuid4)
    level = Level.SATISFIED
    channel = Channel.KIOSK
    rated_at = factory.LazyFunction(timezone.now)


def roster(counter, staff, day=None, sessions=Session.values):
    day = day or dt.date(2020, 1, 1)
    return [RosterEntry.objects.create(counter=counter, staff=staff, date=day, session=s) for s in sessions]


def paired(counter):
    """(device, token) for a kiosk paired with the counter."""
    return pair_device(counter=counter)
