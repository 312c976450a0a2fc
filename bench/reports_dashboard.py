"""Benchmark: the reports dashboard and the `indicators` command for one province-year.

Builds a province-scale unit tree (departments, districts, communes with their one-stop units, offices,
schools, and the 2025 reform with successor links), 50,000 staff, and one year of records: 200,000
feedback cases (with answers, published answers and citizens' ratings of the answers), 2,000,000 counter
ratings at the one-stop units, the year's evaluation result of every member of staff, and the working
regulations of the units. Then it times, as a programme-office user of the province, the `indicators`
command (every registered indicator, with the previous year) and the staff dashboard page for the
province and for one commune, plus the league table and the .xlsx export. Each step runs a few times;
the JSON document gives the median, the maximum and the number of SQL queries.

    .venv/bin/python bench/reports_dashboard.py                  # SQLite, temporary file, full scale
    .venv/bin/python bench/reports_dashboard.py --small          # a quick run
    .venv/bin/python bench/reports_dashboard.py \
        --database-url postgres://postgres@127.0.0.1:5432/congvu_bench_reports

With --database-url the named database is dropped and created afresh (use a scratch name). Records are
written in chunks with one multi-row statement per chunk (executemany on SQLite, COPY on PostgreSQL), so
memory stays bounded and the audit signals are not involved.
"""

import argparse
import datetime as dt
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from harness import emit  # noqa: E402

