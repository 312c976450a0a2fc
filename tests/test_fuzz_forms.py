"""Hostile input at the public forms and the edge: never a server error, nothing half-written.

A Hypothesis fuzzer posts random and hostile values (NUL and other control characters, huge strings,
odd unicode, lists where one value is expected, missing fields) to the citizen's forms: sending
feedback, tracking a case, rating an answer, rating a counter by QR. Each field is either a valid value
or a hostile one, so some submissions succeed and the writes are exercised too. The regression tests
below it are the findings of the fuzzing, one each.
"""

import datetime as dt
import json
import uuid
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congvu.core.models import RateBucket
from congvu.core.ratelimit import KEY_LENGTH, bucket_key, hit
from congvu.feedback.models import Attachment, Case, CaseEvent, DeadlineStep
from congvu.ratings.models import Rating
from tests.factories import UserFactory
from tests.feedback.factories import make_case, topic
from tests.ratings.factories import CounterFactory, RatingFactory

pytestmark = pytest.mark.django_db
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
CONTROL_MESSAGE = "ký tự điều khiển"

# Values no form expects: control characters (alone and inside text), huge and odd unicode text.
hostile_text = st.one_of(
    st.sampled_from(["\x00", "a\x00b", "\x1b[31m", "\x0b\x0c", "\x7f", "\x85", "²", "٣", "𝟘", "\u202e"]),
    st.sampled_from(
        ["A" * 100_000, "ệ" * 5_000, '=HYPERLINK("x")', "' OR 1=1 --", "<script>", "-1", "1e309"]
    ),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
)
hostile_value = st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=3))


def fuzzed(valid: dict) -> st.SearchStrategy:
    """A form: each field keeps its valid value, takes a hostile one, or is left out."""
    choices = {name: st.one_of(st.just(value), hostile_value, st.none()) for name, value in valid.items()}
    return st.fixed_dictionaries(choices).map(lambda data: {k: v for k, v in data.items() if v is not None})


def feedback_rows() -> tuple:
    return (Case.objects.count(), CaseEvent.objects.count(), DeadlineStep.objects.count())


def has_no_control_characters(*texts) -> bool:
    return not any(ch in text for text in texts for ch in "\x00\x0b\x0c\x1b\x7f\x85")


# ------------------------------------------------------------------ the fuzzer


@pytest.fixture
def submit_form(ward):
    return {
        "form_token": uuid.uuid4().hex,
        "unit": str(ward.pk),
        "topic": str(topic().pk),
        "title": "Đường ngập nước sau mưa",
        "content": "Đoạn đường trước chợ ngập sâu mỗi khi mưa lớn, đề nghị phường khơi thông cống.",
        "sender_name": "Trần Thị Hoa",
        "sender_phone": "0912345678",
        "sender_address": "Số 3 ngõ 5",
        "sender_email": "hoa@example.vn",
        "consent": "on",
    }


def test_feedback_form_never_fails_and_writes_all_or_nothing(ward, submit_form):
    @FUZZ
    @given(data=fuzzed(submit_form), token=st.uuids())
    def post(data, token):
        client = Client()
        data = (
            {**data, "form_token": token.hex} if data.get("form_token") == submit_form["form_token"] else data
        )
        before = feedback_rows()
        response = client.post("/gui-phan-anh/", data)
        assert response.status_code < 500
        after = feedback_rows()
        if response.status_code == 302 and response["Location"].endswith("/gui-phan-anh/da-gui/"):
            case = Case.objects.order_by("-pk").first()
            assert after[0] == before[0] + 1 and after[1] > before[1]
            assert has_no_control_characters(case.title, case.content, case.sender_name, case.sender_address)
        else:
            assert after == before, "a refused submission left rows behind"

    post()


def test_tracking_never_fails(ward):
    case = make_case(ward)

    @FUZZ
    @given(code=st.one_of(st.just(case.code), hostile_text), contact=hostile_value)
    def lookup(code, contact):
        client = Client()
        assert client.get("/tra-cuu/", {"code": code, "contact": contact}).status_code < 500
        assert client.post("/tra-cuu/", {"code": code, "contact": contact}).status_code < 500
        assert client.get(f"/tra-cuu/{quote(code[:200], safe='')}/").status_code < 500

    RateBucket.objects.all().delete()
    lookup()


def test_answer_rating_never_fails_and_rates_once(ward):
    case = make_case(ward)

    @FUZZ
    @given(data=fuzzed({"satisfied": "1", "comment": "Cảm ơn phường.", "contact": "session"}))
    def rate(data):
        client = Client()
        session = client.session
        session[f"track:{case.code}"] = True
        session.save()
        before = CaseEvent.objects.count()
        response = client.post(f"/tra-cuu/{case.code}/danh-gia/", data)
        assert response.status_code < 500
        assert CaseEvent.objects.count() in (before, before + 1)

    rate()


