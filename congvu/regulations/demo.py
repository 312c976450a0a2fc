"""Demo working regulations for Lạng Sơn: every city agency and ward (all issued by 2019, some amended
or replaced later; the 2025 wards' own). Numbers and dates are illustrative."""

import datetime as dt
import random

from congvu.regulations import services
from congvu.regulations.models import REGULATION_UNIT_TYPES, RegulationEvent, WorkingRegulation
from congvu.units.demodata import REFORM_DAY, SEED, at_nine, run_step


def seed(stdout=None):
    run_step("regulations", seed_regulations, date_events=_date_events, stdout=stdout)


def _regulation_units(units, *, new: bool):
    selected = []
    for code, unit in sorted(units.items()):
        if unit.unit_type not in REGULATION_UNIT_TYPES:
            continue
        is_new = unit.valid_from == REFORM_DAY
        if new:
            if is_new:
                selected.append(unit)
        elif code in ("LS", "LS-SNV") or (code.startswith("LS-TP") and not is_new):
            selected.append(unit)
    return selected


def seed_regulations(units) -> int:
    if WorkingRegulation.objects.filter(unit=units["LS-TP"]).exists():
        return 0
    rng = random.Random(SEED)
    count = 0
    for index, unit in enumerate(_regulation_units(units, new=False)):
        signed = dt.date(rng.choice([2016, 2017, 2018]), rng.randint(1, 12), rng.randint(1, 28))
        if index % 6 == 5:  # a few updated their regulation in early 2019, as the article says
            signed = dt.date(2019, rng.randint(1, 4), rng.randint(1, 28))
        regulation = services.issue_regulation(
            unit=unit,
            kind=WorkingRegulation.Kind.ISSUED,
            title=f"Quy chế làm việc của {unit.name}",
            number=f"{rng.randint(10, 250)}/QĐ-{_short(unit)}",
            signed_on=signed,
            valid_from=signed,
            by=None,
        )
        count += 1
        if index % 4 == 1:
            services.issue_regulation(
                unit=unit,
                kind=WorkingRegulation.Kind.AMENDMENT,
                title=f"Sửa đổi, bổ sung một số điều của Quy chế làm việc của {unit.name}",
                number=f"{rng.randint(10, 250)}/QĐ-{_short(unit)}",
                signed_on=dt.date(2020, rng.randint(2, 11), rng.randint(1, 28)),
                amends=regulation,
                by=None,
            )
            count += 1
        if index % 5 == 2:
            replaced = dt.date(2021, rng.randint(1, 12), rng.randint(1, 28))
            regulation = services.issue_regulation(
                unit=unit,
                kind=WorkingRegulation.Kind.REPLACEMENT,
                title=f"Quy chế làm việc của {unit.name} (thay thế)",
                number=f"{rng.randint(10, 250)}/QĐ-{_short(unit)}",
                signed_on=replaced,
                valid_from=replaced + dt.timedelta(days=10),
                by=None,
            )
            count += 1
        if unit.valid_to:
            services.end_regulation(
                regulation=regulation,
                valid_to=unit.valid_to,
                note="Đơn vị kết thúc hoạt động khi sắp xếp đơn vị hành chính 2025",
                by=None,
            )
    for unit in _regulation_units(units, new=True):
        signed = dt.date(2025, 7, rng.randint(3, 25))
        services.issue_regulation(
            unit=unit,
            kind=WorkingRegulation.Kind.ISSUED,
            title=f"Quy chế làm việc của {unit.name}",
            number=f"{rng.randint(1, 60)}/QĐ-{_short(unit)}",
            signed_on=signed,
            valid_from=signed,
            by=None,
        )
        count += 1
    return count


def _short(unit) -> str:
    if unit.code in ("LS", "LS-TP") or unit.unit_type in ("phuong", "xa"):
        return "UBND"
    return unit.code.split("-")[-1] if not unit.code.endswith("-2025") else unit.code.split("-")[-2]


def _date_events(started):
    """Events written while seeding carry today's time; give them the day each step happened."""
    events = list(RegulationEvent.objects.filter(at__gte=started).select_related("regulation"))
    for event in events:
        regulation = event.regulation
        day = regulation.signed_on if event.action == "issued" else regulation.valid_to
        if day:
            event.at = at_nine(day)
    RegulationEvent.objects.bulk_update(events, ["at"], batch_size=500)
