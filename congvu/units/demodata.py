"""What the parts' demo modules share: the Lạng Sơn calendar of the 2025 reform and one way to run a
seeding step (after the foundation, in one transaction, with the steps dated on their own days)."""

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from django.db import transaction

from congvu.core.audit import acting_as
from congvu.units.models import Unit

# The base of each part's random generator, so that the demo is the same on every machine.
SEED = 103
CITY_END = dt.date(2025, 6, 30)  # Thành phố Lạng Sơn's last day
REFORM_DAY = dt.date(2025, 7, 1)  # the two-level local government starts
DEMO_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
FOUNDATION_UNIT = "LS-TP"


def at_nine(day: dt.date) -> dt.datetime:
    """A step of the demo timeline: 09:00 on its day."""
    return dt.datetime.combine(day, dt.time(9, 0), tzinfo=DEMO_TZ)


def run_step(
    name: str,
    build: Callable[[dict[str, Unit]], int],
    *,
    date_events: Callable[[dt.datetime], None],
    stdout=None,
) -> None:
    """Run `build(units by code)` once the foundation is there, as the system, in one transaction;
    then `date_events(started)` moves the events written meanwhile (stamped now) to their own day."""
    if not Unit.objects.filter(code=FOUNDATION_UNIT).exists():
        return
    started = dt.datetime.now(DEMO_TZ)
    with transaction.atomic(), acting_as(None):
        made = build({unit.code: unit for unit in Unit.objects.all()})
        date_events(started)
    if stdout:
        stdout.write(f"  {name}: +{made}")