def test_qr_rating_form_never_fails_and_writes_all_or_nothing(one_stop):
    counter = CounterFactory(unit=one_stop)

    @FUZZ
    @given(
        data=fuzzed({"level": "satisfied", "reasons": "fast", "comment": "Tốt", "dossier_code": "HS-1"}),
        rater=st.one_of(st.none(), st.just("f" * 32), hostile_text),
    )
    def rate(data, rater):
        client = Client()
        if rater is not None:
            # A WSGI server hands headers over as latin-1: a real cookie holds nothing else.
            client.cookies["cv_rater"] = rater[:8000].encode("latin-1", "ignore").decode("latin-1")
        RateBucket.objects.all().delete()
        before = Rating.objects.count()
        response = client.post(f"/danh-gia/{counter.code}/", data)
        assert response.status_code < 500
        stored = Rating.objects.count() - before
        assert stored == (1 if response.status_code == 302 else 0)

    rate()


# ------------------------------------------------------------------ regressions, one per finding


def test_a_control_character_in_a_public_form_is_refused_in_vietnamese_and_nothing_is_written(submit_form):
    response = Client().post("/gui-phan-anh/", {**submit_form, "content": submit_form["content"] + "\x1b[2J"})
    assert response.status_code == 400
    assert CONTROL_MESSAGE in response.content.decode()
    assert feedback_rows() == (0, 0, 0) and Attachment.objects.count() == 0


def test_a_nul_byte_in_an_api_query_is_refused_with_a_422_in_the_api_shape(ward):
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/api/v1/feedback/cases", {"q": "nước\x00"})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"] == ["query"] and CONTROL_MESSAGE in detail[0]["msg"]


def test_a_nul_byte_in_a_json_body_is_refused_before_the_kiosk_stores_it(one_stop):
    from tests.ratings.factories import paired

    _device, token = paired(CounterFactory(unit=one_stop))
    body = {"id": str(uuid.uuid4()), "level": "satisfied", "comment": "tốt\u0000"}
    response = Client().post(
        "/api/v1/ratings",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body"]
    assert Rating.objects.count() == 0


def test_a_nul_byte_in_the_path_is_refused():
    assert Client().get("/tra-cuu/AB%00CD/").status_code == 400


def test_a_session_cookie_with_a_nul_byte_is_dropped_not_looked_up(ward):
    """PostgreSQL refuses the lookup of such a key: every page was a server error for that browser."""
    response = Client().get("/tra-cuu/", HTTP_COOKIE="sessionid=abcdefgh\x00ijklmnop")
    assert response.status_code == 200


def test_an_overlong_rater_cookie_is_replaced_and_feeds_no_rate_limit_key(one_stop):
    counter = CounterFactory(unit=one_stop)
    client = Client()
    client.cookies["cv_rater"] = "x" * 5000
    response = client.post(f"/danh-gia/{counter.code}/", {"level": "satisfied"})
    assert response.status_code == 302 and Rating.objects.count() == 1
    assert len(response.cookies["cv_rater"].value) == 32
    assert all(
        len(key) <= KEY_LENGTH and "x" * 100 not in key
        for key in RateBucket.objects.values_list("key", flat=True)
    )


def test_a_rate_limit_key_longer_than_its_column_is_hashed_and_keeps_its_own_count():
    long_a, long_b = "qr:" + "a" * 300, "qr:" + "a" * 299 + "b"
    assert len(bucket_key(long_a)) <= KEY_LENGTH and bucket_key(long_a) != bucket_key(long_b)
    assert bucket_key("feedback-track:10.0.0.1") == "feedback-track:10.0.0.1"
    assert hit(long_a, limit=1, window_seconds=60) and not hit(long_a, limit=1, window_seconds=60)
    assert hit(long_b, limit=1, window_seconds=60)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/feedback/cases?offset=-1",
        "/api/v1/feedback/cases?offset=167113112225591",
        "/api/v1/feedback/cases?limit=0",
        "/api/v1/appraisals/evaluations?year=2025&offset=-5",
        "/api/v1/appraisals/evaluations?year=99999999999999999999",
        "/api/v1/inspections/visits?year=165846",
        "/api/v1/inspections/rounds?year=-3",
        "/api/v1/ratings/summary?from=0288-10-01",
        "/api/v1/ratings?to=9999-12-31",
        "/api/v1/records/regulations?on=0001-01-01",
        "/api/v1/reports/indicators?unit=P-AB&date_from=0001-01-01&date_to=0001-12-31",
    ],
)
def test_out_of_range_numbers_and_dates_get_a_422_not_a_server_error(url, ward):
    RatingFactory(unit=ward)
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(url).status_code == 422


def test_a_unit_id_in_non_ascii_digits_is_a_missing_unit_not_a_server_error(ward):
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/api/v1/ratings/summary", {"unit": "²"}).status_code == 404
    assert client.get("/api/v1/ratings", {"unit": "9" * 5000}).status_code == 404
    assert client.get("/api/v1/ratings", {"unit": str(ward.pk)}).status_code == 200


def test_dates_outside_the_sane_years_are_refused_with_the_range_named(ward):
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/api/v1/ratings/summary", {"from": dt.date(1, 1, 1).isoformat()})
    assert response.status_code == 422 and "1900" in response.json()["detail"]