YEAR = 2024
FULL = {"staff": 50_000, "cases": 200_000, "ratings": 2_000_000, "districts": 11}
SMALL = {"staff": 5_000, "cases": 20_000, "ratings": 100_000, "districts": 3}
CHUNK = 20_000
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="5,000 staff, 20,000 cases, 100,000 ratings")
    parser.add_argument("--staff", type=int)
    parser.add_argument("--cases", type=int, help="feedback cases in the year")
    parser.add_argument("--ratings", type=int, help="counter ratings in the year")
    parser.add_argument("--districts", type=int)
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL database to (re)create and use, e.g. "
        "postgres://postgres@127.0.0.1:5432/congvu_bench_reports (default: a temporary SQLite file)",
    )
    parser.add_argument("--year", type=int, default=YEAR)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timed step")
    parser.add_argument(
        "--step-budget",
        type=float,
        default=60.0,
        help="stop repeating a step once it has used this many seconds",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--sqlite-file", help="use this SQLite file instead of a temporary one")
    parser.add_argument(
        "--reuse", action="store_true", help="time a database kept by an earlier --keep run (no generation)"
    )
    args = parser.parse_args()
    preset = SMALL if args.small else FULL
    for key, value in preset.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    return args


def prepare_database(args):
    """Point Django at a fresh database (and a throw-away var/ folder); return a function that removes them."""
    import shutil

    folder = tempfile.mkdtemp(prefix="congvu-bench-")
    os.environ["CONGVU_VAR_DIR"] = folder
    os.environ.setdefault("SECRET_KEY", "bench-secret-key-bench-secret-key-0123456789")
    if args.reuse:
        args.keep = True
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{args.sqlite_file}"
        return ("postgresql" if args.database_url else "sqlite"), lambda: None
    if args.database_url:
        import psycopg

        base, name = args.database_url.rsplit("/", 1)
        maintenance = f"{base}/postgres"

        def drop():
            with psycopg.connect(maintenance, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        drop()
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = args.database_url

        def cleanup():
            from django.db import connections

            connections.close_all()
            drop()
            shutil.rmtree(folder, ignore_errors=True)

        return "postgresql", cleanup
    os.environ["DATABASE_URL"] = f"sqlite:///{args.sqlite_file or folder + '/bench.sqlite3'}"
    if args.keep:
        print(f"# DATABASE_URL={os.environ['DATABASE_URL']}", file=sys.stderr)

    def remove():
        shutil.rmtree(folder, ignore_errors=True)

    return "sqlite", remove


def build_province(args):
    """A province like Lạng Sơn before and after the 2025 reform, and `args.staff` staff."""
    from django.db import transaction

    from congvu.core.audit import acting_as
    from congvu.core.text import fold
    from congvu.people.models import Staff, StaffCategory
    from congvu.units.models import Unit, UnitSuccession, UnitType

    rng = random.Random(2025)
    reform = dt.date(2025, 7, 1)
    made = []

    def unit(code, name, unit_type, parent, **extra):
        created = Unit(
            code=code, name=name, unit_type=unit_type, parent=parent, hotline="0205 3000 000", **extra
        )
        created.save()
        made.append(created)
        return created

    with acting_as(None), transaction.atomic():
        province = unit("P", "Tỉnh Thử Nghiệm", UnitType.PROVINCE, None)
        for d in range(20):
            department = unit(f"P-S{d:02d}", f"Sở {d}", UnitType.DEPARTMENT, province)
            for o in range(6):
                unit(f"P-S{d:02d}-P{o}", f"Phòng {o} Sở {d}", UnitType.OFFICE, department)
            for c in range(5):
                unit(f"P-S{d:02d}-T{c}", f"Trung tâm {c} Sở {d}", UnitType.CENTRE, department)
        old_communes = []
        for k in range(args.districts):
            district = unit(
                f"P-H{k:02d}",
                f"Huyện {k}",
                UnitType.DISTRICT,
                province,
                valid_to=reform - dt.timedelta(days=1),
            )
            for o in range(12):
                unit(
                    f"P-H{k:02d}-P{o}",
                    f"Phòng {o} huyện {k}",
                    UnitType.OFFICE,
                    district,
                    valid_to=reform - dt.timedelta(days=1),
                )
            for c in range(20):
                commune = unit(
                    f"P-H{k:02d}-X{c:02d}",
                    f"Xã {c} huyện {k}",
                    UnitType.COMMUNE,
                    district,
                    valid_to=reform - dt.timedelta(days=1),
                )
                unit(
                    f"{commune.code}-1C",
                    f"Một cửa xã {c} huyện {k}",
                    UnitType.ONE_STOP,
                    commune,
                    valid_to=reform - dt.timedelta(days=1),
                )
                old_communes.append(commune)
            for s in range(40):
                unit(
                    f"P-H{k:02d}-TR{s:02d}",
                    f"Trường {s} huyện {k}",
                    UnitType.SCHOOL,
                    district,
                    valid_to=reform - dt.timedelta(days=1),
                )
        for n in range(0, len(old_communes), 3):
            new = unit(f"P-XM{n // 3:02d}", f"Xã mới {n // 3}", UnitType.COMMUNE, province, valid_from=reform)
            unit(
                f"{new.code}-TTHCC",
                f"Trung tâm PVHCC xã mới {n // 3}",
                UnitType.ONE_STOP,
                new,
                valid_from=reform,
            )
            for old in old_communes[n : n + 3]:
                UnitSuccession.objects.create(
                    predecessor=old, successor=new, kind="merged_into", effective_date=reform
                )

        leaves = [u for u in made if u.unit_type != UnitType.PROVINCE]
        categories = [StaffCategory.CONG_CHUC] * 3 + [StaffCategory.VIEN_CHUC] * 6 + [StaffCategory.CAN_BO]
        staff = []
        for i in range(args.staff):
            name = f"Nguyễn Văn Thử {i}"
            staff.append(
                Staff(
                    full_name=name,
                    name_folded=fold(name),
                    sex="nam" if i % 2 else "nu",
                    category=rng.choice(categories),
                    unit=rng.choice(leaves),
                    badge_number=f"B{i:06d}",
                    employed_from=dt.date(2010, 1, 1),
                )
            )
        Staff.objects.bulk_create(staff, batch_size=5000)
    return province, made


class RowWriter:
    """Insert rows of one model in chunks: `write(rows)` takes tuples in the order of `columns` (attnames,
    Python values); every other column gets the field's default. COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self, model, columns):
        from django.db import connection

        self.connection = connection
        self.vendor = connection.vendor
        self.table = model._meta.db_table
        self.columns = list(columns)
        self.written = 0
        fields = {f.attname: f for f in model._meta.concrete_fields}
        self.converters = [self._converter(fields[name]) for name in self.columns]
        now = dt.datetime.now(dt.UTC)
        self.fixed_names, self.fixed_values = [], []
        for name, field in fields.items():
            if name in self.columns or field.primary_key:
                continue
            value = (
                now if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) else None
            )
            value = field.get_default() if value is None else value
            self.fixed_names.append(name)
            self.fixed_values.append(self._converter(field)(value) if value is not None else None)
        self.fixed_values = tuple(self.fixed_values)
        names = [fields[name].column for name in self.columns + self.fixed_names]
        self.quoted = ", ".join(connection.ops.quote_name(n) for n in names)

    def _converter(self, field):
        from django.db import models

        sqlite = self.vendor == "sqlite"
        if isinstance(field, models.DateTimeField):
            if sqlite:
                return lambda v: None if v is None else str(v.astimezone(dt.UTC).replace(tzinfo=None))
            return lambda v: v
        if isinstance(field, models.DateField):
            return (lambda v: None if v is None else v.isoformat()) if sqlite else (lambda v: v)
        if isinstance(field, models.UUIDField):
            return (lambda v: None if v is None else v.hex) if sqlite else (lambda v: v)
        if isinstance(field, models.JSONField):
            return lambda v: json.dumps(v)
        return lambda v: v

    def write(self, rows):
        converters, fixed = self.converters, self.fixed_values
        prepared = (tuple(c(v) for c, v in zip(converters, row, strict=True)) + fixed for row in rows)
        count = 0
        if self.vendor == "postgresql":
            with self.connection.cursor() as cursor:
                with cursor.cursor.copy(f"COPY {self.table} ({self.quoted}) FROM STDIN") as copy:
                    for row in prepared:
                        copy.write_row(row)
                        count += 1
        else:
            batch = list(prepared)
            count = len(batch)
            marks = ", ".join("?" * len(batch[0])) if batch else ""
            self.connection.ensure_connection()
            self.connection.connection.executemany(
                f"INSERT INTO {self.table} ({self.quoted}) VALUES ({marks})",  # noqa: S608 (model metadata)
                batch,
            )
        self.written += count
        return count


def next_id(model):
    from django.db.models import Max

    return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1


def reset_sequences(*models):
    from django.core.management.color import no_style
    from django.db import connection

    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def working_moment(rng, year, days):
    """A moment during office hours on a random working day of the year (local time)."""
    day = rng.choice(days)
    seconds = rng.randrange(7 * 3600 + 1800, 17 * 3600)
    return dt.datetime(day.year, day.month, day.day, tzinfo=TZ) + dt.timedelta(seconds=seconds)


def year_working_days(year):
    from congvu.core.workdays import is_working_day

    day, days = dt.date(year, 1, 1), []
    while day.year == year:
        if is_working_day(day, {}):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def deadline_table(year, n):
    """add_working_days(d, n) for every day of the year and a little after, computed once."""
    from congvu.core.workdays import add_working_days

    table, day = {}, dt.date(year, 1, 1)
    while day <= dt.date(year + 1, 1, 31):
        table[day] = add_working_days(day, n)
        day += dt.timedelta(days=1)
    return table


def generate_feedback(args, units_by_type, staff_by_unit):
    """`args.cases` cases received in the year, with answers, ratings of answers and publications."""
    from django.db import transaction

    from congvu.feedback.models import Answer, AnswerRating, Case, Channel, Decision, Kind, Status, Topic
    from congvu.units.models import UnitType

    rng = random.Random(8)
    year = args.year
    topics = list(Topic.objects.values_list("pk", flat=True)) or [None]
    communes = units_by_type[UnitType.COMMUNE]
    one_stop_of = {u.parent_id: u.pk for u in units_by_type[UnitType.ONE_STOP]}
    handlers = (
        [(u.pk, one_stop_of.get(u.pk, u.pk)) for u in communes] * 6
        + [(u.pk, u.pk) for u in units_by_type[UnitType.OFFICE]] * 2
        + [(u.pk, u.pk) for u in units_by_type[UnitType.DEPARTMENT]] * 3
        + [(u.pk, u.pk) for u in units_by_type[UnitType.CENTRE]]
        + [(u.pk, u.pk) for u in units_by_type[UnitType.DISTRICT]] * 4
    )
    channels = (
        [Channel.WEB] * 30
        + [Channel.OPEN311] * 10
        + [Channel.HOTLINE] * 18
        + [Channel.SUGGESTION_BOX] * 4
        + [Channel.PAPER_FORM] * 5
        + [Channel.WALK_IN] * 22
        + [Channel.POST] * 5
        + [Channel.EMAIL] * 6
    )
    kinds = [Kind.FEEDBACK] * 90 + [Kind.SUGGESTION] * 5 + [Kind.COMPLAINT] * 3 + [Kind.DENUNCIATION] * 2
    statuses = (
        [Status.ANSWERED] * 820
        + [Status.IN_PROGRESS] * 40
        + [Status.NEW] * 10
        + [Status.PAUSED] * 10
        + [Status.AWAITING_APPROVAL] * 15
        + [Status.NOT_ACCEPTED] * 40
        + [Status.FORWARDED] * 35
        + [Status.REDIRECTED] * 20
        + [Status.MERGED] * 10
    )
    decision_of = {
        Status.NOT_ACCEPTED: Decision.NOT_ACCEPTED,
        Status.FORWARDED: Decision.OUTSIDE,
        Status.REDIRECTED: "",
        Status.MERGED: "",
        Status.NEW: "",
    }
    days = year_working_days(year)
    due15 = deadline_table(year, 15)
    due5 = deadline_table(year, 5)
    year_end = dt.datetime(year + 1, 1, 1, tzinfo=TZ)
    columns = [
        "id",
        "code",
        "channel",
        "kind",
        "status",
        "topic_id",
        "title",
        "content",
        "receiving_unit_id",
        "unit_id",
        "received_at",
        "decision",
        "forward_due",
        "answer_due",
        "answered_at",
        "closed_at",
        "published_at",
        "public_title",
        "public_answer",
        "search_folded",
    ]
    cases = RowWriter(Case, columns)
    answers = RowWriter(Answer, ["case_id", "body", "state", "created_at", "sent_at", "sent_via"])
    ratings = RowWriter(AnswerRating, ["case_id", "satisfied", "comment", "rated_at"])
    first = next_id(Case)
    made = {"cases": 0, "answers": 0, "answer_ratings": 0, "published": 0}
    for chunk_start in range(0, args.cases, CHUNK):
        case_rows, answer_rows, rating_rows = [], [], []
        for number in range(chunk_start, min(args.cases, chunk_start + CHUNK)):
            pk = first + number
            unit_id, receiving_id = rng.choice(handlers)
            received = working_moment(rng, year, days)
            kind = rng.choice(kinds)
            status = rng.choice(statuses) if kind == Kind.FEEDBACK else Status.ANSWERED
            if kind in (Kind.COMPLAINT, Kind.DENUNCIATION):
                status = Status.REDIRECTED
            decision = decision_of.get(status, Decision.HANDLE)
            answer_due = due15[received.date()]
            answered = closed = published = None
            if status == Status.ANSWERED:
                # Most answers come within the 15 working days, some late; a few of the year's last
                # cases are answered in January.
                late = rng.random() < 0.08
                days_taken = rng.randint(16, 30) if late else rng.randint(1, 15)
                answered = received + dt.timedelta(days=days_taken * 7 / 5, seconds=rng.randrange(3600))
                closed = answered
                if rng.random() < 0.4 and answered < year_end:
                    published = answered + dt.timedelta(days=rng.randint(0, 3))
            title = f"Phản ánh số {number} về thủ tục hành chính"
            code = f"PA-{year}-{number:07d}"
            case_rows.append(
                (
                    pk,
                    code,
                    rng.choice(channels),
                    kind,
                    status,
                    rng.choice(topics),
                    title,
                    title + ". Nội dung chi tiết do người dân gửi.",
                    receiving_id,
                    unit_id,
                    received,
                    decision,
                    due5[received.date()],
                    answer_due,
                    answered,
                    closed,
                    published,
                    title if published else "",
                    "Đã xử lý theo quy định." if published else "",
                    f"{code.lower()} {title.lower()}",
                )
            )
            if answered:
                answer_rows.append((pk, "Kính gửi ông/bà, …", Answer.State.SENT, answered, answered, "email"))
                if rng.random() < 0.3:
                    satisfied = rng.random() < 0.85
                    rating_rows.append(
                        (
                            pk,
                            satisfied,
                            "" if satisfied else "Chưa thỏa đáng",
                            answered + dt.timedelta(days=2),
                        )
                    )
                made["published"] += bool(published)
        with transaction.atomic():
            cases.write(case_rows)
            answers.write(answer_rows)
            ratings.write(rating_rows)
    reset_sequences(Case, Answer, AnswerRating)
    made.update(cases=cases.written, answers=answers.written, answer_ratings=ratings.written)
    return made


def generate_ratings(args, units_by_type, staff_by_unit):
    """`args.ratings` counter ratings in the year at the one-stop units, two or three counters each."""
    from django.db import transaction

    from congvu.ratings.models import LOW_REASONS, Channel, Counter, Level, Rating
    from congvu.units.models import UnitType

    rng = random.Random(9)
    year = args.year
    reform = dt.date(2025, 7, 1)
    one_stops = [u for u in units_by_type[UnitType.ONE_STOP] if (u.valid_from or dt.date.min) < reform]
    counters = []
    for unit in one_stops:
        for n in range(rng.choice((2, 3))):
            counters.append(Counter(unit=unit, code=f"{unit.code}-Q{n + 1}", name=f"Quầy {n + 1}"))
    Counter.objects.bulk_create(counters, batch_size=2000)
    slots = []  # (unit, counter, officials) weighted by the size of the place
    for counter in Counter.objects.filter(unit__in=one_stops).order_by("pk"):
        officials = staff_by_unit.get(counter.unit_id) or staff_by_unit[one_stops[0].pk]
        slots.append((counter.unit_id, counter.pk, officials[:4]))
    days = year_working_days(year)
    levels = [Level.VERY_SATISFIED] * 62 + [Level.SATISFIED] * 33 + [Level.NOT_SATISFIED] * 5
    channels = [Channel.KIOSK] * 70 + [Channel.QR] * 25 + [Channel.PAPER] * 5
    low = [code for code, _label in LOW_REASONS]
    writer = RowWriter(
        Rating,
        [
            "client_id",
            "level",
            "reasons",
            "channel",
            "rated_at",
            "received_at",
            "unit_id",
            "counter_id",
            "staff_id",
        ],
    )
    for chunk_start in range(0, args.ratings, CHUNK):
        rows = []
        for _ in range(chunk_start, min(args.ratings, chunk_start + CHUNK)):
            unit_id, counter_id, officials = rng.choice(slots)
            level = rng.choice(levels)
            moment = working_moment(rng, year, days)
            reasons = [rng.choice(low)] if level == Level.NOT_SATISFIED and rng.random() < 0.6 else []
            rows.append(
                (
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                    level,
                    reasons,
                    rng.choice(channels),
                    moment,
                    moment,
                    unit_id,
                    counter_id,
                    rng.choice(officials),
                )
            )
        with transaction.atomic():
            writer.write(rows)
    return {"counters": len(counters), "ratings": writer.written}


def generate_evaluations(args, staff_rows):
    """The year's decided evaluation of every member of staff (1 % not rated)."""
    from django.db import transaction

    from congvu.appraisals.models import Evaluation, Level, RuleSet

    rng = random.Random(10)
    rule_set = RuleSet.objects.get(code="ND90-2020")
    levels = [Level.EXCELLENT] * 15 + [Level.GOOD] * 78 + [Level.COMPLETED] * 6 + [Level.NOT_COMPLETED]
    writer = RowWriter(
        Evaluation, ["year", "staff_id", "unit_id", "category", "rule_set_id", "source", "status", "level"]
    )
    for chunk_start in range(0, len(staff_rows), CHUNK):
        rows = []
        for pk, unit_id, category in staff_rows[chunk_start : chunk_start + CHUNK]:
            not_rated = rng.random() < 0.01
            rows.append(
                (
                    args.year,
                    pk,
                    unit_id,
                    category,
                    rule_set.pk,
                    Evaluation.Source.IMPORT,
                    Evaluation.Status.NOT_RATED if not_rated else Evaluation.Status.DECIDED,
                    "" if not_rated else rng.choice(levels),
                )
            )
        with transaction.atomic():
            writer.write(rows)
    return {"evaluations": writer.written}


def generate_regulations(args, units):
    """A working regulation in force for nine units in ten (cheap: one per unit)."""
    from congvu.regulations.models import WorkingRegulation

    rng = random.Random(11)
    rows = [
        WorkingRegulation(
            unit=unit,
            title=f"Quy chế làm việc của {unit.name}",
            number=f"{rng.randint(1, 300)}/QĐ-UBND",
            signed_on=dt.date(args.year - 3, 3, 1),
            valid_from=dt.date(args.year - 3, 3, 15),
        )
        for unit in units
        if rng.random() < 0.9
    ]
    WorkingRegulation.objects.bulk_create(rows, batch_size=2000)
    return {"working_regulations": len(rows)}


def generate_year(args, units):
    from collections import defaultdict

    from congvu.core.audit import acting_as
    from congvu.people.models import Staff

    by_type = defaultdict(list)
    for unit in units:
        by_type[unit.unit_type].append(unit)
    staff_rows = list(Staff.objects.order_by("pk").values_list("pk", "unit_id", "category"))
    staff_by_unit = defaultdict(list)
    for pk, unit_id, _category in staff_rows:
        staff_by_unit[unit_id].append(pk)
    made, seconds = {}, {}
    steps = [
        ("feedback", lambda: generate_feedback(args, by_type, staff_by_unit)),
        ("ratings", lambda: generate_ratings(args, by_type, staff_by_unit)),
        ("appraisals", lambda: generate_evaluations(args, staff_rows)),
        ("records", lambda: generate_regulations(args, units)),
    ]
    with acting_as(None):
        for name, step in steps:
            started = time.perf_counter()
            made[name] = step()
            seconds[name] = round(time.perf_counter() - started, 1)
            print(f"# generated {name}: {made[name]} in {seconds[name]} s", file=sys.stderr, flush=True)
    analyse()
    return made, seconds


def analyse():
    """Fresh planner statistics (and on PostgreSQL the visibility map), as autovacuum would leave them."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def measure(label, function, results, args, repeat=None):
    """Run `function` a few times (fewer if slow); median and max seconds, and the SQL query count."""
    from django.db import connection

    runs, queries = [], [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    for _ in range(repeat or args.repeat):
        queries[0] = 0
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            function()
            runs.append(time.perf_counter() - started)
        if sum(runs) > args.step_budget:
            break
    results[label] = {
        "median_s": round(statistics.median(runs), 3),
        "max_s": round(max(runs), 3),
        "runs": len(runs),
        "queries": queries[0],
    }
    print(f"# {label}: {results[label]}", file=sys.stderr, flush=True)


def main():
    args = parse_args()
    vendor, cleanup = prepare_database(args)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congvu.settings")
    os.environ["DEBUG"] = "1"  # static files without collectstatic for the dashboard render
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False  # no query log in the timings (the static storage was chosen with DEBUG on)
    try:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        if args.reuse:
            from congvu.units.models import Unit

            province = Unit.objects.get(code="P")
            made, generation_seconds = "reused", None
            analyse()
        else:
            province, units = build_province(args)
            print(f"# units and staff in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
            made, generation_seconds = generate_year(args, units)
        build_seconds = round(time.perf_counter() - started, 1)

        from django.test import Client

        from congvu.accounts.models import Role, RoleAssignment, User
        from congvu.core.indicators import Period, load_all
        from congvu.reports import exports, selectors
        from congvu.units.models import Unit

        period = Period.year(args.year)
        commune = Unit.objects.get(code="P-H00-X00")
        registry = load_all()
        chart_code = next(code for code, spec in registry.items() if spec.kind == "share")
        results = {}

        def command(unit_code):
            def run():
                out = io.StringIO()
                call_command(
                    "indicators",
                    "--unit",
                    unit_code,
                    "--year",
                    str(args.year),
                    "--format",
                    "json",
                    stdout=out,
                )
                return out.getvalue()

            return run

        office, _created = User.objects.get_or_create(
            username="bench-office", defaults={"email": "office@example.org"}
        )
        RoleAssignment.objects.get_or_create(user=office, role=Role.PROGRAMME_OFFICE, unit=province)
        client = Client()
        client.force_login(office)

        def dashboard(unit_code):
            def run():
                response = client.get("/quan-ly/bao-cao/", {"unit": unit_code, "year": args.year})
                assert response.status_code == 200, response.status_code
                return response

            return run

        measure("indicators_command_province", command("P"), results, args)
        measure("indicators_command_commune", command(commune.code), results, args)
        measure("dashboard_province", dashboard("P"), results, args)
        measure("dashboard_commune", dashboard(commune.code), results, args)
        measure(
            "league_table_province",
            lambda: selectors.league_table(province, period, chart_code),
            results,
            args,
        )
        measure(
            "xlsx_export_province",
            lambda: exports.workbook(province, period, chart_code=chart_code),
            results,
            args,
            repeat=1,
        )
        sample = json.loads(command("P")())
        emit(
            f"reports_dashboard_{vendor}",
            {
                "database": vendor,
                "year": args.year,
                "units": Unit.objects.count(),
                "staff": args.staff,
                "generated": made,
                "generation_seconds": generation_seconds,
                "build_seconds": build_seconds,
                "indicators": len(registry),
                "dashboard_chart": chart_code,
                "province_figures": {row["code"]: row["value"] for row in sample["indicators"]},
                "timings": results,
            },
        )
    finally:
        if not args.keep:
            cleanup()


if __name__ == "__main__":
    main()
