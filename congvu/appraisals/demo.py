"""Evaluation results of the demo city for 2018–2025, and an open 2026 cycle for the new Tam Thanh ward.

Each past result keeps the unit and category of its time (the units of Thành phố Lạng Sơn up to 2024,
the successor units for 2025), so the reports for LS-TP count them. The counts are chosen to reproduce
the seed article: in 2019 121 cán bộ/công chức and 1,035 viên chức at good or excellent out of 1,183
rated (97.72%); in 2018, 1,115 of 1,155 rated (96.54%, 1.18 points lower; 28 people on long leave
worked under six months and were not rated); every year at least 90%.
"""

import datetime as dt
import random
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from congvu.appraisals import rules, services
from congvu.appraisals.models import CBCC, Cycle, Evaluation, EvaluationEvent, Level
from congvu.discipline.demo import DISCIPLINE_CASES
from congvu.people.models import Staff, Transfer
from congvu.units.lineage import subtree_q
from congvu.units.models import Unit

FIRST_YEAR, LAST_YEAR = 2018, 2025
SEED = 2019
# Per year: (people not at good-or-better among CBCC, among VC), and (CBCC, VC) on long leave.
NOT_GOOD = {
    2018: (5, 35),
    2019: (3, 24),
    2020: (3, 22),
    2021: (2, 20),
    2022: (2, 18),
    2023: (2, 16),
    2024: (1, 15),
    2025: (1, 12),
}
LONG_LEAVE = {2018: (3, 25)}
EXCELLENT_SHARE = 0.15
WARD = "LS-P-TAMTHANH-2025"


def _disciplined_by_year() -> dict[int, set[str]]:
    """Badge numbers of the people the discipline demo disciplines, by year of the decision: the law
    forces "not completed" for them that year (DG-KYLUAT-90, DG-KYLUAT-48), so the history rates them so."""
    found = defaultdict(set)
    for badge, *_rest, outcome, _form, decided in DISCIPLINE_CASES:
        if outcome == "decided" and decided:
            found[decided.year].add(badge)
    return found


def _timeline():
    """Each person's unit before and after the reform (one Transfer per person in the demo)."""
    moves = {t.staff_id: t for t in Transfer.objects.filter(note__startswith="Sắp xếp")}
    return moves


def _unit_of_time(staff, year, moves):
    move = moves.get(staff.pk)
    if move is None:
        return staff.unit_id, None
    if year < move.effective_date.year:
        return move.from_unit_id, None
    if year == move.effective_date.year:
        return move.to_unit_id, move.from_unit_id  # the new unit rates, with the old unit's scores
    return move.to_unit_id, None


def seed_history(stdout=None) -> int:
    city = Unit.objects.get(code="LS-TP")
    if Evaluation.objects.filter(year__lte=LAST_YEAR, source=Evaluation.Source.IMPORT).exists():
        return 0
    moves = _timeline()
    moved_ids = set(moves)
    people = list(
        Staff.objects.filter(pk__in=moved_ids)
        .filter(subtree_q(city, "transfers__from_unit"))
        .select_related("position")
        .order_by("badge_number")
        .distinct()
    )
    evaluations = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        evaluations += _year(year, people, moves)
    Evaluation.objects.bulk_create(evaluations, batch_size=2000)
    return len(evaluations)


