"""Demo counters, rosters, kiosks and ratings for the Lạng Sơn one-stop units, 2018 to October 2026.

The yearly shares are the targets below; each one-stop unit gets the same number of ratings a year and
the same number of "Không hài lòng", so the city's figure computed by the `counter.satisfaction`
indicator comes out at exactly 96% for 2018 and 99% for 2019 (the seed article's headline). Paper forms
(SIPAS) were collected in 2019; their overall question counts as paper-channel ratings inside the same
totals.
"""

import datetime as dt
import functools
import random
import uuid

from django.db import transaction
from django.utils import timezone

from congvu.core.workdays import is_working_day
from congvu.people.models import Staff, Transfer
from congvu.ratings.models import (
    LOW_REASONS,
    SATISFIED_LEVELS,
    Channel,
    Choice,
    Counter,
    KioskDevice,
    Level,
    PaperAnswer,
    PaperBatch,
    PaperForm,
    PaperResponse,
    Question,
    Rating,
    RosterEntry,
    Session,
    SipasElement,
    hash_token,
)
from congvu.units.models import Unit, UnitType

SEED = 766
FIRST_DAY = dt.date(2018, 1, 1)
LAST_DAY = dt.date(2026, 10, 31)
REFORM_DAY = dt.date(2025, 7, 1)
PER_UNIT_YEAR = 200  # ratings per old one-stop unit per year; the 2025 centres take over in July
# Target share of satisfied ratings per year, in percent (not satisfied = 200 × (100 − share) / 100).
TARGETS = {
    2018: 96.0,
    2019: 99.0,
    2020: 99.0,
    2021: 98.5,
    2022: 99.0,
    2023: 99.5,
    2024: 99.5,
    2025: 99.0,
    2026: 99.5,
}
PAPER_PER_BATCH = 10  # forms per quarterly stack in 2019
NAMESPACE = uuid.UUID("8f4e6a52-3d1b-4c4e-9a77-76603f2019a1")
LOW_COMMENTS = [
    "Phải chờ lâu, không có hướng dẫn lấy số thứ tự.",
    "Cán bộ yêu cầu bổ sung giấy tờ nhiều lần.",
    "Hướng dẫn chưa rõ ràng, phải đi lại hai lần.",
]
GOOD_COMMENTS = [
    "Cán bộ nhiệt tình, hướng dẫn rõ ràng.",
    "Giải quyết nhanh, đúng hẹn.",
    "Thái độ niềm nở, lịch sự.",
]
QUESTIONS = [
    (SipasElement.ACCESS, "Nơi đón tiếp, chỗ ngồi, trang thiết bị phục vụ người dân", False),
    (SipasElement.PROCEDURE, "Thủ tục hành chính được niêm yết công khai, đầy đủ, dễ hiểu", False),
    (SipasElement.OFFICIAL, "Thái độ, tinh thần trách nhiệm của công chức tiếp nhận hồ sơ", True),
    (SipasElement.RESULT, "Kết quả giải quyết đúng quy định, đúng hẹn", False),
    (SipasElement.FEEDBACK, "Việc tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", False),
]
CHOICES = [
    ("Rất hài lòng", Level.VERY_SATISFIED),
    ("Hài lòng", Level.SATISFIED),
    ("Không hài lòng", Level.NOT_SATISFIED),
]


@functools.lru_cache(maxsize=64)
def _working_days(start, end):
    day, days = start, []
    overrides = {}  # the demo calendar: national holidays only
    while day <= end:
        if is_working_day(day, overrides):
            days.append(day)
        day += dt.timedelta(days=1)
    return tuple(days)


def _one_stops():
    old = list(
        Unit.objects.filter(code__startswith="LS-TP-", code__endswith="-1C", unit_type=UnitType.ONE_STOP)
    )
    new = list(Unit.objects.filter(code__endswith="-TTHCC", unit_type=UnitType.ONE_STOP))
    return sorted(old, key=lambda u: u.code), sorted(new, key=lambda u: u.code)


