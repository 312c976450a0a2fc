"""Inbox page latency with 200,000 generated cases (8 wards of one city, 2018–2026).

Times the staff inbox as a ward head (one ward's share, ~25,000 cases) and as the programme office
(the whole city): the default list, the overdue tab, an accent-free search, a channel filter.

    .venv/bin/python bench/feedback_inbox.py [--cases 200000] [--repeat 10]
"""

import argparse
import datetime as dt
import json
import random
import time

from _feedback_common import setup, timed, world

TITLES = [
    "Chậm cấp giấy chứng nhận quyền sử dụng đất",
    "Đèn chiếu sáng đường hỏng kéo dài",
    "Rác thải tồn đọng tại điểm tập kết",
    "Thái độ thiếu tôn trọng của công chức một cửa",
    "Ổ gà lớn trên đường vào khu dân cư",
    "Thu các khoản ngoài quy định tại trường",
]


def generate(wards, total):
    from django.utils import timezone

    from congvu.core.text import fold
    from congvu.feedback.models import Case, Channel, Status, Topic

    rng = random.Random(7)
    topics = list(Topic.objects.all())
    channels = [c.value for c in Channel]
    statuses = [Status.ANSWERED] * 8 + [
        Status.IN_PROGRESS,
        Status.NEW,
        Status.AWAITING_APPROVAL,
        Status.NOT_ACCEPTED,
    ]
    tz = timezone.get_current_timezone()
    start = dt.datetime(2018, 1, 1, 8, tzinfo=tz)
    span = int((dt.datetime(2026, 11, 1, tzinfo=tz) - start).total_seconds())
    batch = []
    for number in range(1, total + 1):
        unit = wards[number % len(wards)]
        received = start + dt.timedelta(seconds=rng.randrange(span))
        title = rng.choice(TITLES)
        name = f"Người Gửi {number}"
        code = f"PA-{received.year}-{number:06d}-ABCD"
        status = rng.choice(statuses)
        batch.append(
            Case(
                code=code,
                channel=rng.choice(channels),
                status=status,
                topic=rng.choice(topics),
                sender_name=name,
                sender_phone=f"09{number:08d}",
                title=title,
                content=title + ". Nội dung chi tiết do người dân gửi.",
                receiving_unit=unit,
                unit=unit,
                received_at=received,
                answer_due=received.date() + dt.timedelta(days=21),
                forward_due=received.date() + dt.timedelta(days=7),
                answered_at=received + dt.timedelta(days=10) if status == Status.ANSWERED else None,
                search_folded=fold(f"{code} {name} {title}"),
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    setup()
    from django.db import connection
    from django.test import Client

    _city, wards, people = world()
    started = time.perf_counter()
    generate(wards, args.cases)
    generated = round(time.perf_counter() - started, 1)
    if connection.vendor == "sqlite":
        connection.cursor().execute("ANALYZE")
    results = {}
    for who in ("head", "office"):
        client = Client()
        client.force_login(people[who])
        for label, query in [
            ("list", ""),
            ("overdue", "?tab=overdue"),
            ("search", "?q=den+chieu+sang"),
            ("channel_filter", "?channel=hotline"),
            ("page_20", "?page=20"),
        ]:
            url = "/quan-ly/phan-anh/" + query
            assert client.get(url).status_code == 200
            results[f"{who}.{label}"] = timed(lambda url=url, client=client: client.get(url), args.repeat)
    print(
        json.dumps(
            {
                "benchmark": "feedback_inbox",
                "database": connection.vendor,
                "cases": args.cases,
                "generate_seconds": generated,
                "latency": results,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
