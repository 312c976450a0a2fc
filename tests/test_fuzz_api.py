"""Schemathesis against /api/v1/openapi.json: no input makes the staff API answer a server error.

Every operation of the schema is called through the WSGI app (no server, no network) by a superuser,
who reaches the deepest code of every endpoint, and the kiosk endpoint also gets a valid device token.
Values are drawn from the schema (valid ones and invalid ones: negative and huge numbers, odd unicode,
NUL bytes, out-of-range dates), with a fixed seed and a bounded number per operation, so the run is
the same on every machine and on both databases (CI runs it on SQLite and PostgreSQL).
"""

from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from congvu.wsgi import application
from tests.factories import UserFactory
from tests.feedback.factories import make_case
from tests.ratings.factories import CounterFactory, RatingFactory, paired

EXAMPLES_PER_OPERATION = 100
REQUESTS = Counter()  # per operation, printed with `pytest -s` for the record of a run


# Loaded at collection (building the schema reads no database), so every operation is its own test.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
schema.config.generation.update(
    modes=["positive", "negative"],
    max_examples=EXAMPLES_PER_OPERATION,
    deterministic=True,
    allow_x00=True,
)


@pytest.fixture
def some_records(ward, one_stop):
    """A case and a rating in the ward, so list and detail endpoints have rows to serialise."""
    make_case(ward)
    counter = CounterFactory(unit=one_stop)
    RatingFactory(unit=one_stop, counter=counter)
    return paired(counter)


@pytest.fixture
def keep_test_connection():
    """The real WSGI handler closes the database connection after each request, which would end the
    test's transaction on PostgreSQL; Django's test client keeps it open the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def superuser_credentials(db, some_records, keep_test_connection):
    user = UserFactory(username="fuzz-admin", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    _device, token = some_records
    return {
        "cookies": {"sessionid": client.cookies["sessionid"].value},
        "headers": {"Authorization": f"Bearer {token}"},
    }


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_never_answers_a_server_error(case, superuser_credentials):
    response = case.call(
        cookies=superuser_credentials["cookies"],
        headers={**(case.headers or {}), **superuser_credentials["headers"]},
    )
    REQUESTS[case.operation.label] += 1
    case.validate_response(response, checks=[not_a_server_error])


@pytest.fixture(scope="module", autouse=True)
def report_requests():
    yield
    if REQUESTS:
        print(f"\nschemathesis: {sum(REQUESTS.values())} requests, {len(REQUESTS)} operations")
        for label, count in sorted(REQUESTS.items()):
            print(f"  {count:5d}  {label}")


def test_the_fuzzed_schema_covers_every_router():
    """A router that dropped out of the schema would silently leave the fuzzing."""
    paths = set(schema.raw_schema["paths"])
    prefixes = {"/api/v1/units", "/api/v1/appraisals", "/api/v1/feedback", "/api/v1/inspections"}
    prefixes |= {"/api/v1/records", "/api/v1/ratings", "/api/v1/reports"}
    assert {prefix for prefix in prefixes if any(path.startswith(prefix) for path in paths)} == prefixes