def _year(year, people, moves):
    rng = random.Random(SEED + year)
    rule_sets = {
        category: rules.rule_set_for(year, category) for category in ("can_bo", "cong_chuc", "vien_chuc")
    }
    employed = [p for p in people if p.employed_from is None or p.employed_from <= dt.date(year, 12, 31)]
    groups = {
        "cbcc": [p for p in employed if p.category in CBCC],
        "vc": [p for p in employed if p.category not in CBCC],
    }
    decided_at = timezone.make_aware(dt.datetime(year, 12, 10, 9, 0))
    rows = []
    for index, (_group, members) in enumerate(groups.items()):
        members = members[:]
        rng.shuffle(members)
        leave = LONG_LEAVE.get(year, (0, 0))[index]
        levels = {}
        rated = []
        for person in members:
            months = rules.months_worked(person.employed_from, person.employed_to, year)
            if leave and months >= 12:
                levels[person.pk] = (
                    "",
                    4,
                    "Nghỉ dài ngày (ốm đau, đi học), công tác 4 tháng trong năm: không xếp loại",
                )
                leave -= 1
                continue
            reason = rules.not_rated_reason(rule_sets[person.category], months)
            if reason:
                levels[person.pk] = ("", months, reason)
                continue
            rated.append((person, months))
        not_good = NOT_GOOD[year][index]
        disciplined = _disciplined_by_year().get(year, set())
        # The disciplined come first among those not rated good (their number stays the year's figure).
        rated.sort(key=lambda item: item[0].badge_number not in disciplined)
        for position, (person, months) in enumerate(rated):
            if position < not_good:
                forced = person.badge_number in disciplined
                level = (
                    Level.NOT_COMPLETED
                    if forced or (position == 0 and year in (2018, 2021))
                    else Level.COMPLETED
                )
            else:
                level = Level.GOOD
            levels[person.pk] = (level, months, "")
        by_unit = defaultdict(list)
        for person, _months in rated:
            if levels[person.pk][0] == Level.GOOD:
                by_unit[_unit_of_time(person, year, moves)[0]].append(person)
        for unit_people in by_unit.values():
            unit_people.sort(key=lambda p: p.badge_number)
            rng.shuffle(unit_people)  # a different few each year
            for person in unit_people[: int(len(unit_people) * EXCELLENT_SHARE)]:
                levels[person.pk] = (Level.EXCELLENT, *levels[person.pk][1:])
        for person in members:
            level, months, reason = levels[person.pk]
            unit_id, previous_unit_id = _unit_of_time(person, year, moves)
            rows.append(
                Evaluation(
                    year=year,
                    staff=person,
                    unit_id=unit_id,
                    previous_unit_id=previous_unit_id,
                    category=person.category,
                    position=person.position,
                    is_manager=bool(person.position and person.position.is_manager),
                    rule_set=rule_sets[person.category],
                    source=Evaluation.Source.IMPORT,
                    status=Evaluation.Status.NOT_RATED if reason else Evaluation.Status.DECIDED,
                    months_worked=months,
                    not_rated_reason=reason,
                    level=level,
                    decision_number="" if reason else f"{100 + index}/QĐ-UBND",
                    decided_at=None if reason else decided_at,
                    published_at=decided_at,
                )
            )
    return rows


def seed_open_cycle(stdout=None):
    """The 2026 cycle of the new Tam Thanh ward, opened by the Nội vụ office, part-way through."""
    from congvu.accounts.models import User

    ward = Unit.objects.get(code=WARD)
    if Cycle.objects.filter(year=2026, scope_unit=ward).exists():
        return None
    office = User.objects.filter(username="noivu").first()
    head = User.objects.filter(username="truongdonvi.tamthanh").first()
    cycle = services.open_cycle(year=2026, scope_unit=ward, by=office, deadline=dt.date(2026, 12, 15))
    unit_cycle = cycle.unit_cycles.get(unit=ward)
    people = list(
        unit_cycle.evaluations.filter(status=Evaluation.Status.PENDING)
        .select_related("staff", "rule_set")
        .order_by("staff__badge_number")
    )
    canbo = User.objects.filter(username="canbo").select_related("staff").first()
    rng = random.Random(SEED)
    assessed = [e for e in people if not (canbo and e.staff_id == canbo.staff_id)][:24]
    for evaluation in assessed:
        periods = [(month, 6, rng.choice((0, 0, 0, 1)), rng.choice((0, 0, 1))) for month in range(1, 11)]
        services.submit_self_assessment(
            evaluation=evaluation,
            by=head,
            text="Hoàn thành các nhiệm vụ được giao trong năm; chấp hành tốt nội quy, quy chế của cơ quan.",
            general_score=Decimal(rng.choice((26, 27, 28, 29))),
            periods=periods,
        )
    services.record_meeting(
        unit_cycle=unit_cycle,
        by=head,
        meeting_date=dt.date(2026, 11, 20),
        chair="Chủ tịch UBND phường",
        attendees=40,
        minutes="Cuộc họp đánh giá, xếp loại năm 2026 của UBND phường Tam Thanh; các đồng chí lần lượt "
        "trình bày bản tự đánh giá, tập thể góp ý và bỏ phiếu.",
    )
    for evaluation in assessed[:12]:
        evaluation.refresh_from_db()
        services.record_meeting_result(
            evaluation=evaluation,
            by=head,
            comment="Tập thể thống nhất với bản tự đánh giá.",
            votes={Level.GOOD: 30, Level.EXCELLENT: 6, Level.COMPLETED: 2},
            party_comment="Chi bộ nhất trí." if evaluation.is_manager else "",
        )
    for evaluation in assessed[:6]:
        evaluation.refresh_from_db()
        services.propose(evaluation=evaluation, by=head, level=Level.GOOD, note="Đề nghị hoàn thành tốt.")
    return cycle


@transaction.atomic
def seed(stdout=None):
    created = seed_history(stdout)
    cycle = seed_open_cycle(stdout)
    if stdout:
        stdout.write(
            f"  appraisals: {created} past results, 2026 cycle {'opened' if cycle else 'already open'}, "
            f"{EvaluationEvent.objects.count()} events"
        )