def _staff_of(unit):
    moved = Staff.objects.filter(
        pk__in=Transfer.objects.filter(from_unit=unit).values("staff_id")
    ) | Staff.objects.filter(unit=unit)
    return list(moved.distinct().order_by("badge_number"))


def _counters(unit, people, start):
    counters = []
    for index in range(max(len(people), 1)):
        counter, _created = Counter.objects.get_or_create(
            code=f"{unit.code}-Q{index + 1}",
            defaults={
                "unit": unit,
                "name": f"Quầy số {index + 1}",
                "fields_served": "Hộ tịch, chứng thực" if index % 2 == 0 else "Đất đai, xây dựng, kinh doanh",
                "is_active": unit.valid_to is None,
            },
        )
        staff = people[index % len(people)] if people else None
        if staff is not None:
            for session in Session.values:
                RosterEntry.objects.get_or_create(
                    counter=counter, date=start, session=session, defaults={"staff": staff}
                )
        device = counter.devices.first()
        if device is None:
            device = KioskDevice.objects.create(
                counter=counter,
                name=f"Máy tính bảng {counter.name.lower()}",
                token_hash=hash_token(f"demo-{counter.code}-{uuid.uuid4()}"),
                token_prefix="demo00",
            )
            if unit.valid_to is not None:
                device.revoked_at = timezone.make_aware(dt.datetime.combine(unit.valid_to, dt.time(17)))
                device.save(update_fields=["revoked_at"])
        counters.append((counter, staff, device))
    return counters


def _paper_form():
    form, created = PaperForm.objects.get_or_create(
        code="PKS-1C",
        version=1,
        defaults={
            "title": "Phiếu khảo sát sự hài lòng tại bộ phận một cửa",
            "valid_from": dt.date(2019, 1, 1),
            "unit": Unit.objects.filter(code="LS").first(),  # issued by the province for all its units
        },
    )
    if created:
        for order, (element, text, overall) in enumerate(QUESTIONS, start=1):
            question = Question.objects.create(
                form=form, order=order, text=text, element=element, is_overall=overall
            )
            for choice_order, (label, level) in enumerate(CHOICES, start=1):
                Choice.objects.create(question=question, order=choice_order, label=label, level=level)
    return form


def _moment(rng, day):
    if rng.random() < 0.6:
        minutes = rng.randint(7 * 60 + 30, 11 * 60 + 20)
    else:
        minutes = rng.randint(13 * 60 + 30, 16 * 60 + 50)
    local = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60, rng.randint(0, 59)))
    return timezone.make_aware(local)


def _levels(rng, total, not_satisfied):
    levels = [Level.NOT_SATISFIED] * not_satisfied
    for _ in range(total - not_satisfied):
        levels.append(Level.VERY_SATISFIED if rng.random() < 0.58 else Level.SATISFIED)
    rng.shuffle(levels)
    return levels


