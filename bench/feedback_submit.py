"""Web-form submissions per second: the public form posted through Django's test client (full stack
minus the network: middleware, form validation, one transaction, timeline event, acknowledgement).

    .venv/bin/python bench/feedback_submit.py [--count 300]
"""

import argparse
import json
import time
import uuid

from _feedback_common import setup, world


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    setup()
    from django.db import connection
    from django.test import Client

    from congvu.feedback.models import Case, Topic

    _city, wards, _people = world()
    topic = Topic.objects.first()
    client = Client()
    client.get("/gui-phan-anh/")

    def post(token):
        return client.post(
            "/gui-phan-anh/",
            {
                "form_token": token,
                "unit": wards[0].pk,
                "topic": topic.pk,
                "title": "Đèn đường hỏng",
                "content": "Ba cột đèn trên đường Lê Lợi hỏng đã hai tuần, đề nghị sửa chữa sớm.",
                "sender_name": "Nguyễn Văn Đo",
                "sender_address": "Số 1 Lê Lợi",
                "sender_phone": "0912345678",
                "consent": "on",
            },
            REMOTE_ADDR=f"10.0.{len(token) % 250}.{int(token[:2], 16)}",
        )

    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    start = time.perf_counter()
    statuses = {}
    for _ in range(args.count):
        response = post(uuid.uuid4().hex)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    elapsed = time.perf_counter() - start
    token = uuid.uuid4().hex
    post(token)
    post(token)  # a resend: must not create a second case
    print(
        json.dumps(
            {
                "benchmark": "feedback_submit",
                "database": connection.vendor,
                "submissions": args.count,
                "seconds": round(elapsed, 2),
                "submissions_per_second": round(args.count / elapsed, 1),
                "statuses": statuses,
                "cases_created": Case.objects.count(),
                "resend_created_one_case": Case.objects.filter(idempotency_key=f"web:{token}").count() == 1,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
