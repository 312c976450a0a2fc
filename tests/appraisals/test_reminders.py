"""A week before the deadline, each official who has not assessed themself is reminded once."""

import datetime as dt

import pytest
from django.utils import timezone

from congvu.appraisals.reminders import run_due
from congvu.core.models import Notification
from tests.appraisals.factories import open_ward_cycle

pytestmark = pytest.mark.django_db


def test_reminder_goes_out_once_in_the_last_week(ward, programme_office, official):
    open_ward_cycle(ward, programme_office)
    early = timezone.make_aware(dt.datetime(2026, 11, 1, 8, 0))
    assert run_due(early) == 0
    late = timezone.make_aware(dt.datetime(2026, 12, 9, 8, 0))
    assert run_due(late) == 1  # the official has an account; the others are marked without a message
    assert run_due(late) == 0
    note = Notification.objects.get(user=official)
    assert "15/12/2026" in note.title