def _unit_year(rng, unit, counters, year, start, end, paper):
    """Ratings of one unit in one year (between start and end), plus the 2019 paper stacks."""
    days = _working_days(start, end)
    share = TARGETS[year]
    total = PER_UNIT_YEAR if (start, end) == (dt.date(year, 1, 1), dt.date(year, 12, 31)) else None
    if total is None:  # a part year: the same pace
        total = round(
            PER_UNIT_YEAR * len(days) / len(_working_days(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        )
    not_satisfied = round(total * (100 - share) / 100)
    levels = _levels(rng, total, not_satisfied)
    ratings = []
    paper_slots = 0
    if paper is not None:
        paper_slots = 4 * PAPER_PER_BATCH
        # Paper forms: mostly satisfied citizens; keep the unit's total of "Không hài lòng" unchanged.
        levels.sort(key=lambda level: level == Level.NOT_SATISFIED)
        head, tail = levels[:paper_slots], levels[paper_slots:]
        rng.shuffle(tail)
        levels = head + tail
    for index, level in enumerate(levels):
        counter, staff, device = counters[index % len(counters)]
        day = days[(index * len(days)) // total]
        channel = (
            Channel.PAPER if index < paper_slots else (Channel.KIOSK if rng.random() < 0.7 else Channel.QR)
        )
        reasons, comment = [], ""
        if level == Level.NOT_SATISFIED:
            reasons = rng.sample([code for code, _label in LOW_REASONS[:5]], k=rng.randint(1, 2))
            comment = rng.choice(LOW_COMMENTS)
        elif rng.random() < 0.03:
            reasons = ["polite"] if rng.random() < 0.5 else ["fast", "clear"]
            comment = rng.choice(GOOD_COMMENTS)
        ratings.append(
            Rating(
                client_id=uuid.uuid5(NAMESPACE, f"{unit.code}/{year}/{index}"),
                level=level,
                reasons=reasons,
                comment=comment,
                channel=channel,
                rated_at=_moment(rng, day),
                unit=unit,
                counter=counter if channel != Channel.PAPER else None,
                staff=staff,
                device=device if channel == Channel.KIOSK else None,
            )
        )
    return ratings


def _paper_stacks(rng, unit, form, ratings_2019):
    """Quarterly stacks of 2019 paper forms; each form's overall answer is its paper-channel rating."""
    questions = list(form.questions.prefetch_related("choices"))
    paper = [r for r in ratings_2019 if r.channel == Channel.PAPER]
    responses, answers = [], []
    for quarter in range(4):
        collected = dt.date(2019, 3 * quarter + 3, 28)
        batch = PaperBatch.objects.create(
            unit=unit,
            form=form,
            collected_on=collected,
            label=f"Quý {quarter + 1}/2019",
            declared_count=PAPER_PER_BATCH,
        )
        for number in range(1, PAPER_PER_BATCH + 1):
            rating = paper[quarter * PAPER_PER_BATCH + number - 1]
            rating.rated_at = timezone.make_aware(dt.datetime.combine(collected, dt.time(12)))
            response = PaperResponse(batch=batch, number=number, staff=rating.staff, rating=rating)
            responses.append(response)
            for question in questions:
                choices = list(question.choices.all())
                if question.is_overall:
                    choice = next(c for c in choices if c.level == rating.level)
                else:
                    roll = rng.random()
                    choice = choices[0] if roll < 0.55 else choices[1] if roll < 0.975 else choices[2]
                answers.append((response, question, choice))
    return responses, answers


@transaction.atomic
def seed(stdout=None):
    old_units, new_units = _one_stops()
    if not old_units:
        return
    form = _paper_form()
    plans = []
    for unit in old_units:
        plans.append(
            (unit, _counters(unit, _staff_of(unit), FIRST_DAY), FIRST_DAY, unit.valid_to or LAST_DAY)
        )
    for unit in new_units:
        people = list(Staff.objects.filter(unit=unit).order_by("badge_number"))
        plans.append((unit, _counters(unit, people, REFORM_DAY), REFORM_DAY, LAST_DAY))
    if Rating.objects.filter(unit__in=[plan[0] for plan in plans]).exists():
        if stdout:
            stdout.write(f"  ratings: already there ({Rating.objects.count()})")
        return
    rng = random.Random(SEED)
    all_ratings, all_responses, all_answers = [], [], []
    for unit, counters, start, end in plans:
        for year in range(start.year, end.year + 1):
            year_start, year_end = max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31))
            paper = form if year == 2019 else None
            ratings = _unit_year(rng, unit, counters, year, year_start, year_end, paper)
            if paper is not None:
                responses, answers = _paper_stacks(rng, unit, form, ratings)
                all_responses += responses
                all_answers += answers
            all_ratings += ratings
    Rating.objects.bulk_create(all_ratings, batch_size=2000)
    PaperResponse.objects.bulk_create(all_responses, batch_size=2000)
    PaperAnswer.objects.bulk_create(
        [PaperAnswer(response=r, question=q, choice=c) for r, q, c in all_answers], batch_size=2000
    )
    if stdout:
        low = sum(1 for r in all_ratings if r.level not in SATISFIED_LEVELS)
        stdout.write(
            f"  ratings: {len(all_ratings)} ({low} not satisfied), counters: {Counter.objects.count()}, "
            f"paper forms: {len(all_responses)}"
        )
