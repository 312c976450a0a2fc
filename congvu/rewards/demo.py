"""Demo rewards for Lạng Sơn, 2018–2025 (two 2025 proposals still waiting for a decision). Numbers and
dates are illustrative."""

import datetime as dt
import random

from congvu.core.events import event_row, record_events
from congvu.people.models import Staff, StaffCategory, Transfer
from congvu.rewards.models import Reward, RewardEvent, RewardTitle
from congvu.units.demodata import CITY_END, REFORM_DAY, SEED, at_nine, run_step


def seed(stdout=None):
    run_step("rewards", seed_rewards, date_events=_date_events, stdout=stdout)


def ensure_default_titles():
    """The titles the data migration creates (a database flushed by tests has lost them)."""
    from importlib import import_module

    migration = import_module("congvu.rewards.migrations.0002_from_records")
    for order, (code, name, recipient, body) in enumerate(migration.TITLES, start=1):
        RewardTitle.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "recipient": recipient,
                "default_deciding_body": body,
                "sort_order": order,
            },
        )


def seed_rewards(units) -> int:
    if Reward.objects.exists():
        return 0
    ensure_default_titles()
    rng = random.Random(SEED + 1)
    titles = {title.code: title for title in RewardTitle.objects.all()}
    city = units["LS-TP"]
    people = list(
        Staff.objects.filter(badge_number__startswith="LS").select_related("unit").order_by("badge_number")
    )
    if not people:
        return 0
    former_unit = dict(
        Transfer.objects.filter(effective_date=REFORM_DAY).values_list("staff_id", "from_unit_id")
    )
    units_by_id = {unit.pk: unit for unit in units.values()}
    old_collectives = [
        u
        for c, u in units.items()
        if c.startswith("LS-TP-") and u.valid_to == CITY_END and u.unit_type != "mot_cua"
    ]
    new_collectives = [u for u in units.values() if u.valid_from == REFORM_DAY and u.unit_type != "mot_cua"]
    rewards = []
    plan = [("lao-dong-tien-tien", 40), ("chien-si-thi-dua-co-so", 6), ("giay-khen-ca-nhan", 4)]
    for year in range(2018, 2026):
        decided = dt.date(year + 1, 1, 10 + rng.randint(0, 15))
        proposed = dt.date(year, 12, rng.randint(1, 20))
        employed = [p for p in people if p.employed_from and p.employed_from <= dt.date(year, 6, 30)]
        chosen = rng.sample(employed, sum(n for _code, n in plan))
        for code, size in plan:
            title = titles[code]
            body = "Chủ tịch UBND thành phố Lạng Sơn" if year < 2025 else "Chủ tịch UBND phường"
            if code == "lao-dong-tien-tien":
                body = "Thủ trưởng cơ quan, đơn vị"
            number = f"{rng.randint(5, 99)}"  # one decision per title and year lists everyone
            for person in chosen[:size]:
                unit = (
                    units_by_id.get(former_unit.get(person.pk), person.unit) if year < 2025 else person.unit
                )
                rewards.append(
                    _reward(
                        title,
                        year,
                        unit,
                        proposed,
                        decided,
                        body,
                        staff=person,
                        number=number,
                    )
                )
            chosen = chosen[size:]
        collectives = old_collectives if year < 2025 else new_collectives
        collective_number = f"{rng.randint(100, 999)}"
        for unit in rng.sample(collectives, 4):
            body = "Chủ tịch UBND thành phố Lạng Sơn" if year < 2025 else "Chủ tịch UBND tỉnh Lạng Sơn"
            proposer = city if year < 2025 else units["LS"]
            rewards.append(
                _reward(
                    titles["tap-the-lao-dong-tien-tien"],
                    year,
                    proposer,
                    proposed,
                    decided,
                    body,
                    collective=unit,
                    number=collective_number,
                )
            )
    # Proposals for 2025 still waiting for the province's decision (the demo journey decides one).
    tam_thanh = units["LS-P-TAMTHANH-2025"]
    waiting = [p for p in people if p.unit_id == tam_thanh.pk and p.category == StaffCategory.CONG_CHUC][:2]
    for person in waiting:
        rewards.append(
            Reward(
                unit=tam_thanh,
                title=titles["chien-si-thi-dua-co-so"],
                year=2025,
                staff=person,
                reason="Hoàn thành xuất sắc nhiệm vụ năm 2025; có sáng kiến cải cách thủ tục hành chính tại "
                "Trung tâm Phục vụ hành chính công phường.",
                proposal_number="15/TTr-UBND",
                proposed_on=dt.date(2025, 12, 5),
            )
        )
    # The self-service demo account (canbo) has a decided reward of its own to see.
    own = Staff.objects.filter(user__username="canbo").first()
    if own and not any(r.staff_id == own.pk and r.year == 2024 for r in rewards):
        rewards.append(
            _reward(
                titles["lao-dong-tien-tien"],
                2024,
                units_by_id.get(former_unit.get(own.pk), own.unit),
                dt.date(2024, 12, 10),
                dt.date(2025, 1, 15),
                "Thủ trưởng cơ quan, đơn vị",
                staff=own,
                number="05",
            )
        )
    _fill_search(rewards)  # bulk_create skips save(), which fills the search column
    created = Reward.objects.bulk_create(rewards, batch_size=500)
    record_events(
        [event_row(r, "proposed", after=Reward.Status.PROPOSED) for r in created]
        + [
            event_row(r, "decided", before=Reward.Status.PROPOSED, after=r.status)
            for r in created
            if r.status == Reward.Status.DECIDED
        ]
    )
    return len(created)


def _reward(title, year, unit, proposed, decided, body, *, number, staff=None, collective=None):
    return Reward(
        unit=unit,
        title=title,
        year=year,
        staff=staff,
        collective=collective,
        reason=f"Hoàn thành tốt nhiệm vụ được giao năm {year}; chấp hành tốt kỷ luật, kỷ cương hành chính.",
        status=Reward.Status.DECIDED,
        proposed_on=proposed,
        deciding_body=body,
        decision_number=f"{number}/QĐ-UBND",
        decision_date=decided,
    )


def _fill_search(rewards):
    from congvu.core.text import fold

    for reward in rewards:
        name = reward.staff.full_name if reward.staff else reward.collective.name
        reward.search_folded = fold(
            f"{name} {reward.title.name} {reward.decision_number} {reward.proposal_number}"
        )[:600]


# ---------------------------------------------------------------------------------------------------


def _date_events(started):
    """Proposals are dated the day they were made, decisions the day of the decision."""
    events = list(RewardEvent.objects.filter(at__gte=started).select_related("reward"))
    for event in events:
        reward = event.reward
        day = reward.decision_date if event.action == "decided" else reward.proposed_on
        if day:
            event.at = at_nine(day)
    RewardEvent.objects.bulk_update(events, ["at"], batch_size=500)
